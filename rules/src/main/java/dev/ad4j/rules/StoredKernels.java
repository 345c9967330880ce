package dev.ad4j.rules;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import java.util.Arrays;

/**
 * Loops over the stored entries of any {@link Matrix}, in its shadow layout: every element of a
 * dense matrix (row-major), the stored entries of a sparse one (CSR order). The primal loops pick
 * one plain loop per sparse element kind, once per call ({@code PATTERN} reads no values, {@code
 * INTEGER} the {@code int[]}); the methods taking {@code values}, {@code g} or {@code dA} read or
 * add a tangent or an adjoint, {@code double[shadowSize()]} in A's layout. Every loop is O(rows +
 * nnz) for a sparse matrix: nothing is densified.
 *
 * <p>Parameters are "Not modified." unless documented "Modified."; the {@code Add} methods
 * accumulate ({@code +=}).
 */
final class StoredKernels {
  private StoredKernels() {}

  /**
   * The values of a dense or {@code DOUBLE} sparse matrix in its shadow layout. Not a copy: do not
   * modify.
   */
  static double[] doubles(Matrix a) {
    return a instanceof SparseMatrix s ? s.doubleValues() : ((DenseMatrix) a).values();
  }

  /** A matrix with A's shape and layout holding {@code values} (A's pattern is shared). */
  static Matrix withValues(Matrix a, double[] values) {
    return a instanceof SparseMatrix s
        ? s.withValues(values)
        : DenseMatrix.wrap(a.rows(), a.cols(), values);
  }

  /** Returns Σ Aₖ over the stored entries (nnz for a {@code PATTERN}). */
  static double sum(Matrix a) {
    switch (kind(a)) {
      case PATTERN:
        return ((SparseMatrix) a).nnz();
      case INTEGER:
        return sumInts(((SparseMatrix) a).intValues());
      default:
        return DenseKernels.sum(doubles(a));
    }
  }

  /** Returns Σₖ Aₖ·gₖ over the stored entries of A (Σ gₖ for a {@code PATTERN}). */
  static double dot(SparseMatrix a, double[] g) {
    switch (a.kind()) {
      case PATTERN:
        return DenseKernels.sum(g);
      case INTEGER:
        return dotInts(a.intValues(), g);
      default:
        return DenseKernels.dot(a.doubleValues(), g);
    }
  }

  /** yₖ += alpha·Aₖ for each stored entry k of A. y: Modified. */
  static void addScaled(double alpha, SparseMatrix a, double[] y) {
    switch (a.kind()) {
      case PATTERN:
        for (int k = 0; k < y.length; k++) {
          y[k] += alpha;
        }
        break;
      case INTEGER:
        addScaledInts(alpha, a.intValues(), y);
        break;
      default:
        DenseKernels.addScaled(alpha, a.doubleValues(), y);
    }
  }

  /**
   * yₖ = f(Aₖ) for each stored entry k of A; f is evaluated once for a {@code PATTERN}, whose
   * entries are all 1. y: Modified.
   */
  static void map(UnaryScalarRule f, Matrix a, double[] y) {
    switch (kind(a)) {
      case PATTERN:
        Arrays.fill(y, f.value(1.0));
        break;
      case INTEGER:
        int[] ints = ((SparseMatrix) a).intValues();
        for (int k = 0; k < ints.length; k++) {
          y[k] = f.value(ints[k]);
        }
        break;
      default:
        double[] v = doubles(a);
        for (int k = 0; k < v.length; k++) {
          y[k] = f.value(v[k]);
        }
    }
  }

  // Row and column sums of A's primal

  /** Returns rᵢ = Σⱼ Aᵢⱼ (for a {@code PATTERN}, the number of entries stored in row i). */
  static double[] rowSums(Matrix a) {
    double[] r = new double[a.rows()];
    switch (kind(a)) {
      case PATTERN:
        int[] rp = ((SparseMatrix) a).rowPointers();
        for (int i = 0; i < r.length; i++) {
          r[i] = rp[i + 1] - rp[i];
        }
        break;
      case INTEGER:
        addRowSumsInts((SparseMatrix) a, r);
        break;
      default:
        addRowSums(a, doubles(a), r);
    }
    return r;
  }

