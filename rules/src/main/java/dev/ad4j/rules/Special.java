package dev.ad4j.rules;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Special functions and the smooth activations of machine learning, as a table of easy-tier rules.
 * erf and lgamma come from Commons Math ({@link Erf#erf}, {@link Gamma#logGamma}); the digamma
 * derivative of lgamma is ad4j's own ({@link Digamma}), as Commons Math's is inaccurate.
 *
 * <pre>{@code
 * import static dev.ad4j.rules.Special.*;
 *
 * Scalar loss = softplus(margin.times(-1));
 * }</pre>
 *
 * <h2>Numerical stability</h2>
 *
 * sigmoid and softplus never form e^|x| for large |x|, so both they and their derivatives stay
 * finite and accurate for every finite x: sigmoid(−1000) is 0, not NaN; softplus(1000) is exactly
 * 1000 and softplus(−1000) is e^−1000, which underflows to 0.
 */
public final class Special {
  private Special() {}

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  // The table: y = f(x); dy/dx and d²y/dx² as functions of (x, y).

  /** y = erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; dy/dx = 2/√π · e^(−x²); d²y/dx² = −2x · dy/dx. */
  public static final UnaryScalarRule ERF =
      UnaryScalarRule.of(
          "erf",
          Erf::erf,
          (x, y) -> TWO_OVER_SQRT_PI * Math.exp(-x * x),
          (x, y) -> -2 * x * TWO_OVER_SQRT_PI * Math.exp(-x * x));

  /**
   * y = ln Γ(x) for x &gt; 0 (NaN for x ≤ 0, as in Commons Math); dy/dx = ψ(x), the digamma;
   * d²y/dx² = ψ′(x), the trigamma.
   */
  public static final UnaryScalarRule LGAMMA =
      UnaryScalarRule.of(
          "lgamma", Gamma::logGamma, (x, y) -> Digamma.of(x), (x, y) -> Digamma.trigamma(x));

  /**
   * y = σ(x) = 1/(1 + e^−x); dy/dx = y(1 − y), computed as y·σ(−x) to keep accuracy as y → 1;
   * d²y/dx² = y(1 − y)(1 − 2y).
   */
  public static final UnaryScalarRule SIGMOID =
      UnaryScalarRule.of(
          "sigmoid",
          Special::logistic,
          (x, y) -> y * logistic(-x),
          (x, y) -> y * logistic(-x) * (logistic(-x) - y));

  /** y = ln(1 + eˣ), as x + ln(1 + e^−x) for x &gt; 0; dy/dx = σ(x); d²y/dx² = σ(x)σ(−x). */
  public static final UnaryScalarRule SOFTPLUS =
      UnaryScalarRule.of(
          "softplus",
          Special::softplusValue,
          (x, y) -> logistic(x),
          (x, y) -> logistic(x) * logistic(-x));

  // Facade

  /** y = erf(x); dy/dx = 2/√π · e^(−x²). */
  public static Scalar erf(Scalar x) {
    return ERF.apply(x);
  }

  /** y = ln Γ(x), x &gt; 0; dy/dx = ψ(x). */
  public static Scalar lgamma(Scalar x) {
    return LGAMMA.apply(x);
  }

  /** y = 1/(1 + e^−x); dy/dx = y(1 − y). */
  public static Scalar sigmoid(Scalar x) {
    return SIGMOID.apply(x);
  }

  /** y = ln(1 + eˣ); dy/dx = σ(x). */
  public static Scalar softplus(Scalar x) {
    return SOFTPLUS.apply(x);
  }

  // Stable kernels

  /** σ(x) = 1/(1 + e^−x), as eˣ/(1 + eˣ) for x &lt; 0 so that e^|x| is never formed. */
  private static double logistic(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /** ln(1 + eˣ), as x + ln(1 + e^−x) for x &gt; 0 so that eˣ never overflows. */
  private static double softplusValue(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }
}
