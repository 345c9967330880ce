package dev.ad4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Support;
import dev.ad4j.api.Support.Need;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.testkit.DotFixture.Bug;
import org.junit.jupiter.api.Test;

class RuleTesterTest {
  private static final double[] X = {0.5, -1.25, 2.0};
  private static final double[] Y = {1.5, 0.75, -0.5};

  private static AssertionError caught(Rule<?> rule) {
    return assertThrows(AssertionError.class, () -> RuleTester.of(rule).at(X, Y).checkAll());
  }

  @Test
  void correctRule_passesEveryCombinationInBothModes() {
    Report report = RuleTester.of(new DotFixture(Bug.NONE)).at(X, Y).checkAll();
    // 4 combinations x (forward at widths 1 and 3 + reverse) = 12 cases, none rejected.
    assertEquals(12, report.cases());
    assertEquals(0, report.rejectedCases());
  }

  @Test
  void nonDifferentiableRule_isCheckedLocallyConstantAndRejectsActiveArguments() {
    Report report = RuleTester.of(new MaskFixture(false)).at(X).checkAll();
    // (Const): locally constant + forward at widths 1 and 3 + reverse; (Duplicated): 2 rejections.
    assertEquals(6, report.cases());
    assertEquals(2, report.rejectedCases());
  }

