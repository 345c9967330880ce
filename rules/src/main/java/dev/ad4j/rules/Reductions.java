package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.VecArg;

/**
 * Reductions of a vector to a scalar: {@link #SUM}, {@link #MEAN}, {@link #SUM_OF_SQUARES}, {@link
 * #NORM2}, {@link #LOG_SUM_EXP} and {@link #MAX}.
 *
 * <h2>Non-smooth points</h2>
 *
 * {@link #NORM2} at x = 0 and {@link #MAX} at ties have no derivative; each rule documents the
 * subgradient it returns there.
 */
public final class Reductions {
  private Reductions() {}

  /** out = Σ xᵢ; ∂out/∂xᵢ = 1. */
  public static final Rule<?> SUM = new Sum("sum(x)", false);

  /** out = Σ xᵢ / n; ∂out/∂xᵢ = 1/n (NaN for an empty x). */
  public static final Rule<?> MEAN = new Sum("mean(x)", true);

  /** out = Σ xᵢ²; ∂out/∂xᵢ = 2·xᵢ. */
  public static final Rule<?> SUM_OF_SQUARES = new SumOfSquares();

  /**
   * out = log Σ e^(xᵢ), computed as m + log Σ e^(xᵢ−m) with m = max x (finite for any finite x);
   * ∂out/∂xᵢ = softmax(x)ᵢ = e^(xᵢ−m) / Σⱼ e^(xⱼ−m).
   */
  public static final Rule<?> LOG_SUM_EXP = new LogSumExp();

  /** out = ‖x‖ = √Σ xᵢ²; ∂out/∂x = x/‖x‖, and the subgradient 0 at x = 0. */
  public static final Rule<?> NORM2 = new Norm2();

  /**
   * out = max xᵢ; ∂out/∂xₖ = 1 at the argmax k, 0 elsewhere. At ties k is the FIRST index holding
   * the maximum (a subgradient); an empty x throws {@link IllegalArgumentException}.
   */
  public static final Rule<?> MAX = new Max();

  /** Σ xᵢ, or Σ xᵢ / n when {@code mean}: both linear, so nothing is saved. */
  private static final class Sum implements SecondOrderRule<Void> {
    private final String name;
    private final boolean mean;

    Sum(String name, boolean mean) {
      this.name = name;
      this.mean = mean;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      double c = factor(x);
      out.primal(c * DenseKernels.sum(x.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, x.isConst() ? 0.0 : c * DenseKernels.sum(x.shadow(lane))); // c·Σ ẋᵢ
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(factor(x) * DenseKernels.sum(x.primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        double g = factor(x) * out.scalarAdjoint();
        double[] dx = x.shadow();
        for (int i = 0; i < dx.length; i++) {
          dx[i] += g; // x̄ᵢ += c·ḡ
        }
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
      // Linear: the reverse does not depend on x, so nothing changes along ẋ.
    }

    private double factor(VecArg x) {
      return mean ? 1.0 / x.size() : 1.0;
    }
  }

  private static final class SumOfSquares implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "sumOfSquares(x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(DenseKernels.dot(x.primal(), x.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double t = x.isConst() ? 0.0 : 2.0 * DenseKernels.dot(x.primal(), x.shadow(lane));
        out.tangent(lane, t); // 2·x·ẋ
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(DenseKernels.dot(x.primal(), x.primal()));
      return Saved.of(config, args, !x.isConst()); // x̄ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        double g = out.scalarAdjoint();
        DenseKernels.addScaled(2.0 * g, Saved.vec(saved, args, 0), x.shadow()); // x̄ += 2ḡ·x
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      VecArg x = adjointTangents.vec(0);
      if (!x.isConst()) {
        double g = out.scalarAdjoint();
        DenseKernels.addScaled(2.0 * g, tangents.vec(0).shadow(), x.shadow()); // x̄˙ += 2ḡ·ẋ
      }
    }
  }

