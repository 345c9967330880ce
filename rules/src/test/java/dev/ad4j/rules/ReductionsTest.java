package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReductionsTest {
  private final Random random = new Random(17);

  @Test
  void sum_reverse_addsGToEveryElement() {
    double[] dx = {1, 2, 3};
    Output out =
        reverse(Reductions.SUM, Config.reverse(), args(dup(new double[] {4, 5, 6}, dx)), 0.5);
    assertEquals(15.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1.5, 2.5, 3.5}, dx);
  }

  @Test
  void sum_forward_sumsEachLane() {
    Output out =
        RuleCalls.forward(
            Reductions.SUM,
            Config.forward(2),
            args(dup(new double[2], new double[] {1, 2}, new double[] {3, -4})));
    assertEquals(3.0, out.scalarTangent(0));
    assertEquals(-1.0, out.scalarTangent(1));
  }

  @Test
  void sumOfSquares_reverse_addsTwoGX() {
    double[] dx = {1, 1};
    Output out =
        reverse(
            Reductions.SUM_OF_SQUARES, Config.reverse(), args(dup(new double[] {3, -4}, dx)), 2.0);
    assertEquals(25.0, out.scalarPrimal());
    assertArrayEquals(new double[] {13, -15}, dx);
  }

  @Test
  void sumOfSquares_xOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] x = {3, -4};
    double[] dx = new double[2];
    reverse(
        Reductions.SUM_OF_SQUARES,
        Config.reverse().withOverwritten(0),
        args(dup(x, dx)),
        1.0,
        () -> Arrays.fill(x, Double.NaN));
    assertArrayEquals(new double[] {6, -8}, dx);
  }

  @Test
  void sumOfSquares_const_computesPrimalOnly() {
    Output out =
        RuleCalls.forward(
            Reductions.SUM_OF_SQUARES, Config.forward(1), args(constant(new double[] {1, 2})));
    assertEquals(5.0, out.scalarPrimal());
    assertEquals(0.0, out.scalarTangent(0));
  }

  @Test
  void sum_passesRuleKit() {
    assertTrue(RuleTester.of(Reductions.SUM).at(random(random, 5)).checkAll().cases() > 0);
  }

  @Test
  void sumOfSquares_passesRuleKit() {
    assertTrue(
        RuleTester.of(Reductions.SUM_OF_SQUARES).at(random(random, 5)).checkAll().cases() > 0);
  }

  // mean

  @Test
  void mean_reverse_addsGOverNToEveryElement() {
    double[] dx = {1, 2, 3, 4};
    Output out =
        reverse(Reductions.MEAN, Config.reverse(), args(dup(new double[] {4, 5, 6, 9}, dx)), 2.0);
    assertEquals(6.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1.5, 2.5, 3.5, 4.5}, dx);
  }

  @Test
  void mean_forward_averagesEachLane() {
    Output out =
        RuleCalls.forward(
            Reductions.MEAN,
            Config.forward(2),
            args(dup(new double[2], new double[] {1, 2}, new double[] {3, -4})));
    assertEquals(1.5, out.scalarTangent(0));
    assertEquals(-0.5, out.scalarTangent(1));
  }

  @Test
  void mean_passesRuleKit() {
    assertTrue(RuleTester.of(Reductions.MEAN).at(random(random, 4)).checkAll().cases() > 0);
  }

  // logSumExp

  @Test
  void logSumExp_ofTwoEqualLargeValues_isValuePlusLn2WithHalfGradients() {
    double[] dx = new double[2];
    Output out =
        reverse(
            Reductions.LOG_SUM_EXP,
            Config.reverse(),
            args(dup(new double[] {1000, 1000}, dx)),
            1.0);
    assertEquals(1000.0 + Math.log(2.0), out.scalarPrimal(), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, dx, 1e-15);
  }

  @Test
  void logSumExp_ofMinus1000AndZero_staysFiniteWithAllWeightOnZero() {
    double[] dx = new double[2];
    Output out =
        reverse(
            Reductions.LOG_SUM_EXP, Config.reverse(), args(dup(new double[] {-1000, 0}, dx)), 1.0);
    // log(e^-1000 + 1) = e^-1000 + O(e^-2000), below the double precision of 0.
    assertEquals(0.0, out.scalarPrimal(), 1e-300);
    assertTrue(Double.isFinite(dx[0]) && Double.isFinite(dx[1]), Arrays.toString(dx));
    assertArrayEquals(new double[] {0.0, 1.0}, dx, 1e-15);
  }

  @Test
  void logSumExp_ofEqualValuesNear1e15_keepsExactSoftmaxGradient() {
    // Rounding 1e15 + ln 2 to doubles (spacing 0.125) must not leak into the gradient.
    double[] dx = new double[2];
    Output out =
        reverse(
            Reductions.LOG_SUM_EXP,
            Config.reverse(),
            args(dup(new double[] {1e15, 1e15}, dx)),
            1.0);
    assertEquals(1e15 + Math.log(2.0), out.scalarPrimal(), 0.125);
    assertArrayEquals(new double[] {0.5, 0.5}, dx, 1e-15);
  }

  @Test
  void logSumExp_forward_givesSoftmaxDotTangent() {
    // x = (0, ln 3): out = ln 4, softmax = (1/4, 3/4).
    double[] x = {0, Math.log(3.0)};
    Output out =
        RuleCalls.forward(
            Reductions.LOG_SUM_EXP,
            Config.forward(2),
            args(dup(x, new double[] {4, 0}, new double[] {0, 4})));
    assertEquals(Math.log(4.0), out.scalarPrimal(), 1e-15);
    assertEquals(1.0, out.scalarTangent(0), 1e-15);
    assertEquals(3.0, out.scalarTangent(1), 1e-15);
  }

  @Test
  void logSumExp_xOverwrittenAfterAugmentedPrimal_usesSavedCopy() {
    double[] x = {0, Math.log(3.0)};
    double[] dx = new double[2];
    reverse(
        Reductions.LOG_SUM_EXP,
        Config.reverse().withOverwritten(0),
        args(dup(x, dx)),
        2.0,
        () -> Arrays.fill(x, Double.NaN));
    assertArrayEquals(new double[] {0.5, 1.5}, dx, 1e-15);
  }

  @Test
  void logSumExp_passesRuleKit() {
    assertTrue(RuleTester.of(Reductions.LOG_SUM_EXP).at(random(random, 4)).checkAll().cases() > 0);
  }

  // norm2

  @Test
  void norm2_reverse_addsGTimesUnitVector() {
    double[] dx = {1, 1};
    Output out =
        reverse(Reductions.NORM2, Config.reverse(), args(dup(new double[] {3, -4}, dx)), 2.0);
    assertEquals(5.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1 + 1.2, 1 - 1.6}, dx, 1e-15);
  }

  @Test
  void norm2_atZero_givesSubgradientZeroInBothModes() {
    double[] dx = {1, -2, 3};
    Output out = reverse(Reductions.NORM2, Config.reverse(), args(dup(new double[3], dx)), 1.0);
    assertEquals(0.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1, -2, 3}, dx);
    Output fwd =
        RuleCalls.forward(
            Reductions.NORM2, Config.forward(1), args(dup(new double[3], new double[] {1, 2, 3})));
    assertEquals(0.0, fwd.scalarTangent(0));
  }

  @Test
  void norm2_ofHugeAndTinyValues_neitherOverflowsNorUnderflows() {
    Output huge =
        RuleCalls.forward(
            Reductions.NORM2, Config.primalOnly(), args(constant(new double[] {3e200, 4e200})));
    assertEquals(5e200, huge.scalarPrimal(), 1e186);
    Output tiny =
        RuleCalls.forward(
            Reductions.NORM2, Config.primalOnly(), args(constant(new double[] {3e-200, 4e-200})));
    assertEquals(5e-200, tiny.scalarPrimal(), 1e-214);
  }

  @Test
  void norm2_forward_givesUnitVectorDotTangent() {
    Output out =
        RuleCalls.forward(
            Reductions.NORM2,
            Config.forward(1),
            args(dup(new double[] {3, 4}, new double[] {10, 5})));
    assertEquals(0.6 * 10 + 0.8 * 5, out.scalarTangent(0), 1e-14);
  }

  @Test
  void norm2_passesRuleKit() {
    assertTrue(RuleTester.of(Reductions.NORM2).at(random(random, 4)).checkAll().cases() > 0);
  }

  // max

  @Test
  void max_atTie_givesTheWholeGradientToTheFirstIndex() {
    double[] x = {1, 3, -2, 3};
    double[] dx = {1, 1, 1, 1};
    Output out = reverse(Reductions.MAX, Config.reverse(), args(dup(x, dx)), 2.0);
    assertEquals(3.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1, 3, 1, 1}, dx);
    Output fwd =
        RuleCalls.forward(
            Reductions.MAX, Config.forward(1), args(dup(x, new double[] {5, 6, 7, 8})));
    assertEquals(6.0, fwd.scalarTangent(0));
  }

  @Test
  void max_xOverwrittenAfterAugmentedPrimal_usesSavedIndexNotX() {
    double[] x = {1, -2, 7, 3};
    double[] dx = new double[4];
    reverse(
        Reductions.MAX,
        Config.reverse().withOverwritten(0),
        args(dup(x, dx)),
        1.5,
        () -> Arrays.fill(x, Double.NaN));
    assertArrayEquals(new double[] {0, 0, 1.5, 0}, dx);
  }

  @Test
  void max_constX_savesNothing() {
    Object saved =
        RuleCalls.saved(Reductions.MAX, Config.reverse(), args(constant(new double[] {1, 2})));
    assertNull(saved);
  }

  @Test
  void max_withNaN_returnsNaNLikeMathMax() {
    Output out =
        RuleCalls.forward(
            Reductions.MAX, Config.primalOnly(), args(constant(new double[] {1, Double.NaN, 5})));
    assertTrue(Double.isNaN(out.scalarPrimal()));
  }

  @Test
  void max_ofEmptyVector_throwsNamingTheRule() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RuleCalls.forward(
                    Reductions.MAX, Config.primalOnly(), args(constant(new double[0]))));
    assertTrue(e.getMessage().startsWith("max(x): x is empty"), e.getMessage());
  }

  @Test
  void max_passesRuleKit() {
    // Distinct values: the kit's finite differences need a unique maximum.
    double[] x = {0.3, -0.8, 0.9, 0.1};
    assertTrue(RuleTester.of(Reductions.MAX).at(x).checkAll().cases() > 0);
  }
}
