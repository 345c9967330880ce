package dev.ad4j.engine;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Support;
import dev.ad4j.api.Support.Need;
import java.util.concurrent.atomic.AtomicInteger;

/** A rule declaring that its reverse supports only a Const first argument; bodies count calls. */
final class QuadraticFormTestRule implements Rule<Void> {
  static final QuadraticFormTestRule RULE = new QuadraticFormTestRule();
  final AtomicInteger augmentedCalls = new AtomicInteger();

  @Override
  public String name() {
    return "quadraticFormTest";
  }

  @Override
  public Support support() {
    return Support.builder().reverse(Need.CONST, Need.ANY).build();
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    throw new AssertionError("not used in these tests");
  }

  @Override
  public Void augmentedPrimal(Config config, Args args, Output out) {
    augmentedCalls.incrementAndGet();
    throw new AssertionError("must not run for an unsupported combination");
  }

  @Override
  public void reverse(Config config, Args args, Output out, Void saved) {
    throw new AssertionError("must not run for an unsupported combination");
  }
}
