package dev.ad4j.api;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A dense matrix stored row-major in one {@code double[]}: element (i, j) is {@code values()[i *
 * cols + j]}.
 *
 * <p>Instances share the array they wrap; ad4j never writes into it. Use {@link #of(double[][])} or
 * {@link #from(RealMatrix)} to copy from other layouts.
 */
public final class DenseMatrix implements Matrix {
  private final int rows;
  private final int cols;
  private final double[] values;

  private DenseMatrix(int rows, int cols, double[] values) {
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /**
   * Wraps a row-major array without copying it.
   *
   * @throws IllegalArgumentException if a dimension is negative or {@code values.length != rows *
   *     cols}
   */
  public static DenseMatrix wrap(int rows, int cols, double[] values) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "DenseMatrix dimensions must be non-negative, got " + rows + "x" + cols);
    }
    if (values == null) {
      throw new IllegalArgumentException("DenseMatrix values must not be null");
    }
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException(
          "DenseMatrix "
              + rows
              + "x"
              + cols
              + " needs "
              + ((long) rows * cols)
              + " row-major values, got "
              + values.length);
    }
    return new DenseMatrix(rows, cols, values);
  }

  /** Copies a rectangular {@code double[][]} (rows of equal length). */
  public static DenseMatrix of(double[][] data) {
    int rows = data.length;
    int cols = rows == 0 ? 0 : data[0].length;
    double[] values = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      if (data[i].length != cols) {
        throw new IllegalArgumentException(
            "row " + i + " has " + data[i].length + " columns, row 0 has " + cols);
      }
      System.arraycopy(data[i], 0, values, i * cols, cols);
    }
    return new DenseMatrix(rows, cols, values);
  }

  /** Copies any Commons Math matrix (for a sparse one, consider {@link SparseMatrix#from}). */
  public static DenseMatrix from(RealMatrix matrix) {
    return of(matrix.getData());
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  /** The row-major backing array. Not a copy: do not modify. */
  public double[] values() {
    return values;
  }

  /** Element (i, j). */
  public double get(int i, int j) {
    return values[i * cols + j];
  }

  @Override
  public int shadowSize() {
    return values.length;
  }

  @Override
  public boolean isDifferentiable() {
    return true;
  }

  /** A fresh {@code double[rows][cols]} copy. */
  public double[][] toArray() {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }
    return out;
  }

  /** A fresh Commons Math copy. */
  public RealMatrix toRealMatrix() {
    return new Array2DRowRealMatrix(toArray(), false);
  }

  @Override
  public String describe() {
    return "DenseMatrix(" + rows + "x" + cols + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
