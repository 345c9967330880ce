package dev.ad4j.engine;

import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Comparison;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.api.Test;

/** Const costs nothing: operations with no active input run their primal and record nothing. */
class ActivityFlowTest {
  @Test
  void ruleOnConstantInputs_runsOnlyItsPrimalInsideADifferentiation() {
    TestRules.WeightedSquares rule = new TestRules.WeightedSquares(new double[] {1, 2}, false);
    double[] dv = new double[2];
    Autodiff.reverse(
        (Vec x) -> {
          Scalar c = Dispatch.scalar(rule, Vec.constant(new double[] {3, 4}));
          assertFalse(c.isActive());
          return Linalg.dot(x, x).plus(c);
        },
        duplicated(new double[] {1, 2}, dv));
    assertEquals(1, rule.primalOnlyCalls.get());
    assertEquals(0, rule.forwardCalls.get());
    assertEquals(0, rule.reverseCalls.get());
    assertArrayEquals(new double[] {2, 4}, dv);
  }

  @Test
  void nodeWhoseOutputDoesNotReachTheResult_isNotReversed() {
    TestRules.WeightedSquares rule = new TestRules.WeightedSquares(new double[] {1, 1}, false);
    double[] dv = new double[2];
    Autodiff.reverse(
        (Vec x) -> {
          Dispatch.scalar(rule, x); // recorded, but unused
          return Linalg.sum(x);
        },
        duplicated(new double[] {1, 2}, dv));
    assertEquals(0, rule.reverseCalls.get());
    assertArrayEquals(new double[] {1, 1}, dv);
  }

  @Test
  void vectorNodeWhoseOutputIsUnused_isSkipped() {
    TestRules.WeightedSquares rule = new TestRules.WeightedSquares(new double[] {1, 1}, false);
    double[] dv = new double[2];
    Autodiff.reverse(
        (Vec x) -> {
          Vec unused = Linalg.scale(2.0, x);
          Dispatch.scalar(rule, unused);
          return Linalg.sumOfSquares(x);
        },
        duplicated(new double[] {1, 2}, dv));
    assertEquals(0, rule.reverseCalls.get());
    assertArrayEquals(new double[] {2, 4}, dv);
  }

  @Test
  void maskOfAnActiveVector_isConstantAndGivesReluItsGradient() {
    double[] x = {1.5, -2.0, 0.25, -0.5};
    double[] g =
        Autodiff.gradient(
            v -> {
              Vec positive = Linalg.mask(v, Comparison.GREATER, 0.0);
              assertFalse(positive.isActive());
              return Linalg.sumOfSquares(Linalg.multiply(positive, v)); // Σ relu(xᵢ)²
            },
            x);
    assertArrayEquals(new double[] {3.0, 0.0, 0.5, 0.0}, g);
    ForwardResult<Vec> f =
        Autodiff.forward(
            (Vec v) -> Linalg.multiply(Linalg.mask(v, Comparison.GREATER, 0.0), v),
            duplicated(x, new double[] {1, 1, 1, 1}));
    assertArrayEquals(new double[] {1.5, 0, 0.25, 0}, f.primal().value());
    assertArrayEquals(new double[] {1, 0, 1, 0}, f.tangent().value());
  }
}
