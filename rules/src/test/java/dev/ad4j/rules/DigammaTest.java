package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigammaTest {
  private static final double EULER_GAMMA = 0.5772156649015329;

  @Test
  void closedFormsAtSmallArguments_toRoundOff() {
    assertEquals(-EULER_GAMMA, Digamma.of(1), 1e-15);
    assertEquals(-EULER_GAMMA - 2 * Math.log(2), Digamma.of(0.5), 1e-14);
    assertEquals(1 - EULER_GAMMA, Digamma.of(2), 1e-15);
  }

  @Test
  void largeArgument_usesTheSeriesAlone_matchesHarmonicNumber() {
    // ψ(n) = H(n−1) − γ.
    double harmonic = 0;
    for (int k = 1; k <= 99; k++) {
      harmonic += 1.0 / k;
    }
    assertEquals(harmonic - EULER_GAMMA, Digamma.of(100), 1e-13);
  }

  @Test
  void negativeArgument_usesReflection() {
    // ψ(−1/2) = ψ(3/2) − π·cot(−π/2) = ψ(3/2) = 2 − γ − 2 ln 2.
    assertEquals(2 - EULER_GAMMA - 2 * Math.log(2), Digamma.of(-0.5), 1e-14);
  }

  @Test
  void poles_areNaN() {
    assertTrue(Double.isNaN(Digamma.of(0)));
    assertTrue(Double.isNaN(Digamma.of(-3)));
  }

  @Test
  void trigamma_closedForms() {
    double zeta2 = Math.PI * Math.PI / 6; // ψ′(1) = ζ(2)
    assertEquals(zeta2, Digamma.trigamma(1), 1e-15);
    assertEquals(Math.PI * Math.PI / 2, Digamma.trigamma(0.5), 1e-14);
    assertEquals(zeta2 - 1, Digamma.trigamma(2), 1e-15);
    double partial = 0; // ψ′(n) = ζ(2) − Σ_{k<n} 1/k²
    for (int k = 1; k <= 99; k++) {
      partial += 1.0 / ((double) k * k);
    }
    assertEquals(zeta2 - partial, Digamma.trigamma(100), 1e-15);
    // ψ′(−1/2) = π²/sin²(−π/2) − ψ′(3/2) = π² − (π²/2 − 4).
    assertEquals(Math.PI * Math.PI / 2 + 4, Digamma.trigamma(-0.5), 1e-13);
    assertTrue(Double.isNaN(Digamma.trigamma(-2)));
  }
}
