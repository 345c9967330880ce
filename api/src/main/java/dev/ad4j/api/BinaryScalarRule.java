package dev.ad4j.api;

import java.util.function.DoubleBinaryOperator;

/**
 * The easy tier for scalar functions of two arguments: give the value and both partials; each
 * partial is evaluated only when its argument is active.
 *
 * <pre>{@code
 * // z = x^y; ∂z/∂x = y·x^(y-1), ∂z/∂y = z·log(x)
 * BinaryScalarRule POW = BinaryScalarRule.of("pow", Math::pow,
 *     (x, y, z) -> y * Math.pow(x, y - 1), (x, y, z) -> z * Math.log(x));
 * }</pre>
 */
public interface BinaryScalarRule extends ScalarOp {
  /** A partial derivative as a function of the arguments and the value {@code z}. */
  @FunctionalInterface
  interface Partial {
    /** The partial at {@code (x, y)}, given {@code z = value(x, y)}. */
    double at(double x, double y, double z);
  }

  /** The function's value. */
  double value(double x, double y);

  /** ∂z/∂x at {@code (x, y)}, given {@code z}. */
  double partialX(double x, double y, double z);

  /** ∂z/∂y at {@code (x, y)}, given {@code z}. */
  double partialY(double x, double y, double z);

  /** Applies this rule to values inside a differentiated function. */
  default Scalar apply(Scalar x, Scalar y) {
    return Dispatch.apply(this, x, y);
  }

  /** This rule as a general {@link Rule}, e.g. to check it with the test kit. */
  default Rule<Void> asRule() {
    return ScalarRules.binary(this);
  }

  /** A rule from a name, a value function and two partials. */
  static BinaryScalarRule of(
      String name, DoubleBinaryOperator value, Partial partialX, Partial partialY) {
    return new BinaryScalarRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double value(double x, double y) {
        return value.applyAsDouble(x, y);
      }

      @Override
      public double partialX(double x, double y, double z) {
        return partialX.at(x, y, z);
      }

      @Override
      public double partialY(double x, double y, double z) {
        return partialY.at(x, y, z);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