  private static final class LogSumExp implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "logSumExp(x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(ReductionKernels.logSumExp(x.primal()));
      boolean active = config.needsShadow() && !x.isConst();
      double[] p = active ? ReductionKernels.softmax(x.primal()) : null;
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, p == null ? 0.0 : DenseKernels.dot(p, x.shadow(lane))); // softmax·ẋ
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(ReductionKernels.logSumExp(x.primal()));
      return Saved.of(config, args, !x.isConst()); // x̄ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        double[] p = ReductionKernels.softmax(Saved.vec(saved, args, 0));
        DenseKernels.addScaled(out.scalarAdjoint(), p, x.shadow()); // x̄ += ḡ·softmax(x)
      }
    }

    /** p = softmax(x) moves by ṗ = p ⊙ ẋ − p·(p·ẋ), so x̄˙ += ḡ·ṗ. */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      VecArg x = adjointTangents.vec(0);
      if (!x.isConst()) {
        double g = out.scalarAdjoint();
        double[] p = ReductionKernels.softmax(x.primal());
        double[] xDot = tangents.vec(0).shadow();
        DenseKernels.addProduct(g, p, xDot, x.shadow()); // ḡ·p ⊙ ẋ
        DenseKernels.addScaled(-g * DenseKernels.dot(p, xDot), p, x.shadow()); // −ḡ·(p·ẋ)·p
      }
    }
  }

  private static final class Norm2 implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "norm2(x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      double norm = ReductionKernels.norm2(x.primal());
      out.primal(norm);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double t = x.isConst() ? 0.0 : ReductionKernels.unitDot(x.primal(), norm, x.shadow(lane));
        out.tangent(lane, t); // (x/‖x‖)·ẋ, 0 at x = 0
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(ReductionKernels.norm2(x.primal()));
      return Saved.of(config, args, !x.isConst()); // x̄ reads x (and the output)
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      double norm = out.scalarPrimal();
      if (!x.isConst() && norm != 0.0) {
        double g = out.scalarAdjoint();
        DenseKernels.addScaled(g / norm, Saved.vec(saved, args, 0), x.shadow()); // x̄ += ḡ·x/‖x‖
      }
    }

    /** u = x/‖x‖ moves by u̇ = (ẋ − u·(u·ẋ))/‖x‖, so x̄˙ += ḡ·u̇ (0 at x = 0, as the gradient). */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      VecArg x = adjointTangents.vec(0);
      double norm = out.scalarPrimal();
      if (!x.isConst() && norm != 0.0) {
        double g = out.scalarAdjoint();
        double[] xs = x.primal();
        double[] xDot = tangents.vec(0).shadow();
        double uDotXDot = DenseKernels.dot(xs, xDot) / norm;
        DenseKernels.addScaled(g / norm, xDot, x.shadow()); // ḡ·ẋ/‖x‖
        DenseKernels.addScaled(-g * uDotXDot / (norm * norm), xs, x.shadow()); // −ḡ·u·(u·ẋ)/‖x‖
      }
    }
  }

  /** Saves the argmax (not x) for the reverse pass, and only when x is not {@code Const}. */
  private static final class Max implements SecondOrderRule<Integer> {
    @Override
    public String name() {
      return "max(x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      int k = argmax(x);
      out.primal(x.primal()[k]);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, x.isConst() ? 0.0 : x.shadow(lane)[k]); // ẋₖ
      }
    }

    @Override
    public Integer augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      int k = argmax(x);
      out.primal(x.primal()[k]);
      return x.isConst() ? null : k; // x̄ reads only k
    }

    @Override
    public void reverse(Config config, Args args, Output out, Integer k) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        x.shadow()[k] += out.scalarAdjoint(); // x̄ₖ += ḡ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Integer k) {
      // Piecewise linear: away from ties the reverse does not move with x.
    }

    private int argmax(VecArg x) {
      if (x.size() == 0) {
        throw Shapes.error(name(), "x is empty; the maximum of no elements is undefined");
      }
      return ReductionKernels.argmax(x.primal());
    }
  }
}
