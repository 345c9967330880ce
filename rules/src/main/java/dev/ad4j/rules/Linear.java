package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.SecondOrderRule;

/**
 * A rule linear in its arguments that only moves elements (the {@link Indexing} rules): the tangent
 * is the same map applied to the shadows, and the reverse pass never reads a primal, so the
 * augmented primal saves nothing. Subclasses give the primal, one tangent lane, and the reverse.
 * Nesting adds nothing: a linear reverse does not move with the primals.
 */
abstract class Linear implements SecondOrderRule<Void> {
  /** The output's values in its shadow layout (checks shapes first). Never aliases an input. */
  abstract double[] primal(Args args);

  /** The tangent of lane {@code lane}, from the shadows of the non-{@code Const} arguments. */
  abstract double[] tangent(Args args, int lane);

  /** Sets the output's primal from its values: a vector unless the subclass says otherwise. */
  void setPrimal(Args args, Output out, double[] values) {
    out.primal(values);
  }

  @Override
  public final void forward(Config config, Args args, Output out) {
    setPrimal(args, out, primal(args));
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      out.tangent(lane, tangent(args, lane));
    }
  }

  @Override
  public final Void augmentedPrimal(Config config, Args args, Output out) {
    setPrimal(args, out, primal(args));
    return null; // linear: the reverse reads no primal
  }

  @Override
  public final void reverseSecondOrder(
      Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
    // Linear: the reverse does not depend on the primals.
  }

  @Override
  public String toString() {
    return name();
  }
}
