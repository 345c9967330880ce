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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
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

  @SuppressWarnings("unchecked")
  private static Rule<Saved> divide() {
    return (Rule<Saved>) Elementwise.DIVIDE;
  }
}
