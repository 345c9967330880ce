package dev.ad4j.rules;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Trigonometric, inverse trigonometric and hyperbolic functions, as a table of easy-tier rules
 * (sin, cos and tanh predate this file and live in {@link Scalars}).
 *
 * <pre>{@code
 * import static dev.ad4j.rules.Trig.*;
 *
 * Scalar angle = atan2(y, x);
 * }</pre>
 *
 * The inverse functions are differentiable inside their domains only: asin and acos on (−1, 1),
 * where the derivative is finite; at ±1 it is infinite, outside it the value and derivative are
 * NaN.
 */
public final class Trig {
  private Trig() {}

  // The table: y = f(x); dy/dx and d²y/dx² as functions of (x, y).

  /** y = tan(x); dy/dx = 1 + y² (= sec²x); d²y/dx² = 2y(1 + y²). */
  public static final UnaryScalarRule TAN =
      UnaryScalarRule.of("tan", Math::tan, (x, y) -> 1 + y * y, (x, y) -> 2 * y * (1 + y * y));

  /** y = asin(x); dy/dx = 1/√(1 − x²); d²y/dx² = x/(1 − x²)^(3/2). */
  public static final UnaryScalarRule ASIN =
      UnaryScalarRule.of(
          "asin",
          Math::asin,
          (x, y) -> 1 / Math.sqrt(1 - x * x),
          (x, y) -> x / pow32OneMinusSquare(x));

  /** y = acos(x); dy/dx = −1/√(1 − x²); d²y/dx² = −x/(1 − x²)^(3/2). */
  public static final UnaryScalarRule ACOS =
      UnaryScalarRule.of(
          "acos",
          Math::acos,
          (x, y) -> -1 / Math.sqrt(1 - x * x),
          (x, y) -> -x / pow32OneMinusSquare(x));

  /** y = atan(x); dy/dx = 1/(1 + x²); d²y/dx² = −2x/(1 + x²)². */
  public static final UnaryScalarRule ATAN =
      UnaryScalarRule.of(
          "atan",
          Math::atan,
          (x, y) -> 1 / (1 + x * x),
          (x, y) -> -2 * x / ((1 + x * x) * (1 + x * x)));

  /**
   * z = atan2(y, x), y first; ∂z/∂y = x/r², ∂z/∂x = −y/r² with r² = x² + y²; ∂²z/∂y² = −2xy/r⁴,
   * ∂²z/∂y∂x = (y² − x²)/r⁴, ∂²z/∂x² = 2xy/r⁴.
   */
  public static final BinaryScalarRule ATAN2 =
      BinaryScalarRule.of(
          "atan2",
          Math::atan2,
          (y, x, z) -> overSquaredNorm(x, x, y),
          (y, x, z) -> overSquaredNorm(-y, x, y),
          (y, x, z) -> overSquaredNormSquared(-2 * x * y, x, y),
          (y, x, z) -> overSquaredNormSquared(y * y - x * x, x, y),
          (y, x, z) -> overSquaredNormSquared(2 * x * y, x, y));

  /** y = sinh(x); dy/dx = cosh(x); d²y/dx² = y. */
  public static final UnaryScalarRule SINH =
      UnaryScalarRule.of("sinh", Math::sinh, (x, y) -> Math.cosh(x), (x, y) -> y);

  /** y = cosh(x); dy/dx = sinh(x); d²y/dx² = y. */
  public static final UnaryScalarRule COSH =
      UnaryScalarRule.of("cosh", Math::cosh, (x, y) -> Math.sinh(x), (x, y) -> y);

  // Facade

  /** y = tan(x); dy/dx = 1 + y². */
  public static Scalar tan(Scalar x) {
    return TAN.apply(x);
  }

  /** y = asin(x); dy/dx = 1/√(1 − x²). */
  public static Scalar asin(Scalar x) {
    return ASIN.apply(x);
  }

  /** y = acos(x); dy/dx = −1/√(1 − x²). */
  public static Scalar acos(Scalar x) {
    return ACOS.apply(x);
  }

  /** y = atan(x); dy/dx = 1/(1 + x²). */
  public static Scalar atan(Scalar x) {
    return ATAN.apply(x);
  }

  /** z = atan2(y, x); ∂z/∂y = x/(x² + y²), ∂z/∂x = −y/(x² + y²). Note: y first. */
  public static Scalar atan2(Scalar y, Scalar x) {
    return ATAN2.apply(y, x);
  }

  /** y = sinh(x); dy/dx = cosh(x). */
  public static Scalar sinh(Scalar x) {
    return SINH.apply(x);
  }

  /** y = cosh(x); dy/dx = sinh(x). */
  public static Scalar cosh(Scalar x) {
    return COSH.apply(x);
  }

  /**
   * a/(x² + y²), divided by hypot(x, y) twice so that x² + y² cannot overflow (NaN at the origin).
   */
  private static double overSquaredNorm(double a, double x, double y) {
    double r = Math.hypot(x, y);
    return a / r / r;
  }

  /** a/(x² + y²)², dividing by r four times so that neither r² nor r⁴ overflows first. */
  private static double overSquaredNormSquared(double a, double x, double y) {
    double r = Math.hypot(x, y);
    return a / r / r / r / r;
  }

  /** (1 − x²)^(3/2). */
  private static double pow32OneMinusSquare(double x) {
    double s = Math.sqrt(1 - x * x);
    return s * s * s;
  }
}
