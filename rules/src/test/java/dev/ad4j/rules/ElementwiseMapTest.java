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
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
}
