package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.api.Test;

/** What nesting refuses, each with the message that says what to do. */
class NestedRefusalTest {
  private static final UnaryScalarRule FIRST_ORDER =
      UnaryScalarRule.of(
          "softplus1", x -> Math.log1p(Math.exp(x)), (x, y) -> 1 / (1 + Math.exp(-x)));

  @Test
  void arrayRuleOnAnInnerValue_isRefusedWithTheFix() {
    UnsupportedNestingException e =
        assertThrows(
            UnsupportedNestingException.class,
            () -> Nested.gradient(v -> Linalg.sumOfSquares(v), Scalar.constant(1.0)));
    assertTrue(e.getMessage().contains("rule '"), e.getMessage());
    assertTrue(e.getMessage().contains("nesting supports scalar code"), e.getMessage());
    assertTrue(e.getMessage().contains("fix: write the inner function with scalars"));
  }

  @Test
  void firstOrderRuleActiveInBothLevels_isRefusedWithTheFix() {
    UnsupportedActivityException e =
        assertThrows(
            UnsupportedActivityException.class,
            () ->
                Autodiff.reverse(
                    (Scalar x) -> Nested.derivative(FIRST_ORDER::apply, x), active(0.5)));
    assertTrue(e.getMessage().contains("softplus1"), e.getMessage());
    assertTrue(e.getMessage().contains("give it a second derivative"), e.getMessage());
  }

  @Test
  void firstOrderRuleAtAConstantPoint_isAPlainFirstDerivative() {
    // softplus′(0) = 1/2; the outer differentiation sees only a constant
    assertEquals(0.5, Nested.derivative(FIRST_ORDER::apply, Scalar.constant(0.0)).value());
    double d =
        Autodiff.reverse(
                (Scalar w) -> w.times(Nested.derivative(FIRST_ORDER::apply, Scalar.constant(0.0))),
                active(3.0))
            .adjoint(0);
    assertEquals(0.5, d);
  }

  @Test
  void innerValueUsedAfterTheCall_isRefused() {
    Scalar[] leaked = new Scalar[1];
    Nested.gradient(v -> leaked[0] = v.get(0).times(2), Scalar.constant(1.0));
    String m = assertThrows(IllegalStateException.class, () -> leaked[0].plus(1)).getMessage();
    assertTrue(m.contains("has finished"), m);
  }

  @Test
  void innerValueOfAFinishedCall_mixedIntoAnotherNestedCall_isRefused() {
    Scalar[] leaked = new Scalar[1];
    Nested.gradient(v -> leaked[0] = v.get(0).times(2), Scalar.constant(1.0));
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Nested.derivative(y -> y.times(leaked[0]), Scalar.constant(1.0)))
            .getMessage();
    assertTrue(m.contains("two differentiations are mixed"), m);
  }

  @Test
  void nullFunctionOrPoint_isRefusedWithTheFix() {
    String f =
        assertThrows(
                IllegalArgumentException.class, () -> Nested.gradient(null, Scalar.constant(1.0)))
            .getMessage();
    assertTrue(f.contains("the function f is null"), f);
    String x =
        assertThrows(
                IllegalArgumentException.class,
                () -> Nested.gradientForward(v -> v.get(0), Scalar.constant(1.0), null))
            .getMessage();
    assertTrue(x.contains("x[1] is null"), x);
  }

  @Test
  void nullResult_isRefused() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Nested.gradient(v -> (Scalar) null, Scalar.constant(1.0)))
            .getMessage();
    assertTrue(m.contains("returned null"), m);
  }

  @Test
  void resultNotDependingOnTheInputs_hasZeroGradient() {
    double d =
        Autodiff.reverse(
                (Scalar w) -> {
                  Scalar[] g = Nested.gradient((Vec v) -> w.square(), Scalar.constant(2.0), w);
                  return g[0].plus(g[1]).plus(w);
                },
                active(3.0))
            .adjoint(0);
    assertEquals(1.0, d);
  }
}
