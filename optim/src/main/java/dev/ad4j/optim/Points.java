package dev.ad4j.optim;

/** Checks on the points an optimizer hands to an adapter. */
final class Points {
  private Points() {}

  /**
   * Refuses a null point, one of the wrong length, or one with a NaN coordinate, naming the
   * adapter, what was wrong and the fix. {@code point} is not modified.
   */
  static void check(String adapter, double[] point, int dimension) {
    if (point == null) {
      throw new IllegalArgumentException(
          adapter + ": the point is null; pass the " + dimension + " parameters as a double[]");
    }
    if (point.length != dimension) {
      throw new IllegalArgumentException(
          adapter
              + ": the point has "
              + point.length
              + " coordinates but the function was built for "
              + dimension
              + "; pass an initial guess of length "
              + dimension
              + " (or build the adapter with dimension "
              + point.length
              + ")");
    }
    for (int i = 0; i < point.length; i++) {
      if (Double.isNaN(point[i])) {
        throw new IllegalArgumentException(
            adapter
                + ": coordinate "
                + i
                + " of the point is NaN; start from finite parameters (a NaN usually comes from"
                + " an earlier step that overflowed: check the objective's scaling)");
      }
    }
  }

  /** Refuses a dimension below 1. */
  static void checkDimension(String adapter, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException(
          adapter + ": dimension " + dimension + "; a function needs at least one parameter");
    }
  }
}
