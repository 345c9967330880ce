package dev.ad4j.gradbench;

import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;

/**
 * lse: {@code primal} {x:[n]} ↦ log Σ exp xᵢ by ad4j's stable {@code Linalg.logSumExp}; {@code
 * gradient} its gradient (the softmax) by ad4j's reverse mode.
 */
final class LseModule implements EvalModule {
  @Override
  public String name() {
    return "lse";
  }

  @Override
  public Run prepare(String function, Object input) {
    double[] x = Fields.numbers(Fields.object(input, "lse input"), "x");
    return switch (function) {
      case "primal" -> () -> Linalg.logSumExp(Vec.constant(x)).value();
      case "gradient" -> () -> Autodiff.gradient(Linalg::logSumExp, x);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }
}
