package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.VecArg;

/** Reductions of a vector to a scalar: {@link #SUM} and {@link #SUM_OF_SQUARES}. */
public final class Reductions {
  private Reductions() {}

  /** out = Σ xᵢ; ∂out/∂xᵢ = 1. */
  public static final Rule<?> SUM = new Sum();

  /** out = Σ xᵢ²; ∂out/∂xᵢ = 2·xᵢ. */
  public static final Rule<?> SUM_OF_SQUARES = new SumOfSquares();

  private static final class Sum implements Rule<Void> {
    @Override
    public String name() {
      return "sum(x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(DenseKernels.sum(x.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, x.isConst() ? 0.0 : DenseKernels.sum(x.shadow(lane))); // Σ ẋᵢ
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      out.primal(DenseKernels.sum(args.vec(0).primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        double g = out.scalarAdjoint();
        double[] dx = x.shadow();
        for (int i = 0; i < dx.length; i++) {
          dx[i] += g; // x̄ᵢ += ḡ
        }
      }
    }
  }

  private static final class SumOfSquares implements Rule<Saved> {
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
  }
}
