package dev.ad4j.engine;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.VecArg;
import java.util.concurrent.atomic.AtomicInteger;

/** Small rules for engine tests, written as a user would. */
final class TestRules {
  private TestRules() {}

  /** {@code out = Σ w_i x_i²} with constant weights; counts calls of each body. */
  static final class WeightedSquares implements Rule<Void> {
    final double[] weights;
    final AtomicInteger forwardCalls = new AtomicInteger();
    final AtomicInteger primalOnlyCalls = new AtomicInteger();
    final AtomicInteger reverseCalls = new AtomicInteger();
    final boolean failInReverse;

    WeightedSquares(double[] weights, boolean failInReverse) {
      this.weights = weights;
      this.failInReverse = failInReverse;
    }

    @Override
    public String name() {
      return "weightedSquares";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      (config.needsShadow() ? forwardCalls : primalOnlyCalls).incrementAndGet();
      VecArg x = args.vec(0);
      out.primal(value(x.primal()));
      for (int lane = 0; lane < config.width() && config.needsShadow(); lane++) {
        double t = 0;
        for (int i = 0; i < weights.length && !x.isConst(); i++) {
          t += 2 * weights[i] * x.primal()[i] * x.shadow(lane)[i];
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      out.primal(value(args.vec(0).primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      reverseCalls.incrementAndGet();
      VecArg x = args.vec(0);
      if (x.isConst()) {
        return;
      }
      for (int i = 0; i < weights.length; i++) {
        x.shadow()[i] += out.scalarAdjoint() * 2 * weights[i] * x.primal()[i];
        if (failInReverse && i == weights.length / 2) {
          throw new IllegalStateException("planted failure half-way through the reverse body");
        }
      }
    }

    private double value(double[] x) {
      double s = 0;
      for (int i = 0; i < weights.length; i++) {
        s += weights[i] * x[i] * x[i];
      }
      return s;
    }
  }
}