  @Test
  void nonDifferentiableRuleWhoseOutputMoves_isCaught() {
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> RuleTester.of(new MaskFixture(true)).at(X).checkAll());
    assertTrue(e.getMessage().contains("declares nonDifferentiable()"), e.getMessage());
    assertTrue(e.getMessage().contains("element 0 of argument 0"), e.getMessage());
  }

  @Test
  void readingAnOverwrittenIntegerMatrix_isCaught() {
    SparseMatrix a =
        SparseMatrix.ofIntegers(
            2, 3, new int[] {0, 1, 1}, new int[] {0, 0, 2}, new int[] {2, 3, 4});
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> RuleTester.of(new SparseTimesFixture()).at(a, X).checkAll());
    assertTrue(e.getMessage().contains("overwritten"), e.getMessage());
    assertTrue(e.getMessage().contains("(Const, Duplicated)"), e.getMessage());
  }

  @Test
  void wrongSecondDerivative_isCaughtAndAFirstOrderRuleIsNotAsked() {
    UnaryScalarRule wrong =
        UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x, (x, y) -> 3 * x);
    AssertionError e =
        assertThrows(AssertionError.class, () -> RuleTester.of(wrong).at(0.7).checkAll());
    assertTrue(e.getMessage().contains("rule 'cube', second order at x = 0.7"), e.getMessage());
    assertTrue(e.getMessage().contains("d²y/dx² is 2.09"), e.getMessage());
    UnaryScalarRule right =
        UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x, (x, y) -> 6 * x);
    UnaryScalarRule firstOrder = UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x);
    assertEquals(
        RuleTester.of(firstOrder).at(0.7).checkAll().cases() + 1,
        RuleTester.of(right).at(0.7).checkAll().cases());
  }

  @Test
  void wrongMixedSecondPartial_isCaught() {
    BinaryScalarRule wrong =
        BinaryScalarRule.of(
            "xy2",
            (x, y) -> x * y * y,
            (x, y, z) -> y * y,
            (x, y, z) -> 2 * x * y,
            (x, y, z) -> 0.0,
            (x, y, z) -> y, // should be 2y
            (x, y, z) -> 2 * x);
    AssertionError e =
        assertThrows(AssertionError.class, () -> RuleTester.of(wrong).at(0.5, 1.5).checkAll());
    assertTrue(e.getMessage().contains("∂²z/∂x∂y"), e.getMessage());
  }

  @Test
  void secondOrderRule_hasItsNestingBodyChecked_andAWrongOneIsCaught() {
    Report report = RuleTester.of(new SquaresFixture(false)).at(X).checkAll();
    assertTrue(report.descriptions().contains("second order (Duplicated)"), report.toString());
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> RuleTester.of(new SquaresFixture(true)).at(X).checkAll());
    assertTrue(e.getMessage().contains("second order (forward over reverse)"), e.getMessage());
    assertTrue(e.getMessage().contains("adjoint tangent of argument 0"), e.getMessage());
  }

  @Test
  void wrongPartial_isCaughtNamingTheArgumentAndTheWorstElement() {
    AssertionError e = caught(new DotFixture(Bug.WRONG_PARTIAL));
    assertTrue(e.getMessage().contains("REVERSE mode"), e.getMessage());
    assertTrue(e.getMessage().contains("adjoint of argument 1"), e.getMessage());
    assertTrue(e.getMessage().contains("worst element"), e.getMessage());
  }

  @Test
  void assignmentInsteadOfAccumulation_isCaughtWithAHint() {
    AssertionError e = caught(new DotFixture(Bug.ASSIGNS_SHADOW));
    assertTrue(e.getMessage().contains("assigned (=) instead of adding (+=)"), e.getMessage());
  }

  @Test
  void readingAnOverwrittenPrimal_isCaught() {
    AssertionError e = caught(new DotFixture(Bug.IGNORES_OVERWRITTEN));
    assertTrue(e.getMessage().contains("overwritten"), e.getMessage());
  }

  @Test
  void writingIntoAConstPrimal_isCaught() {
    AssertionError e = caught(new DotFixture(Bug.WRITES_CONST_PRIMAL));
    assertTrue(
        e.getMessage().contains("wrote into the primal of argument 1 (Const)"), e.getMessage());
  }

  @Test
  void forwardBodyThatDisagreesWithReverse_isCaught() {
    AssertionError e = caught(new DotFixture(Bug.FORWARD_DISAGREES));
    assertTrue(e.getMessage().contains("FORWARD mode"), e.getMessage());
    assertTrue(e.getMessage().contains("tangent"), e.getMessage());
  }

  @Test
  void ruleThatFillsOnlyLaneZero_isCaughtAtWidthThree() {
    AssertionError e = caught(new DotFixture(Bug.ONE_LANE_ONLY));
    assertTrue(e.getMessage().contains("no tangent for lane 1"), e.getMessage());
  }

  @Test
  void ruleDeclaringMaxWidthOne_hasWiderCasesCheckedAsRejected() {
    Support widthOne =
        Support.builder()
            .forward(Need.ANY, Need.ANY)
            .reverse(Need.ANY, Need.ANY)
            .maxWidth(1)
            .build();
    Report report = RuleTester.of(new DotFixture(Bug.ONE_LANE_ONLY, widthOne)).at(X, Y).checkAll();
    // (Const, Const): width 1 and reverse; the 3 others: width 1, width 3 rejected, reverse.
    assertEquals(11, report.cases());
    assertEquals(3, report.rejectedCases());
  }

  @Test
  void declaredUnsupportedCombinations_areCheckedToThrowTheDocumentedException() {
    Support onlyXActive =
        Support.builder().forward(Need.ANY, Need.CONST).reverse(Need.ANY, Need.CONST).build();
    Report report = RuleTester.of(new DotFixture(Bug.NONE, onlyXActive)).at(X, Y).checkAll();
    // (Const, Duplicated) and (Duplicated, Duplicated) are rejected in each mode.
    // (Const, Const) and (Duplicated, Const): 2 forward widths + reverse each; the other two
    // combinations: one rejection per mode each.
    assertEquals(4, report.rejectedCases());
    assertEquals(2 * 3 + 2 * 2, report.cases());
  }

  @Test
  void bodyThatRejectsACombinationWithTheDocumentedException_countsAsRejected() {
    Report report = RuleTester.of(scalarRule(true)).at(1.0).checkAll();
    assertEquals(1, report.rejectedCases());
  }

  @Test
  void bodyThatThrowsAnUndocumentedException_failsWithContext() {
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> RuleTester.of(scalarRule(false)).at(1.0).checkAll());
    assertTrue(
        e.getMessage().contains("rule 'identity', FORWARD mode, activities (Active)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("the rule threw"), e.getMessage());
  }

  /** y = x, whose forward body refuses an active x, documented or not. */
  private static Rule<Void> scalarRule(boolean documented) {
    return new Rule<>() {
      @Override
      public String name() {
        return "identity";
      }

      @Override
      public void forward(Config config, Args args, Output out) {
        out.primal(args.scalar(0).primal());
        if (config.needsShadow() && !args.scalar(0).isConst()) {
          throw documented
              ? UnsupportedActivityException.of(this, config.mode(), args)
              : new IllegalStateException("no forward mode here");
        }
        for (int lane = 0; lane < config.width() && config.needsShadow(); lane++) {
          out.tangent(lane, 0.0);
        }
      }

      @Override
      public Void augmentedPrimal(Config config, Args args, Output out) {
        out.primal(args.scalar(0).primal());
        return null;
      }

      @Override
      public void reverse(Config config, Args args, Output out, Void saved) {
        if (!args.scalar(0).isConst()) {
          args.scalar(0).addAdjoint(out.scalarAdjoint());
        }
      }
    };
  }

  @Test
  void easyTierRule_isCheckedThroughItsAdapter() {
    UnaryScalarRule cube = UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 3 * x * x);
    assertEquals(6, RuleTester.of(cube).at(0.7).checkAll().cases());
    UnaryScalarRule wrong = UnaryScalarRule.of("cube", x -> x * x * x, (x, y) -> 2 * x * x);
    AssertionError e =
        assertThrows(AssertionError.class, () -> RuleTester.of(wrong).at(0.7).checkAll());
    assertTrue(e.getMessage().contains("rule 'cube'"), e.getMessage());
  }

  @Test
  void oversizedSamples_areRefusedWithAdvice() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleTester.of(new DotFixture(Bug.NONE)).at(new double[600], new double[600]));
    assertTrue(e.getMessage().contains("keep them under"), e.getMessage());
  }
}
