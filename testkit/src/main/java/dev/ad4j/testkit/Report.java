package dev.ad4j.testkit;

import java.util.ArrayList;
import java.util.List;

/** What {@link RuleTester#checkAll()} checked: one line per case, all of which passed. */
public final class Report {
  private final String ruleName;
  private final List<String> cases = new ArrayList<>();
  private int rejected;

  Report(String ruleName) {
    this.ruleName = ruleName;
  }

  void passed(String description) {
    cases.add(description);
  }

  void rejected(String description) {
    rejected++;
    cases.add(description);
  }

  /** The number of (activity combination, mode, width) cases checked, rejections included. */
  public int cases() {
    return cases.size();
  }

  /** How many cases were combinations the rule rejects with UnsupportedActivityException. */
  public int rejectedCases() {
    return rejected;
  }

  /** The cases, one description each. */
  public List<String> descriptions() {
    return List.copyOf(cases);
  }

  @Override
  public String toString() {
    return "rule '" + ruleName + "': " + cases.size() + " cases passed (" + rejected + " rejected)";
  }
}
