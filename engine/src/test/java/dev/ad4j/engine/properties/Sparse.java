package dev.ad4j.engine.properties;

import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;

/** Builds generated sparse matrices from a mask of stored entries and their values. */
final class Sparse {
  private Sparse() {}

  /**
   * The matrix of {@code kind} storing entry (i, j) where {@code mask[i·cols + j]}; DOUBLE entries
   * take {@code values}, INTEGER entries {@code values} rounded, PATTERN entries are true.
   */
  static SparseMatrix of(
      SparseMatrix.Kind kind, int rows, int cols, boolean[] mask, double[] values) {
    int[] r = new int[mask.length];
    int[] c = new int[mask.length];
    double[] v = new double[mask.length];
    int nnz = 0;
    for (int k = 0; k < mask.length; k++) {
      if (mask[k]) {
        r[nnz] = k / cols;
        c[nnz] = k % cols;
        v[nnz++] = values[k];
      }
    }
    r = Arrays.copyOf(r, nnz);
    c = Arrays.copyOf(c, nnz);
    v = Arrays.copyOf(v, nnz);
    return switch (kind) {
      case PATTERN -> SparseMatrix.pattern(rows, cols, r, c);
      case INTEGER -> SparseMatrix.ofIntegers(rows, cols, r, c, rounded(v));
      case DOUBLE -> SparseMatrix.ofDoubles(rows, cols, r, c, v);
    };
  }

  private static int[] rounded(double[] v) {
    int[] out = new int[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = (int) Math.round(v[k]);
    }
    return out;
  }
}
