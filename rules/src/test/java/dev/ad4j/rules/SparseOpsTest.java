package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dense;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static dev.ad4j.rules.RuleCalls.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests {@link SparseOps}, {@link SparseMapValues} and their {@link Linalg} section. */
class SparseOpsTest {
  private static final double EPS = 1e-12;

  /** y = x³; dy/dx = 3x² (needs x, not y). */
  private static final UnaryScalarRule CUBE =
      UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x);

  private final Random random = new Random(29);

  // The kit, on every sparse kind and on a dense matrix

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sums_sparse3x4_passRuleKit(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    assertTrue(RuleTester.of(SparseOps.SUM).at(a).checkAll().cases() > 0);
    assertTrue(RuleTester.of(SparseOps.ROW_SUMS).at(a).checkAll().cases() > 0);
    assertTrue(RuleTester.of(SparseOps.COLUMN_SUMS).at(a).checkAll().cases() > 0);
  }

  @Test
  void sums_dense3x4_passRuleKit() {
    DenseMatrix a = DenseMatrix.wrap(3, 4, random(random, 12));
    assertTrue(RuleTester.of(SparseOps.SUM).at(a).checkAll().cases() > 0);
    assertTrue(RuleTester.of(SparseOps.ROW_SUMS).at(a).checkAll().cases() > 0);
    assertTrue(RuleTester.of(SparseOps.COLUMN_SUMS).at(a).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void scaleStored_sparse3x4_passesRuleKit(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    assertTrue(RuleTester.of(SparseOps.SCALE).at(-0.8, a).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void mapValues_sparse3x4_passesRuleKit(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    assertTrue(RuleTester.of(SparseOps.mapValues(Scalars.EXP)).at(a).checkAll().cases() > 0);
    assertTrue(RuleTester.of(SparseOps.mapValues(CUBE)).at(a).checkAll().cases() > 0);
  }

  @Test
  void mapValues_dense3x4_passesRuleKit() {
    DenseMatrix a = DenseMatrix.wrap(3, 4, random(random, 12));
    assertTrue(RuleTester.of(SparseOps.mapValues(CUBE)).at(a).checkAll().cases() > 0);
  }

  // Sums: closed forms

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sums_sparse_matchHandLoopsOverTheCsrArrays(Kind kind) {
    SparseMatrix a = sparse(random, 4, 5, kind, 0.5);
    double total = 0.0;
    double[] r = new double[4];
    double[] c = new double[5];
    for (int i = 0; i < 4; i++) {
      for (int k = a.rowPointers()[i]; k < a.rowPointers()[i + 1]; k++) {
        double v =
            kind == Kind.PATTERN
                ? 1
                : kind == Kind.INTEGER ? a.intValues()[k] : a.doubleValues()[k];
        total += v;
        r[i] += v;
        c[a.columnIndices()[k]] += v;
      }
    }
    assertEquals(total, primalScalar(SparseOps.SUM, a), EPS);
    assertArrayEquals(r, primalVector(SparseOps.ROW_SUMS, a), EPS);
    assertArrayEquals(c, primalVector(SparseOps.COLUMN_SUMS, a), EPS);
  }

  @Test
  void sum_pattern_countsStoredEntries() {
    SparseMatrix p = SparseMatrix.pattern(3, 3, new int[] {0, 0, 2}, new int[] {0, 2, 1});
    assertEquals(3.0, primalScalar(SparseOps.SUM, p));
    assertArrayEquals(new double[] {2, 0, 1}, primalVector(SparseOps.ROW_SUMS, p));
    assertArrayEquals(new double[] {1, 1, 1}, primalVector(SparseOps.COLUMN_SUMS, p));
  }

  @Test
  void sums_dense_matchRowMajorLoops() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertEquals(21.0, primalScalar(SparseOps.SUM, a));
    assertArrayEquals(new double[] {6, 15}, primalVector(SparseOps.ROW_SUMS, a));
    assertArrayEquals(new double[] {5, 7, 9}, primalVector(SparseOps.COLUMN_SUMS, a));
  }

  @Test
  void sum_doubleActive_addsTheSeedToEachOfTheNnzShadowEntries() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] da = new double[a.nnz()];
    Arrays.fill(da, 1.0);
    reverse(SparseOps.SUM, Config.reverse(), args(dup(a, da)), 2.5);
    double[] expected = new double[a.nnz()];
    Arrays.fill(expected, 3.5);
    assertArrayEquals(expected, da);
  }

  @Test
  void rowAndColumnSums_doubleActive_adjointIsTheSeedOfTheEntrysRowOrColumn() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] gr = random(random, 3);
    double[] gc = random(random, 4);
    double[] dr = new double[a.nnz()];
    double[] dc = new double[a.nnz()];
    reverse(SparseOps.ROW_SUMS, Config.reverse(), args(dup(a, dr)), gr);
    reverse(SparseOps.COLUMN_SUMS, Config.reverse(), args(dup(a, dc)), gc);
    for (int i = 0; i < 3; i++) {
      for (int k = a.rowPointers()[i]; k < a.rowPointers()[i + 1]; k++) {
        assertEquals(gr[i], dr[k]);
        assertEquals(gc[a.columnIndices()[k]], dc[k]);
      }
    }
  }

  @Test
  void columnSums_denseActive_adjointBroadcastsTheSeedDownEachColumn() {
    DenseMatrix a = DenseMatrix.wrap(2, 3, new double[6]);
    double[] da = new double[6];
    reverse(SparseOps.COLUMN_SUMS, Config.reverse(), args(dup(a, da)), new double[] {1, 2, 3});
    assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, da);
  }

  @Test
  void rowSums_forwardWidthTwo_sumsEachLanesTangentPerRow() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            2, 3, new int[] {0, 0, 1}, new int[] {0, 2, 1}, new double[] {5, 6, 7});
    Args in = args(dup(a, new double[] {1, 2, 3}, new double[] {0, -1, 4}));
    Output out = RuleCalls.forward(SparseOps.ROW_SUMS, Config.forward(2), in);
    assertArrayEquals(new double[] {11, 7}, out.vectorPrimal());
    assertArrayEquals(new double[] {3, 3}, out.arrayTangent(0));
    assertArrayEquals(new double[] {-1, 4}, out.arrayTangent(1));
  }

  // scaleStored

  @ParameterizedTest
  @EnumSource(Kind.class)
  void scaleStored_anyKind_givesDoubleMatrixSharingAsPatternWithScaledValues(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    Output out =
        RuleCalls.forward(
            SparseOps.SCALE, Config.primalOnly(), args(ScalarArg.constant(-2.0), constant(a)));
    SparseMatrix y = (SparseMatrix) out.matrixPrimal();
    assertEquals(Kind.DOUBLE, y.kind());
    assertSame(a.rowPointers(), y.rowPointers());
    assertSame(a.columnIndices(), y.columnIndices());
    for (int k = 0; k < a.nnz(); k++) {
      assertEquals(-2.0 * a.storedValue(k), y.doubleValues()[k], EPS);
    }
  }

  @Test
  void scaleStored_reverseBothActive_alphaGetsSumGAAndAGetsAlphaGOnNnzEntries() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] g = random(random, a.nnz());
    double[] da = new double[a.nnz()];
    ScalarArg alpha = ScalarArg.reverse(3.0);
    reverse(SparseOps.SCALE, Config.reverse(), args(alpha, dup(a, da)), g);
    double expected = 0.0;
    for (int k = 0; k < a.nnz(); k++) {
      expected += g[k] * a.doubleValues()[k];
      assertEquals(3.0 * g[k], da[k], EPS);
    }
    assertEquals(expected, alpha.adjoint(), EPS);
  }

  @Test
  void scaleStored_alphaActivePatternConst_isDifferentiableWithAlphaAdjointSumOfG() {
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {1, 0});
    ScalarArg alpha = ScalarArg.reverse(0.5);
    Output out =
        reverse(SparseOps.SCALE, Config.reverse(), args(alpha, constant(p)), new double[] {2, -7});
    assertTrue(out.matrixPrimal().isDifferentiable());
    assertEquals(-5.0, alpha.adjoint());
    Args fwd = args(ScalarArg.forward(0.5, 4.0), constant(p));
    assertArrayEquals(
        new double[] {4, 4},
        RuleCalls.forward(SparseOps.SCALE, Config.forward(1), fwd).arrayTangent(0));
  }

  @Test
  void scaleStored_alphaConst_savesNothingEvenWhenAOverwritten() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    Config config = Config.reverse().withOverwritten(1);
    assertNull(
        RuleCalls.saved(
            savedRule(SparseOps.SCALE),
            config,
            args(ScalarArg.constant(2.0), dup(a, new double[a.nnz()]))));
    Saved saved =
        RuleCalls.saved(
            savedRule(SparseOps.SCALE), config, args(ScalarArg.reverse(2.0), constant(a)));
    assertTrue(saved.holds(1));
  }

  @Test
  void scaleStored_aOverwrittenAfterAugmentedPrimal_alphaAdjointUsesSavedCopy() {
    double[] values = {2, 3};
    SparseMatrix a =
        SparseMatrix.csr(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, Kind.DOUBLE, values);
    ScalarArg alpha = ScalarArg.reverse(1.0);
    Config config = Config.reverse().withOverwritten(1);
    reverse(
        SparseOps.SCALE,
        config,
        args(alpha, constant(a)),
        new double[] {1, 10},
        () -> Arrays.fill(values, Double.NaN));
    assertEquals(32.0, alpha.adjoint());
  }

  @Test
  void scaleStored_denseA_throwsPointingToLinalgScale() {
    Args in = args(ScalarArg.constant(2.0), constant(DenseMatrix.wrap(2, 3, new double[6])));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(SparseOps.SCALE, Config.primalOnly(), in));
    assertEquals(
        "scaleStored(alpha, A): A is a DenseMatrix(2x3) but scaleStored scales the stored entries"
            + " of a sparse matrix; scale a dense matrix with Linalg.scale(alpha, A)",
        e.getMessage());
  }

  // mapValues

  @ParameterizedTest
  @EnumSource(Kind.class)
  void mapValues_exp_mapsStoredValuesOnlyAndStructuralZerosStayZero(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    Output out =
        RuleCalls.forward(SparseOps.mapValues(Scalars.EXP), Config.primalOnly(), args(constant(a)));
    SparseMatrix y = (SparseMatrix) out.matrixPrimal();
    assertEquals(Kind.DOUBLE, y.kind());
    assertEquals(a.nnz(), y.nnz());
    double[][] ad = dense(a);
    double[][] yd = dense(y);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        boolean stored =
            Arrays.binarySearch(a.columnIndices(), a.rowPointers()[i], a.rowPointers()[i + 1], j)
                >= 0;
        assertEquals(stored ? Math.exp(ad[i][j]) : 0.0, yd[i][j], 1e-15);
      }
    }
  }

  @Test
  void mapValues_cubeDoubleActive_adjointIsThreeASquaredTimesGOnNnzEntries() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] g = random(random, a.nnz());
    double[] da = new double[a.nnz()];
    reverse(SparseOps.mapValues(CUBE), Config.reverse(), args(dup(a, da)), g);
    for (int k = 0; k < a.nnz(); k++) {
      double x = a.doubleValues()[k];
      assertEquals(3 * x * x * g[k], da[k], EPS);
    }
  }

  @Test
  void mapValues_aOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] values = {1, -2};
    SparseMatrix a =
        SparseMatrix.csr(2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, Kind.DOUBLE, values);
    double[] da = new double[2];
    reverse(
        SparseOps.mapValues(CUBE),
        Config.reverse().withOverwritten(0),
        args(dup(a, da)),
        new double[] {1, 2},
        () -> Arrays.fill(values, Double.NaN));
    assertArrayEquals(new double[] {3, 24}, da);
  }

  @Test
  void mapValues_constA_neverEvaluatesTheDerivativeNorSaves() {
    AtomicInteger derivatives = new AtomicInteger();
    UnaryScalarRule counting =
        UnaryScalarRule.of(
            "counting",
            x -> 2 * x,
            (x, y) -> {
              derivatives.incrementAndGet();
              return 2.0;
            });
    Rule<?> rule = SparseOps.mapValues(counting);
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.6);
    Output out = RuleCalls.forward(rule, Config.forward(2), args(constant(a)));
    assertArrayEquals(new double[a.nnz()], out.arrayTangent(1));
    assertNull(
        RuleCalls.saved(savedRule(rule), Config.reverse().withOverwritten(0), args(constant(a))));
    assertEquals(0, derivatives.get());
    RuleCalls.forward(rule, Config.forward(1), args(dup(a, new double[a.nnz()])));
    assertEquals(a.nnz(), derivatives.get());
  }

  @Test
  void mapValues_sameScalarRule_givesEqualRulesNamedAfterIt() {
    assertEquals(SparseOps.mapValues(Scalars.EXP), SparseOps.mapValues(Scalars.EXP));
    assertNotEquals(SparseOps.mapValues(Scalars.EXP), SparseOps.mapValues(CUBE));
    assertEquals("mapValues(cube, A)", SparseOps.mapValues(CUBE).name());
  }

  @Test
  void mapValues_nullRule_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparseOps.mapValues(null));
    assertEquals("mapValues(f, A): f must not be null", e.getMessage());
  }

  // Linalg facade

  @Test
  void facade_constantInputs_computePrimalsAndStayConstant() {
    SparseMatrix p = SparseMatrix.pattern(2, 3, new int[] {0, 1, 1}, new int[] {0, 0, 2});
    Mat m = Mat.constant(p);
    assertEquals(3.0, Linalg.sum(p).value());
    assertFalse(Linalg.sum(m).isActive());
    assertArrayEquals(new double[] {1, 2}, Linalg.rowSums(p).value());
    assertArrayEquals(new double[] {2, 0, 1}, Linalg.columnSums(m).value());
    assertFalse(Linalg.columnSums(m).isActive());
    Mat y = Linalg.scaleStored(Scalar.constant(2.0), p);
    assertFalse(y.isActive());
    assertArrayEquals(new double[][] {{2, 0, 0}, {2, 0, 2}}, ((SparseMatrix) y.value()).toArray());
    Mat e = Linalg.mapValues(Scalars.EXP, m);
    assertFalse(e.isActive());
    assertEquals(Math.E, ((SparseMatrix) e.value()).get(1, 2), 1e-15);
    assertEquals(0.0, ((SparseMatrix) e.value()).get(0, 1));
  }

  @Test
  void facade_eachMethod_handsItsRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    SparseMatrix d =
        SparseMatrix.ofDoubles(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {3, 4});
    Mat a = Mat.traced(d, t, 0);
    assertEquals(7.0, Linalg.sum(a).value());
    assertSame(SparseOps.SUM, t.rule);
    assertArrayEquals(new double[] {3, 4}, Linalg.rowSums(a).value());
    assertSame(SparseOps.ROW_SUMS, t.rule);
    assertArrayEquals(new double[] {4, 3}, Linalg.columnSums(a).value());
    assertSame(SparseOps.COLUMN_SUMS, t.rule);
    assertTrue(Linalg.mapValues(CUBE, a).isActive());
    assertEquals(SparseOps.mapValues(CUBE), t.rule);
    assertSame(a, t.inputs[0]);
    Scalar alpha = Scalar.traced(2.0, t, 0);
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0}, new int[] {0});
    assertTrue(Linalg.scaleStored(alpha, p).isActive());
    assertSame(SparseOps.SCALE, t.rule);
    assertSame(alpha, t.inputs[0]);
    assertTrue(t.inputs[1] instanceof Mat m && !m.isActive() && m.value() == p);
  }

  // Helpers

  private static double primalScalar(Rule<?> rule, Matrix a) {
    return RuleCalls.forward(rule, Config.primalOnly(), args(constant(a))).scalarPrimal();
  }

  private static double[] primalVector(Rule<?> rule, Matrix a) {
    return RuleCalls.forward(rule, Config.primalOnly(), args(constant(a))).vectorPrimal();
  }

  @SuppressWarnings("unchecked")
  private static Rule<Saved> savedRule(Rule<?> rule) {
    return (Rule<Saved>) rule;
  }
}
