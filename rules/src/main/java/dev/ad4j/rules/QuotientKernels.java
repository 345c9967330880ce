package dev.ad4j.rules;

/**
 * Elementwise quotient loops for {@link Elementwise#DIVIDE}. Parameters are "Not modified." unless
 * documented "Modified."; each method accumulates ({@code +=}) into its last argument.
 */
final class QuotientKernels {
  private QuotientKernels() {}

  /** z += alpha·(x ⊘ y), elementwise. z: Modified. */
  static void addQuotient(double alpha, double[] x, double[] y, double[] z) {
    for (int i = 0; i < x.length; i++) {
      z[i] += alpha * x[i] / y[i];
    }
  }

  /** z += alpha·(a ⊙ b ⊘ y), elementwise. z: Modified. */
  static void addProductQuotient(double alpha, double[] a, double[] b, double[] y, double[] z) {
    for (int i = 0; i < a.length; i++) {
      z[i] += alpha * a[i] * b[i] / y[i];
    }
  }
}
