package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;

/**
 * The rectangular blocks of a dense matrix for {@link Indexing#row}, {@link Indexing#column},
 * {@link Indexing#rows} and {@link Indexing#block}: Y = A[r0:r1, c0:c1] (a vector for a row or a
 * column). Y_ij = A[r0 + i, c0 + j], so Ā[r0 + i, c0 + j] += Ȳ_ij and Ẏ = Ȧ[r0:r1, c0:c1]; the rest
 * of Ā is not touched.
 */
final class MatrixSlices extends Linear {
  /** An end that means "to the last row" or "to the last column". */
  static final int END = -1;

  private final String name;
  private final int rowFrom;
  private final int rowTo;
  private final int colFrom;
  private final int colTo;
  private final boolean vector;

  MatrixSlices(String name, int rowFrom, int rowTo, int colFrom, int colTo, boolean vector) {
    this.name = name;
    this.rowFrom = rowFrom;
    this.rowTo = rowTo;
    this.colFrom = colFrom;
    this.colTo = colTo;
    this.vector = vector;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  double[] primal(Args args) {
    Matrix m = args.mat(0).primal();
    if (!(m instanceof DenseMatrix a)) {
      throw Shapes.error(name, "slicing is for dense matrices; a is " + m.describe());
    }
    if (rowEnd(a) > a.rows() || colEnd(a) > a.cols()) {
      throw Shapes.error(
          name,
          "a is "
              + Shapes.dims(a)
              + " but the block spans rows "
              + rowFrom
              + ":"
              + rowEnd(a)
              + ", columns "
              + colFrom
              + ":"
              + colEnd(a));
    }
    return copyBlock(a, a.values());
  }

  @Override
  void setPrimal(Args args, Output out, double[] values) {
    Matrix a = args.mat(0).primal();
    if (vector) {
      out.primal(values);
    } else {
      out.primal(DenseMatrix.wrap(rowEnd(a) - rowFrom, colEnd(a) - colFrom, values));
    }
  }

  @Override
  double[] tangent(Args args, int lane) {
    MatArg a = args.mat(0);
    Matrix m = a.primal();
    return a.isConst()
        ? new double[(rowEnd(m) - rowFrom) * (colEnd(m) - colFrom)]
        : copyBlock(m, a.shadow(lane)); // Ẏ = Ȧ[r0:r1, c0:c1]
  }

  @Override
  public void reverse(Config config, Args args, Output out, Void saved) {
    MatArg a = args.mat(0);
    if (!a.isConst()) {
      Matrix m = a.primal();
      double[] g = out.adjoint();
      double[] da = a.shadow();
      int width = colEnd(m) - colFrom;
      for (int i = rowFrom; i < rowEnd(m); i++) {
        for (int j = colFrom; j < colEnd(m); j++) {
          da[i * m.cols() + j] += g[(i - rowFrom) * width + j - colFrom]; // Ā[i, j] += Ȳ
        }
      }
    }
  }

  /** The block of a row-major array laid out like {@code a}. */
  private double[] copyBlock(Matrix a, double[] values) {
    int width = colEnd(a) - colFrom;
    double[] y = new double[(rowEnd(a) - rowFrom) * width];
    for (int i = rowFrom; i < rowEnd(a); i++) {
      System.arraycopy(values, i * a.cols() + colFrom, y, (i - rowFrom) * width, width);
    }
    return y;
  }

  private int rowEnd(Matrix a) {
    return rowTo == END ? a.rows() : rowTo;
  }

  private int colEnd(Matrix a) {
    return colTo == END ? a.cols() : colTo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatrixSlices s
        && s.rowFrom == rowFrom
        && s.rowTo == rowTo
        && s.colFrom == colFrom
        && s.colTo == colTo
        && s.vector == vector;
  }

  @Override
  public int hashCode() {
    return ((31 * rowFrom + rowTo) * 31 + colFrom) * 31 + colTo + (vector ? 7 : 0);
  }
}
