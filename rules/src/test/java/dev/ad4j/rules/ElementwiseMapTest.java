package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests {@link ElementwiseMap}, built by {@link Elementwise#map}. */
class ElementwiseMapTest {
  /** y = x³; dy/dx = 3x² (needs x, not y). */
  private static final UnaryScalarRule CUBE =
      UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x);

  /** y = sin(x); dy/dx = cos(x). */
  private static final UnaryScalarRule SIN =
      UnaryScalarRule.of("sin", Math::sin, (x, y) -> Math.cos(x));

  private final Random random = new Random(23);

  @Test
  void mapExp_equalsElementwiseExpWithGradientExpX() {
    double[] x = {-1, 0, 0.5, 2};
    double[] dx = {1, 1, 1, 1};
    double[] g = {1, 2, -1, 0.5};
    Output out = reverse(Elementwise.map(Scalars.EXP), Config.reverse(), args(dup(x, dx)), g);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.exp(x[i]), out.vectorPrimal()[i], 1e-15 * Math.exp(x[i]));
      assertEquals(1 + g[i] * Math.exp(x[i]), dx[i], 1e-14);
    }
  }

  @Test
  void mapExp_forward_givesExpXTimesTangentInEachLane() {
    double[] x = {-1, 0, 0.5, 2};
    double[] t0 = {1, 2, 3, 4};
    double[] t1 = {0, -1, 0, 1};
    Output out =
        RuleCalls.forward(Elementwise.map(Scalars.EXP), Config.forward(2), args(dup(x, t0, t1)));
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.exp(x[i]) * t0[i], out.arrayTangent(0)[i], 1e-14);
      assertEquals(Math.exp(x[i]) * t1[i], out.arrayTangent(1)[i], 1e-14);
    }
  }

  @Test
  void map_derivativeOfX_xOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] x = {1, -2, 3};
    double[] dx = new double[3];
    reverse(
        Elementwise.map(CUBE),
        Config.reverse().withOverwritten(0),
        args(dup(x, dx)),
        new double[] {1, 1, 2},
        () -> Arrays.fill(x, Double.NaN));
    assertArrayEquals(new double[] {3, 12, 54}, dx);
  }

  @Test
  void map_constX_neitherEvaluatesTheDerivativeNorSaves() {
    UnaryScalarRule noDerivative =
        UnaryScalarRule.of(
            "noDerivative",
            x -> 2 * x,
            (x, y) -> {
              throw new AssertionError("derivative evaluated for a Const argument");
            });
    Rule<?> rule = Elementwise.map(noDerivative);
    Output out = RuleCalls.forward(rule, Config.forward(2), args(constant(new double[] {1, 2})));
    assertArrayEquals(new double[] {2, 4}, out.vectorPrimal());
    assertArrayEquals(new double[2], out.arrayTangent(1));
    Config overwritten = Config.reverse().withOverwritten(0);
    assertNull(RuleCalls.saved(rule, overwritten, args(constant(new double[] {1, 2}))));
  }

  @Test
  void map_sameScalarRule_givesEqualRulesNamedAfterIt() {
    assertEquals(Elementwise.map(Scalars.EXP), Elementwise.map(Scalars.EXP));
    assertNotEquals(Elementwise.map(Scalars.EXP), Elementwise.map(CUBE));
    assertEquals("map(cube, x)", Elementwise.map(CUBE).name());
  }

  @Test
  void map_nullRule_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Elementwise.map(null));
    assertEquals("map(f, x): f must not be null", e.getMessage());
  }

  @Test
  void mapExp_passesRuleKit() {
    assertTrue(
        RuleTester.of(Elementwise.map(Scalars.EXP)).at(random(random, 4)).checkAll().cases() > 0);
  }

  @Test
  void mapCube_passesRuleKit() {
    assertTrue(RuleTester.of(Elementwise.map(CUBE)).at(random(random, 4)).checkAll().cases() > 0);
  }

  @Test
  void mapSin_passesRuleKit() {
    assertTrue(RuleTester.of(Elementwise.map(SIN)).at(random(random, 4)).checkAll().cases() > 0);
  }

  // dense matrices

  @Test
  void map_passesRuleKitOnDense2x3Matrix() {
    for (UnaryScalarRule f : new UnaryScalarRule[] {Scalars.EXP, CUBE, SIN}) {
      DenseMatrix x = DenseMatrix.wrap(2, 3, random(random, 6));
      assertTrue(RuleTester.of(Elementwise.map(f)).at(x).checkAll().cases() > 0, f.name());
    }
  }

  @Test
  void mapCube_denseMatrix_givesMatrixOfCubesAndGradientThreeXSquared() {
    DenseMatrix x = DenseMatrix.wrap(3, 2, new double[] {1, -2, 3, 0.5, -1, 2});
    double[] dx = new double[6];
    double[] g = {1, 1, 2, 4, -1, 0};
    Output out = reverse(Elementwise.map(CUBE), Config.reverse(), args(dup(x, dx)), g);
    DenseMatrix y = (DenseMatrix) out.matrixPrimal();
    assertEquals(3, y.rows());
    assertEquals(2, y.cols());
    assertArrayEquals(new double[] {1, -8, 27, 0.125, -1, 8}, y.values());
    assertArrayEquals(new double[] {3, 12, 54, 3, -3, 0}, dx); // x̄ = 3x²·ȳ
  }

  @Test
  void map_denseMatrixOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] values = {1, -2, 3, 2, 0, -1};
    double[] dx = new double[6];
    reverse(
        Elementwise.map(CUBE),
        Config.reverse().withOverwritten(0),
        args(dup(DenseMatrix.wrap(2, 3, values), dx)),
        new double[] {1, 1, 2, 1, 1, 1},
        () -> Arrays.fill(values, Double.NaN));
    assertArrayEquals(new double[] {3, 12, 54, 12, 0, 3}, dx);
  }

  @Test
  void map_constDenseMatrix_neitherEvaluatesTheDerivativeNorSaves() {
    UnaryScalarRule noDerivative =
        UnaryScalarRule.of(
            "noDerivative",
            x -> x + 1,
            (x, y) -> {
              throw new AssertionError("derivative evaluated for a Const argument");
            });
    Rule<?> rule = Elementwise.map(noDerivative);
    DenseMatrix x = DenseMatrix.wrap(1, 2, new double[] {1, 2});
    Output out = RuleCalls.forward(rule, Config.forward(3), args(constant(x)));
    assertArrayEquals(new double[] {2, 3}, ((DenseMatrix) out.matrixPrimal()).values());
    assertArrayEquals(new double[2], out.arrayTangent(2));
    assertNull(RuleCalls.saved(rule, Config.reverse().withOverwritten(0), args(constant(x))));
  }

  @ParameterizedTest
  @EnumSource(SparseMatrix.Kind.class)
  void map_sparseMatrix_isRefusedPointingToMapValues(SparseMatrix.Kind kind) {
    SparseMatrix s = RuleCalls.sparse(random, 3, 3, kind, 0.4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RuleCalls.forward(
                    Elementwise.map(Scalars.EXP), Config.primalOnly(), args(constant(s))));
    assertEquals(
        "map(exp, x): argument 0 is a "
            + s.describe()
            + " but elementwise rules take dense matrices;"
            + " for a sparse matrix use Linalg.mapValues or Linalg.scaleStored",
        e.getMessage());
  }
}
