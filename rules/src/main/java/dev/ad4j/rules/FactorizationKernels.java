package dev.ad4j.rules;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Dense square-matrix loops for {@link Factorizations}: an LU decomposition with solves against A
 * and Aᵀ, a Cholesky factorisation, triangular solves and products. Parameters are "Not modified."
 * unless documented "Modified."; the {@code Add} methods accumulate ({@code +=}) into their last
 * argument.
 *
 * <p>Matrices are row-major {@code double[]}: an n×m right-hand side B holds element (i, c) at
 * {@code b[i * m + c]}, so a vector is the case m = 1.
 */
final class FactorizationKernels {
  private FactorizationKernels() {}

  /** A's values, after checking that A is dense, square and not empty. */
  static DenseMatrix denseSquare(String rule, Matrix a) {
    if (!(a instanceof DenseMatrix d)) {
      throw Shapes.error(
          rule,
          "A is "
              + a.describe()
              + " but must be a dense square matrix; convert it with"
              + " DenseMatrix.from(a.toRealMatrix())");
    }
    if (d.rows() != d.cols() || d.rows() == 0) {
      throw Shapes.error(
          rule, "A is " + Shapes.dims(d) + " but must be square with at least one row");
    }
    return d;
  }

  /**
   * P·A = L·U, from Commons Math, with L unit lower and U upper triangular (row-major n×n) and P
   * the row permutation: row i of P·A is row {@code pivot[i]} of A.
   */
  record Lu(int n, double[] l, double[] u, int[] pivot) {
    /** The decomposition of A; throws naming {@code rule} when A is (numerically) singular. */
    static Lu of(String rule, DenseMatrix a) {
      LUDecomposition d = new LUDecomposition(a.toRealMatrix());
      if (!d.getSolver().isNonSingular()) {
        throw Shapes.error(
            rule,
            "A ("
                + Shapes.dims(a)
                + ") is singular: a pivot of its LU decomposition is below 1e-11; regularise A"
                + " (e.g. add a multiple of the identity) or use a least-squares method");
      }
      return new Lu(a.rows(), values(d.getL()), values(d.getU()), d.getPivot());
    }

    /** X = A⁻¹·B = U⁻¹·L⁻¹·P·B for the n×m B; a new array. */
    double[] solve(double[] b, int m) {
      double[] x = new double[b.length];
      for (int i = 0; i < n; i++) {
        System.arraycopy(b, pivot[i] * m, x, i * m, m);
      }
      solveTriangular(n, l, true, false, true, x, m);
      solveTriangular(n, u, false, false, false, x, m);
      return x;
    }

    /** Z = A⁻ᵀ·G = Pᵀ·L⁻ᵀ·U⁻ᵀ·G for the n×m G (Aᵀ = Uᵀ·Lᵀ·P); a new array. */
    double[] solveTranspose(double[] g, int m) {
      double[] v = g.clone();
      solveTriangular(n, u, false, true, false, v, m);
      solveTriangular(n, l, true, true, true, v, m);
      double[] z = new double[g.length];
      for (int i = 0; i < n; i++) {
        System.arraycopy(v, i * m, z, pivot[i] * m, m);
      }
      return z;
    }

    /** A⁻¹, row-major n×n; a new array. */
    double[] inverse() {
      double[] identity = new double[n * n];
      for (int i = 0; i < n; i++) {
        identity[i * n + i] = 1.0;
      }
      return solve(identity, n);
    }

