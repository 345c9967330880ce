package dev.ad4j.api;

import java.util.Arrays;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form, with one of three element kinds.
 *
 * <h2>Layout</h2>
 *
 * Row {@code i} stores the entries {@code k} in {@code rowPointers()[i] .. rowPointers()[i+1] - 1};
 * entry {@code k} sits in column {@code columnIndices()[k]}. Column indices are strictly increasing
 * within a row. The derivative of a double-valued sparse matrix is a {@code double[nnz()]} on this
 * same pattern: O(nnz), never O(rows·cols).
 *
 * <h2>Element kinds</h2>
 *
 * <ul>
 *   <li>{@link Kind#PATTERN}: every stored entry is {@code true} (read as 1.0); no values array. A
 *       mask, an adjacency matrix, a binary design matrix.
 *   <li>{@link Kind#INTEGER}: {@code int} values (read as doubles in arithmetic).
 *   <li>{@link Kind#DOUBLE}: {@code double} values; the only kind that can be differentiated.
 * </ul>
 *
 * Pattern and integer matrices are never differentiable: annotating one {@code Active} or {@code
 * Duplicated} is an {@link IllegalArgumentException} that says to use {@code Const}.
 *
 * <h2>Commons Math</h2>
 *
 * {@link #from(RealMatrix)} converts any {@code RealMatrix}, including {@link OpenMapRealMatrix}
 * (which is a hash map with no fast product: convert from it once, never compute with it). The
 * conversion reads every element, O(rows·cols), because Commons Math exposes no iterator over the
 * stored entries of a sparse matrix.
 */
public final class SparseMatrix implements Matrix {
  /** What a stored element is. */
  public enum Kind {
    /** Boolean: every stored entry is true (1.0). Never differentiable. */
    PATTERN,
    /** Integer values. Never differentiable. */
    INTEGER,
    /** Double values. Differentiable, on the stored pattern. */
    DOUBLE
  }

  private final int rows;
  private final int cols;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final Kind kind;
  private final double[] doubleValues;
  private final int[] intValues;

  private SparseMatrix(
      int rows,
      int cols,
      int[] rowPointers,
      int[] columnIndices,
      Kind kind,
      double[] doubleValues,
      int[] intValues) {
    this.rows = rows;
    this.cols = cols;
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.kind = kind;
    this.doubleValues = doubleValues;
    this.intValues = intValues;
  }

  // Factories from coordinates (COO); duplicates are merged (OR for patterns, sums for values).

  /**
   * A boolean matrix with {@code true} at each {@code (rowIndices[k], columnIndices[k])}.
   *
   * <pre>{@code
   * SparseMatrix identity = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
   * }</pre>
   */
  public static SparseMatrix pattern(int rows, int cols, int[] rowIndices, int[] columnIndices) {
    return Coordinates.build(rows, cols, rowIndices, columnIndices, Kind.PATTERN, null, null);
  }

  /** An integer matrix from coordinates; duplicate coordinates are summed. */
  public static SparseMatrix ofIntegers(
      int rows, int cols, int[] rowIndices, int[] columnIndices, int[] values) {
    return Coordinates.build(rows, cols, rowIndices, columnIndices, Kind.INTEGER, null, values);
  }

  /** A double matrix from coordinates; duplicate coordinates are summed. */
  public static SparseMatrix ofDoubles(
      int rows, int cols, int[] rowIndices, int[] columnIndices, double[] values) {
    return Coordinates.build(rows, cols, rowIndices, columnIndices, Kind.DOUBLE, values, null);
  }

  /** A boolean column vector (n×1) with {@code true} at the given row indices. */
  public static SparseMatrix columnVector(int n, int... trueIndices) {
    return pattern(n, 1, trueIndices, new int[trueIndices.length]);
  }

  // Factories from CSR arrays, checked, not copied.

  /**
   * Wraps CSR arrays of the given kind without copying. Pass {@code values} as a {@code double[]}
   * for {@link Kind#DOUBLE}, an {@code int[]} for {@link Kind#INTEGER} and {@code null} for {@link
   * Kind#PATTERN}.
   *
   * @throws IllegalArgumentException naming the first inconsistency: row pointers that do not start
   *     at 0, decrease, or do not end at the number of entries; a column index out of range or not
   *     strictly increasing within its row; a values array of the wrong type or length
   */
  public static SparseMatrix csr(
      int rows, int cols, int[] rowPointers, int[] columnIndices, Kind kind, Object values) {
    Coordinates.checkCsr(rows, cols, rowPointers, columnIndices);
    if (kind == null) {
      throw new IllegalArgumentException(
          "the CSR kind is null; pass SparseMatrix.Kind.DOUBLE, INTEGER or PATTERN");
    }
    int nnz = columnIndices.length;
    switch (kind) {
      case PATTERN:
        if (values != null) {
          throw new IllegalArgumentException("a PATTERN matrix has no values; pass null");
        }
        return new SparseMatrix(rows, cols, rowPointers, columnIndices, kind, null, null);
      case INTEGER:
        if (!(values instanceof int[]) || ((int[]) values).length != nnz) {
          throw new IllegalArgumentException(
              "an INTEGER matrix needs an int[" + nnz + "] of values");
        }
        return new SparseMatrix(rows, cols, rowPointers, columnIndices, kind, null, (int[]) values);
      default:
        if (!(values instanceof double[]) || ((double[]) values).length != nnz) {
          throw new IllegalArgumentException(
              "a DOUBLE matrix needs a double[" + nnz + "] of values");
        }
        return new SparseMatrix(
            rows, cols, rowPointers, columnIndices, kind, (double[]) values, null);
    }
  }

  /**
   * Converts a Commons Math matrix (any implementation, {@link OpenMapRealMatrix} included) to a
   * {@link Kind#DOUBLE} sparse matrix holding its non-zero elements. Reads every element once.
   */
  public static SparseMatrix from(RealMatrix matrix) {
    int rows = matrix.getRowDimension();
    int cols = matrix.getColumnDimension();
    int[] rowPointers = new int[rows + 1];
    int[] columnIndices = new int[16];
    double[] values = new double[16];
    int nnz = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = matrix.getEntry(i, j);
        if (v != 0.0) {
          if (nnz == values.length) {
            columnIndices = Arrays.copyOf(columnIndices, 2 * nnz);
            values = Arrays.copyOf(values, 2 * nnz);
          }
          columnIndices[nnz] = j;
          values[nnz++] = v;
        }
      }
      rowPointers[i + 1] = nnz;
    }
    return new SparseMatrix(
        rows,
        cols,
        rowPointers,
        Arrays.copyOf(columnIndices, nnz),
        Kind.DOUBLE,
        Arrays.copyOf(values, nnz),
        null);
  }

  /** The same pattern with new double values (for example an adjoint {@code dA} on A's pattern). */
  public SparseMatrix withValues(double[] values) {
    if (values.length != nnz()) {
      throw new IllegalArgumentException(
          "values for this pattern need length nnz=" + nnz() + ", got " + values.length);
    }
    return new SparseMatrix(rows, cols, rowPointers, columnIndices, Kind.DOUBLE, values, null);
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  /** The number of stored entries. */
  public int nnz() {
    return columnIndices.length;
  }

  /** The element kind. */
  public Kind kind() {
    return kind;
  }

  /** Row pointers, length rows + 1. Not a copy: do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Column index of each stored entry. Not a copy: do not modify. */
  public int[] columnIndices() {
    return columnIndices;
  }

  /** The values of a {@link Kind#DOUBLE} matrix. Not a copy: do not modify. */
  public double[] doubleValues() {
    requireKind(Kind.DOUBLE);
    return doubleValues;
  }

  /** The values of a {@link Kind#INTEGER} matrix. Not a copy: do not modify. */
  public int[] intValues() {
    requireKind(Kind.INTEGER);
    return intValues;
  }

  /** Stored entry {@code k} as a double (1.0 for a pattern). */
  public double storedValue(int k) {
    switch (kind) {
      case PATTERN:
        return 1.0;
      case INTEGER:
        return intValues[k];
      default:
        return doubleValues[k];
    }
  }

  /** Element (i, j), zero where nothing is stored. O(log nnz in row i). */
  public double get(int i, int j) {
    int k = Arrays.binarySearch(columnIndices, rowPointers[i], rowPointers[i + 1], j);
    return k >= 0 ? storedValue(k) : 0.0;
  }

  @Override
  public int shadowSize() {
    return nnz();
  }

  @Override
  public boolean isDifferentiable() {
    return kind == Kind.DOUBLE;
  }

  /** A Commons Math copy (an {@link OpenMapRealMatrix}; rows·cols must fit in an int). */
  public RealMatrix toRealMatrix() {
    OpenMapRealMatrix out = new OpenMapRealMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) {
        out.setEntry(i, columnIndices[k], storedValue(k));
      }
    }
    return out;
  }

  /** A dense {@code double[rows][cols]} copy. */
  public double[][] toArray() {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) {
        out[i][columnIndices[k]] = storedValue(k);
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "SparseMatrix(" + kind + ", " + rows + "x" + cols + ", nnz=" + nnz() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  private void requireKind(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException(
          describe() + " has no " + wanted + " values; check kind() before reading them");
    }
  }
}
