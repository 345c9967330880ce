package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleContractException;
import dev.ad4j.api.VecArg;
import dev.ad4j.engine.badinput.BrokenRules;
import dev.ad4j.engine.badinput.BrokenRules.Fault;
import dev.ad4j.rules.Dot;
import org.junit.jupiter.api.Test;

/** Each {@link RuleCheckPolicy}: what it checks, and a rule body run under it. */
class BadInputRuleCheckPolicyTest {
  private final Rule<Void> constWriter = new BrokenRules.Dot(Fault.WRITES_CONST_IN_REVERSE);
  private final double[] c = {4, 5, 6};

  private Args args(double[] dx) {
    return Args.of(VecArg.of(Activity.DUPLICATED, new double[] {1, 2, 3}, dx), VecArg.constant(c));
  }

  /** Augmented primal and reverse of {@code rule} under {@code policy}, with output adjoint 1. */
  private static <S> void reverse(RuleCheckPolicy policy, Rule<S> rule, Args args) {
    Output out = new Output(1);
    S saved = RuleChecks.augmentedPrimal(policy, rule, Config.reverse(), args, out);
    out.seedAdjoint(1.0);
    RuleChecks.reverse(policy, rule, Config.reverse(), args, out, saved);
  }

  @Test
  void propertyValues_parseIgnoringCaseAndDefaultToCustom() {
    assertEquals(RuleCheckPolicy.CUSTOM, RuleCheckPolicy.parse(null));
    assertEquals(RuleCheckPolicy.ALL, RuleCheckPolicy.parse("all"));
    assertEquals(RuleCheckPolicy.NONE, RuleCheckPolicy.parse(" None "));
    assertEquals(RuleCheckPolicy.CUSTOM, RuleCheckPolicy.parse("CUSTOM"));
    String m =
        assertThrows(IllegalArgumentException.class, () -> RuleCheckPolicy.parse("some"))
            .getMessage();
    assertEquals("-Dad4j.ruleChecks=some is not a policy; use custom, all or none", m);
  }

  @Test
  void currentPolicy_isTheParsedSystemProperty() {
    assertEquals(
        RuleCheckPolicy.parse(System.getProperty(RuleCheckPolicy.PROPERTY)),
        RuleCheckPolicy.current());
  }

  @Test
  void custom_checksUserRulesOnly_allChecksEvery_noneChecksNothing() {
    assertTrue(RuleCheckPolicy.CUSTOM.checks(constWriter));
    assertFalse(RuleCheckPolicy.CUSTOM.checks(Dot.DOT));
    assertTrue(RuleCheckPolicy.ALL.checks(constWriter));
    assertTrue(RuleCheckPolicy.ALL.checks(Dot.DOT));
    assertFalse(RuleCheckPolicy.NONE.checks(constWriter));
    assertFalse(RuleCheckPolicy.NONE.checks(Dot.DOT));
  }

  @Test
  void underCustomAndAll_aConstWriteIsUndoneAndReported() {
    for (RuleCheckPolicy policy :
        new RuleCheckPolicy[] {RuleCheckPolicy.CUSTOM, RuleCheckPolicy.ALL}) {
      assertThrows(
          RuleContractException.class, () -> reverse(policy, constWriter, args(new double[3])));
      assertArrayEquals(new double[] {4, 5, 6}, c, policy.name());
    }
  }

  @Test
  void underNone_aConstWriteGoesUnnoticed() {
    reverse(RuleCheckPolicy.NONE, constWriter, args(new double[3]));
    assertEquals(-99.0, c[0]); // the planted write: nothing checked, nothing restored
  }

  @Test
  void underAll_aCorrectBuiltInRulePassesTheChecks() {
    double[] dx = new double[3];
    reverse(RuleCheckPolicy.ALL, Dot.DOT, args(dx));
    assertArrayEquals(new double[] {4, 5, 6}, dx); // d(x·c)/dx = c
    Output out = new Output(1);
    Args forward =
        Args.of(
            VecArg.of(Activity.DUPLICATED, new double[] {1, 2, 3}, new double[] {1, 0, 0}),
            VecArg.constant(c));
    RuleChecks.forward(RuleCheckPolicy.ALL, Dot.DOT, Config.forward(1), forward, out);
    assertEquals(32.0, out.scalarPrimal());
    assertEquals(4.0, out.scalarTangent(0));
  }
}
