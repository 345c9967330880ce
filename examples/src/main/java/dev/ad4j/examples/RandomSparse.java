package dev.ad4j.examples;

import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random sparse matrices built directly in CSR (no coordinate arrays), with a fixed seed. */
public final class RandomSparse {
  private RandomSparse() {}

  /**
   * An n×n matrix with about {@code perRow} stored entries in every row, at random columns.
   *
   * @param kind PATTERN (booleans) or DOUBLE (values uniform in [-1, 1))
   */
  public static SparseMatrix square(int n, int perRow, SparseMatrix.Kind kind, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] rowPointers = new int[n + 1];
    int[] columns = new int[Math.multiplyExact(n, perRow)];
    int nnz = 0;
    int[] row = new int[perRow];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < perRow; k++) {
        row[k] = random.nextInt(n);
      }
      Arrays.sort(row);
      for (int k = 0; k < perRow; k++) {
        if (k == 0 || row[k] != row[k - 1]) {
          columns[nnz++] = row[k];
        }
      }
      rowPointers[i + 1] = nnz;
    }
    int[] compact = nnz == columns.length ? columns : Arrays.copyOf(columns, nnz);
    if (kind == SparseMatrix.Kind.PATTERN) {
      return SparseMatrix.csr(n, n, rowPointers, compact, kind, null);
    }
    double[] values = new double[nnz];
    for (int k = 0; k < nnz; k++) {
      values[k] = 2 * random.nextDouble() - 1;
    }
    return SparseMatrix.csr(n, n, rowPointers, compact, SparseMatrix.Kind.DOUBLE, values);
  }

  /** A vector of n values uniform in [-1, 1). */
  public static double[] vector(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return v;
  }
}
