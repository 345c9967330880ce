package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.VecArg;

/**
 * Matrix-vector products {@link #TIMES} (A·x) and {@link #TRANSPOSE_TIMES} (Aᵀ·x), for a dense A
 * and a sparse A of every kind. A sparse {@code DOUBLE} A's adjoint lives on its stored pattern,
 * O(nnz); {@code PATTERN} and {@code INTEGER} matrices are always {@code Const}.
 */
public final class MatVec {
  private MatVec() {}

  /** y = A·x; x̄ += Aᵀ·ȳ, Ā += ȳ·xᵀ (on A's pattern when sparse); ẏ = Ȧ·x + A·ẋ. */
  public static final Rule<?> TIMES = new Product(false);

  /** y = Aᵀ·x; x̄ += A·ȳ, Ā += x·ȳᵀ (on A's pattern when sparse); ẏ = Ȧᵀ·x + Aᵀ·ẋ. */
  public static final Rule<?> TRANSPOSE_TIMES = new Product(true);

  /** y = op(A)·x with op(A) = A or Aᵀ. */
  private static final class Product implements SecondOrderRule<Saved> {
    private final boolean transpose;

    Product(boolean transpose) {
      this.transpose = transpose;
    }

    @Override
    public String name() {
      return transpose ? "transposeTimes(A, x)" : "times(A, x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      VecArg x = args.vec(1);
      out.primal(primal(a.primal(), x.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[outputLength(a.primal())];
        if (!a.isConst()) {
          addProduct(a.primal(), a.shadow(lane), x.primal(), t); // ẏ += op(Ȧ)·x
        }
        if (!x.isConst()) {
          addProduct(a.primal(), x.shadow(lane), t); // ẏ += op(A)·ẋ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      VecArg x = args.vec(1);
      out.primal(primal(a.primal(), x.primal()));
      return Saved.of(config, args, !x.isConst(), !a.isConst()); // x̄ reads A, Ā reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      MatArg a = args.mat(0);
      VecArg x = args.vec(1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        Matrix m = Saved.mat(saved, args, 0);
        if (transpose) {
          MatrixKernels.multAdd(1.0, m, g, x.shadow()); // x̄ += A·ȳ
        } else {
          MatrixKernels.multTransAdd(1.0, m, g, x.shadow()); // x̄ += Aᵀ·ȳ
        }
      }
      if (!a.isConst()) {
        double[] xs = Saved.vec(saved, args, 1);
        if (transpose) {
          MatrixKernels.addOuter(1.0, xs, g, a.primal(), a.shadow()); // Ā += x·ȳᵀ
        } else {
          MatrixKernels.addOuter(1.0, g, xs, a.primal(), a.shadow()); // Ā += ȳ·xᵀ
        }
      }
    }

    /** Bilinear in (A, x): only the cross terms move, x̄˙ += op(Ȧ)ᵀ·ȳ and Ā˙ += ȳ·ẋᵀ (or ẋ·ȳᵀ). */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      MatArg a = adjointTangents.mat(0);
      VecArg x = adjointTangents.vec(1);
      if (a.isConst() || x.isConst()) {
        return;
      }
      double[] g = out.adjoint();
      double[] aDot = tangents.mat(0).shadow();
      double[] xDot = tangents.vec(1).shadow();
      if (transpose) {
        MatrixKernels.multAdd(1.0, a.primal(), aDot, g, x.shadow()); // x̄˙ += Ȧ·ȳ
        MatrixKernels.addOuter(1.0, xDot, g, a.primal(), a.shadow()); // Ā˙ += ẋ·ȳᵀ
      } else {
        MatrixKernels.multTransAdd(1.0, a.primal(), aDot, g, x.shadow()); // x̄˙ += Ȧᵀ·ȳ
        MatrixKernels.addOuter(1.0, g, xDot, a.primal(), a.shadow()); // Ā˙ += ȳ·ẋᵀ
      }
    }

    private double[] primal(Matrix a, double[] x) {
      int inner = transpose ? a.rows() : a.cols();
      if (x.length != inner) {
        throw Shapes.error(
            name(),
            "A is "
                + Shapes.dims(a)
                + " but x has length "
                + x.length
                + " (must equal A's number of "
                + (transpose ? "rows)" : "columns)"));
      }
      double[] y = new double[outputLength(a)];
      addProduct(a, x, y);
      return y;
    }

    private int outputLength(Matrix a) {
      return transpose ? a.cols() : a.rows();
    }

    /** y += op(A)·x. */
    private void addProduct(Matrix a, double[] x, double[] y) {
      if (transpose) {
        MatrixKernels.multTransAdd(1.0, a, x, y);
      } else {
        MatrixKernels.multAdd(1.0, a, x, y);
      }
    }

    /** y += op(V)·x, V with A's layout and the given values. */
    private void addProduct(Matrix a, double[] values, double[] x, double[] y) {
      if (transpose) {
        MatrixKernels.multTransAdd(1.0, a, values, x, y);
      } else {
        MatrixKernels.multAdd(1.0, a, values, x, y);
      }
    }
  }
}