    /** log|det A| = Σ log|Uᵢᵢ| (det P = ±1, det L = 1), without forming det A (no overflow). */
    double logAbsDet() {
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        s += Math.log(Math.abs(u[i * n + i]));
      }
      return s;
    }
  }

  /**
   * Solves T·X = B in place, where T is the triangular n×n {@code t} ({@code lower} or upper), or
   * its transpose when {@code transpose}; {@code unit}: T's diagonal is taken as 1. b: Modified
   * (becomes X, n×m).
   */
  static void solveTriangular(
      int n, double[] t, boolean lower, boolean transpose, boolean unit, double[] b, int m) {
    boolean forwardOrder = lower != transpose; // the effective matrix is lower triangular
    for (int step = 0; step < n; step++) {
      int i = forwardOrder ? step : n - 1 - step;
      int from = forwardOrder ? 0 : i + 1;
      int to = forwardOrder ? i : n;
      for (int k = from; k < to; k++) {
        double tik = transpose ? t[k * n + i] : t[i * n + k];
        for (int c = 0; c < m; c++) {
          b[i * m + c] -= tik * b[k * m + c];
        }
      }
      double d = unit ? 1.0 : t[i * n + i];
      for (int c = 0; c < m; c++) {
        b[i * m + c] /= d;
      }
    }
  }

  /** Solves L·X = B in place for the lower-triangular n×n L. b: Modified (becomes X, n×m). */
  static void solveLower(int n, double[] l, double[] b, int m) {
    solveTriangular(n, l, true, false, false, b, m);
  }

  /** Solves Lᵀ·X = B in place for the lower-triangular n×n L. b: Modified (becomes X, n×m). */
  static void solveLowerTranspose(int n, double[] l, double[] b, int m) {
    solveTriangular(n, l, true, true, false, b, m);
  }

  /**
   * The lower-triangular L with L·Lᵀ = A, reading only the lower triangle of the n×n {@code a}
   * (like LAPACK potrf 'L'); null when that symmetric matrix is not positive definite.
   */
  static double[] cholesky(int n, double[] a) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j] - dotRows(l, n, j, j, j);
      if (!(d > 0.0)) {
        return null;
      }
      l[j * n + j] = Math.sqrt(d);
      for (int i = j + 1; i < n; i++) {
        l[i * n + j] = (a[i * n + j] - dotRows(l, n, i, j, j)) / l[j * n + j];
      }
    }
    return l;
  }

  /** Σ_{k<len} l[i][k]·l[j][k]. */
  private static double dotRows(double[] l, int n, int i, int j, int len) {
    double s = 0.0;
    for (int k = 0; k < len; k++) {
      s += l[i * n + k] * l[j * n + k];
    }
    return s;
  }

  /** C += alpha·A·B for the rows×inner A and inner×cols B. c: Modified. */
  static void multAdd(
      double alpha, int rows, int inner, int cols, double[] a, double[] b, double[] c) {
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        double aik = alpha * a[i * inner + k];
        for (int j = 0; j < cols; j++) {
          c[i * cols + j] += aik * b[k * cols + j];
        }
      }
    }
  }

  /** A·B for the rows×inner A and inner×cols B; a new array. */
  static double[] mult(int rows, int inner, int cols, double[] a, double[] b) {
    double[] c = new double[rows * cols];
    multAdd(1.0, rows, inner, cols, a, b, c);
    return c;
  }

  /** Aᵀ for the rows×cols A; a new array. */
  static double[] transpose(int rows, int cols, double[] a) {
    double[] t = new double[a.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = a[i * cols + j];
      }
    }
    return t;
  }

  /** The symmetric matrix whose lower triangle is that of {@code a}; a new array. */
  static double[] symmetricFromLower(int n, double[] a) {
    double[] s = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        s[i * n + j] = a[i * n + j];
        s[j * n + i] = a[i * n + j];
      }
    }
    return s;
  }

  /** The lower triangle of {@code a} (diagonal included), zero above; a new array. */
  static double[] lower(int n, double[] a) {
    double[] t = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * n, t, i * n, i + 1);
    }
    return t;
  }

  /** Φ in place: zero above the diagonal, halve the diagonal. m: Modified. */
  static void phi(int n, double[] m) {
    for (int i = 0; i < n; i++) {
      m[i * n + i] *= 0.5;
      for (int j = i + 1; j < n; j++) {
        m[i * n + j] = 0.0;
      }
    }
  }

  /** tr(X·Y) = Σᵢⱼ Xᵢⱼ·Yⱼᵢ for n×n X and Y. */
  static double traceOfProduct(int n, double[] x, double[] y) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s += x[i * n + j] * y[j * n + i];
      }
    }
    return s;
  }

  private static double[] values(RealMatrix m) {
    return DenseMatrix.from(m).values();
  }
}
