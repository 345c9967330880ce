package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.engine.Autodiff;

/** hello: {@code square} x ↦ x², {@code double} x ↦ d(x²)/dx = 2x by ad4j's reverse mode. */
final class HelloModule implements EvalModule {
  @Override
  public String name() {
    return "hello";
  }

  @Override
  public Run prepare(String function, Object input) {
    if (!(input instanceof Double d)) {
      throw new JsonException("hello: the input must be a number");
    }
    double x = d;
    return switch (function) {
      case "square" -> () -> x * x;
      case "double" -> () -> Autodiff.gradient(v -> square(v.get(0)), new double[] {x})[0];
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  private static Scalar square(Scalar x) {
    return x.times(x);
  }
}
