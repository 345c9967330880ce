package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static dev.ad4j.api.Arg.duplicatedNoNeed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import org.junit.jupiter.api.Test;

class AutodiffTest {
  /** f(x, y) = x·y + x/y - y², so ∂f/∂x = y + 1/y and ∂f/∂y = x - x/y² - 2y. */
  private static Scalar f(Scalar x, Scalar y) {
    return x.times(y).plus(x.div(y)).minus(y.square());
  }

  @Test
  void reverse_returnsAdjointsOfActiveScalars() {
    ReverseResult r = Autodiff.reverse(AutodiffTest::f, active(3.0), active(2.0));
    assertEquals(6 + 1.5 - 4, r.value(), 1e-15);
    assertEquals(2 + 0.5, r.adjoint(0), 1e-15);
    assertEquals(3 - 0.75 - 4, r.adjoint(1), 1e-15);
  }

  @Test
  void reverse_constArgumentHasNoAdjointAndSaysWhy() {
    ReverseResult r = Autodiff.reverse(AutodiffTest::f, active(3.0), constant(2.0));
    assertEquals(2.5, r.adjoint(0), 1e-15);
    String m = assertThrows(IllegalArgumentException.class, () -> r.adjoint(1)).getMessage();
    assertTrue(m.contains("is Const, so no adjoint was computed"), m);
  }

  @Test
  void forward_activeScalarTangentGivesTheDirectionalDerivative() {
    ForwardResult<Scalar> r = Autodiff.forward(AutodiffTest::f, active(3.0, 1.0), active(2.0, 0.5));
    assertEquals(3.5, r.primal().value(), 1e-15);
    assertEquals(2.5 * 1.0 + (3 - 0.75 - 4) * 0.5, r.tangent().value(), 1e-15);
  }

  @Test
  void forward_activeScalarWithoutTangent_isRefused() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Autodiff.forward(AutodiffTest::f, active(3.0), constant(1.0)))
            .getMessage();
    assertTrue(m.contains("use active(x, dx)"), m);
  }

  @Test
  void gradient_ofScalarCodeOverVectorElements_matchesClosedForm() {
    // Rosenbrock in two variables: gradient (-2(1-a) - 400a(b-a²), 200(b-a²)).
    double[] x = {-1.2, 1.0};
    double[] g =
        Autodiff.gradient(
            v -> {
              Scalar a = v.get(0);
              Scalar b = v.get(1);
              return a.negate().plus(1).square().plus(b.minus(a.square()).square().times(100));
            },
            x);
    double a = x[0];
    double b = x[1];
    assertEquals(-2 * (1 - a) - 400 * a * (b - a * a), g[0], 1e-12);
    assertEquals(200 * (b - a * a), g[1], 1e-12);
    assertArrayEquals(new double[] {-1.2, 1.0}, x);
  }

  @Test
  void longScalarProgram_spanningManyTapeChunks_matchesTheClosedFormGradient() {
    int n = 400; // about 9 instructions per term: many 256-instruction chunks
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.sin(i) * 1.3;
    }
    double[] g =
        Autodiff.gradient(
            v -> {
              Scalar s = Scalar.constant(0);
              for (int i = 0; i + 1 < n; i++) {
                Scalar d = v.get(i + 1).minus(v.get(i).square());
                s = s.plus(d.square().times(100)).plus(v.get(i).minus(1).square());
              }
              return s;
            },
            x);
    for (int i = 0; i < n; i++) {
      double expected = 0;
      if (i + 1 < n) {
        expected += -400 * x[i] * (x[i + 1] - x[i] * x[i]) + 2 * (x[i] - 1);
      }
      if (i > 0) {
        expected += 200 * (x[i] - x[i - 1] * x[i - 1]);
      }
      assertEquals(expected, g[i], 1e-9 * (1 + Math.abs(expected)), "coordinate " + i);
    }
  }

  @Test
  void reverse_accumulatesIntoPreSeededShadows() {
    double[] v = {1, 2, 3};
    double[] dv = {10, 20, 30};
    Autodiff.reverse((Vec x) -> x.get(0).times(x.get(2)), duplicated(v, dv));
    assertArrayEquals(new double[] {13, 20, 31}, dv);
  }

  @Test
  void reverse_twoArgumentsSharingOneShadow_addBothAdjoints() {
    double[] v = {1, 2};
    double[] shared = new double[2];
    Autodiff.reverse(
        (Vec x, Vec y) -> x.get(0).times(y.get(1)), duplicated(v, shared), duplicated(v, shared));
    assertArrayEquals(new double[] {2, 1}, shared);
  }

  @Test
  void pack_thenElements_flowsAdjointsBackToScalars() {
    ReverseResult r =
        Autodiff.reverse(
            (Scalar a, Scalar b) -> {
              Vec v = Vec.of(a.square(), b, Scalar.constant(4));
              return v.get(0).plus(v.get(1).times(v.get(2)));
            },
            active(3.0),
            active(5.0));
    assertEquals(9 + 20, r.value(), 0);
    assertEquals(6, r.adjoint(0), 0);
    assertEquals(4, r.adjoint(1), 0);
  }

  @Test
  void resultNotDerivedFromInputs_givesZeroGradient() {
    double[] dv = {7};
    ReverseResult r =
        Autodiff.reverse((Vec x) -> Scalar.constant(3), duplicated(new double[1], dv));
    assertEquals(3, r.value(), 0);
    assertArrayEquals(new double[] {7}, dv);
  }

  @Test
  void zeroAdjoint_neverBecomesNanThroughAnUnreachedInfinitePartial() {
    // log-like infinite partial on a branch that does not reach the output.
    double[] g =
        Autodiff.gradient(
            v -> {
              // 0/0: a NaN value with infinite partials, recorded before the output.
              v.get(0).minus(v.get(0)).div(Scalar.constant(0.0)).times(0.0);
              return v.get(0).times(2);
            },
            new double[] {1});
    assertArrayEquals(new double[] {2}, g);
  }

  @Test
  void valuesFromAnotherEvaluation_areRefused() {
    Scalar[] leaked = new Scalar[1];
    Autodiff.reverse((Scalar x) -> leaked[0] = x.times(2), active(1.0));
    assertTrue(leaked[0].isActive());
    String m = assertThrows(IllegalStateException.class, () -> leaked[0].plus(1)).getMessage();
    assertTrue(m.contains("has finished"), m);
    String mixed =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Autodiff.reverse(
                        (Scalar x) -> Dispatch.binary(null, 0, x, 1, leaked[0], 1), active(1.0)))
            .getMessage();
    assertTrue(mixed.contains("two differentiations are mixed"), mixed);
  }

  @Test
  void nullArgument_isRefusedWithTheFix() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> Autodiff.reverse((Scalar x) -> x, null))
            .getMessage();
    assertTrue(m.contains("argument 0 is null"), m);
  }

  @Test
  void constantsStayConstant_activeFlowsThroughArithmetic() {
    Autodiff.reverse(
        (Scalar x, Scalar c) -> {
          assertFalse(c.times(2).plus(1).isActive());
          assertTrue(c.plus(x).isActive());
          return x;
        },
        active(1.0),
        constant(2.0));
  }

  @Test
  void duplicatedNoNeed_differentiatesLikeDuplicated() {
    double[] dv = new double[2];
    Autodiff.reverse((Vec x) -> x.get(1).square(), duplicatedNoNeed(new double[] {1, 3}, dv));
    assertArrayEquals(new double[] {0, 6}, dv);
  }
}
