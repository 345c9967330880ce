package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialTest {
  private static final double EPS = 1e-14;
  private static final double EULER_GAMMA = 0.5772156649015329;
  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  // ad4j's own digamma (Commons Math 3.6.1's is off by up to 2.9e-9).
  private static final double DIGAMMA_TOLERANCE = 1e-14;

  private static double derivative(UnaryScalarRule rule, double x) {
    return rule.derivative(x, rule.value(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-2.5, 0.7})
  void rules_passRuleKit(double x) {
    UnaryScalarRule[] rules = {Special.ERF, Special.SIGMOID, Special.SOFTPLUS};
    for (UnaryScalarRule rule : rules) {
      assertTrue(RuleTester.of(rule).at(x).checkAll().cases() > 0, rule.name());
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 3.2})
  void lgamma_passesRuleKit(double x) {
    assertTrue(RuleTester.of(Special.LGAMMA).at(x).checkAll().cases() > 0);
  }

  @Test
  void erf_valueAndDerivativeMatchClosedForms() {
    assertEquals(0.0, Special.ERF.value(0.0));
    assertEquals(TWO_OVER_SQRT_PI, derivative(Special.ERF, 0.0), EPS);
    assertEquals(0.8427007929497149, Special.ERF.value(1.0), EPS);
    assertEquals(TWO_OVER_SQRT_PI * Math.exp(-1), derivative(Special.ERF, 1.0), EPS);
    assertEquals(-0.8427007929497149, Special.ERF.value(-1.0), EPS);
  }

  @Test
  void lgamma_valuesMatchLogFactorial() {
    assertEquals(0.0, Special.LGAMMA.value(1.0), EPS);
    assertEquals(Math.log(24), Special.LGAMMA.value(5.0), 1e-13);
    assertEquals(0.5 * Math.log(Math.PI), Special.LGAMMA.value(0.5), EPS);
  }

  @Test
  void lgamma_nonPositiveArgument_isNaN() {
    assertTrue(Double.isNaN(Special.LGAMMA.value(0.0)));
    assertTrue(Double.isNaN(Special.LGAMMA.value(-1.5)));
  }

  @Test
  void lgamma_derivativeIsDigamma_closedForms() {
    // ψ(1) = −γ, ψ(2) = 1 − γ, ψ(1/2) = −γ − 2 ln 2.
    assertEquals(-EULER_GAMMA, derivative(Special.LGAMMA, 1.0), DIGAMMA_TOLERANCE);
    assertEquals(1 - EULER_GAMMA, derivative(Special.LGAMMA, 2.0), DIGAMMA_TOLERANCE);
    double psiHalf = -EULER_GAMMA - 2 * Math.log(2);
    assertEquals(psiHalf, derivative(Special.LGAMMA, 0.5), DIGAMMA_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.7, 6.3})
  void lgamma_derivativeMatchesFiniteDifferenceOfLogGamma(double x) {
    double h = 1e-5;
    double fd = (Gamma.logGamma(x + h) - Gamma.logGamma(x - h)) / (2 * h);
    assertEquals(fd, derivative(Special.LGAMMA, x), 1e-8);
  }

  @Test
  void sigmoid_atZero_isOneHalfWithSlopeOneQuarter() {
    assertEquals(0.5, Special.SIGMOID.value(0.0));
    assertEquals(0.25, derivative(Special.SIGMOID, 0.0));
  }

  @Test
  void sigmoid_extremeArguments_saturateWithoutNaN() {
    assertEquals(0.0, Special.SIGMOID.value(-1e3));
    assertEquals(0.0, derivative(Special.SIGMOID, -1e3));
    assertEquals(1.0, Special.SIGMOID.value(1e3));
    assertEquals(0.0, derivative(Special.SIGMOID, 1e3));
  }

  @Test
  void sigmoid_derivativeKeepsRelativeAccuracyWhereValueRoundsToOne() {
    // σ'(x) = e^−x/(1 + e^−x)² = e^−40·(1 + O(e^−40)); y(1 − y) would round to 0 here.
    assertEquals(1.0, Special.SIGMOID.value(40.0));
    double expected = Math.exp(-40);
    assertEquals(expected, derivative(Special.SIGMOID, 40.0), expected * 1e-12);
    assertEquals(expected, Special.SIGMOID.value(-40.0), expected * 1e-12);
  }

  @Test
  void softplus_atZero_isLogTwoWithSlopeOneHalf() {
    assertEquals(Math.log(2), Special.SOFTPLUS.value(0.0), EPS);
    assertEquals(0.5, derivative(Special.SOFTPLUS, 0.0));
  }

  @Test
  void softplus_largePositive_isExactlyXWithSlopeOne() {
    assertEquals(1000.0, Special.SOFTPLUS.value(1e3));
    assertEquals(1.0, derivative(Special.SOFTPLUS, 1e3));
    assertEquals(Math.log(1 + Math.exp(30)), Special.SOFTPLUS.value(30.0), 1e-13);
  }

  @Test
  void softplus_largeNegative_underflowsToZeroWithFiniteSlope() {
    // softplus(−1000) = e^−1000·(1 + ...), below the smallest double.
    assertEquals(0.0, Special.SOFTPLUS.value(-1e3));
    assertEquals(0.0, derivative(Special.SOFTPLUS, -1e3));
    double expected = Math.exp(-30);
    assertEquals(expected, Special.SOFTPLUS.value(-30.0), expected * 1e-12);
    assertEquals(expected, derivative(Special.SOFTPLUS, -30.0), expected * 1e-12);
  }

  @Test
  void facade_recordsEachRuleWithItsDerivative() {
    RecordingTrace trace = new RecordingTrace();
    Special.erf(trace.scalar(1.0));
    assertSame(Special.ERF, trace.op);
    assertEquals(TWO_OVER_SQRT_PI * Math.exp(-1), trace.partial, EPS);
    Special.lgamma(trace.scalar(1.0));
    assertSame(Special.LGAMMA, trace.op);
    assertEquals(-EULER_GAMMA, trace.partial, DIGAMMA_TOLERANCE);
    Scalar s = Special.sigmoid(trace.scalar(0.0));
    assertSame(Special.SIGMOID, trace.op);
    assertEquals(0.5, s.value());
    assertEquals(0.25, trace.partial);
    Special.softplus(trace.scalar(0.0));
    assertSame(Special.SOFTPLUS, trace.op);
    assertEquals(0.5, trace.partial);
  }
}
