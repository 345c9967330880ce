package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElementwiseTest {
  private static final DenseMatrix A = DenseMatrix.wrap(2, 3, new double[] {1, 2, 3, 4, 5, 6});
  private static final DenseMatrix B = DenseMatrix.wrap(2, 3, new double[] {2, -1, 0.5, 4, 2, -3});

  private final Random random = new Random(19);

  @Test
  void scale_reverseBothActive_givesSumGXForAlphaAndAlphaGForX() {
    ScalarArg alpha = ScalarArg.reverse(3.0);
    double[] dx = {1, 1};
    Output out =
        reverse(
            Elementwise.SCALE,
            Config.reverse(),
            args(alpha, dup(new double[] {2, 5}, dx)),
            new double[] {1, -1});
    assertArrayEquals(new double[] {6, 15}, out.vectorPrimal());
    assertEquals(2.0 - 5.0, alpha.adjoint());
    assertArrayEquals(new double[] {4, -2}, dx);
  }

  @Test
  void scale_forwardAlphaActiveOnly_givesAlphaDotTimesX() {
    Args in = args(ScalarArg.forward(2.0, 0.5, -1.0), constant(new double[] {4, 6}));
    Output out = RuleCalls.forward(Elementwise.SCALE, Config.forward(2), in);
    assertArrayEquals(new double[] {2, 3}, out.arrayTangent(0));
    assertArrayEquals(new double[] {-4, -6}, out.arrayTangent(1));
  }

  @Test
  void scale_xOverwrittenAfterAugmentedPrimal_alphaAdjointUsesSavedCopy() {
    ScalarArg alpha = ScalarArg.reverse(1.0);
    double[] x = {2, 3};
    Config config = Config.reverse().withOverwritten(1);
    Args in = args(alpha, constant(x));
    reverse(Elementwise.SCALE, config, in, new double[] {1, 1}, () -> Arrays.fill(x, Double.NaN));
    assertEquals(5.0, alpha.adjoint());
  }

  @Test
  void add_reverse_addsGIntoBothShadows() {
    double[] dx = {1, 1};
    double[] dy = new double[2];
    Output out =
        reverse(
            Elementwise.ADD,
            Config.reverse(),
            args(dup(new double[] {1, 2}, dx), dup(new double[] {3, 4}, dy)),
            new double[] {5, 6});
    assertArrayEquals(new double[] {4, 6}, out.vectorPrimal());
    assertArrayEquals(new double[] {6, 7}, dx);
    assertArrayEquals(new double[] {5, 6}, dy);
  }

  @Test
  void multiply_reverse_givesGTimesOtherFactor() {
    double[] dx = new double[2];
    double[] dy = new double[2];
    Output out =
        reverse(
            Elementwise.MULTIPLY,
            Config.reverse(),
            args(dup(new double[] {1, 2}, dx), dup(new double[] {3, 4}, dy)),
            new double[] {1, 2});
    assertArrayEquals(new double[] {3, 8}, out.vectorPrimal());
    assertArrayEquals(new double[] {3, 8}, dx);
    assertArrayEquals(new double[] {1, 4}, dy);
  }

  @Test
  void multiply_forward_givesProductRule() {
    Args in =
        args(
            dup(new double[] {1, 2}, new double[] {1, 0}),
            dup(new double[] {3, 4}, new double[] {0, 1}));
    Output out = RuleCalls.forward(Elementwise.MULTIPLY, Config.forward(1), in);
    assertArrayEquals(new double[] {3, 2}, out.arrayTangent(0));
  }

  @Test
  void add_lengthMismatch_throwsNamingRuleAndBothLengths() {
    Args in = args(constant(new double[2]), constant(new double[3]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Elementwise.ADD, Config.primalOnly(), in));
    assertEquals("add(x, y): x has length 2 but y has length 3", e.getMessage());
  }

  @Test
  void scale_passesRuleKit() {
    assertTrue(RuleTester.of(Elementwise.SCALE).at(0.7, random(random, 4)).checkAll().cases() > 0);
  }

  @Test
  void add_passesRuleKit() {
    assertTrue(
        RuleTester.of(Elementwise.ADD).at(random(random, 4), random(random, 4)).checkAll().cases()
            > 0);
  }

  @Test
  void multiply_passesRuleKit() {
    assertTrue(
        RuleTester.of(Elementwise.MULTIPLY)
                .at(random(random, 4), random(random, 4))
                .checkAll()
                .cases()
            > 0);
  }

  // subtract

  @Test
  void subtract_reverse_addsGToXAndMinusGToY() {
    double[] dx = {1, 1};
    double[] dy = {1, 1};
    Output out =
        reverse(
            Elementwise.SUBTRACT,
            Config.reverse(),
            args(dup(new double[] {1, 2}, dx), dup(new double[] {3, 5}, dy)),
            new double[] {5, 6});
    assertArrayEquals(new double[] {-2, -3}, out.vectorPrimal());
    assertArrayEquals(new double[] {6, 7}, dx);
    assertArrayEquals(new double[] {-4, -5}, dy);
  }

  @Test
  void subtract_forward_givesXDotMinusYDot() {
    Args in =
        args(
            dup(new double[] {1, 2}, new double[] {1, 2}),
            dup(new double[] {3, 4}, new double[] {5, -1}));
    Output out = RuleCalls.forward(Elementwise.SUBTRACT, Config.forward(1), in);
    assertArrayEquals(new double[] {-4, 3}, out.arrayTangent(0));
  }

  @Test
  void subtract_lengthMismatch_throwsNamingRuleAndBothLengths() {
    Args in = args(constant(new double[2]), constant(new double[3]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Elementwise.SUBTRACT, Config.primalOnly(), in));
    assertEquals("subtract(x, y): x has length 2 but y has length 3", e.getMessage());
  }

  @Test
  void subtract_passesRuleKit() {
    assertTrue(
        RuleTester.of(Elementwise.SUBTRACT)
                .at(random(random, 4), random(random, 4))
                .checkAll()
                .cases()
            > 0);
  }

  // divide

  @Test
  void divide_reverse_givesGOverYAndMinusGXOverYSquared() {
    double[] dx = new double[2];
    double[] dy = new double[2];
    Output out =
        reverse(
            Elementwise.DIVIDE,
            Config.reverse(),
            args(dup(new double[] {1, 6}, dx), dup(new double[] {2, 3}, dy)),
            new double[] {1, 2});
    assertArrayEquals(new double[] {0.5, 2}, out.vectorPrimal());
    assertArrayEquals(new double[] {1.0 / 2, 2.0 / 3}, dx, 1e-15);
    assertArrayEquals(new double[] {-1.0 / 4, -2.0 * 6 / 9}, dy, 1e-15);
  }

  @Test
  void divide_forward_givesQuotientRule() {
    Args in =
        args(
            dup(new double[] {1, 6}, new double[] {1, 0}),
            dup(new double[] {2, 3}, new double[] {0, 1}));
    Output out = RuleCalls.forward(Elementwise.DIVIDE, Config.forward(1), in);
    assertArrayEquals(new double[] {0.5, -6.0 / 9}, out.arrayTangent(0), 1e-15);
  }

  @Test
  void divide_bothOverwritten_copiesOnlyY() {
    Config config = Config.reverse().withOverwritten(0).withOverwritten(1);
    Args in =
        args(dup(new double[] {1, 6}, new double[2]), dup(new double[] {2, 3}, new double[2]));
    Saved saved = RuleCalls.saved(divide(), config, in);
    assertFalse(saved.holds(0));
    assertTrue(saved.holds(1));
  }

  @Test
  void divide_allConst_savesNothing() {
    Config config = Config.reverse().withOverwritten(0).withOverwritten(1);
    Args in = args(constant(new double[] {1, 6}), constant(new double[] {2, 3}));
    assertNull(RuleCalls.saved(divide(), config, in));
  }

  @Test
  void divide_passesRuleKit() {
    double[] y = {1.3, -1.7, 0.9, 2.1}; // away from 0, where x ⊘ y is smooth
    assertTrue(RuleTester.of(Elementwise.DIVIDE).at(random(random, 4), y).checkAll().cases() > 0);
  }

  // dense matrices

  @Test
  void allRules_passRuleKitOnDense2x3Matrices() {
    DenseMatrix x = matrix(random(random, 6));
    DenseMatrix y = matrix(random(random, 6));
    DenseMatrix away = matrix(new double[] {1.3, -1.7, 0.9, 2.1, -0.8, 1.1}); // no zero divisor
    assertTrue(RuleTester.of(Elementwise.SCALE).at(0.7, x).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Elementwise.ADD).at(x, y).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Elementwise.SUBTRACT).at(x, y).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Elementwise.MULTIPLY).at(x, y).checkAll().cases() > 0);
    assertTrue(RuleTester.of(Elementwise.DIVIDE).at(x, away).checkAll().cases() > 0);
  }

  @Test
  void addSubtractScale_denseMatrices_matchCommonsMathInShapeAndValues() {
    RealMatrix a = A.toRealMatrix();
    RealMatrix b = B.toRealMatrix();
    Args in = args(constant(A), constant(B));
    assertMatrix(a.add(b), RuleCalls.forward(Elementwise.ADD, Config.primalOnly(), in));
    assertMatrix(a.subtract(b), RuleCalls.forward(Elementwise.SUBTRACT, Config.primalOnly(), in));
    Args scaled = args(ScalarArg.constant(-2.5), constant(A));
    assertMatrix(
        a.scalarMultiply(-2.5), RuleCalls.forward(Elementwise.SCALE, Config.primalOnly(), scaled));
  }

  @Test
  void multiply_denseMatrices_reverseGivesGTimesOtherFactorRowMajor() {
    double[] da = new double[6];
    double[] db = {1, 1, 1, 1, 1, 1};
    double[] g = {1, 2, 3, -1, 0.5, 2};
    Output out = reverse(Elementwise.MULTIPLY, Config.reverse(), args(dup(A, da), dup(B, db)), g);
    DenseMatrix z = (DenseMatrix) out.matrixPrimal();
    assertEquals(2, z.rows());
    assertEquals(3, z.cols());
    assertEquals(5 * 2.0, z.get(1, 1)); // A₁₁·B₁₁
    assertArrayEquals(new double[] {2, -2, 1.5, 16, 10, -18}, z.values());
    assertArrayEquals(new double[] {2, -2, 1.5, -4, 1, -6}, da); // Ā = Ḡ ⊙ B
    assertArrayEquals(new double[] {2, 5, 10, -3, 3.5, 13}, db); // B̄ = 1 + Ḡ ⊙ A
  }

  @Test
  void divide_denseMatrices_forwardAndReverseGiveQuotientRule() {
    double[] db = new double[6];
    double[] g = {1, 1, 2, 1, 1, 1};
    reverse(Elementwise.DIVIDE, Config.reverse(), args(constant(A), dup(B, db)), g);
    double[] tb = {0, 0, 1, 0, 0, 0};
    Args in = args(constant(A), dup(B, tb));
    Output out = RuleCalls.forward(Elementwise.DIVIDE, Config.forward(1), in);
    assertEquals(3 / 0.5, ((DenseMatrix) out.matrixPrimal()).get(0, 2));
    assertEquals(-3 / 0.25, out.arrayTangent(0)[2]); // ∂(a/b)/∂b = −a/b²
    assertEquals(-2 * 3 / 0.25, db[2]);
    assertEquals(-5 / 4.0, db[4]);
  }

  @Test
  void scale_denseMatrix_alphaAdjointIsSumOfGTimesA() {
    ScalarArg alpha = ScalarArg.reverse(2.0);
    double[] g = {1, 0, -1, 2, 0, 1};
    Output out = reverse(Elementwise.SCALE, Config.reverse(), args(alpha, constant(A)), g);
    assertArrayEquals(
        new double[] {2, 4, 6, 8, 10, 12}, ((DenseMatrix) out.matrixPrimal()).values());
    assertEquals(1 - 3 + 8 + 6, alpha.adjoint());
  }

  @Test
  void multiply_constMatrixX_overwritten_copiesOnlyXForYAdjoint() {
    Config config = Config.reverse().withOverwritten(0).withOverwritten(1);
    Args in = args(constant(A), dup(B, new double[6]));
    Saved saved = RuleCalls.saved(multiply(), config, in);
    assertTrue(saved.holds(0));
    assertFalse(saved.holds(1));
  }

  @Test
  void scale_constAlphaOverDenseMatrix_savesNothing() {
    Config config = Config.reverse().withOverwritten(1);
    Args in = args(ScalarArg.constant(2.0), dup(A, new double[6]));
    assertNull(RuleCalls.saved(scale(), config, in));
  }

  @Test
  void add_vectorAndMatrix_throwsNamingRuleAndBothShapes() {
    Args in = args(constant(new double[6]), constant(A));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Elementwise.ADD, Config.primalOnly(), in));
    assertEquals(
        "add(x, y): x is a vector of length 6 but y is a 2x3 matrix (shapes must match)",
        e.getMessage());
  }

  @Test
  void multiply_matricesOfDifferentShapes_throwsNamingRuleAndBothShapes() {
    DenseMatrix c = DenseMatrix.wrap(3, 2, new double[6]);
    Args in = args(dup(A, new double[6]), constant(c));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.saved(multiply(), Config.reverse(), in));
    assertEquals(
        "multiply(x, y): x is a 2x3 matrix but y is a 3x2 matrix (shapes must match)",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(SparseMatrix.Kind.class)
  void sparseArgument_isRefusedPointingToTheSparseOperations(SparseMatrix.Kind kind) {
    SparseMatrix s = RuleCalls.sparse(random, 2, 3, kind, 0.5);
    Args in = args(constant(A), constant(s));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Elementwise.SUBTRACT, Config.primalOnly(), in));
    assertEquals(
        "subtract(x, y): argument 1 is a "
            + s.describe()
            + " but elementwise rules take dense matrices;"
            + " for a sparse matrix use Linalg.mapValues or Linalg.scaleStored",
        e.getMessage());
    Args scaled = args(ScalarArg.constant(2.0), constant(s));
    assertThrows(
        IllegalArgumentException.class,
        () -> RuleCalls.forward(Elementwise.SCALE, Config.primalOnly(), scaled));
  }

  @Test
  void divide_scalarWhereAnArrayBelongs_throwsNamingTheArgument() {
    Args in = args(constant(A), ScalarArg.constant(2.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(Elementwise.DIVIDE, Config.primalOnly(), in));
    assertEquals(
        "divide(x, y): argument 1 is a scalar; elementwise rules take vectors or dense matrices",
        e.getMessage());
  }

  // facade

  @Test
  void facade_constantMatrices_computeDenseResultsAndStayConstant() {
    Mat a = Mat.constant(A);
    Mat b = Mat.constant(B);
    assertArrayEquals(new double[] {3, 1, 3.5, 8, 7, 3}, values(Linalg.add(a, b)));
    assertArrayEquals(new double[] {-1, 3, 2.5, 0, 3, 9}, values(Linalg.subtract(a, b)));
    assertArrayEquals(new double[] {2, -2, 1.5, 16, 10, -18}, values(Linalg.multiply(a, b)));
    assertArrayEquals(new double[] {0.5, -2, 6, 1, 2.5, -2}, values(Linalg.divide(a, b)));
    assertArrayEquals(new double[] {3, 6, 9, 12, 15, 18}, values(Linalg.scale(3.0, a)));
    assertArrayEquals(
        new double[] {-1, -2, -3, -4, -5, -6}, values(Linalg.scale(Scalar.constant(-1), a)));
    Mat exp = Linalg.map(Scalars.EXP, b);
    assertEquals(Math.exp(-3), ((DenseMatrix) exp.value()).get(1, 2), 1e-15);
    assertFalse(exp.isActive());
    assertFalse(Linalg.add(a, b).isActive());
  }

  @Test
  void facade_activeMatrices_handTheElementwiseRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Mat a = t.mat(A);
    Mat b = t.mat(B);
    Linalg.add(a, b);
    assertSame(Elementwise.ADD, t.rule);
    Linalg.subtract(a, b);
    assertSame(Elementwise.SUBTRACT, t.rule);
    Linalg.multiply(a, b);
    assertSame(Elementwise.MULTIPLY, t.rule);
    Linalg.divide(a, b);
    assertSame(Elementwise.DIVIDE, t.rule);
    Mat scaled = Linalg.scale(t.scalar(2), Mat.constant(A));
    assertSame(Elementwise.SCALE, t.rule);
    assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, values(scaled));
    Linalg.scale(2.0, a);
    assertSame(Elementwise.SCALE, t.rule);
    assertTrue(Linalg.map(Scalars.EXP, a).isActive());
    assertEquals(Elementwise.map(Scalars.EXP), t.rule);
    assertSame(a, t.inputs[0]);
  }

  private static DenseMatrix matrix(double[] values) {
    return DenseMatrix.wrap(2, 3, values);
  }

  private static double[] values(Mat m) {
    return ((DenseMatrix) m.value()).values();
  }

  private static void assertMatrix(RealMatrix expected, Output out) {
    DenseMatrix z = (DenseMatrix) out.matrixPrimal();
    assertEquals(expected.getRowDimension(), z.rows());
    assertEquals(expected.getColumnDimension(), z.cols());
    for (int i = 0; i < z.rows(); i++) {
      assertArrayEquals(expected.getRow(i), z.toArray()[i], 1e-15);
    }
  }

  @SuppressWarnings("unchecked")
  private static Rule<Saved> divide() {
    return (Rule<Saved>) Elementwise.DIVIDE;
  }

  @SuppressWarnings("unchecked")
  private static Rule<Saved> multiply() {
    return (Rule<Saved>) Elementwise.MULTIPLY;
  }

  @SuppressWarnings("unchecked")
  private static Rule<Saved> scale() {
    return (Rule<Saved>) Elementwise.SCALE;
  }
}
