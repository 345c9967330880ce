package dev.ad4j.testkit;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Support;
import dev.ad4j.api.VecArg;

/**
 * {@code out = x·y} written for these tests, correct unless a {@link Bug} is planted. Saves a copy
 * of y (resp. x) when it is overwritten and x (resp. y) is active.
 */
final class DotFixture implements Rule<double[][]> {
  enum Bug {
    NONE,
    WRONG_PARTIAL,
    ASSIGNS_SHADOW,
    IGNORES_OVERWRITTEN,
    WRITES_CONST_PRIMAL,
    FORWARD_DISAGREES,
    ONE_LANE_ONLY
  }

  private final Bug bug;
  private final Support support;

  DotFixture(Bug bug) {
    this(bug, Support.all());
  }

  DotFixture(Bug bug, Support support) {
    this.bug = bug;
    this.support = support;
  }

  @Override
  public String name() {
    return "dotFixture";
  }

  @Override
  public Support support() {
    return support;
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    VecArg y = args.vec(1);
    out.primal(dot(x.primal(), y.primal()));
    if (!config.needsShadow()) {
      return;
    }
    int width = bug == Bug.ONE_LANE_ONLY ? 1 : config.width();
    for (int lane = 0; lane < width; lane++) {
      double t = 0.0;
      if (!x.isConst()) {
        t += dot(x.shadow(lane), y.primal());
      }
      if (!y.isConst()) {
        t += dot(x.primal(), y.shadow(lane)) * (bug == Bug.FORWARD_DISAGREES ? 1.01 : 1.0);
      }
      out.tangent(lane, t);
    }
    if (bug == Bug.WRITES_CONST_PRIMAL && y.isConst() && !x.isConst()) {
      y.primal()[0] += 1e-3;
    }
  }

  @Override
  public double[][] augmentedPrimal(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    VecArg y = args.vec(1);
    out.primal(dot(x.primal(), y.primal()));
    boolean copy = bug != Bug.IGNORES_OVERWRITTEN;
    double[] xs = copy && config.overwritten(0) && !y.isConst() ? x.primal().clone() : x.primal();
    double[] ys = copy && config.overwritten(1) && !x.isConst() ? y.primal().clone() : y.primal();
    return new double[][] {xs, ys};
  }

  @Override
  public void reverse(Config config, Args args, Output out, double[][] saved) {
    VecArg x = args.vec(0);
    VecArg y = args.vec(1);
    double g = out.scalarAdjoint();
    if (!x.isConst()) {
      add(g, saved[1], x.shadow());
    }
    if (!y.isConst()) {
      add(bug == Bug.WRONG_PARTIAL ? 2 * g : g, saved[0], y.shadow());
    }
  }

  private void add(double g, double[] from, double[] to) {
    for (int i = 0; i < to.length; i++) {
      if (bug == Bug.ASSIGNS_SHADOW) {
        to[i] = g * from[i];
      } else {
        to[i] += g * from[i];
      }
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
