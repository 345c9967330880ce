package dev.ad4j.engine;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Mat;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.api.Test;

/** If differentiation fails, the caller's shadows and inputs are exactly as they were. */
class FailureAtomicityTest {
  @Test
  void ruleThatThrowsMidSweep_leavesPreSeededShadowsAndInputsUntouched() {
    double[] v = {1, 2, 3, 4};
    double[] dv = {0.5, -0.5, 0.25, 7};
    TestRules.WeightedSquares failing =
        new TestRules.WeightedSquares(new double[] {1, 1, 1, 1}, true);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Autodiff.reverse(
                    (Vec x) -> Linalg.sumOfSquares(x).plus(Dispatch.scalar(failing, x)),
                    duplicated(v, dv)));
    assertTrue(e.getMessage().contains("planted failure"), e.getMessage());
    assertEquals(1, failing.reverseCalls.get());
    assertArrayEquals(new double[] {0.5, -0.5, 0.25, 7}, dv);
    assertArrayEquals(new double[] {1, 2, 3, 4}, v);
  }

  @Test
  void unsupportedCombination_isRejectedBeforeAnyWorkAndLeavesShadowsUntouched() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 2});
    double[] dA = {3, 4};
    double[] dx = {5, 6};
    assertThrows(
        UnsupportedActivityException.class,
        () ->
            Autodiff.reverse(
                (Mat m, Vec x) -> Dispatch.scalar(QuadraticFormTestRule.RULE, m, x),
                duplicated(a, dA),
                duplicated(new double[] {1, 1}, dx)));
    assertEquals(0, QuadraticFormTestRule.RULE.augmentedCalls.get());
    assertArrayEquals(new double[] {3, 4}, dA);
    assertArrayEquals(new double[] {5, 6}, dx);
  }

  @Test
  void functionThatThrowsWhileRecording_leavesShadowsUntouched() {
    double[] dv = {1, 1};
    assertThrows(
        ArithmeticException.class,
        () ->
            Autodiff.reverse(
                (Vec x) -> {
                  Linalg.sum(x);
                  throw new ArithmeticException("user code failed");
                },
                duplicated(new double[] {2, 3}, dv)));
    assertArrayEquals(new double[] {1, 1}, dv);
  }

  @Test
  void constArgumentsAreNeverWritten() {
    double[] c = {1, 2};
    double[] dv = new double[2];
    Autodiff.reverse(
        (Vec x, Vec k) -> Linalg.dot(x, k).plus(Linalg.sumOfSquares(k)),
        duplicated(new double[] {3, 4}, dv),
        constant(c));
    assertArrayEquals(new double[] {1, 2}, c);
    assertArrayEquals(new double[] {1, 2}, dv);
  }
}
