package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.VecArg;

/**
 * {@link Indexing#reshape} and {@link Indexing#FLATTEN}: the row-major elements of a dense matrix
 * or a vector, read as another shape. A dense shadow is row-major too, so tangents and adjoints
 * pass through unchanged (the identity on the element sequence). Sparse matrices are rejected:
 * their shadow lives on the stored pattern, which a reshape would not keep.
 */
final class Reshape extends Linear {
  /** Flattening: a dense matrix to its row-major vector. */
  static final Reshape FLATTEN = new Reshape(-1, -1);

  private final int rows;
  private final int cols;

  private Reshape(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  /** A rule to a dense rows×cols matrix. */
  static Reshape to(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "reshape(a, rows, cols): dimensions must be non-negative, got " + rows + "x" + cols);
    }
    return new Reshape(rows, cols);
  }

  private boolean flattens() {
    return rows < 0;
  }

  @Override
  public String name() {
    return flattens() ? "flatten(a)" : "reshape(a, " + rows + "x" + cols + ")";
  }

  @Override
  double[] primal(Args args) {
    double[] values = elements(args.get(0));
    if (!flattens() && (long) rows * cols != values.length) {
      throw Shapes.error(
          name(),
          "a has "
              + values.length
              + " elements ("
              + args.get(0).describe()
              + ") but a "
              + rows
              + "x"
              + cols
              + " matrix holds "
              + ((long) rows * cols));
    }
    return values.clone();
  }

  @Override
  void setPrimal(Args args, Output out, double[] values) {
    if (flattens()) {
      out.primal(values);
    } else {
      out.primal(DenseMatrix.wrap(rows, cols, values));
    }
  }

  @Override
  double[] tangent(Args args, int lane) {
    ArrayArg a = (ArrayArg) args.get(0);
    return a.isConst() ? new double[shadowSize(a)] : a.shadow(lane).clone(); // Ẏ = Ȧ
  }

  @Override
  public void reverse(Config config, Args args, Output out, Void saved) {
    ArrayArg a = (ArrayArg) args.get(0);
    if (!a.isConst()) {
      DenseKernels.addScaled(1.0, out.adjoint(), a.shadow()); // Ā += Ȳ, element by element
    }
  }

  /** The row-major elements of a dense matrix (or, unless flattening, a vector); not a copy. */
  private double[] elements(RuleArg a) {
    if (a instanceof VecArg v && !flattens()) {
      return v.primal();
    }
    if (!(a instanceof MatArg m)) {
      throw Shapes.error(name(), "a is a " + a.describe() + "; expected a dense matrix");
    }
    Matrix matrix = m.primal();
    if (!(matrix instanceof DenseMatrix d)) {
      throw Shapes.error(
          name(),
          (flattens() ? "flatten" : "reshape")
              + " is for dense matrices; a is "
              + matrix.describe());
    }
    return d.values();
  }

  private static int shadowSize(ArrayArg a) {
    return a instanceof VecArg v ? v.size() : ((MatArg) a).primal().shadowSize();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reshape r && r.rows == rows && r.cols == cols;
  }

  @Override
  public int hashCode() {
    return 31 * rows + cols;
  }
}
