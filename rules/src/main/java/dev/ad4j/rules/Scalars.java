package dev.ad4j.rules;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Elementary scalar functions, as a table of easy-tier rules: each gives its value and its
 * derivative, and ad4j does the activity bookkeeping (the derivative is evaluated only for an
 * active argument).
 *
 * <pre>{@code
 * import static dev.ad4j.rules.Scalars.*;
 *
 * Scalar f = exp(x.times(-0.5)).times(sin(y)).plus(pow(x, 3));
 * }</pre>
 *
 * The constants ({@link #EXP}, ...) are the rules themselves, e.g. to check them with the test kit;
 * the static methods apply them.
 *
 * <p>This file holds exponentials, logarithms, powers and the original sin, cos, tanh. The other
 * scalar families: {@link Trig} (tan, inverse trigonometric, sinh, cosh), {@link Special} (erf,
 * lgamma, sigmoid, softplus) and {@link Extrema} (abs, min, max, hypot).
 */
public final class Scalars {
  private Scalars() {}

  // The table: y = f(x); dy/dx and d²y/dx² as functions of (x, y).

  /** y = exp(x); dy/dx = y; d²y/dx² = y. */
  public static final UnaryScalarRule EXP =
      UnaryScalarRule.of("exp", Math::exp, (x, y) -> y, (x, y) -> y);

  /** y = eˣ − 1, accurate for small x; dy/dx = d²y/dx² = eˣ = y + 1. */
  public static final UnaryScalarRule EXPM1 =
      UnaryScalarRule.of("expm1", Math::expm1, (x, y) -> y + 1, (x, y) -> y + 1);

  /** y = ln(x); dy/dx = 1/x; d²y/dx² = −1/x². */
  public static final UnaryScalarRule LOG =
      UnaryScalarRule.of("log", Math::log, (x, y) -> 1 / x, (x, y) -> -1 / (x * x));

  /** y = ln(1 + x), accurate for small x; dy/dx = 1/(1 + x); d²y/dx² = −1/(1 + x)². */
  public static final UnaryScalarRule LOG1P =
      UnaryScalarRule.of(
          "log1p", Math::log1p, (x, y) -> 1 / (1 + x), (x, y) -> -1 / ((1 + x) * (1 + x)));

  /** y = √x; dy/dx = 1/(2y); d²y/dx² = −1/(4y³). */
  public static final UnaryScalarRule SQRT =
      UnaryScalarRule.of("sqrt", Math::sqrt, (x, y) -> 0.5 / y, (x, y) -> -0.25 / (y * y * y));

  /** y = ∛x, for any real x; dy/dx = 1/(3y²) (infinite at 0); d²y/dx² = −2/(9y⁵). */
  public static final UnaryScalarRule CBRT =
      UnaryScalarRule.of(
          "cbrt", Math::cbrt, (x, y) -> 1 / (3 * y * y), (x, y) -> -2 / (9 * Math.pow(y, 5)));

  /** y = sin(x); dy/dx = cos(x); d²y/dx² = −y. */
  public static final UnaryScalarRule SIN =
      UnaryScalarRule.of("sin", Math::sin, (x, y) -> Math.cos(x), (x, y) -> -y);

  /** y = cos(x); dy/dx = −sin(x); d²y/dx² = −y. */
  public static final UnaryScalarRule COS =
      UnaryScalarRule.of("cos", Math::cos, (x, y) -> -Math.sin(x), (x, y) -> -y);

  /** y = tanh(x); dy/dx = 1 − y²; d²y/dx² = −2y(1 − y²). */
  public static final UnaryScalarRule TANH =
      UnaryScalarRule.of("tanh", Math::tanh, (x, y) -> 1 - y * y, (x, y) -> -2 * y * (1 - y * y));

  /**
   * z = x^y; ∂z/∂x = y·x^(y−1), ∂z/∂y = z·ln(x); ∂²z/∂x² = y(y−1)·x^(y−2), ∂²z/∂x∂y = x^(y−1)·(1 +
   * y·ln x), ∂²z/∂y² = z·ln²x.
   */
  public static final BinaryScalarRule POW =
      BinaryScalarRule.of(
          "pow",
          Math::pow,
          (x, y, z) -> y * Math.pow(x, y - 1),
          (x, y, z) -> z * Math.log(x),
          (x, y, z) -> y * (y - 1) * Math.pow(x, y - 2),
          (x, y, z) -> Math.pow(x, y - 1) * (1 + y * Math.log(x)),
          (x, y, z) -> z * Math.log(x) * Math.log(x));

  /** y = x^p for a fixed exponent p; dy/dx = p·x^(p−1); d²y/dx² = p(p−1)·x^(p−2). */
  public static UnaryScalarRule power(double p) {
    return new Power(p);
  }

  // Facade

  /** y = exp(x); dy/dx = y. */
  public static Scalar exp(Scalar x) {
    return EXP.apply(x);
  }

  /** y = eˣ − 1; dy/dx = y + 1. */
  public static Scalar expm1(Scalar x) {
    return EXPM1.apply(x);
  }

  /** y = ln(x); dy/dx = 1/x. */
  public static Scalar log(Scalar x) {
    return LOG.apply(x);
  }

  /** y = ln(1 + x); dy/dx = 1/(1 + x). */
  public static Scalar log1p(Scalar x) {
    return LOG1P.apply(x);
  }

  /** y = √x; dy/dx = 1/(2y). */
  public static Scalar sqrt(Scalar x) {
    return SQRT.apply(x);
  }

  /** y = ∛x; dy/dx = 1/(3y²). */
  public static Scalar cbrt(Scalar x) {
    return CBRT.apply(x);
  }

  /** y = sin(x); dy/dx = cos(x). */
  public static Scalar sin(Scalar x) {
    return SIN.apply(x);
  }

  /** y = cos(x); dy/dx = −sin(x). */
  public static Scalar cos(Scalar x) {
    return COS.apply(x);
  }

  /** y = tanh(x); dy/dx = 1 − y². */
  public static Scalar tanh(Scalar x) {
    return TANH.apply(x);
  }

  /** z = x^y; ∂z/∂x = y·x^(y−1), ∂z/∂y = z·ln(x) (each evaluated only if its operand is active). */
  public static Scalar pow(Scalar x, Scalar y) {
    return POW.apply(x, y);
  }

  /** y = x^p for a constant p; dy/dx = p·x^(p−1). */
  public static Scalar pow(Scalar x, double p) {
    return x.isActive() ? new Power(p).apply(x) : Scalar.constant(Math.pow(x.value(), p));
  }

  /** x^p with the exponent captured, so a trace can re-evaluate it. */
  private record Power(double exponent) implements UnaryScalarRule {
    @Override
    public String name() {
      return "pow(x, " + exponent + ")";
    }

    @Override
    public double value(double x) {
      return Math.pow(x, exponent);
    }

    @Override
    public double derivative(double x, double y) {
      return exponent * Math.pow(x, exponent - 1);
    }

    @Override
    public double secondDerivative(double x, double y) {
      return exponent * (exponent - 1) * Math.pow(x, exponent - 2);
    }
  }
}
