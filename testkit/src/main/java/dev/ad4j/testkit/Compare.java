package dev.ad4j.testkit;

/** Element-wise comparison with a readable failure naming the worst element. */
final class Compare {
  private Compare() {}

  /**
   * Fails unless {@code |actual - expected| <= tolerance · (1 + |expected|)} for every element.
   *
   * @param what the quantity, e.g. "tangent (lane 0)"
   * @param source where the expected values come from, e.g. "central finite differences"
   */
  static void close(
      String context,
      String what,
      String source,
      double[] expected,
      double[] actual,
      double tolerance,
      String hint) {
    if (expected.length != actual.length) {
      throw new AssertionError(
          context + ": " + what + " has length " + actual.length + ", expected " + expected.length);
    }
    int worst = -1;
    double worstExcess = 0.0;
    for (int k = 0; k < expected.length; k++) {
      double excess = Math.abs(actual[k] - expected[k]) - tolerance * (1.0 + Math.abs(expected[k]));
      boolean nan = Double.isNaN(actual[k]) != Double.isNaN(expected[k]);
      if (nan || excess > worstExcess || (Double.isNaN(excess) && worst < 0)) {
        worst = k;
        worstExcess = nan ? Double.POSITIVE_INFINITY : excess;
        if (nan) {
          break;
        }
      }
    }
    if (worst >= 0) {
      throw new AssertionError(
          context
              + ": "
              + what
              + " is wrong; worst element ["
              + worst
              + "]: expected "
              + expected[worst]
              + " ("
              + source
              + "), actual "
              + actual[worst]
              + ", tolerance "
              + tolerance
              + (hint.isEmpty() ? "" : "\n  hint: " + hint));
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
