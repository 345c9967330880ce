package dev.ad4j.rules;

/**
 * The digamma function ψ = (ln Γ)′, the derivative of {@link Special#LGAMMA}, and the trigamma ψ′,
 * its second derivative. Written here because Commons Math 3.6.1's {@code Gamma.digamma} is off by
 * up to 2.9e-9 (ψ(1) = −0.57721566779 instead of −γ = −0.57721566490).
 *
 * <p>Method: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 20, then the asymptotic series ψ(x) ≈
 * ln x − 1/(2x) − Σₖ B₂ₖ/(2k·x²ᵏ) to the x⁻¹⁰ term (truncation error below 1e-17); reflection ψ(x)
 * = ψ(1 − x) − π·cot(πx) for x &lt; 0. Poles (0, −1, −2, ...) give NaN or ±∞.
 */
final class Digamma {
  private Digamma() {}

  static double of(double x) {
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Double.NaN;
    }
    if (x <= 0 && x == Math.rint(x)) {
      return Double.NaN; // a pole
    }
    if (x < 0) {
      return of(1 - x) - Math.PI / Math.tan(Math.PI * x);
    }
    double shift = 0;
    while (x < 20) {
      shift -= 1 / x;
      x += 1;
    }
    double r = 1 / (x * x);
    double series =
        r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132)))));
    return shift + Math.log(x) - 0.5 / x - series;
  }

  /**
   * ψ′(x): the recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 20, then the asymptotic series ψ′(x) ≈
   * 1/x + 1/(2x²) + Σₖ B₂ₖ/x²ᵏ⁺¹ to the x⁻¹¹ term; reflection ψ′(x) = π²/sin²(πx) − ψ′(1 − x) for x
   * &lt; 0. Poles give NaN, as {@link #of} does.
   */
  static double trigamma(double x) {
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY || (x <= 0 && x == Math.rint(x))) {
      return Double.NaN;
    }
    if (x < 0) {
      double s = Math.sin(Math.PI * x);
      return Math.PI * Math.PI / (s * s) - trigamma(1 - x);
    }
    double shift = 0;
    while (x < 20) {
      shift += 1 / (x * x);
      x += 1;
    }
    double r = 1 / (x * x);
    double series =
        (1 + r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66)))))) / x;
    return shift + series + 0.5 * r;
  }
}
