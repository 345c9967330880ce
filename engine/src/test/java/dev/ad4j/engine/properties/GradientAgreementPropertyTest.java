package dev.ad4j.engine.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reverse mode, forward mode and central finite differences agree on random programs over the
 * built-in rules, with random activities for x (vector), A (dense or sparse matrix) and c (scalar).
 *
 * <p>Tolerances. Reverse and forward mode compute the same sums of products in different orders, so
 * they differ only by rounding: relative 1e-9 of Σ|∂f/∂zᵢ·vᵢ| + |ḟ| (programs have at most a few
 * dozen operations, each contributing ε ≈ 1.1e-16 relative error). Finite differences are checked
 * with Richardson's estimate: for D(h) = (f(z+hv) − f(z−hv))/2h the truncation error of D(h/2) is
 * about |D(h) − D(h/2)|/3, so ⟨∇f, v⟩ must lie within 2|D(h) − D(h/2)| of D(h/2), plus 1e-6 of the
 * problem's scale max(|f|, Σ|∂f/∂zᵢ·vᵢ|, 1e-3) for rounding (D(h/2) carries about 2ε·|f|/h ≈
 * 4e-11·|f| for h = 1e-5; the margin covers rounding amplified through the program).
 *
 * <p>Rejected points ({@code Trials.assume}): non-finite values; D(h) and D(h/2) differing by more
 * than 1e-3 relative (+1e-6): a curvature too large for h; the one-sided quotients (f(z+hv) −
 * f(z))/h and (f(z) − f(z−hv))/h differing by more than 1e-2 relative (+1e-6): a kink (abs, min,
 * max, norm2 at 0, ...) that D(h) and D(h/2) straddle alike. For a smooth f those quotients differ
 * by about h·|f″|. No difference quotient is evidence either way at such points, and the checks use
 * only values of f, so they cannot hide a wrong derivative elsewhere.
 */
class GradientAgreementPropertyTest {
  static final double H = 1e-5;

  /**
   * The least scale of the rounding allowance: 1e-6·1e-3 = 1e-9 still exceeds the ≈ ε/h ≈ 1e-11
   * that cancellation among intermediates of size 1 leaves in a difference quotient when f ≈ 0.
   */
  static final double FLOOR = 1e-3;

  @Test
  void reverseGradientAlongDirection_equalsForwardTangent() {
    Trials.forAll(
        7001L,
        500,
        Cases::any,
        k -> {
          Runs.Gradient g = Runs.reverse(k, new double[k.n()], new double[k.aValues().length]);
          Runs.Tangent t = Runs.forward(k, k.vx(), k.va());
          Trials.assume(Double.isFinite(g.value()) && Double.isFinite(t.tangent()));

          assertEquals(g.value(), t.value(), 0.0, "reverse and forward primal values");
          double scale = Runs.directionalScale(k, g) + Math.abs(t.tangent());
          assertEquals(t.tangent(), Runs.directional(k, g), 1e-9 * scale, "<reverse gradient, v>");
        });
  }

  @Test
  void reverseGradientAlongDirection_equalsCentralDifference() {
    Trials.forAll(
        7002L,
        500,
        Cases::any,
        k -> {
          Runs.Gradient g = Runs.reverse(k, new double[k.n()], new double[k.aValues().length]);
          double d = Runs.directional(k, g);
          double f0 = Runs.valueAt(k, 0);
          double up = Runs.valueAt(k, H);
          double down = Runs.valueAt(k, -H);
          double coarse = (up - down) / (2 * H);
          double fine = (Runs.valueAt(k, H / 2) - Runs.valueAt(k, -H / 2)) / H;
          Trials.assume(Double.isFinite(d) && Double.isFinite(coarse) && Double.isFinite(fine));
          double ahead = (up - f0) / H;
          double behind = (f0 - down) / H;
          Trials.assume(
              Math.abs(coarse - fine) <= 1e-3 * Math.max(Math.abs(coarse), Math.abs(fine)) + 1e-6);
          Trials.assume(
              Math.abs(ahead - behind)
                  <= 1e-2 * Math.max(Math.abs(ahead), Math.abs(behind)) + 1e-6);

          double scale =
              Math.max(FLOOR, Math.max(Math.abs(g.value()), Runs.directionalScale(k, g)));
          double bound = 2 * Math.abs(coarse - fine) + 1e-6 * scale;
          assertTrue(
              Math.abs(d - fine) <= bound,
              "<reverse gradient, v> = "
                  + d
                  + " but the central difference is "
                  + fine
                  + " (±"
                  + bound
                  + ")");
        });
  }
}
