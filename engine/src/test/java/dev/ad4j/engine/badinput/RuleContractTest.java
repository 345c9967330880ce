package dev.ad4j.engine.badinput;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Dispatch;
import dev.ad4j.api.RuleContractException;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.badinput.BrokenRules.Dot;
import dev.ad4j.engine.badinput.BrokenRules.Fault;
import org.junit.jupiter.api.Test;

/**
 * Catalogue, custom rules: a rule that writes into a {@code Const} argument, makes a NaN from
 * finite inputs or returns a wrongly shaped result fails with {@link RuleContractException} naming
 * the rule, and the caller's arrays are bit-identical afterwards (under the default policy, which
 * checks rules outside {@code dev.ad4j.rules}).
 */
class RuleContractTest {
  private final double[] x = {1, 2, 3};
  private final double[] dx = {0.5, -0.25, 8};
  private final double[] c = {4, 5, 6};

  private String reverseFails(Fault fault) {
    Unchanged before = Unchanged.of(x, dx, c);
    Dot rule = new Dot(fault);
    String m =
        assertThrows(
                RuleContractException.class,
                () ->
                    Autodiff.reverse(
                        (Vec a, Vec b) -> Dispatch.scalar(rule, a, b),
                        duplicated(x, dx),
                        constant(c)))
            .getMessage();
    before.verify();
    assertTrue(m.contains("brokenDot[" + fault + "]"), m);
    return m;
  }

  private String forwardFails(Fault fault) {
    Unchanged before = Unchanged.of(x, dx, c);
    Dot rule = new Dot(fault);
    String m =
        assertThrows(
                RuleContractException.class,
                () ->
                    Autodiff.forward(
                        (Vec a, Vec b) ->
                            fault == Fault.SHORT_TANGENT
                                ? Dispatch.vec(rule, a, b)
                                : Dispatch.scalar(rule, a, b),
                        duplicated(x, dx),
                        constant(c)))
            .getMessage();
    before.verify();
    assertTrue(m.contains("brokenDot[" + fault + "]"), m);
    return m;
  }

  @Test
  void aWellBehavedRule_addsItsGradientIntoTheShadow() {
    Autodiff.reverse(
        (Vec a, Vec b) -> Dispatch.scalar(new Dot(Fault.NONE), a, b),
        duplicated(x, dx),
        constant(c));
    assertArrayEquals(new double[] {0.5 + 4, -0.25 + 5, 8 + 6}, dx); // d(x·c)/dx = c
    assertArrayEquals(new double[] {4, 5, 6}, c);
  }

  @Test
  void writeIntoConstInTheReverseBody_isRestoredAndNamesRuleAndArgument() {
    String m = reverseFails(Fault.WRITES_CONST_IN_REVERSE);
    assertTrue(m.contains("REVERSE mode wrote into Const argument 1 (Vec(3), its values)"), m);
    assertTrue(m.contains("must only read Const arguments"), m);
  }

  @Test
  void writeIntoConstInTheAugmentedPrimal_isRestoredAndNamesRuleAndArgument() {
    String m = reverseFails(Fault.WRITES_CONST_IN_AUGMENTED_PRIMAL);
    assertTrue(m.contains("wrote into Const argument 1"), m);
  }

  @Test
  void writeIntoConstInTheForwardBody_isRestoredAndNamesRuleAndArgument() {
    String m = forwardFails(Fault.WRITES_CONST_IN_FORWARD);
    assertTrue(m.contains("FORWARD mode wrote into Const argument 1"), m);
  }

  @Test
  void nanPrimalFromFiniteInputs_failsInBothModes() {
    assertTrue(reverseFails(Fault.NAN_PRIMAL).contains("NaN primal from finite inputs"));
    assertTrue(forwardFails(Fault.NAN_PRIMAL).contains("NaN primal from finite inputs"));
  }

  @Test
  void nanTangentFromFiniteInputs_failsNamingTheLane() {
    assertTrue(forwardFails(Fault.NAN_TANGENT).contains("NaN tangent in lane 0"));
  }

  @Test
  void nanAdjointFromFiniteInputs_failsNamingTheArgument() {
    String m = reverseFails(Fault.NAN_ADJOINT);
    assertTrue(m.contains("NaN adjoint for argument 0 (Vec(3) Duplicated"), m);
  }

  @Test
  void nanFromAnInfiniteInput_isIeeeArithmeticNotAContractBreach() {
    double[] inf = {Double.POSITIVE_INFINITY, 5, 6};
    double y =
        Autodiff.reverse(
                (Vec a, Vec b) -> Dispatch.scalar(new Dot(Fault.NAN_PRIMAL), a, b),
                duplicated(x, new double[3]),
                constant(inf))
            .value();
    assertTrue(Double.isNaN(y));
  }

  @Test
  void tangentShorterThanTheOutput_failsNamingBothLengths() {
    String m = forwardFails(Fault.SHORT_TANGENT);
    assertTrue(m.contains("tangent of length 2 for an output whose shadow has length 3"), m);
  }

  @Test
  void scalarResultWhereAVectorIsExpected_failsNamingBothKinds() {
    Unchanged before = Unchanged.of(x, dx, c);
    Dot rule = new Dot(Fault.SCALAR_RESULT_FOR_VECTOR);
    String m =
        assertThrows(
                RuleContractException.class,
                () ->
                    Autodiff.reverse(
                        (Vec a, Vec b) -> dev.ad4j.rules.Linalg.sum(Dispatch.vec(rule, a, b)),
                        duplicated(x, dx),
                        constant(c)))
            .getMessage();
    before.verify();
    assertEquals(
        "rule 'brokenDot[SCALAR_RESULT_FOR_VECTOR]' returned a SCALAR where its caller expected a"
            + " Vec; make the rule's out.primal(..) match, or call Dispatch.apply and check the"
            + " kind",
        m);
  }
}
