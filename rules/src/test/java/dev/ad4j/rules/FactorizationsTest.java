package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Factorizations.SolveSaved;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FactorizationsTest {
  private static final double EPS = 1e-12;

  /** Well conditioned, non-symmetric, negative determinant (−77.5). */
  private static final DenseMatrix A =
      DenseMatrix.of(new double[][] {{4, 1, -2}, {0.5, -3, 1}, {1, 2, 5}});

  /** Symmetric positive definite. */
  private static final DenseMatrix SPD =
      DenseMatrix.of(new double[][] {{4, 1, 0.5}, {1, 3, -0.4}, {0.5, -0.4, 2}});

  private static final double[] B = {1, -2, 0.5};
  private final Random random = new Random(17);

  // The kit: every activity combination, forward and reverse, against finite differences.

  @Test
  void solve_3x3_passesRuleKit() {
    assertTrue(RuleTester.of(Factorizations.SOLVE).at(A, B).checkAll().cases() > 0);
  }

  @Test
  void solveMatrix_3x3By3x2_passesRuleKit() {
    DenseMatrix b = DenseMatrix.wrap(3, 2, RuleCalls.random(random, 6));
    assertTrue(RuleTester.of(Factorizations.SOLVE_MATRIX).at(A, b).checkAll().cases() > 0);
  }

  @Test
  void cholesky_spdWithGarbageAboveDiagonal_passesRuleKit() {
    double[] v = SPD.values().clone();
    v[1] = 7; // the upper triangle is never read, so its derivative is 0
    v[5] = -9;
    DenseMatrix a = DenseMatrix.wrap(3, 3, v);
    assertTrue(RuleTester.of(Factorizations.CHOLESKY).at(a).checkAll().cases() > 0);
  }

  @Test
  void logDet_3x3_passesRuleKit() {
    assertTrue(RuleTester.of(Factorizations.LOG_DET).at(A).checkAll().cases() > 0);
  }

  @Test
  void inverse_3x3_passesRuleKit() {
    assertTrue(RuleTester.of(Factorizations.INVERSE).at(A).checkAll().cases() > 0);
  }

  // Closed forms against Commons Math.

  @Test
  void solve_bothActive_primalAndAdjointsMatchCommonsMath() {
    double[] g = {0.3, -1, 2};
    double[] da = new double[9];
    double[] db = new double[3];
    Output out = reverse(Factorizations.SOLVE, Config.reverse(), args(dup(A, da), dup(B, db)), g);
    LUDecomposition lu = new LUDecomposition(A.toRealMatrix());
    double[] x = lu.getSolver().solve(new ArrayRealVector(B)).toArray();
    double[] z = lu.getSolver().getInverse().transpose().operate(g);
    assertArrayEquals(x, out.vectorPrimal(), EPS);
    assertArrayEquals(z, db, EPS);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(-z[i] * x[j], da[i * 3 + j], EPS);
      }
    }
  }

  @Test
  void solve_aConst_savesNoXAndAddsOnlyIntoB() {
    double[] db = {1, 1, 1};
    Args in = args(constant(A), dup(B, db));
    SolveSaved saved = RuleCalls.saved(Typed.SOLVE, Config.reverse(), in);
    assertNotNull(saved.lu());
    assertNull(saved.x()); // nothing that only Ā needs is kept
    reverse(Factorizations.SOLVE, Config.reverse(), in, new double[] {1, 0, 0});
    double[] z = new LUDecomposition(A.toRealMatrix()).getSolver().getInverse().getRow(0);
    assertArrayEquals(RuleCalls.plus(new double[] {1, 1, 1}, 1.0, z), db, EPS);
  }

  @Test
  void solve_allConst_savesNothing() {
    assertNull(RuleCalls.saved(Typed.SOLVE, Config.reverse(), args(constant(A), constant(B))));
  }

  @Test
  void solve_aOverwrittenAfterAugmentedPrimal_usesSavedFactorisation() {
    double[] values = A.values().clone();
    double[] da = new double[9];
    double[] expected = new double[9];
    double[] g = {1, 2, 3};
    Config config = Config.reverse().withOverwritten(0);
    reverse(Factorizations.SOLVE, config, args(dup(A, expected), constant(B)), g);
    DenseMatrix live = DenseMatrix.wrap(3, 3, values);
    Args in = args(dup(live, da), constant(B));
    reverse(Factorizations.SOLVE, config, in, g, () -> Arrays.fill(values, Double.NaN));
    assertArrayEquals(expected, da, EPS);
  }

  @Test
  void cholesky_primal_isLowerTriangularWithLTimesLTransposeEqualToA() {
    Output out =
        RuleCalls.forward(Factorizations.CHOLESKY, Config.primalOnly(), args(constant(SPD)));
    RealMatrix l = ((DenseMatrix) out.matrixPrimal()).toRealMatrix();
    assertEquals(0.0, l.getEntry(0, 1));
    assertEquals(0.0, l.getEntry(1, 2));
    assertTrue(l.multiply(l.transpose()).subtract(SPD.toRealMatrix()).getNorm() < 1e-12);
  }

  @Test
  void cholesky_reverseOfLogDetFromDiagonal_isLowerFoldOfInverse() {
    // log det A = 2·Σ log Lᵢᵢ, so L̄ = diag(2/Lᵢᵢ) must give Ā = A⁻¹ folded onto the lower
    // triangle:
    // 2·(A⁻¹)ᵢⱼ below the diagonal, (A⁻¹)ᵢᵢ on it, 0 above.
    double[] da = new double[9];
    Output out = new Output(1);
    Args in = args(dup(SPD, da));
    double[] l = (double[]) RuleCalls.saved(Typed.CHOLESKY, Config.reverse(), in);
    out.primal(DenseMatrix.wrap(3, 3, l));
    out.seedAdjoint(new double[] {2 / l[0], 0, 0, 0, 2 / l[4], 0, 0, 0, 2 / l[8]});
    Typed.CHOLESKY.reverse(Config.reverse(), in, out, l);
    RealMatrix inv = MatrixUtils.inverse(SPD.toRealMatrix());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double expected = i > j ? 2 * inv.getEntry(i, j) : i == j ? inv.getEntry(i, i) : 0.0;
        assertEquals(expected, da[i * 3 + j], 1e-12);
      }
    }
  }

  @Test
  void logDet_negativeDeterminant_isLogAbsAndGradientIsInverseTranspose() {
    double[] da = new double[9];
    Output out = reverse(Factorizations.LOG_DET, Config.reverse(), args(dup(A, da)), 2.0);
    double det = new LUDecomposition(A.toRealMatrix()).getDeterminant();
    assertTrue(det < 0);
    assertEquals(Math.log(-det), out.scalarPrimal(), EPS);
    RealMatrix invT = MatrixUtils.inverse(A.toRealMatrix()).transpose();
    assertArrayEquals(DenseMatrix.from(invT.scalarMultiply(2.0)).values(), da, EPS);
  }

  @Test
  void inverse_primalTimesAIsIdentityAndAdjointIsMinusYtGYt() {
    double[] g = RuleCalls.random(random, 9);
    double[] da = new double[9];
    Output out = reverse(Factorizations.INVERSE, Config.reverse(), args(dup(A, da)), g);
    RealMatrix y = ((DenseMatrix) out.matrixPrimal()).toRealMatrix();
    assertTrue(
        y.multiply(A.toRealMatrix()).subtract(MatrixUtils.createRealIdentityMatrix(3)).getNorm()
            < 1e-12);
    RealMatrix gm = DenseMatrix.wrap(3, 3, g).toRealMatrix();
    RealMatrix expected = y.transpose().multiply(gm).multiply(y.transpose()).scalarMultiply(-1);
    assertArrayEquals(DenseMatrix.from(expected).values(), da, EPS);
  }

  @Test
  void singleArgumentRules_aConst_saveNothing() {
    assertNull(RuleCalls.saved(Typed.INVERSE, Config.reverse(), args(constant(A))));
    assertNull(RuleCalls.saved(Typed.LOG_DET, Config.reverse(), args(constant(A))));
    assertNull(RuleCalls.saved(Typed.CHOLESKY, Config.reverse(), args(constant(SPD))));
  }

  @Test
  void solveMatrix_bActive_primalAndAdjointMatchCommonsMath() {
    DenseMatrix b = DenseMatrix.wrap(3, 2, RuleCalls.random(random, 6));
    double[] g = RuleCalls.random(random, 6);
    double[] db = new double[6];
    Args in = args(constant(A), dup(b, db));
    Output out = reverse(Factorizations.SOLVE_MATRIX, Config.reverse(), in, g);
    RealMatrix inv = MatrixUtils.inverse(A.toRealMatrix());
    RealMatrix x = inv.multiply(b.toRealMatrix());
    RealMatrix z = inv.transpose().multiply(DenseMatrix.wrap(3, 2, g).toRealMatrix());
    assertArrayEquals(
        DenseMatrix.from(x).values(), ((DenseMatrix) out.matrixPrimal()).values(), EPS);
    assertArrayEquals(DenseMatrix.from(z).values(), db, EPS);
  }

  // Errors, thrown before any derivative work.

  @ParameterizedTest
  @EnumSource(Kind.class)
  void solve_sparseA_throwsNamingRuleAndSayingConvert(Kind kind) {
    Args in = args(constant(RuleCalls.sparse(random, 3, 3, kind, 0.7)), constant(B));
    String message = primalError(Factorizations.SOLVE, in);
    assertTrue(message.startsWith("solve(A, b): A is SparseMatrix(" + kind), message);
    assertTrue(message.contains("must be a dense square matrix; convert it with"), message);
  }

  @Test
  void logDet_nonSquareA_throwsNamingRuleAndShape() {
    String message =
        primalError(Factorizations.LOG_DET, args(constant(DenseMatrix.wrap(2, 3, new double[6]))));
    assertEquals("logDet(A): A is 2x3 but must be square with at least one row", message);
  }

  @Test
  void solve_bLengthMismatch_throwsNamingBothShapes() {
    String message = primalError(Factorizations.SOLVE, args(constant(A), constant(new double[2])));
    assertEquals(
        "solve(A, b): A is 3x3 but b has length 2 (must equal A's number of rows)", message);
  }

  @Test
  void solveMatrix_bWithWrongRows_throwsNamingBothShapes() {
    Args in = args(constant(A), constant(DenseMatrix.wrap(2, 2, new double[4])));
    String message = primalError(Factorizations.SOLVE_MATRIX, in);
    assertTrue(message.startsWith("solve(A, B): A is 3x3 but B is DenseMatrix(2x2)"), message);
  }

  @Test
  void inverse_singularA_throwsSayingSingularNotCommonsMath() {
    DenseMatrix singular = DenseMatrix.of(new double[][] {{1, 2}, {2, 4}});
    String message = primalError(Factorizations.INVERSE, args(constant(singular)));
    assertTrue(message.startsWith("inverse(A): A (2x2) is singular"), message);
  }

  @Test
  void cholesky_indefiniteA_throwsSayingNotPositiveDefinite() {
    DenseMatrix indefinite = DenseMatrix.of(new double[][] {{1, 0}, {3, 1}});
    String message = primalError(Factorizations.CHOLESKY, args(constant(indefinite)));
    assertTrue(
        message.startsWith("cholesky(A): A (2x2, read from its lower triangle) is not"), message);
  }

  // Facade.

  @Test
  void facade_constantInputs_giveInactivePrimals() {
    Vec x = Linalg.solve(A, Vec.constant(B));
    double[] expected =
        new LUDecomposition(A.toRealMatrix()).getSolver().solve(new ArrayRealVector(B)).toArray();
    assertFalse(x.isActive());
    assertArrayEquals(expected, x.value(), EPS);
    Mat a = Mat.constant(A);
    assertEquals(Math.log(77.5), Linalg.logDet(a).value(), 1e-12);
    Mat y = Linalg.inverse(a);
    assertFalse(y.isActive());
    assertArrayEquals(
        DenseMatrix.from(MatrixUtils.inverse(A.toRealMatrix())).values(),
        ((DenseMatrix) y.value()).values(),
        EPS);
    Mat l = Linalg.cholesky(Mat.constant(SPD));
    assertFalse(l.isActive());
    assertEquals(2.0, ((DenseMatrix) l.value()).get(0, 0), EPS);
    Mat xm = Linalg.solve(a, Mat.constant(DenseMatrix.wrap(3, 1, B)));
    assertArrayEquals(expected, ((DenseMatrix) xm.value()).values(), EPS);
  }

  @Test
  void facade_tracedInputs_handTheirRuleToTheTrace() {
    RecordingTrace trace = new RecordingTrace();
    Linalg.solve(A, trace.vec(B));
    assertSame(Factorizations.SOLVE, trace.rule);
    assertTrue(trace.inputs[0] instanceof Mat m && !m.isActive() && m.value() == A);
    Mat a = trace.mat(A);
    Linalg.logDet(a);
    assertSame(Factorizations.LOG_DET, trace.rule);
    assertTrue(Linalg.inverse(a).isActive());
    assertSame(Factorizations.INVERSE, trace.rule);
    assertTrue(Linalg.solve(a, trace.mat(DenseMatrix.wrap(3, 1, B.clone()))).isActive());
    assertSame(Factorizations.SOLVE_MATRIX, trace.rule);
    assertSame(a, trace.inputs[0]);
    assertTrue(Linalg.cholesky(trace.mat(SPD)).isActive());
    assertSame(Factorizations.CHOLESKY, trace.rule);
  }

  private static String primalError(Rule<?> rule, Args in) {
    return assertThrows(
            IllegalArgumentException.class, () -> RuleCalls.forward(rule, Config.primalOnly(), in))
        .getMessage();
  }

  /** The rules with their saved types, for calling bodies directly. */
  @SuppressWarnings("unchecked")
  private static final class Typed {
    static final Rule<SolveSaved> SOLVE = (Rule<SolveSaved>) Factorizations.SOLVE;
    static final Rule<Object> CHOLESKY = (Rule<Object>) Factorizations.CHOLESKY;
    static final Rule<Object> INVERSE = (Rule<Object>) Factorizations.INVERSE;
    static final Rule<Object> LOG_DET = (Rule<Object>) Factorizations.LOG_DET;
  }
}
