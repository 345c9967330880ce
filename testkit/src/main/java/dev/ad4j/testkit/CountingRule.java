package dev.ad4j.testkit;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Support;

/** Delegates to a rule and counts calls of each body, to prove the rule itself ran. */
final class CountingRule<S> implements Rule<S> {
  private final Rule<S> rule;
  int forwardCalls;
  int augmentedCalls;
  int reverseCalls;

  CountingRule(Rule<S> rule) {
    this.rule = rule;
  }

  @Override
  public String name() {
    return rule.name();
  }

  @Override
  public Support support() {
    return rule.support();
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    forwardCalls++;
    rule.forward(config, args, out);
  }

  @Override
  public S augmentedPrimal(Config config, Args args, Output out) {
    augmentedCalls++;
    return rule.augmentedPrimal(config, args, out);
  }

  @Override
  public void reverse(Config config, Args args, Output out, S saved) {
    reverseCalls++;
    rule.reverse(config, args, out, saved);
  }

  /** Runs both reverse halves, seeding {@code adjoint}; returns the output. */
  Output reverseSweep(Config config, Args args, double[] adjoint, Runnable betweenPasses) {
    Output out = new Output(1);
    S saved = augmentedPrimal(config, args, out);
    out.checkForward(this, config);
    betweenPasses.run();
    if (out.shadowSize() != adjoint.length) {
      throw new AssertionError(
          "rule '" + name() + "' output changed shape between calls: " + out.shadowSize());
    }
    if (out.kind() == dev.ad4j.api.ValueKind.SCALAR) {
      out.seedAdjoint(adjoint[0]);
    } else {
      out.seedAdjoint(adjoint);
    }
    reverse(config, args, out, saved);
    return out;
  }
}
