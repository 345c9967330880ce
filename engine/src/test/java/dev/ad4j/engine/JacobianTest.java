package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JacobianTest {
  private static final double[] X = {0.7, -1.3, 2.1};

  /** f: ℝ³ → ℝ⁴, f = (x0·x1, sin x2, Σxᵢ², e^(x0)); J by hand below. */
  private static Vec tall(Vec x) {
    Scalar x0 = x.get(0);
    Scalar x1 = x.get(1);
    return Vec.of(x0.times(x1), Scalars.sin(x.get(2)), Linalg.sumOfSquares(x), Scalars.exp(x0));
  }

  private static double[][] tallJacobian(double[] x) {
    return new double[][] {
      {x[1], x[0], 0},
      {0, 0, Math.cos(x[2])},
      {2 * x[0], 2 * x[1], 2 * x[2]},
      {Math.exp(x[0]), 0, 0}
    };
  }

  @ParameterizedTest
  @EnumSource(JacobianMode.class)
  void tallFunction_everyModeGivesTheClosedForm(JacobianMode mode) {
    Jacobian j = Autodiff.jacobian(JacobianTest::tall, X, mode);
    double[][] expected = tallJacobian(X);
    assertEquals(4, j.matrix().rows());
    assertEquals(3, j.matrix().cols());
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(expected[i], j.toRealMatrix().getRow(i), 1e-15, "row " + i);
    }
    assertArrayEquals(
        new double[] {X[0] * X[1], Math.sin(X[2]), 0.49 + 1.69 + 4.41, Math.exp(X[0])},
        j.value(),
        1e-15);
  }

  @Test
  void auto_picksForwardForTallAndReverseForWide() {
    assertEquals(JacobianMode.FORWARD, Autodiff.jacobian(JacobianTest::tall, X).mode());
    // f: ℝ²⁰ → ℝ², rows of (Σx, P·x restricted) — wide, so reverse.
    double[] x = new Random(3).doubles(20).toArray();
    Jacobian wide = Autodiff.jacobian(v -> Vec.of(Linalg.sum(v), Linalg.sumOfSquares(v)), x);
    assertEquals(JacobianMode.REVERSE, wide.mode());
    for (int k = 0; k < 20; k++) {
      assertEquals(1.0, wide.get(0, k));
      assertEquals(2 * x[k], wide.get(1, k), 1e-15);
    }
  }

  @Test
  void sparseLinearMap_forwardAndReverseBothGiveTheMatrixAcrossSeveralBatches() {
    // 12 columns: forward needs two batches of 8 directions; reverse sweeps 10 rows.
    Random random = new Random(5);
    int m = 10;
    int n = 12;
    int[] rows = random.ints(30, 0, m).toArray();
    int[] cols = random.ints(30, 0, n).toArray();
    SparseMatrix a = SparseMatrix.ofDoubles(m, n, rows, cols, random.doubles(30).toArray());
    double[] x = random.doubles(n).toArray();
    Jacobian fwd = Autodiff.jacobian(v -> Linalg.times(a, v), x, JacobianMode.FORWARD);
    Jacobian rev = Autodiff.jacobian(v -> Linalg.times(a, v), x, JacobianMode.REVERSE);
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        assertEquals(a.get(i, k), fwd.get(i, k), 0.0);
        assertEquals(a.get(i, k), rev.get(i, k), 0.0);
      }
    }
  }

  @Test
  void reverseRows_matchCentralFiniteDifferencesOfANonlinearFunction() {
    double[] x = {0.3, 0.9, -0.4, 1.7, 0.05};
    Fn1<Vec, Vec> f =
        v -> Linalg.map(Scalars.TANH, Linalg.add(Linalg.multiply(v, v), Linalg.scale(v.get(2), v)));
    Jacobian j = Autodiff.jacobian(f, x, JacobianMode.REVERSE);
    double h = 1e-6;
    for (int k = 0; k < x.length; k++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[k] += h;
      minus[k] -= h;
      double[] fp = f.apply(Vec.constant(plus)).value();
      double[] fm = f.apply(Vec.constant(minus)).value();
      for (int i = 0; i < x.length; i++) {
        assertEquals((fp[i] - fm[i]) / (2 * h), j.get(i, k), 1e-8, "J[" + i + "][" + k + "]");
      }
    }
  }

  @Test
  void inputIsNotModifiedAndAConstantResultGivesZeros() {
    double[] x = X.clone();
    Jacobian j = Autodiff.jacobian(v -> Vec.constant(new double[] {1, 2}), x, JacobianMode.REVERSE);
    assertArrayEquals(X, x);
    assertArrayEquals(new double[6], j.matrix().values());
  }

  @ParameterizedTest
  @EnumSource(JacobianMode.class)
  void nullResult_isRefusedWithAHint(JacobianMode mode) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Autodiff.jacobian(v -> null, X, mode));
    assertTrue(e.getMessage().contains("returned null"), e.getMessage());
  }

  @Test
  void javadocExample_productAndSine() {
    Jacobian j =
        Autodiff.jacobian(
            x -> Vec.of(x.get(0).times(x.get(1)), Scalars.sin(x.get(1))), new double[] {2, 3});
    assertEquals(2.0, j.get(0, 1));
    assertArrayEquals(new double[] {3, 2, 0, Math.cos(3)}, j.matrix().values(), 1e-15);
  }
}
