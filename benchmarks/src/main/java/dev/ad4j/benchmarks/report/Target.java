package dev.ad4j.benchmarks.report;

/**
 * A goal for a ratio: at most a bound (a cost), at least a bound (a speed-up), or none (the row is
 * shown for context).
 *
 * @param bound the bound; NaN for {@link #NONE}
 * @param atLeast true when the ratio must reach the bound, false when it must stay under it
 */
public record Target(double bound, boolean atLeast) {
  /** No goal: the row is information only. */
  public static final Target NONE = new Target(Double.NaN, false);

  /** The ratio must be ≤ bound. */
  public static Target atMost(double bound) {
    return new Target(bound, false);
  }

  /** The ratio must be ≥ bound. */
  public static Target atLeast(double bound) {
    return new Target(bound, true);
  }

  /**
   * {@code "<= 1.3"}, {@code ">= 300"} or {@code "-"}; {@code line} is named in the exception.
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  static Target parse(String text, String line) {
    String t = text.trim();
    try {
      if (t.equals("-")) {
        return NONE;
      } else if (t.startsWith("<=")) {
        return atMost(Double.parseDouble(t.substring(2).trim()));
      } else if (t.startsWith(">=")) {
        return atLeast(Double.parseDouble(t.substring(2).trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "row '" + line + "': target '" + t + "' is not '<= number', '>= number' or '-'");
  }

  public boolean isNone() {
    return Double.isNaN(bound);
  }

  /** Whether {@code ratio} meets the goal; always true for {@link #NONE}. */
  public boolean metBy(double ratio) {
    if (isNone()) {
      return true;
    }
    return atLeast ? ratio >= bound : ratio <= bound;
  }

  /** "≤ 1.3", "≥ 300" or "–". */
  @Override
  public String toString() {
    if (isNone()) {
      return "–";
    }
    return (atLeast ? "≥ " : "≤ ") + Numbers.format(bound);
  }
}
