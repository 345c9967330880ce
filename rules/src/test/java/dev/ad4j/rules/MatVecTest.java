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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MatVecTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(13);

  @ParameterizedTest
  @EnumSource(Kind.class)
  void times_sparseConst_primalIsAxAndReverseAddsATransposeG(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    double[] x = random(random, 4);
    double[] g = random(random, 3);
    double[] dx = {1, 1, 1, 1};
    Output out = reverse(MatVec.TIMES, Config.reverse(), args(constant(a), dup(x, dx)), g);
    assertArrayEquals(times(dense(a), x), out.vectorPrimal(), EPS);
    assertArrayEquals(
        RuleCalls.plus(new double[] {1, 1, 1, 1}, 1.0, transposeTimes(dense(a), g, 4)), dx, EPS);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void transposeTimes_sparseConst_primalIsATransposeXAndReverseAddsAG(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    double[] x = random(random, 3);
    double[] g = random(random, 4);
    double[] dx = new double[3];
    Output out =
        reverse(MatVec.TRANSPOSE_TIMES, Config.reverse(), args(constant(a), dup(x, dx)), g);
    assertArrayEquals(transposeTimes(dense(a), x, 4), out.vectorPrimal(), EPS);
    assertArrayEquals(times(dense(a), g), dx, EPS);
  }

  @Test
  void times_sparseDoubleActive_dAIsGiXjOnPatternWithNnzEntries() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] x = random(random, 4);
    double[] g = random(random, 3);
    double[] da = new double[a.nnz()];
    reverse(MatVec.TIMES, Config.reverse(), args(dup(a, da), constant(x)), g);
    assertEquals(a.nnz(), da.length);
    for (int i = 0; i < 3; i++) {
      for (int k = a.rowPointers()[i]; k < a.rowPointers()[i + 1]; k++) {
        assertEquals(g[i] * x[a.columnIndices()[k]], da[k], EPS);
      }
    }
  }

  @Test
  void transposeTimes_denseActive_dAIsXGTranspose() {
    DenseMatrix a = DenseMatrix.wrap(2, 3, random(random, 6));
    double[] x = {1, 2};
    double[] g = {3, 4, 5};
    double[] da = new double[6];
    reverse(MatVec.TRANSPOSE_TIMES, Config.reverse(), args(dup(a, da), constant(x)), g);
    assertArrayEquals(new double[] {3, 4, 5, 6, 8, 10}, da, EPS);
  }

  @Test
  void forward_bothActiveWidthTwo_givesADotXPlusAXDotPerLane() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
    double[] x = {1, 1};
    Args in =
        args(
            dup(a, new double[] {1, 0, 0, 0}, new double[4]),
            dup(x, new double[] {0, 1}, new double[] {1, 0}));
    Output out = RuleCalls.forward(MatVec.TIMES, Config.forward(2), in);
    assertArrayEquals(new double[] {3, 7}, out.vectorPrimal());
    assertArrayEquals(new double[] {1 + 2, 4}, out.arrayTangent(0));
    assertArrayEquals(new double[] {1, 3}, out.arrayTangent(1));
  }

  @Test
  void reverse_aOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] values = {1, 2, 3, 4};
    double[] dx = new double[2];
    Args in = args(constant(DenseMatrix.wrap(2, 2, values)), dup(new double[2], dx));
    Config config = Config.reverse().withOverwritten(0);
    reverse(MatVec.TIMES, config, in, new double[] {1, 0}, () -> Arrays.fill(values, Double.NaN));
    assertArrayEquals(new double[] {1, 2}, dx);
  }

  @Test
  void augmentedPrimal_aConstXOverwritten_copiesNothing() {
    Args in =
        args(constant(DenseMatrix.wrap(1, 1, new double[] {2})), dup(new double[1], new double[1]));
    assertNull(RuleCalls.saved(MatVec.TIMES, Config.reverse().withOverwritten(1), in));
  }

  @Test
  void primal_xLengthMismatch_throwsNamingRuleAndShapes() {
    Args in = args(constant(DenseMatrix.wrap(2, 3, new double[6])), constant(new double[2]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(MatVec.TIMES, Config.primalOnly(), in));
    assertTrue(
        e.getMessage().startsWith("times(A, x): A is 2x3 but x has length 2"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void times_sparse3x4_passesRuleKit(Kind kind) {
    checkBoth(sparse(random, 3, 4, kind, 0.5));
  }

  @Test
  void times_dense3x4_passesRuleKit() {
    checkBoth(DenseMatrix.wrap(3, 4, random(random, 12)));
  }

  private void checkBoth(Matrix a) {
    assertTrue(RuleTester.of(MatVec.TIMES).at(a, random(random, 4)).checkAll().cases() > 0);
    assertTrue(
        RuleTester.of(MatVec.TRANSPOSE_TIMES).at(a, random(random, 3)).checkAll().cases() > 0);
  }
}
