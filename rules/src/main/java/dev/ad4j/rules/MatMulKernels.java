package dev.ad4j.rules;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;

/**
 * The loops of {@link MatMul}: products of a dense or CSR matrix A with a dense row-major k×n
 * matrix, the adjoint of such a product on A's layout, the CSR transpose and A's diagonal.
 *
 * <p>Dense matrices are row-major {@code double[]}s with their column count given as {@code n}.
 * Sparse products read A's values as doubles (PATTERN and INTEGER widened once per call) and are
 * O(nnz·n). Parameters are "Not modified." unless documented "Modified."; the {@code Add} methods
 * accumulate ({@code +=}).
 */
final class MatMulKernels {
  private MatMulKernels() {}

  /** C += A·B, B dense k×n, C dense m×n. c: Modified. */
  static void multAdd(Matrix a, double[] b, int n, double[] c) {
    multAdd(a, values(a), b, n, c);
  }

  /** C += V·B, V in A's layout (a tangent of A), B dense k×n, C dense m×n. c: Modified. */
  static void multAdd(Matrix a, double[] values, double[] b, int n, double[] c) {
    if (a instanceof SparseMatrix s) {
      int[] rp = s.rowPointers();
      int[] ci = s.columnIndices();
      for (int i = 0; i < s.rows(); i++) {
        for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
          addScaledRow(values[k], b, ci[k] * n, c, i * n, n); // row i of C += A_k·row col(k) of B
        }
      }
      return;
    }
    for (int i = 0, at = 0, k = a.cols(); i < a.rows(); i++) {
      for (int p = 0; p < k; p++, at++) {
        addScaledRow(values[at], b, p * n, c, i * n, n); // row i of C += A[i,p]·row p of B
      }
    }
  }

  /** C += Aᵀ·G, A m×k, G dense m×n, C dense k×n. c: Modified. */
  static void multTransAdd(Matrix a, double[] g, int n, double[] c) {
    multTransAdd(a, values(a), g, n, c);
  }

  /** C += Vᵀ·G for V with A's layout and the given values (A's shadow layout). c: Modified. */
  static void multTransAdd(Matrix a, double[] values, double[] g, int n, double[] c) {
    if (a instanceof SparseMatrix s) {
      int[] rp = s.rowPointers();
      int[] ci = s.columnIndices();
      for (int i = 0; i < s.rows(); i++) {
        for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
          addScaledRow(values[k], g, i * n, c, ci[k] * n, n); // row col(k) of C += A_k·row i of G
        }
      }
      return;
    }
    for (int i = 0, at = 0, k = a.cols(); i < a.rows(); i++) {
      for (int p = 0; p < k; p++, at++) {
        addScaledRow(values[at], g, i * n, c, p * n, n); // row p of C += A[i,p]·row i of G
      }
    }
  }

  /**
   * dA += G·Bᵀ in A's layout, G dense m×n, B dense k×n: every element when A is dense, only the
   * stored entries when sparse (dA[k] += row(k) of G · col(k) of Bᵀ, O(nnz·n)). da: Modified.
   */
  static void addTimesTranspose(double[] g, double[] b, int n, Matrix a, double[] da) {
    if (a instanceof SparseMatrix s) {
      int[] rp = s.rowPointers();
      int[] ci = s.columnIndices();
      for (int i = 0; i < s.rows(); i++) {
        for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
          da[k] += dotRows(g, i * n, b, ci[k] * n, n);
        }
      }
      return;
    }
    for (int i = 0, at = 0, k = a.cols(); i < a.rows(); i++) {
      for (int p = 0; p < k; p++, at++) {
        da[at] += dotRows(g, i * n, b, p * n, n);
      }
    }
  }

  /** The cols×rows row-major transpose of the rows×cols row-major {@code values}, fresh. */
  static double[] transpose(int rows, int cols, double[] values) {
    double[] out = new double[values.length];
    for (int i = 0, at = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++, at++) {
        out[j * rows + i] = values[at];
      }
    }
    return out;
  }

  /** dA += Gᵀ, G row-major rows×cols, dA row-major cols×rows. da: Modified. */
  static void addTranspose(int rows, int cols, double[] g, double[] da) {
    for (int i = 0, at = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++, at++) {
        da[j * rows + i] += g[at];
      }
    }
  }

  /**
   * Aᵀ in CSR form, of A's kind, O(rows + cols + nnz). Entry kk of the result is entry {@code
   * permutation[kk]} of A. permutation: Modified (length nnz, filled).
   */
  static SparseMatrix transpose(SparseMatrix a, int[] permutation) {
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    int[] outRp = new int[a.cols() + 1];
    for (int j : ci) {
      outRp[j + 1]++;
    }
    for (int j = 0; j < a.cols(); j++) {
      outRp[j + 1] += outRp[j];
    }
    int[] next = Arrays.copyOf(outRp, a.cols());
    int[] outCi = new int[ci.length];
    for (int i = 0; i < a.rows(); i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        int kk = next[ci[k]]++; // rows i arrive in increasing order: columns stay sorted
        outCi[kk] = i;
        permutation[kk] = k;
      }
    }
    return SparseMatrix.csr(
        a.cols(), a.rows(), outRp, outCi, a.kind(), permutedValues(a, permutation));
  }

  /** out[kk] = values[permutation[kk]], fresh. */
  static double[] permute(double[] values, int[] permutation) {
    double[] out = new double[permutation.length];
    for (int kk = 0; kk < out.length; kk++) {
      out[kk] = values[permutation[kk]];
    }
    return out;
  }

  /**
   * The shadow positions of A's diagonal elements: i·(n+1) for a dense square A, the stored
   * diagonal entries of a sparse one (absent ones are skipped), O(rows·log(nnz per row)).
   */
  static int[] diagonalPositions(Matrix a) {
    int n = a.rows();
    if (!(a instanceof SparseMatrix s)) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = i * (n + 1);
      }
      return out;
    }
    int[] out = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(s.columnIndices(), s.rowPointers()[i], s.rowPointers()[i + 1], i);
      if (k >= 0) {
        out[count++] = k;
      }
    }
    return Arrays.copyOf(out, count);
  }

  // Rows and values

  /**
   * A's values in its shadow layout: the array itself when dense or sparse {@code DOUBLE}; for
   * {@code PATTERN} (ones) and {@code INTEGER} a widened copy, O(nnz) once per call, small against
   * the O(nnz·n) product that reads it.
   */
  private static double[] values(Matrix a) {
    if (a instanceof DenseMatrix d) {
      return d.values();
    }
    SparseMatrix s = (SparseMatrix) a;
    switch (s.kind()) {
      case PATTERN:
        double[] ones = new double[s.nnz()];
        Arrays.fill(ones, 1.0);
        return ones;
      case INTEGER:
        double[] out = new double[s.nnz()];
        for (int k = 0; k < out.length; k++) {
          out[k] = s.intValues()[k];
        }
        return out;
      default:
        return s.doubleValues();
    }
  }

  /** y[yAt .. yAt+n) += alpha·x[xAt .. xAt+n). y: Modified. */
  private static void addScaledRow(double alpha, double[] x, int xAt, double[] y, int yAt, int n) {
    for (int c = 0; c < n; c++) {
      y[yAt + c] += alpha * x[xAt + c];
    }
  }

  /** Σ x[xAt + c]·y[yAt + c] over c < n. */
  private static double dotRows(double[] x, int xAt, double[] y, int yAt, int n) {
    double s = 0.0;
    for (int c = 0; c < n; c++) {
      s += x[xAt + c] * y[yAt + c];
    }
    return s;
  }

  private static Object permutedValues(SparseMatrix a, int[] permutation) {
    switch (a.kind()) {
      case PATTERN:
        return null;
      case INTEGER:
        int[] v = a.intValues();
        int[] out = new int[permutation.length];
        for (int kk = 0; kk < out.length; kk++) {
          out[kk] = v[permutation[kk]];
        }
        return out;
      default:
        return permute(a.doubleValues(), permutation);
    }
  }
}