  /** Returns cⱼ = Σᵢ Aᵢⱼ (for a {@code PATTERN}, the number of entries stored in column j). */
  static double[] columnSums(Matrix a) {
    double[] c = new double[a.cols()];
    switch (kind(a)) {
      case PATTERN:
        for (int j : ((SparseMatrix) a).columnIndices()) {
          c[j] += 1.0;
        }
        break;
      case INTEGER:
        addColumnSumsInts((SparseMatrix) a, c);
        break;
      default:
        addColumnSums(a, doubles(a), c);
    }
    return c;
  }

  // Sums of values in A's layout, and their adjoints

  /** rᵢ += Σⱼ Vᵢⱼ, V in A's layout. r: Modified. */
  static void addRowSums(Matrix a, double[] values, double[] r) {
    if (a instanceof SparseMatrix s) {
      int[] rp = s.rowPointers();
      for (int i = 0; i < r.length; i++) {
        double total = 0.0;
        for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
          total += values[k];
        }
        r[i] += total;
      }
    } else {
      int cols = a.cols();
      for (int i = 0, at = 0; i < r.length; i++) {
        double total = 0.0;
        for (int j = 0; j < cols; j++, at++) {
          total += values[at];
        }
        r[i] += total;
      }
    }
  }

  /** cⱼ += Σᵢ Vᵢⱼ, V in A's layout. c: Modified. */
  static void addColumnSums(Matrix a, double[] values, double[] c) {
    if (a instanceof SparseMatrix s) {
      int[] ci = s.columnIndices();
      for (int k = 0; k < ci.length; k++) {
        c[ci[k]] += values[k];
      }
    } else {
      for (int i = 0, at = 0, rows = a.rows(); i < rows; i++) {
        for (int j = 0; j < c.length; j++, at++) {
          c[j] += values[at];
        }
      }
    }
  }

  /** dAₖ += g[row(k)] for each stored entry k, dA in A's layout. dA: Modified. */
  static void addRowBroadcast(Matrix a, double[] g, double[] da) {
    if (a instanceof SparseMatrix s) {
      int[] rp = s.rowPointers();
      for (int i = 0; i < g.length; i++) {
        for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
          da[k] += g[i];
        }
      }
    } else {
      int cols = a.cols();
      for (int i = 0, at = 0; i < g.length; i++) {
        for (int j = 0; j < cols; j++, at++) {
          da[at] += g[i];
        }
      }
    }
  }

  /** dAₖ += g[col(k)] for each stored entry k, dA in A's layout. dA: Modified. */
  static void addColumnBroadcast(Matrix a, double[] g, double[] da) {
    if (a instanceof SparseMatrix s) {
      int[] ci = s.columnIndices();
      for (int k = 0; k < ci.length; k++) {
        da[k] += g[ci[k]];
      }
    } else {
      for (int i = 0, at = 0, rows = a.rows(); i < rows; i++) {
        for (int j = 0; j < g.length; j++, at++) {
          da[at] += g[j];
        }
      }
    }
  }

  // Per-kind helpers

  /** A's element kind; a dense matrix holds doubles. */
  private static SparseMatrix.Kind kind(Matrix a) {
    return a instanceof SparseMatrix s ? s.kind() : SparseMatrix.Kind.DOUBLE;
  }

  private static double sumInts(int[] v) {
    double total = 0.0;
    for (int x : v) {
      total += x;
    }
    return total;
  }

  private static double dotInts(int[] v, double[] g) {
    double total = 0.0;
    for (int k = 0; k < v.length; k++) {
      total += v[k] * g[k];
    }
    return total;
  }

  private static void addScaledInts(double alpha, int[] v, double[] y) {
    for (int k = 0; k < v.length; k++) {
      y[k] += alpha * v[k];
    }
  }

  private static void addRowSumsInts(SparseMatrix a, double[] r) {
    int[] rp = a.rowPointers();
    int[] v = a.intValues();
    for (int i = 0; i < r.length; i++) {
      for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
        r[i] += v[k];
      }
    }
  }

  private static void addColumnSumsInts(SparseMatrix a, double[] c) {
    int[] ci = a.columnIndices();
    int[] v = a.intValues();
    for (int k = 0; k < v.length; k++) {
      c[ci[k]] += v[k];
    }
  }
}
