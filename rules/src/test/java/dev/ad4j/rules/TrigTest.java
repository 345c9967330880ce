package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrigTest {
  private static final double EPS = 1e-14;
  private static final UnaryScalarRule[] UNARY = {
    Trig.TAN, Trig.ASIN, Trig.ACOS, Trig.ATAN, Trig.SINH, Trig.COSH
  };

  private static double derivative(UnaryScalarRule rule, double x) {
    return rule.derivative(x, rule.value(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.6, 0.3, 0.8})
  void derivatives_matchClosedForms(double x) {
    double c = Math.cos(x);
    assertEquals(1 / (c * c), derivative(Trig.TAN, x), 1e-13);
    assertEquals(1 / Math.sqrt(1 - x * x), derivative(Trig.ASIN, x), EPS);
    assertEquals(-1 / Math.sqrt(1 - x * x), derivative(Trig.ACOS, x), EPS);
    assertEquals(1 / (1 + x * x), derivative(Trig.ATAN, x), EPS);
    assertEquals((Math.exp(x) + Math.exp(-x)) / 2, derivative(Trig.SINH, x), EPS);
    assertEquals((Math.exp(x) - Math.exp(-x)) / 2, derivative(Trig.COSH, x), EPS);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.7, 0.4})
  void unaryRules_passRuleKit(double x) {
    for (UnaryScalarRule rule : UNARY) {
      assertTrue(RuleTester.of(rule).at(x).checkAll().cases() > 0, rule.name());
    }
  }

  @Test
  void atan2_passesRuleKitAwayFromBranchCut() {
    assertTrue(RuleTester.of(Trig.ATAN2).at(0.8, -1.3).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Trig.ATAN2).at(-0.5, 0.9).checkAll().cases() > 0);
  }

  @Test
  void atan2_partialsMatchClosedForms_yFirst() {
    BinaryScalarRule atan2 = Trig.ATAN2;
    // z = atan2(y = 1, x = 2): ∂z/∂y = x/(x² + y²) = 2/5, ∂z/∂x = −y/(x² + y²) = −1/5.
    double z = atan2.value(1.0, 2.0);
    assertEquals(Math.atan(0.5), z, EPS);
    assertEquals(0.4, atan2.partialX(1.0, 2.0, z), EPS);
    assertEquals(-0.2, atan2.partialY(1.0, 2.0, z), EPS);
  }

  @Test
  void atan2_hugeArguments_partialsDoNotOverflowToZero() {
    // x² + y² = 2e400 overflows; the true partials are ±1e200/2e400 = ±5e-201.
    double z = Trig.ATAN2.value(1e200, 1e200);
    assertEquals(5e-201, Trig.ATAN2.partialX(1e200, 1e200, z), 5e-215);
    assertEquals(-5e-201, Trig.ATAN2.partialY(1e200, 1e200, z), 5e-215);
  }

  @Test
  void tan_derivativeIsOnePlusSquaredValue() {
    // tan(π/4) = 1, sec²(π/4) = 2.
    assertEquals(2.0, derivative(Trig.TAN, Math.PI / 4), 1e-14);
  }

  @Test
  void facade_atan2_takesYFirstAndRecordsItsPartial() {
    RecordingTrace trace = new RecordingTrace();
    Scalar z = Trig.atan2(trace.scalar(1.0), Scalar.constant(2.0));
    assertSame(Trig.ATAN2, trace.op);
    assertEquals(Math.atan(0.5), z.value(), EPS);
    assertEquals(0.4, trace.partial, EPS);
    assertEquals(0.0, trace.partialB);
  }

  @Test
  void facade_unaryFunctions_recordTheirRuleValueAndDerivative() {
    RecordingTrace trace = new RecordingTrace();
    double x = 0.5;
    double c = Math.cos(x);
    assertRecorded(trace, Trig.tan(trace.scalar(x)), Trig.TAN, Math.tan(x), 1 / (c * c));
    double d = 1 / Math.sqrt(1 - x * x);
    assertRecorded(trace, Trig.asin(trace.scalar(x)), Trig.ASIN, Math.PI / 6, d);
    assertRecorded(trace, Trig.acos(trace.scalar(x)), Trig.ACOS, Math.PI / 3, -d);
    assertRecorded(trace, Trig.atan(trace.scalar(x)), Trig.ATAN, Math.atan(x), 0.8);
    double ep = Math.exp(x);
    double em = Math.exp(-x);
    assertRecorded(trace, Trig.sinh(trace.scalar(x)), Trig.SINH, (ep - em) / 2, (ep + em) / 2);
    assertRecorded(trace, Trig.cosh(trace.scalar(x)), Trig.COSH, (ep + em) / 2, (ep - em) / 2);
  }

  private static void assertRecorded(
      RecordingTrace trace, Scalar y, UnaryScalarRule rule, double value, double derivative) {
    assertSame(rule, trace.op);
    assertEquals(value, y.value(), EPS, rule.name());
    assertEquals(derivative, trace.partial, EPS, rule.name());
  }
}
