package dev.ad4j.rules;

/**
 * Dense vector and row-major matrix loops. Parameters are "Not modified." unless documented
 * "Modified."; the {@code Add} methods accumulate ({@code +=}) into their last argument.
 *
 * <p>A matrix is a row-major {@code double[rows * cols]}: element (i, j) is {@code a[i * cols +
 * j]}. The number of rows is {@code a.length / cols} (given explicitly, so a 0-column matrix
 * works).
 */
final class DenseKernels {
  private DenseKernels() {}

  // Vectors

  /** Returns x·y. */
  static double dot(double[] x, double[] y) {
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /**
   * Returns Σ g[i]·x[i] over the i where the adjoint g[i] is not exactly zero, so that an element
   * whose adjoint is zero contributes zero even where x[i] is infinite (no 0·∞ = NaN).
   */
  static double adjointDot(double[] g, double[] x) {
    double s = 0.0;
    for (int i = 0; i < g.length; i++) {
      if (g[i] != 0.0) {
        s += g[i] * x[i];
      }
    }
    return s;
  }

  /**
   * y += alpha·(g ⊙ x), skipping the i where the adjoint g[i] is exactly zero (no 0·∞ = NaN). y:
   * Modified.
   */
  static void addAdjointProduct(double alpha, double[] g, double[] x, double[] y) {
    for (int i = 0; i < g.length; i++) {
      if (g[i] != 0.0) {
        y[i] += alpha * g[i] * x[i];
      }
    }
  }

  /** y += alpha·g, skipping the i where g[i] is exactly zero (alpha may be infinite). */
  static void addAdjointScaled(double alpha, double[] g, double[] y) {
    for (int i = 0; i < g.length; i++) {
      if (g[i] != 0.0) {
        y[i] += alpha * g[i];
      }
    }
  }

  /** Returns Σ x[i]. */
  static double sum(double[] x) {
    double s = 0.0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  /** y += alpha·x. y: Modified. */
  static void addScaled(double alpha, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** z += alpha·(x ⊙ y), elementwise. z: Modified. */
  static void addProduct(double alpha, double[] x, double[] y, double[] z) {
    for (int i = 0; i < x.length; i++) {
      z[i] += alpha * x[i] * y[i];
    }
  }

  // Matrices

  /** y += alpha·A·x for the rows×cols row-major A. y: Modified. */
  static void multAdd(double alpha, int rows, int cols, double[] a, double[] x, double[] y) {
    for (int i = 0, at = 0; i < rows; i++) {
      double s = 0.0;
      for (int j = 0; j < cols; j++, at++) {
        s += a[at] * x[j];
      }
      y[i] += alpha * s;
    }
  }

  /** y += alpha·Aᵀ·x for the rows×cols row-major A. y: Modified. */
  static void multTransAdd(double alpha, int rows, int cols, double[] a, double[] x, double[] y) {
    for (int i = 0, at = 0; i < rows; i++) {
      double xi = alpha * x[i];
      for (int j = 0; j < cols; j++, at++) {
        y[j] += a[at] * xi;
      }
    }
  }

  /** Returns xᵀ·A·y for the rows×cols row-major A. */
  static double bilinear(double[] x, int rows, int cols, double[] a, double[] y) {
    double total = 0.0;
    for (int i = 0, at = 0; i < rows; i++) {
      double s = 0.0;
      for (int j = 0; j < cols; j++, at++) {
        s += a[at] * y[j];
      }
      total += x[i] * s;
    }
    return total;
  }

  /** Returns xᵀ·A·y and adds ay += A·y, atx += Aᵀ·x, in one pass over A. ay, atx: Modified. */
  static double bilinearAddProducts(
      double[] x, int rows, int cols, double[] a, double[] y, double[] ay, double[] atx) {
    double total = 0.0;
    for (int i = 0, at = 0; i < rows; i++) {
      double s = 0.0;
      double xi = x[i];
      for (int j = 0; j < cols; j++, at++) {
        s += a[at] * y[j];
        atx[j] += a[at] * xi;
      }
      ay[i] += s;
      total += xi * s;
    }
    return total;
  }

  /** dA += alpha·x·yᵀ, dA row-major x.length×y.length. dA: Modified. */
  static void addOuter(double alpha, double[] x, double[] y, double[] da) {
    int cols = y.length;
    for (int i = 0, at = 0; i < x.length; i++) {
      double xi = alpha * x[i];
      for (int j = 0; j < cols; j++, at++) {
        da[at] += xi * y[j];
      }
    }
  }
}
