package dev.ad4j.api;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The easy tier for scalar functions of one argument: give the value and the derivative; ad4j does
 * the activity bookkeeping (the derivative is not evaluated for a constant argument).
 *
 * <pre>{@code
 * // y = exp(x); dy/dx = exp(x) = y
 * UnaryScalarRule EXP = UnaryScalarRule.of("exp", Math::exp, (x, y) -> y);
 * Scalar z = EXP.apply(x);
 * }</pre>
 */
public interface UnaryScalarRule extends ScalarOp {
  /** The function's value at {@code x}. */
  double value(double x);

  /** The derivative at {@code x}, given the value {@code y = value(x)}. */
  double derivative(double x, double y);

  /**
   * The second derivative at {@code x}, given {@code y = value(x)}: needed only when the rule is
   * nested (Hessian-vector products). A rule built without one is first-order only and throws
   * {@link UnsupportedActivityException} here.
   */
  default double secondDerivative(double x, double y) {
    throw UnsupportedActivityException.firstOrderOnly(
        name(), "give it a second derivative: UnaryScalarRule.of(name, f, f', f'')");
  }

  /** Applies this rule to a value inside a differentiated function. */
  default Scalar apply(Scalar x) {
    return Dispatch.apply(this, x);
  }

  /** This rule as a general {@link Rule}, e.g. to check it with the test kit. */
  default Rule<Void> asRule() {
    return ScalarRules.unary(this);
  }

  /**
   * A first-order rule from a name, a value function and a derivative function of {@code (x, y)}.
   */
  static UnaryScalarRule of(
      String name, DoubleUnaryOperator value, DoubleBinaryOperator derivative) {
    return create(name, value, derivative, null);
  }

  /**
   * A rule that can also be nested: value, derivative and second derivative, each a function of
   * {@code (x, y)} where useful.
   *
   * <pre>{@code
   * // y = sin(x); y' = cos(x), y'' = -sin(x) = -y
   * UnaryScalarRule SIN = UnaryScalarRule.of("sin", Math::sin, (x, y) -> Math.cos(x), (x, y) -> -y);
   * }</pre>
   */
  static UnaryScalarRule of(
      String name,
      DoubleUnaryOperator value,
      DoubleBinaryOperator derivative,
      DoubleBinaryOperator secondDerivative) {
    if (secondDerivative == null) {
      throw new IllegalArgumentException(
          "rule '"
              + name
              + "': the second derivative is null; use of(name, f, f') for a"
              + " first-order rule");
    }
    return create(name, value, derivative, secondDerivative);
  }

  /** The rule of both factories; a null {@code second} makes it first-order. */
  private static UnaryScalarRule create(
      String name,
      DoubleUnaryOperator value,
      DoubleBinaryOperator derivative,
      DoubleBinaryOperator second) {
    return new UnaryScalarRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double value(double x) {
        return value.applyAsDouble(x);
      }

      @Override
      public double derivative(double x, double y) {
        return derivative.applyAsDouble(x, y);
      }

      @Override
      public double secondDerivative(double x, double y) {
        return second == null
            ? UnaryScalarRule.super.secondDerivative(x, y)
            : second.applyAsDouble(x, y);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
