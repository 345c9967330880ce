package dev.ad4j.testkit;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.VecArg;

/** out = Σ xᵢ², nestable; planted: its second-order body adds ḡ·ẋ instead of 2ḡ·ẋ. */
final class SquaresFixture implements SecondOrderRule<double[]> {
  private final boolean wrongSecondOrder;

  SquaresFixture(boolean wrongSecondOrder) {
    this.wrongSecondOrder = wrongSecondOrder;
  }

  @Override
  public String name() {
    return "squares";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    out.primal(DotFixture.dot(x.primal(), x.primal()));
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      out.tangent(lane, x.isConst() ? 0.0 : 2 * DotFixture.dot(x.primal(), x.shadow(lane)));
    }
  }

  @Override
  public double[] augmentedPrimal(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    out.primal(DotFixture.dot(x.primal(), x.primal()));
    return x.isConst() ? null : config.overwritten(0) ? x.primal().clone() : x.primal();
  }

  @Override
  public void reverse(Config config, Args args, Output out, double[] saved) {
    VecArg x = args.vec(0);
    for (int i = 0; !x.isConst() && i < x.size(); i++) {
      x.shadow()[i] += 2 * out.scalarAdjoint() * saved[i];
    }
  }

  @Override
  public void reverseSecondOrder(
      Config config, Args adjointTangents, Args tangents, Output out, double[] saved) {
    VecArg x = adjointTangents.vec(0);
    double factor = wrongSecondOrder ? 1 : 2;
    for (int i = 0; !x.isConst() && i < x.size(); i++) {
      x.shadow()[i] += factor * out.scalarAdjoint() * tangents.vec(0).shadow()[i];
    }
  }
}
