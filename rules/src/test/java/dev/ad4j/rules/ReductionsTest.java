package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
