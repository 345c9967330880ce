package dev.ad4j.optim;

/**
 * How many evaluations an adapter ran and how long they took: plain evaluations (every argument
 * {@code Const}, nothing recorded) against derivative evaluations (a gradient by one reverse sweep,
 * or a Jacobian). Calls answered from the cache are not counted.
 *
 * @param plainCount plain evaluations run
 * @param plainNanos nanoseconds spent in them
 * @param derivativeCount gradient or Jacobian evaluations run (each also gives the value)
 * @param derivativeNanos nanoseconds spent in them
 */
public record EvaluationTimes(
    int plainCount, long plainNanos, int derivativeCount, long derivativeNanos) {

  /** Mean milliseconds of one plain evaluation (0 if none ran). */
  public double plainMillis() {
    return plainCount == 0 ? 0 : plainNanos * 1e-6 / plainCount;
  }

  /** Mean milliseconds of one derivative evaluation (0 if none ran). */
  public double derivativeMillis() {
    return derivativeCount == 0 ? 0 : derivativeNanos * 1e-6 / derivativeCount;
  }

  /** {@link #derivativeMillis()} / {@link #plainMillis()}; NaN until both kinds have run. */
  public double ratio() {
    return plainCount == 0 || derivativeCount == 0
        ? Double.NaN
        : derivativeMillis() / plainMillis();
  }

  /**
   * One line for a report, e.g. {@code describe("gradients")}: "gradients took X ms on average (n
   * runs) vs Y ms for a plain evaluation (k runs), ratio Z".
   */
  public String describe(String derivative) {
    return String.format(
        "%s took %.3f ms on average (%d runs) vs %.3f ms for a plain evaluation (%d runs), ratio %.2f",
        derivative, derivativeMillis(), derivativeCount, plainMillis(), plainCount, ratio());
  }
}
