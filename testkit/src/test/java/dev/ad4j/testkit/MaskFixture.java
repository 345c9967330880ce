package dev.ad4j.testkit;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Support;

/**
 * A rule declaring {@link Support#nonDifferentiable()}: {@code [x > 0]} elementwise, or, planted,
 * the identity (whose derivative is not zero).
 */
final class MaskFixture implements Rule<Void> {
  private final boolean identity;

  MaskFixture(boolean identity) {
    this.identity = identity;
  }

  @Override
  public String name() {
    return identity ? "identity declared as a mask" : "positive(x)";
  }

  @Override
  public Support support() {
    return Support.nonDifferentiable();
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    double[] x = args.vec(0).primal();
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = identity ? x[i] : (x[i] > 0 ? 1.0 : 0.0);
    }
    out.primal(y);
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      out.tangent(lane, new double[x.length]);
    }
  }

  @Override
  public Void augmentedPrimal(Config config, Args args, Output out) {
    forward(Config.primalOnly(), args, out);
    return null;
  }

  @Override
  public void reverse(Config config, Args args, Output out, Void saved) {}
}
