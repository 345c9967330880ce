package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static dev.ad4j.rules.RuleCalls.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DotTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(7);

  // DOT

  @Test
  void reverse_bothDuplicated_addsGYIntoXShadowAndGXIntoYShadow() {
    double[] x = {1, 2, 3};
    double[] y = {4, -5, 6};
    double[] dx = {1, 1, 1};
    double[] dy = {0, 0, 2};
    Output out = reverse(Dot.DOT, Config.reverse(), args(dup(x, dx), dup(y, dy)), 2.0);
    assertEquals(12.0, out.scalarPrimal());
    assertArrayEquals(new double[] {9, -9, 13}, dx);
    assertArrayEquals(new double[] {2, 4, 8}, dy);
  }

  @Test
  void reverse_xConst_addsOnlyIntoYShadow() {
    double[] dy = new double[2];
    reverse(
        Dot.DOT,
        Config.reverse(),
        args(constant(new double[] {3, 4}), dup(new double[2], dy)),
        1.0);
    assertArrayEquals(new double[] {3, 4}, dy);
  }

  @Test
  void forward_widthThree_givesEachLaneItsDirectionalDerivative() {
    double[] x = {1, 2};
    double[] y = {3, -1};
    double[][] dx = {{1, 0}, {0, 1}, {2, 2}};
    Output out = RuleCalls.forward(Dot.DOT, Config.forward(3), args(dup(x, dx), constant(y)));
    assertEquals(1.0, out.scalarPrimal());
    assertEquals(3.0, out.scalarTangent(0));
    assertEquals(-1.0, out.scalarTangent(1));
    assertEquals(4.0, out.scalarTangent(2));
  }

  @Test
  void augmentedPrimal_nothingOverwritten_savesNothing() {
    Args a = args(dup(new double[] {1}, new double[1]), dup(new double[] {2}, new double[1]));
    assertNull(RuleCalls.saved(Dot.DOT, Config.reverse(), a));
  }

  @Test
  void augmentedPrimal_yOverwrittenButXConst_savesNothing() {
    Args a = args(constant(new double[] {1}), dup(new double[] {2}, new double[1]));
    assertNull(RuleCalls.saved(Dot.DOT, Config.reverse().withOverwritten(1), a));
  }

  @Test
  void reverse_yOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] y = {4, 5};
    double[] dx = new double[2];
    Args a = args(dup(new double[] {1, 1}, dx), constant(y));
    reverse(Dot.DOT, Config.reverse().withOverwritten(1), a, 1.0, () -> Arrays.fill(y, Double.NaN));
    assertArrayEquals(new double[] {4, 5}, dx);
  }

  @Test
  void primal_lengthMismatch_throwsNamingRuleAndBothLengths() {
    Args a = args(constant(new double[3]), constant(new double[2]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Dot.DOT, Config.primalOnly(), a));
    assertEquals("dot(x, y): x has length 3 but y has length 2", e.getMessage());
  }

  @Test
  void dot_passesRuleKit() {
    assertTrue(
        RuleTester.of(Dot.DOT).at(random(random, 4), random(random, 4)).checkAll().cases() > 0);
  }

  // SPARSE_DOT

  @Test
  void reverse_booleanColumnConst_givesGradientOneZero() {
    SparseMatrix s = SparseMatrix.columnVector(2, 0);
    double[] dv = new double[2];
    Output out =
        reverse(
            Dot.SPARSE_DOT, Config.reverse(), args(constant(s), dup(new double[] {1, 0}, dv)), 1.0);
    assertEquals(1.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1, 0}, dv);
  }

  @Test
  void reverse_integerRowConst_scattersGTimesValuesIntoV() {
    SparseMatrix s =
        SparseMatrix.ofIntegers(1, 4, new int[] {0, 0}, new int[] {1, 3}, new int[] {2, -3});
    double[] dv = {1, 1, 1, 1};
    Output out =
        reverse(
            Dot.SPARSE_DOT,
            Config.reverse(),
            args(constant(s), dup(new double[] {5, 6, 7, 8}, dv)),
            0.5);
    assertEquals(2 * 6 - 3 * 8, out.scalarPrimal());
    assertArrayEquals(new double[] {1, 2, 1, -0.5}, dv);
  }

  @Test
  void reverse_sparseDoubleColumnActive_givesVAtStoredRowsOnly() {
    SparseMatrix s =
        SparseMatrix.ofDoubles(4, 1, new int[] {0, 2}, new int[] {0, 0}, new double[] {1.5, -2});
    double[] ds = {10, 20};
    double[] v = {3, 4, 5, 6};
    reverse(Dot.SPARSE_DOT, Config.reverse(), args(dup(s, ds), constant(v)), 2.0);
    assertEquals(s.nnz(), ds.length);
    assertArrayEquals(new double[] {10 + 2 * 3, 20 + 2 * 5}, ds);
  }

  @Test
  void reverse_denseRowBothActive_givesVForSAndSForV() {
    DenseMatrix s = DenseMatrix.wrap(1, 3, new double[] {1, 2, 3});
    double[] ds = new double[3];
    double[] dv = new double[3];
    reverse(
        Dot.SPARSE_DOT, Config.reverse(), args(dup(s, ds), dup(new double[] {4, 5, 6}, dv)), 1.0);
    assertArrayEquals(new double[] {4, 5, 6}, ds);
    assertArrayEquals(new double[] {1, 2, 3}, dv);
  }

  @Test
  void forward_sparseDoubleColumnBothActive_addsBothTerms() {
    SparseMatrix s = SparseMatrix.ofDoubles(3, 1, new int[] {1}, new int[] {0}, new double[] {2});
    Args a = args(dup(s, new double[] {0.5}), dup(new double[] {1, 3, 5}, new double[] {1, 1, 1}));
    Output out = RuleCalls.forward(Dot.SPARSE_DOT, Config.forward(1), a);
    assertEquals(6.0, out.scalarPrimal());
    assertEquals(0.5 * 3 + 2 * 1, out.scalarTangent(0));
  }

  @Test
  void primal_squareS_throwsNamingRuleAndShape() {
    Args a =
        args(
            constant(SparseMatrix.pattern(2, 2, new int[] {0}, new int[] {0})),
            constant(new double[2]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Dot.SPARSE_DOT, Config.primalOnly(), a));
    assertTrue(e.getMessage().startsWith("dot(s, v): "), e.getMessage());
    assertTrue(e.getMessage().contains("2x2"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sparseDotColumn_passesRuleKit(Kind kind) {
    SparseMatrix s = sparse(random, 6, 1, kind, 0.6);
    assertTrue(RuleTester.of(Dot.SPARSE_DOT).at(s, random(random, 6)).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sparseDotRow_passesRuleKit(Kind kind) {
    SparseMatrix s = sparse(random, 1, 5, kind, 0.6);
    assertTrue(RuleTester.of(Dot.SPARSE_DOT).at(s, random(random, 5)).checkAll().cases() > 0);
  }

  @Test
  void sparseDotDense_passesRuleKit() {
    DenseMatrix column = DenseMatrix.wrap(4, 1, random(random, 4));
    DenseMatrix row = DenseMatrix.wrap(1, 4, random(random, 4));
    assertTrue(RuleTester.of(Dot.SPARSE_DOT).at(column, random(random, 4)).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Dot.SPARSE_DOT).at(row, random(random, 4)).checkAll().cases() > 0);
  }

  @Test
  void sparseDot_constSEveryModeAndOverwritten_neverRequestsItsShadow() {
    // A Const MatArg throws if asked for its shadow: running every body proves it is not.
    SparseMatrix s = sparse(random, 5, 1, Kind.DOUBLE, 0.6);
    double[][] lanes = {new double[5], {1, 0, 0, 0, 0}, new double[5]};
    Output fwd =
        RuleCalls.forward(
            Dot.SPARSE_DOT, Config.forward(3), args(constant(s), dup(new double[5], lanes)));
    assertEquals(s.get(0, 0), fwd.scalarTangent(1), EPS);
    double[] dv = new double[5];
    Args a = args(constant(s), dup(random(random, 5), dv));
    reverse(Dot.SPARSE_DOT, Config.reverse().withOverwritten(0).withOverwritten(1), a, 1.0);
    assertArrayEquals(RuleCalls.times(s.toArray(), new double[] {1}), dv, EPS);
  }
}
