package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dense;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static dev.ad4j.rules.RuleCalls.sparse;
import static dev.ad4j.rules.RuleCalls.times;
import static dev.ad4j.rules.RuleCalls.transposeTimes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.api.VecArg;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BilinearTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(11);

  @SuppressWarnings("unchecked")
  private static Rule<Bilinear.Products> rule() {
    return (Rule<Bilinear.Products>) Bilinear.DOT3;
  }

  @Test
  void reverse_sparsePatternConst_givesPTimesXPlusPTransposeX() {
    SparseMatrix p = sparse(random, 6, 6, Kind.PATTERN, 0.3);
    double[] x = random(random, 6);
    double[] dx = new double[6];
    VecArg v = dup(x, dx);
    Output out = reverse(Bilinear.DOT3, Config.reverse(), args(v, constant(p), v), 1.0);
    double[][] a = dense(p);
    assertEquals(RuleCalls.dot(x, times(a, x)), out.scalarPrimal(), EPS);
    assertArrayEquals(RuleCalls.plus(times(a, x), 1.0, transposeTimes(a, x, 6)), dx, EPS);
  }

  @Test
  void reverse_seedCase_booleanIdentityAtOneZero_givesTwoZero() {
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
    double[] dv = new double[2];
    VecArg v = dup(new double[] {1, 0}, dv);
    reverse(Bilinear.DOT3, Config.reverse(), args(v, constant(p), v), 1.0);
    assertArrayEquals(new double[] {2, 0}, dv);
  }

  @Test
  void reverse_sparseDoubleActive_dAHasExactlyNnzEntriesXiYj() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] x = random(random, 3);
    double[] y = random(random, 4);
    double[] da = new double[a.nnz()];
    Arrays.fill(da, 1.0);
    reverse(Bilinear.DOT3, Config.reverse(), args(constant(x), dup(a, da), constant(y)), 2.0);
    assertEquals(a.nnz(), da.length);
    int[] rp = a.rowPointers();
    for (int i = 0; i < 3; i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        assertEquals(1.0 + 2.0 * x[i] * y[a.columnIndices()[k]], da[k], EPS);
      }
    }
  }

  @Test
  void reverse_denseAllActive_givesAyATransposeXAndOuterProduct() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    double[] x = {1, -1};
    double[] y = {2, 0, 1};
    double[] dx = new double[2];
    double[] dy = new double[3];
    double[] da = new double[6];
    Output out =
        reverse(Bilinear.DOT3, Config.reverse(), args(dup(x, dx), dup(a, da), dup(y, dy)), 1.0);
    assertEquals(5.0 - 14.0, out.scalarPrimal());
    assertArrayEquals(new double[] {5, 14}, dx);
    assertArrayEquals(new double[] {-3, -3, -3}, dy);
    assertArrayEquals(new double[] {2, 0, 1, -2, 0, -1}, da);
  }

  @Test
  void augmentedPrimal_aConstEverythingOverwritten_copiesNothing() {
    Args a =
        args(
            dup(new double[2], new double[2]),
            constant(DenseMatrix.wrap(2, 2, new double[4])),
            dup(new double[2], new double[2]));
    Config all = Config.reverse().withOverwritten(0).withOverwritten(1).withOverwritten(2);
    Bilinear.Products saved = RuleCalls.saved(rule(), all, a);
    assertNull(saved.copies());
    assertNotNull(saved.ay());
    assertNotNull(saved.atx());
  }

  @Test
  void augmentedPrimal_xAndYConst_computesNoProducts() {
    SparseMatrix m = sparse(random, 3, 3, Kind.DOUBLE, 0.5);
    Args a = args(constant(new double[3]), dup(m, new double[m.nnz()]), constant(new double[3]));
    assertNull(RuleCalls.saved(rule(), Config.reverse(), a));
  }

  @Test
  void augmentedPrimal_aActiveXOverwritten_copiesXOnly() {
    SparseMatrix m = sparse(random, 3, 3, Kind.DOUBLE, 0.5);
    Args a = args(constant(new double[3]), dup(m, new double[m.nnz()]), constant(new double[3]));
    Bilinear.Products saved = RuleCalls.saved(rule(), Config.reverse().withOverwritten(0), a);
    assertTrue(saved.copies().holds(0));
    assertFalse(saved.copies().holds(2));
    assertNull(saved.ay());
  }

  @Test
  void forward_allActive_sumsThreeTerms() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
    Args in =
        args(
            dup(new double[] {1, 0}, new double[] {0, 1}),
            dup(a, new double[] {1, 0, 0, 0}),
            dup(new double[] {0, 1}, new double[] {1, 0}));
    Output out = RuleCalls.forward(Bilinear.DOT3, Config.forward(1), in);
    assertEquals(2.0, out.scalarPrimal());
    // ẋᵀAy + xᵀȦy + xᵀAẏ = 4 + 0 + 1
    assertEquals(5.0, out.scalarTangent(0), EPS);
  }

  @Test
  void primal_xLengthMismatch_throwsNamingRuleAndBothShapes() {
    Args a =
        args(
            constant(new double[3]),
            constant(DenseMatrix.wrap(2, 2, new double[4])),
            constant(new double[2]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Bilinear.DOT3, Config.primalOnly(), a));
    assertTrue(
        e.getMessage().startsWith("dot(x, A, y): x has length 3 but A is 2x2"), e.getMessage());
  }

  @Test
  void primal_yLengthMismatch_throwsNamingColumns() {
    Args a =
        args(
            constant(new double[2]),
            constant(DenseMatrix.wrap(2, 3, new double[6])),
            constant(new double[2]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.saved(Bilinear.DOT3, Config.reverse(), a));
    assertTrue(e.getMessage().contains("y has length 2 but A is 2x3"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sparse3x4_passesRuleKit(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    assertTrue(
        RuleTester.of(Bilinear.DOT3).at(random(random, 3), a, random(random, 4)).checkAll().cases()
            > 0);
  }

  @Test
  void dense3x4_passesRuleKit() {
    DenseMatrix a = DenseMatrix.wrap(3, 4, random(random, 12));
    assertTrue(
        RuleTester.of(Bilinear.DOT3).at(random(random, 3), a, random(random, 4)).checkAll().cases()
            > 0);
  }
}
