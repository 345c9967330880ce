package dev.ad4j.rules;

import dev.ad4j.api.SparseMatrix;

/**
 * The sparse inner loops, over CSR arrays ({@link SparseMatrix}): plain indexed loops, one per
 * element kind, chosen once per call (no per-element switch). {@code PATTERN} loops read no values
 * (every stored entry is 1), {@code INTEGER} loops read the {@code int[]}, {@code DOUBLE} loops
 * read a {@code double[]}: the matrix's own values or, through the {@code values} overloads, a
 * tangent on the same pattern.
 *
 * <p>Parameters are "Not modified." unless documented "Modified."; the {@code Add} methods
 * accumulate ({@code +=}). Every method is O(rows + nnz) and allocates nothing.
 */
final class CsrKernels {
  private CsrKernels() {}

  /** y += alpha·A·x. y: Modified. */
  static void multAdd(double alpha, SparseMatrix a, double[] x, double[] y) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    switch (a.kind()) {
      case PATTERN:
        multAddPattern(alpha, rp, ci, x, y);
        break;
      case INTEGER:
        multAddInt(alpha, rp, ci, a.intValues(), x, y);
        break;
      default:
        multAdd(alpha, rp, ci, a.doubleValues(), x, y);
    }
  }

  /** y += alpha·V·x, where V has A's pattern and the given values. y: Modified. */
  static void multAdd(double alpha, SparseMatrix a, double[] values, double[] x, double[] y) {
    multAdd(alpha, a.rowPointers(), a.columnIndices(), values, x, y);
  }

  /** y += alpha·Aᵀ·x. y: Modified. */
  static void multTransAdd(double alpha, SparseMatrix a, double[] x, double[] y) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    switch (a.kind()) {
      case PATTERN:
        multTransAddPattern(alpha, rp, ci, x, y);
        break;
      case INTEGER:
        multTransAddInt(alpha, rp, ci, a.intValues(), x, y);
        break;
      default:
        multTransAdd(alpha, rp, ci, a.doubleValues(), x, y);
    }
  }

  /** y += alpha·Vᵀ·x, where V has A's pattern and the given values. y: Modified. */
  static void multTransAdd(double alpha, SparseMatrix a, double[] values, double[] x, double[] y) {
    multTransAdd(alpha, a.rowPointers(), a.columnIndices(), values, x, y);
  }

  /** Returns xᵀ·A·y. */
  static double bilinear(double[] x, SparseMatrix a, double[] y) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    switch (a.kind()) {
      case PATTERN:
        return bilinearPattern(x, rp, ci, y);
      case INTEGER:
        return bilinearInt(x, rp, ci, a.intValues(), y);
      default:
        return bilinear(x, rp, ci, a.doubleValues(), y);
    }
  }

  /** Returns xᵀ·V·y, where V has A's pattern and the given values. */
  static double bilinear(double[] x, SparseMatrix a, double[] values, double[] y) {
    return bilinear(x, a.rowPointers(), a.columnIndices(), values, y);
  }

  /**
   * Returns xᵀ·A·y and adds ay += A·y, atx += Aᵀ·x, in one pass over A: a whole gradient of the
   * bilinear form for the price of its value. ay, atx: Modified.
   */
  static double bilinearAddProducts(
      double[] x, SparseMatrix a, double[] y, double[] ay, double[] atx) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    switch (a.kind()) {
      case PATTERN:
        return productsPattern(x, rp, ci, y, ay, atx);
      case INTEGER:
        return productsInt(x, rp, ci, a.intValues(), y, ay, atx);
      default:
        return products(x, rp, ci, a.doubleValues(), y, ay, atx);
    }
  }

  /** dA[k] += alpha·x[row(k)]·y[col(k)] for each stored entry k of A: O(nnz). dA: Modified. */
  static void addOuterOnPattern(double alpha, double[] x, double[] y, SparseMatrix a, double[] da) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    int rows = a.rows();
    for (int i = 0; i < rows; i++) {
      double xi = alpha * x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        da[k] += xi * y[ci[k]];
      }
    }
  }

  // y += alpha·A·x

  private static void multAddPattern(double alpha, int[] rp, int[] ci, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += x[ci[k]];
      }
      y[i] += alpha * s;
    }
  }

  private static void multAddInt(
      double alpha, int[] rp, int[] ci, int[] v, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += v[k] * x[ci[k]];
      }
      y[i] += alpha * s;
    }
  }

  private static void multAdd(
      double alpha, int[] rp, int[] ci, double[] v, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += v[k] * x[ci[k]];
      }
      y[i] += alpha * s;
    }
  }

  // y += alpha·Aᵀ·x

  private static void multTransAddPattern(
      double alpha, int[] rp, int[] ci, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double xi = alpha * x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        y[ci[k]] += xi;
      }
    }
  }

  private static void multTransAddInt(
      double alpha, int[] rp, int[] ci, int[] v, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double xi = alpha * x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        y[ci[k]] += v[k] * xi;
      }
    }
  }

  private static void multTransAdd(
      double alpha, int[] rp, int[] ci, double[] v, double[] x, double[] y) {
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double xi = alpha * x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        y[ci[k]] += v[k] * xi;
      }
    }
  }

  // xᵀ·A·y

  private static double bilinearPattern(double[] x, int[] rp, int[] ci, double[] y) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += y[ci[k]];
      }
      total += x[i] * s;
    }
    return total;
  }

  private static double bilinearInt(double[] x, int[] rp, int[] ci, int[] v, double[] y) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += v[k] * y[ci[k]];
      }
      total += x[i] * s;
    }
    return total;
  }

  private static double bilinear(double[] x, int[] rp, int[] ci, double[] v, double[] y) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        s += v[k] * y[ci[k]];
      }
      total += x[i] * s;
    }
    return total;
  }

  // xᵀ·A·y with ay += A·y and atx += Aᵀ·x

  private static double productsPattern(
      double[] x, int[] rp, int[] ci, double[] y, double[] ay, double[] atx) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      double xi = x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        int j = ci[k];
        s += y[j];
        atx[j] += xi;
      }
      ay[i] += s;
      total += xi * s;
    }
    return total;
  }

  private static double productsInt(
      double[] x, int[] rp, int[] ci, int[] v, double[] y, double[] ay, double[] atx) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      double xi = x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        int j = ci[k];
        double vk = v[k];
        s += vk * y[j];
        atx[j] += vk * xi;
      }
      ay[i] += s;
      total += xi * s;
    }
    return total;
  }

  private static double products(
      double[] x, int[] rp, int[] ci, double[] v, double[] y, double[] ay, double[] atx) {
    double total = 0.0;
    for (int i = 0, rows = rp.length - 1; i < rows; i++) {
      double s = 0.0;
      double xi = x[i];
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        int j = ci[k];
        s += v[k] * y[j];
        atx[j] += v[k] * xi;
      }
      ay[i] += s;
      total += xi * s;
    }
    return total;
  }
}
