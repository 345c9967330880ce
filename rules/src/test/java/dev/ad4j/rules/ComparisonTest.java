package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Output;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;
import dev.ad4j.testkit.Report;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ComparisonTest {
  private static final double[] X = {0.5, -1.0, 2.0, -0.25};
  private static final double[] Y = {0.25, -0.5, 2.5, -0.75};

  @ParameterizedTest
  @EnumSource(Comparison.class)
  void everyComparison_matchesJavaOperatorsIncludingNaN(Comparison op) {
    double[] values = {-1.0, 0.0, -0.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY};
    for (double a : values) {
      for (double b : values) {
        boolean expected =
            switch (op) {
              case GREATER -> a > b;
              case GREATER_OR_EQUAL -> a >= b;
              case LESS -> a < b;
              case LESS_OR_EQUAL -> a <= b;
              case EQUAL -> a == b;
              case NOT_EQUAL -> a != b;
            };
        assertEquals(expected, op.holds(a, b), op + " " + a + " " + b);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Comparison.class)
  void everyComparison_passesRuleKitAsNonDifferentiable(Comparison op) {
    // Vector-vector, vector-scalar, dense-dense and scalar-scalar: locally constant, forward and
    // reverse of the all-Const primal, and every active combination rejected with the message.
    Report vv = RuleTester.of(op.rule()).at(X, Y).checkAll();
    assertEquals(4 + 3 * 2, vv.cases());
    assertEquals(6, vv.rejectedCases());
    assertTrue(RuleTester.of(op.rule()).at(X, 0.1).checkAll().cases() > 0);
    DenseMatrix a = DenseMatrix.wrap(2, 2, X.clone());
    DenseMatrix b = DenseMatrix.wrap(2, 2, Y.clone());
    assertTrue(RuleTester.of(op.rule()).at(a, b).checkAll().cases() > 0);
    assertTrue(RuleTester.of(op.rule()).at(0.5, 0.75).checkAll().cases() > 0);
  }

  @Test
  void vectorAgainstThreshold_givesOneWhereTheComparisonHolds() {
    Vec m = Linalg.mask(Vec.constant(X), Comparison.GREATER, 0.0);
    assertArrayEquals(new double[] {1, 0, 1, 0}, m.value());
    assertArrayEquals(
        new double[] {0, 1, 1, 0},
        Linalg.mask(Vec.constant(X), Comparison.LESS_OR_EQUAL, Vec.constant(Y)).value());
  }

  @Test
  void denseMatrices_giveADenseMaskOfTheSameShape() {
    Mat a = Mat.constant(DenseMatrix.wrap(2, 2, X.clone()));
    Mat m = Linalg.mask(a, Comparison.GREATER_OR_EQUAL, 0.5);
    assertEquals(2, m.rows());
    assertArrayEquals(new double[] {1, 0, 1, 0}, ((DenseMatrix) m.value()).values());
    Mat e = Linalg.mask(a, Comparison.EQUAL, Mat.constant(DenseMatrix.wrap(2, 2, X.clone())));
    assertArrayEquals(new double[] {1, 1, 1, 1}, ((DenseMatrix) e.value()).values());
  }

  @Test
  void activeInput_isNeverHandedToTheTraceAndGivesAConstantMask() {
    RecordingTrace trace = new RecordingTrace();
    Vec x = trace.vec(X);
    Vec m = Linalg.mask(x, Comparison.GREATER, 0.0);
    assertNull(trace.rule, "a mask must not be recorded");
    assertFalse(m.isActive());
    assertArrayEquals(new double[] {1, 0, 1, 0}, m.value());
  }

  @Test
  void reverseSweep_setsTheMaskAsItsPrimal() {
    Args in = Args.of(VecArg.constant(X), ScalarArg.constant(0.0));
    Output out = RuleCalls.reverse(Comparison.LESS.rule(), Config.reverse(), in, new double[4]);
    assertArrayEquals(new double[] {0, 1, 0, 1}, out.vectorPrimal());
  }

  @Test
  void mismatchedShapes_throwNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Linalg.mask(Vec.constant(X), Comparison.LESS, Vec.constant(new double[3])));
    assertTrue(
        e.getMessage().startsWith("mask(x < y): x has 4 elements but y has 3"), e.getMessage());
    Mat a = Mat.constant(DenseMatrix.wrap(2, 2, X.clone()));
    Mat b = Mat.constant(DenseMatrix.wrap(1, 4, X.clone()));
    e = assertThrows(IllegalArgumentException.class, () -> Linalg.mask(a, Comparison.LESS, b));
    assertTrue(e.getMessage().contains("x is 2x2 but y is 1x4"), e.getMessage());
  }

  @Test
  void sparseOperand_isRejectedWithAHint() {
    Mat s = Mat.constant(SparseMatrix.pattern(2, 2, new int[] {0}, new int[] {1}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Linalg.mask(s, Comparison.LESS, 0.0));
    assertTrue(e.getMessage().contains("compares dense operands"), e.getMessage());
  }
}
