package dev.ad4j.engine;

import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Comparison;
import dev.ad4j.rules.Extrema;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import dev.ad4j.rules.Trig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NaN and infinities in the primal follow IEEE 754; an adjoint that is exactly zero contributes
 * exactly zero (no 0·∞ = NaN from a branch or element that does not reach the output); the stable
 * functions stay finite at magnitude 1e3.
 */
class NumericalEdgeCasesTest {
  @ParameterizedTest
  @ValueSource(
      doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0})
  void primal_throughScalarAndArrayRules_isWhatPlainJavaComputes(double special) {
    double[] x = {special, 2.0, -3.0};
    double expected =
        Math.exp(special)
            + Math.log(Math.abs(special))
            + special / 2.0
            - 3.0 * special
            + (special * special + 4.0 + 9.0);
    ReverseResult r =
        Autodiff.reverse(
            (Vec v) ->
                Scalars.exp(v.get(0))
                    .plus(Scalars.log(Extrema.abs(v.get(0))))
                    .plus(v.get(0).div(v.get(1)))
                    .plus(v.get(0).times(v.get(2)))
                    .plus(Linalg.sumOfSquares(v)),
            duplicated(x, new double[3]));
    assertEquals(expected, r.value(), 0.0); // assertEquals treats NaN as equal to NaN
    ForwardResult<Scalar> f =
        Autodiff.forward(
            (Vec v) -> Linalg.sum(Linalg.divide(v, Vec.constant(new double[] {0, 1, -0.0}))),
            duplicated(x, new double[3]));
    assertEquals(special / 0.0 + 2.0 + -3.0 / -0.0, f.primal().value(), 0.0);
  }

  @Test
  void unusedBranchWithAnInfinitePartial_leavesTheGradientFinite() {
    // sqrt'(0) = ∞ on a branch that never reaches the output.
    double[] g =
        Autodiff.gradient(
            v -> {
              Scalars.sqrt(v.get(1)); // computed, unused
              return v.get(0).square();
            },
            new double[] {3, 0});
    assertArrayEquals(new double[] {6, 0}, g);
  }

  @Test
  void branchMultipliedByAnExactZero_contributesZeroNotNaN() {
    double[] g =
        Autodiff.gradient(
            v -> v.get(0).plus(Scalars.sqrt(v.get(1)).times(0.0)), new double[] {3, 0});
    assertArrayEquals(new double[] {1, 0}, g);
    double[] h =
        Autodiff.gradient(
            v -> v.get(0).plus(Scalars.log(v.get(1)).times(Scalar.constant(0.0))),
            new double[] {3, 0});
    assertArrayEquals(new double[] {1, 0}, h);
  }

  @Test
  void maskedElementsOfElementwiseRules_getZeroNotNaN() {
    // Σ mask ⊙ sqrt(x) ⊙ (1 ⊘ x) with the masked element at x = 0: every partial there is infinite.
    double[] x = {4, 0, 9};
    double[] g =
        Autodiff.gradient(
            v -> {
              Vec mask = Linalg.mask(v, Comparison.GREATER, 0.0);
              Vec root = Linalg.map(Scalars.SQRT, v);
              Vec inverse = Linalg.divide(Vec.constant(new double[] {1, 1, 1}), v);
              Vec pow = Linalg.map2(Scalars.POW, v, Vec.constant(new double[] {0.5, 0.5, 0.5}));
              return Linalg.sum(
                  Linalg.multiply(mask, Linalg.add(Linalg.multiply(root, inverse), pow)));
            },
            x);
    // d/dx (x^½·x⁻¹ + x^½) = −½x^(−3/2) + ½x^(−1/2)
    assertEquals(-0.5 * Math.pow(4, -1.5) + 0.5 / 2, g[0], 1e-15);
    assertEquals(0.0, g[1]);
    assertEquals(-0.5 * Math.pow(9, -1.5) + 0.5 / 3, g[2], 1e-15);
  }

  @Test
  void hessianVectorOfAMaskedInfinitePartial_staysFinite() {
    HessianVectorProduct r =
        Autodiff.hessianVector(
            v -> v.get(0).square().plus(Scalars.sqrt(v.get(1)).times(0.0)),
            new double[] {3, 0},
            new double[] {1, 1});
    assertArrayEquals(new double[] {6, 0}, r.gradient());
    assertArrayEquals(new double[] {2, 0}, r.hessianVector());
  }

  @Test
  void nanReachingAnArrayRuleFromDownstream_isIeeeArithmeticNotBlamedOnTheRule() {
    // atan2's partials are 0/0 at the origin; that NaN adjoint then flows through scale into c.
    ReverseResult r =
        Autodiff.reverse(
            (Scalar c) -> Trig.atan2(c, Linalg.scale(c, Vec.constant(new double[] {0, 0})).get(0)),
            dev.ad4j.api.Arg.active(0.0));
    assertTrue(Double.isNaN(r.adjoint(0)), "adjoint " + r.adjoint(0));
  }

  @Test
  void stableFunctions_valuesAndGradientsStayFiniteAtMagnitude1e3() {
    double[] x = {1e3, -1e3, 999.5};
    assertFinite(x, Linalg::logSumExp, 1e3 + Math.log1p(Math.exp(-0.5)));
    assertFinite(x, v -> Linalg.sum(Linalg.map(Special.SOFTPLUS, v)), 1e3 + 999.5);
    assertFinite(x, v -> Linalg.sum(Linalg.map(Special.SIGMOID, v)), 2.0);
    double[] positive = {1e3, 1e-3, 0.0};
    assertFinite(
        positive,
        v -> Linalg.sum(Linalg.map(Scalars.LOG1P, v)),
        Math.log1p(1e3) + Math.log1p(1e-3));
  }

  private static void assertFinite(double[] x, Fn1<Vec, Scalar> f, double value) {
    ReverseResult r = Autodiff.reverse(f, duplicated(x, new double[x.length]));
    assertEquals(value, r.value(), 1e-12 * Math.abs(value));
    double[] g = Autodiff.gradient(f, x);
    for (double d : g) {
      assertTrue(Double.isFinite(d), "gradient " + java.util.Arrays.toString(g));
    }
    double[] hv = Autodiff.hessianVector(f, x, new double[] {1, 1, 1}).hessianVector();
    for (double d : hv) {
      assertTrue(Double.isFinite(d), "Hv " + java.util.Arrays.toString(hv));
    }
  }
}
