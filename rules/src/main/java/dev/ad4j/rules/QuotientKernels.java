package dev.ad4j.rules;

/**
 * Elementwise quotient loops for {@link Elementwise#DIVIDE}. Parameters are "Not modified." unless
 * documented "Modified."; each method accumulates ({@code +=}) into its last argument.
 */
final class QuotientKernels {
  private QuotientKernels() {}

  /** z += x ⊘ y, elementwise, with IEEE 754 semantics (0/0 = NaN): the primal. z: Modified. */
  static void addQuotient(double[] x, double[] y, double[] z) {
    for (int i = 0; i < x.length; i++) {
      z[i] += x[i] / y[i];
    }
  }

  /**
   * z += alpha·(d ⊘ y) for a tangent or adjoint d, skipping the i where d[i] is exactly zero: a
   * zero derivative contributes zero even where y[i] = 0 (no 0/0 = NaN). z: Modified.
   */
  static void addDerivativeQuotient(double alpha, double[] d, double[] y, double[] z) {
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 0.0) {
        z[i] += alpha * d[i] / y[i];
      }
    }
  }

  /**
   * z += alpha·(d ⊙ b ⊘ y) for a tangent or adjoint d, skipping the i where d[i] is exactly zero.
   * z: Modified.
   */
  static void addDerivativeProductQuotient(
      double alpha, double[] d, double[] b, double[] y, double[] z) {
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 0.0) {
        z[i] += alpha * d[i] * b[i] / y[i];
      }
    }
  }
}
