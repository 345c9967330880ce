package dev.ad4j.engine;

import dev.ad4j.api.Rule;
import java.util.Locale;

/**
 * Which array rules the engine checks against the rule contract while differentiating, set once per
 * JVM by the system property {@code ad4j.ruleChecks} ({@code custom}, {@code all} or {@code none};
 * default {@code custom}).
 *
 * <p>A checked rule body runs between a snapshot of its {@code Const} array arguments and a
 * comparison with it: a body that wrote into one has the caller's array restored and fails with
 * {@link dev.ad4j.api.RuleContractException} naming the rule and the argument. A checked body that
 * turns all-finite inputs into a NaN primal, tangent or adjoint fails the same way. The checks cost
 * a copy of each {@code Const} array and a scan of the inputs and outputs per call, so built-in
 * rules (verified by the test kit) are left unchecked by default.
 *
 * <pre>{@code
 * java -Dad4j.ruleChecks=all ...   // check the built-in rules too, e.g. while debugging
 * }</pre>
 */
public enum RuleCheckPolicy {
  /** Check rules whose class is outside {@code dev.ad4j.rules}: the ones users write (default). */
  CUSTOM,
  /** Check every array rule, built-in ones included. */
  ALL,
  /**
   * Check nothing beyond what every call checks (a primal is set, tangents have the right size).
   */
  NONE;

  /** The system property that selects the policy. */
  public static final String PROPERTY = "ad4j.ruleChecks";

  private static final String BUILT_IN_PACKAGE = "dev.ad4j.rules";

  /** The policy of this JVM, read once from {@link #PROPERTY}. */
  public static RuleCheckPolicy current() {
    return Holder.CURRENT;
  }

  /**
   * The policy named {@code value} ({@code custom}, {@code all}, {@code none}, any case); {@code
   * null} means the default, {@link #CUSTOM}.
   *
   * @throws IllegalArgumentException for any other name, listing the accepted ones
   */
  public static RuleCheckPolicy parse(String value) {
    if (value == null) {
      return CUSTOM;
    }
    for (RuleCheckPolicy p : values()) {
      if (p.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "-D" + PROPERTY + "=" + value + " is not a policy; use custom, all or none");
  }

  /** Whether this policy checks {@code rule}. */
  public boolean checks(Rule<?> rule) {
    return switch (this) {
      case ALL -> true;
      case NONE -> false;
      case CUSTOM -> !isBuiltIn(rule);
    };
  }

  private static boolean isBuiltIn(Rule<?> rule) {
    String pkg = rule.getClass().getPackageName();
    return pkg.equals(BUILT_IN_PACKAGE) || pkg.startsWith(BUILT_IN_PACKAGE + ".");
  }

  private static final class Holder {
    static final RuleCheckPolicy CURRENT = parse(System.getProperty(PROPERTY));
  }
}
