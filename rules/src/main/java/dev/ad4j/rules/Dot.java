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
 * Dot products: {@link #DOT} of two dense vectors, and {@link #SPARSE_DOT} of a row or column
 * matrix (sparse of any kind, or dense) with a vector.
 *
 * <p>{@code SPARSE_DOT} is the motivating case of ad4j: {@code dot(sparse([true; false]), v)} has
 * gradient {@code [1, 0]} for {@code v}, and nothing at all is computed for the boolean {@code s},
 * which is always {@code Const}.
 */
public final class Dot {
  private Dot() {}

  /** out = x·y; ∂out/∂x = y, ∂out/∂y = x. */
  public static final Rule<?> DOT = new VectorDot();

  /**
   * out = s·v for an n×1 or 1×n matrix s; ∂out/∂v = s (O(nnz) when sparse), ∂out/∂s = v on s's
   * layout (its stored pattern when sparse).
   */
  public static final Rule<?> SPARSE_DOT = new MatrixDot();

  /**
   * The unit vector that turns a row or column into a bilinear form: s·v = vᵀ·s·1 = 1ᵀ·s·v. A fresh
   * array per call, so no rule shares a mutable static.
   */
  private static double[] one() {
    return new double[] {1.0};
  }

  private static final class VectorDot implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "dot(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double t = x.isConst() ? 0.0 : DenseKernels.dot(x.shadow(lane), y.primal());
        out.tangent(lane, t + (y.isConst() ? 0.0 : DenseKernels.dot(x.primal(), y.shadow(lane))));
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      return Saved.of(config, args, !y.isConst(), !x.isConst()); // x̄ reads y, ȳ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double g = out.scalarAdjoint();
      if (!x.isConst()) {
        DenseKernels.addScaled(g, Saved.vec(saved, args, 1), x.shadow()); // x̄ += ḡ·y
      }
      if (!y.isConst()) {
        DenseKernels.addScaled(g, Saved.vec(saved, args, 0), y.shadow()); // ȳ += ḡ·x
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      VecArg x = adjointTangents.vec(0);
      VecArg y = adjointTangents.vec(1);
      double g = out.scalarAdjoint();
      if (!x.isConst() && !y.isConst()) {
        DenseKernels.addScaled(g, tangents.vec(1).shadow(), x.shadow()); // x̄˙ += ḡ·ẏ
        DenseKernels.addScaled(g, tangents.vec(0).shadow(), y.shadow()); // ȳ˙ += ḡ·ẋ
      }
    }

    private double primal(double[] x, double[] y) {
      Shapes.sameLength(name(), x, y);
      return DenseKernels.dot(x, y);
    }
  }

  private static final class MatrixDot implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "dot(s, v)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg s = args.mat(0);
      VecArg v = args.vec(1);
      out.primal(primal(s.primal(), v.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double t = s.isConst() ? 0.0 : dot(s.primal(), s.shadow(lane), v.primal()); // ṡ·v
        out.tangent(lane, t + (v.isConst() ? 0.0 : dot(s.primal(), v.shadow(lane)))); // + s·v̇
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      MatArg s = args.mat(0);
      VecArg v = args.vec(1);
      out.primal(primal(s.primal(), v.primal()));
      return Saved.of(config, args, !v.isConst(), !s.isConst()); // s̄ reads v, v̄ reads s
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      MatArg s = args.mat(0);
      VecArg v = args.vec(1);
      double g = out.scalarAdjoint();
      if (!v.isConst()) {
        addScaledS(g, Saved.mat(saved, args, 0), v.shadow()); // v̄ += ḡ·s
      }
      if (!s.isConst()) {
        addScaledV(g, s.primal(), Saved.vec(saved, args, 1), s.shadow()); // s̄ += ḡ·v on s
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      MatArg s = adjointTangents.mat(0);
      VecArg v = adjointTangents.vec(1);
      double g = out.scalarAdjoint();
      if (!s.isConst() && !v.isConst()) {
        addScaledS(g, s.primal(), tangents.mat(0).shadow(), v.shadow()); // v̄˙ += ḡ·ṡ
        addScaledV(g, s.primal(), tangents.vec(1).shadow(), s.shadow()); // s̄˙ += ḡ·v̇ on s
      }
    }

    private double primal(Matrix s, double[] v) {
      int n = v.length;
      if (!(s.cols() == 1 && s.rows() == n) && !(s.rows() == 1 && s.cols() == n)) {
        throw Shapes.error(
            name(),
            "s must be a column (n x 1) or a row (1 x n) with n = v's length "
                + n
                + ", but s is "
                + Shapes.dims(s));
      }
      return dot(s, v);
    }
  }

  // s·v = vᵀ·s·1 for a column s, 1ᵀ·s·v for a row s.

  private static boolean isColumn(Matrix s) {
    return s.cols() == 1;
  }

  /** Returns s·v. */
  private static double dot(Matrix s, double[] v) {
    return isColumn(s) ? MatrixKernels.bilinear(v, s, one()) : MatrixKernels.bilinear(one(), s, v);
  }

  /** Returns w·v, w with s's layout and the values {@code w}. */
  private static double dot(Matrix s, double[] w, double[] v) {
    return isColumn(s)
        ? MatrixKernels.bilinear(v, s, w, one())
        : MatrixKernels.bilinear(one(), s, w, v);
  }

  /** y += alpha·s (scattered from s's stored entries). */
  private static void addScaledS(double alpha, Matrix s, double[] y) {
    if (isColumn(s)) {
      MatrixKernels.multAdd(alpha, s, one(), y);
    } else {
      MatrixKernels.multTransAdd(alpha, s, one(), y);
    }
  }

  /** y += alpha·w, w with s's layout and the values {@code w}. */
  private static void addScaledS(double alpha, Matrix s, double[] w, double[] y) {
    if (isColumn(s)) {
      MatrixKernels.multAdd(alpha, s, w, one(), y);
    } else {
      MatrixKernels.multTransAdd(alpha, s, w, one(), y);
    }
  }

  /** ds += alpha·v in s's layout (gathered onto its stored entries). */
  private static void addScaledV(double alpha, Matrix s, double[] v, double[] ds) {
    if (isColumn(s)) {
      MatrixKernels.addOuter(alpha, v, one(), s, ds);
    } else {
      MatrixKernels.addOuter(alpha, one(), v, s, ds);
    }
  }
}
