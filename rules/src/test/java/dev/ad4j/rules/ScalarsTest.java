package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarsTest {
  private static final double EPS = 1e-14;

  private static double derivative(UnaryScalarRule rule, double x) {
    return rule.derivative(x, rule.value(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.7, 4.0})
  void derivatives_matchClosedForms(double x) {
    assertEquals(Math.exp(x), derivative(Scalars.EXP, x), EPS);
    assertEquals(1 / x, derivative(Scalars.LOG, x), EPS);
    assertEquals(1 / (2 * Math.sqrt(x)), derivative(Scalars.SQRT, x), EPS);
    assertEquals(Math.cos(x), derivative(Scalars.SIN, x), EPS);
    assertEquals(-Math.sin(x), derivative(Scalars.COS, x), EPS);
    double c = Math.cosh(x);
    assertEquals(1 / (c * c), derivative(Scalars.TANH, x), EPS);
    assertEquals(2.5 * Math.pow(x, 1.5), derivative(Scalars.power(2.5), x), 1e-13);
    assertEquals(Math.exp(x), derivative(Scalars.EXPM1, x), 1e-13);
    assertEquals(1 / (1 + x), derivative(Scalars.LOG1P, x), EPS);
    assertEquals(1 / (3 * Math.pow(x, 2.0 / 3)), derivative(Scalars.CBRT, x), EPS);
  }

  @Test
  void expm1AndLog1p_tinyArgument_keepFullPrecision() {
    // e^x − 1 = x + x²/2 + ... and ln(1 + x) = x − x²/2 + ...: both equal x to double precision.
    assertEquals(1e-20, Scalars.EXPM1.value(1e-20));
    assertEquals(1e-20, Scalars.LOG1P.value(1e-20));
    assertEquals(1.0, derivative(Scalars.EXPM1, 1e-20));
    assertEquals(1.0, derivative(Scalars.LOG1P, 1e-20));
  }

  @Test
  void log1p_largeArgument_isFiniteAndMatchesLog() {
    assertEquals(Math.log(1001.0), Scalars.LOG1P.value(1e3), EPS);
    assertEquals(1 / 1001.0, derivative(Scalars.LOG1P, 1e3), EPS);
    assertEquals(Math.log(1e300), Scalars.LOG1P.value(1e300), 1e-12);
    assertEquals(1e-300, derivative(Scalars.LOG1P, 1e300), 1e-314);
  }

  @Test
  void log1p_belowMinusOne_isNaNOutsideDomain() {
    assertTrue(Double.isNaN(Scalars.LOG1P.value(-1e3)));
    assertEquals(Double.NEGATIVE_INFINITY, Scalars.LOG1P.value(-1.0));
  }

  @Test
  void cbrt_negativeArgument_isRealWithPositiveDerivative() {
    assertEquals(-2.0, Scalars.CBRT.value(-8.0));
    assertEquals(1 / 12.0, derivative(Scalars.CBRT, -8.0), EPS);
  }

  @Test
  void pow_partialsMatchClosedForms() {
    BinaryScalarRule pow = Scalars.POW;
    double z = pow.value(2.0, 3.0);
    assertEquals(8.0, z);
    assertEquals(12.0, pow.partialX(2.0, 3.0, z), EPS);
    assertEquals(8.0 * Math.log(2.0), pow.partialY(2.0, 3.0, z), EPS);
  }

  @Test
  void unaryRules_passRuleKit() {
    UnaryScalarRule[] rules = {
      Scalars.EXP,
      Scalars.LOG,
      Scalars.SQRT,
      Scalars.SIN,
      Scalars.COS,
      Scalars.TANH,
      Scalars.power(3),
      Scalars.EXPM1,
      Scalars.LOG1P,
      Scalars.CBRT
    };
    for (UnaryScalarRule rule : rules) {
      assertTrue(RuleTester.of(rule).at(0.8).checkAll().cases() > 0, rule.name());
    }
  }

  @Test
  void rulesDefinedForNegativeArguments_passRuleKitThere() {
    UnaryScalarRule[] rules = {Scalars.EXPM1, Scalars.LOG1P, Scalars.CBRT};
    for (UnaryScalarRule rule : rules) {
      assertTrue(RuleTester.of(rule).at(-0.6).checkAll().cases() > 0, rule.name());
    }
  }

  @Test
  void pow_passesRuleKit() {
    assertTrue(RuleTester.of(Scalars.POW).at(1.3, 2.2).checkAll().cases() > 0);
  }

  @Test
  void facade_constantArgument_returnsConstantValue() {
    Scalar y = Scalars.exp(Scalar.constant(1.0));
    assertFalse(y.isActive());
    assertEquals(Math.E, y.value(), EPS);
    assertEquals(8.0, Scalars.pow(Scalar.constant(2.0), 3.0).value());
    assertEquals(9.0, Scalars.pow(Scalar.constant(3.0), Scalar.constant(2.0)).value(), EPS);
  }

  @Test
  void facade_activeArgument_recordsRuleAndDerivative() {
    RecordingTrace trace = new RecordingTrace();
    Scalars.sin(trace.scalar(0.5));
    assertSame(Scalars.SIN, trace.op);
    assertEquals(Math.cos(0.5), trace.partial, EPS);
  }

  @Test
  void facade_newRules_recordTheirRuleAndDerivative() {
    RecordingTrace trace = new RecordingTrace();
    Scalars.expm1(trace.scalar(0.5));
    assertSame(Scalars.EXPM1, trace.op);
    assertEquals(Math.exp(0.5), trace.partial, EPS);
    Scalars.log1p(trace.scalar(0.5));
    assertSame(Scalars.LOG1P, trace.op);
    assertEquals(1 / 1.5, trace.partial, EPS);
    Scalars.cbrt(trace.scalar(27.0));
    assertSame(Scalars.CBRT, trace.op);
    assertEquals(3.0, trace.value);
    assertEquals(1 / 27.0, trace.partial, EPS);
  }

  @Test
  void powConstantExponent_activeBase_recordsPTimesXToPMinusOne() {
    RecordingTrace trace = new RecordingTrace();
    Scalar y = Scalars.pow(trace.scalar(2.0), 3.0);
    assertEquals(8.0, y.value());
    assertEquals(12.0, trace.partial);
    assertEquals("pow(x, 3.0)", trace.op.name());
  }

  @Test
  void powTwoScalars_constantExponent_doesNotEvaluateLogPartial() {
    RecordingTrace trace = new RecordingTrace();
    // x < 0: ∂z/∂y = z·ln(x) would be NaN, but y is constant so it is never evaluated.
    Scalars.pow(trace.scalar(-2.0), Scalar.constant(2.0));
    assertEquals(-4.0, trace.partial);
    assertEquals(0.0, trace.partialB);
  }
}
