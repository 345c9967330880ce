package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtremaTest {
  private static final double EPS = 1e-15;

  @ParameterizedTest
  @ValueSource(doubles = {-0.7, 0.7})
  void abs_passesRuleKitAwayFromZero(double x) {
    assertTrue(RuleTester.of(Extrema.ABS).at(x).checkAll().cases() > 0);
  }

  @Test
  void binaryRules_passRuleKitWithDistinctArguments() {
    BinaryScalarRule[] rules = {Extrema.MIN, Extrema.MAX, Extrema.HYPOT};
    for (BinaryScalarRule rule : rules) {
      assertTrue(RuleTester.of(rule).at(1.3, -0.4).checkAll().cases() > 0, rule.name());
      assertTrue(RuleTester.of(rule).at(-0.4, 1.3).checkAll().cases() > 0, rule.name());
    }
  }

  @Test
  void abs_derivativeIsSignAwayFromZero() {
    assertEquals(1.0, Extrema.ABS.derivative(0.7, 0.7));
    assertEquals(-1.0, Extrema.ABS.derivative(-0.7, 0.7));
  }

  @Test
  void abs_atZero_derivativeIsPositiveZero() {
    // assertEquals on doubles tells +0.0 from −0.0.
    assertEquals(0.0, Extrema.ABS.derivative(0.0, 0.0));
    assertEquals(0.0, Extrema.ABS.derivative(-0.0, 0.0));
  }

  @Test
  void min_derivativeGoesToSmallerArgument() {
    assertEquals(1.0, Extrema.MIN.value(1.0, 3.0));
    assertEquals(1.0, Extrema.MIN.partialX(1.0, 3.0, 1.0));
    assertEquals(0.0, Extrema.MIN.partialY(1.0, 3.0, 1.0));
    assertEquals(0.0, Extrema.MIN.partialX(3.0, 1.0, 1.0));
    assertEquals(1.0, Extrema.MIN.partialY(3.0, 1.0, 1.0));
  }

  @Test
  void max_derivativeGoesToLargerArgument() {
    assertEquals(3.0, Extrema.MAX.value(1.0, 3.0));
    assertEquals(0.0, Extrema.MAX.partialX(1.0, 3.0, 3.0));
    assertEquals(1.0, Extrema.MAX.partialY(1.0, 3.0, 3.0));
    assertEquals(1.0, Extrema.MAX.partialX(3.0, 1.0, 3.0));
    assertEquals(0.0, Extrema.MAX.partialY(3.0, 1.0, 3.0));
  }

  @Test
  void minAndMax_atTie_giveWholeDerivativeToFirstArgument() {
    for (BinaryScalarRule rule : new BinaryScalarRule[] {Extrema.MIN, Extrema.MAX}) {
      assertEquals(1.0, rule.partialX(2.0, 2.0, 2.0), rule.name());
      assertEquals(0.0, rule.partialY(2.0, 2.0, 2.0), rule.name());
    }
  }

  @Test
  void minOfValueWithItself_hasDerivativeOne() {
    RecordingTrace trace = new RecordingTrace();
    Scalar t = trace.scalar(2.0);
    Extrema.min(t, t);
    assertSame(Extrema.MIN, trace.op);
    assertEquals(1.0, trace.partial + trace.partialB);
    Extrema.max(t, t);
    assertSame(Extrema.MAX, trace.op);
    assertEquals(1.0, trace.partial + trace.partialB);
  }

  @Test
  void hypot_partialsAreCoordinatesOverNorm() {
    double z = Extrema.HYPOT.value(3.0, 4.0);
    assertEquals(5.0, z);
    assertEquals(0.6, Extrema.HYPOT.partialX(3.0, 4.0, z), EPS);
    assertEquals(0.8, Extrema.HYPOT.partialY(3.0, 4.0, z), EPS);
  }

  @Test
  void hypot_atOrigin_partialsAreZero() {
    assertEquals(0.0, Extrema.HYPOT.partialX(0.0, 0.0, 0.0));
    assertEquals(0.0, Extrema.HYPOT.partialY(0.0, 0.0, 0.0));
  }

  @Test
  void hypot_hugeArguments_doesNotOverflow() {
    double z = Extrema.HYPOT.value(1e200, 1e200);
    assertEquals(Math.sqrt(2) * 1e200, z, 1e186);
    assertEquals(Math.sqrt(0.5), Extrema.HYPOT.partialX(1e200, 1e200, z), EPS);
  }

  @Test
  void facade_recordsRulesAndPartials() {
    RecordingTrace trace = new RecordingTrace();
    Scalar a = Extrema.abs(trace.scalar(-2.0));
    assertSame(Extrema.ABS, trace.op);
    assertEquals(2.0, a.value());
    assertEquals(-1.0, trace.partial);
    Scalar h = Extrema.hypot(trace.scalar(3.0), Scalar.constant(4.0));
    assertSame(Extrema.HYPOT, trace.op);
    assertEquals(5.0, h.value());
    assertEquals(0.6, trace.partial, EPS);
    assertEquals(0.0, trace.partialB);
  }
}
