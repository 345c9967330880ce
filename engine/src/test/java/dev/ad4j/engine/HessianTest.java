package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hessian-vector products by forward over reverse, against closed forms and differences. */
class HessianTest {
  @Test
  void javadocExample_squareTimesY() {
    HessianVectorProduct r =
        Autodiff.hessianVector(
            x -> x.get(0).square().times(x.get(1)), new double[] {3, 2}, new double[] {1, 0});
    assertEquals(18.0, r.value());
    assertArrayEquals(new double[] {12, 9}, r.gradient());
    assertArrayEquals(new double[] {4, 6}, r.hessianVector());
  }

  @Test
  void rosenbrockInScalarCode_fullHessianEqualsTheClosedForm() {
    double[] x = {-1.2, 1.0, 0.7, 1.3};
    DenseMatrix h = Autodiff.hessian(HessianTest::rosenbrock, x);
    double[][] expected = new double[4][4];
    for (int i = 0; i + 1 < 4; i++) {
      // 100(x_{i+1} − x_i²)² + (1 − x_i)²
      expected[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
      expected[i][i + 1] += -400 * x[i];
      expected[i + 1][i] += -400 * x[i];
      expected[i + 1][i + 1] += 200;
    }
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(expected[i][j], h.get(i, j), 1e-10, "H[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void sparseQuadraticForm_hessianIsAPlusATranspose() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 2, 1, 0}, new double[] {2, 1, 3, -1});
    double[] v = {0.5, -1, 2};
    HessianVectorProduct r =
        Autodiff.hessianVector(x -> Linalg.dot(x, a, x), new double[] {1, 2, 3}, v);
    double[][] ad = a.toArray();
    for (int i = 0; i < 3; i++) {
      double expected = 0;
      for (int j = 0; j < 3; j++) {
        expected += (ad[i][j] + ad[j][i]) * v[j];
      }
      assertEquals(expected, r.hessianVector()[i], 1e-14);
    }
  }

  @Test
  void logisticLoss_hessianIsXTransposeDiagP1MinusPX() {
    Random random = new Random(11);
    int m = 6;
    int n = 3;
    double[][] xs = new double[m][n];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        xs[i][j] = random.nextGaussian();
      }
      y[i] = random.nextBoolean() ? 1 : -1;
    }
    DenseMatrix design = DenseMatrix.of(xs);
    double[] w = {0.3, -0.2, 0.5};
    DenseMatrix h =
        Autodiff.hessian(
            v -> {
              Vec z = Linalg.times(design, v);
              Scalar loss = Scalar.constant(0);
              for (int i = 0; i < m; i++) {
                loss = loss.plus(Special.softplus(z.get(i).times(-y[i])));
              }
              return loss;
            },
            w);
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double expected = 0;
        for (int i = 0; i < m; i++) {
          double zi = 0;
          for (int j = 0; j < n; j++) {
            zi += xs[i][j] * w[j];
          }
          double p = 1 / (1 + Math.exp(-zi));
          expected += xs[i][a] * p * (1 - p) * xs[i][b];
        }
        assertEquals(expected, h.get(a, b), 1e-12, "H[" + a + "][" + b + "]");
      }
    }
  }

  @Test
  void mixedArrayRules_matchDifferencesOfGradients() {
    double[] x = {0.4, -0.9, 1.3, 0.2};
    double[] v = {1.0, 0.5, -0.25, 2.0};
    SparseMatrix p =
        SparseMatrix.pattern(4, 4, new int[] {0, 1, 2, 3, 3}, new int[] {1, 2, 3, 0, 3});
    Fn1<Vec, Scalar> f =
        z ->
            Linalg.logSumExp(Linalg.times(p, z))
                .plus(Linalg.norm2(z).times(Linalg.dot(z, z)))
                .plus(Scalars.exp(Linalg.sum(z)))
                .plus(Linalg.sumOfSquares(Linalg.transposeTimes(p, z)));
    double[] hv = Autodiff.hessianVector(f, x, v).hessianVector();
    double h = 1e-5;
    double[] plus = x.clone();
    double[] minus = x.clone();
    for (int i = 0; i < x.length; i++) {
      plus[i] += h * v[i];
      minus[i] -= h * v[i];
    }
    double[] gp = Autodiff.gradient(f, plus);
    double[] gm = Autodiff.gradient(f, minus);
    for (int i = 0; i < x.length; i++) {
      assertEquals((gp[i] - gm[i]) / (2 * h), hv[i], 1e-6, "Hv[" + i + "]");
    }
    assertArrayEquals(Autodiff.gradient(f, x), Autodiff.hessianVector(f, x, v).gradient(), 1e-12);
  }

  @Test
  void matrixValuedRules_logDetOfAPlusOuterMatchesDifferencesOfGradients() {
    // f(x) = log det(A + x·xᵀ) + Σ (A⁻¹·x)² through outer, add, logDet, solve and cholesky.
    DenseMatrix a = DenseMatrix.of(new double[][] {{4, 1, 0.5}, {1, 3, -0.4}, {0.5, -0.4, 2}});
    Fn1<Vec, Scalar> f =
        z -> {
          Mat m = Linalg.add(Mat.constant(a), Linalg.outer(z, z));
          Scalar chol = Linalg.trace(Linalg.cholesky(m));
          return Linalg.logDet(m).plus(Linalg.sumOfSquares(Linalg.solve(m, z))).plus(chol);
        };
    double[] x = {0.3, -0.7, 0.4};
    double[] v = {1.0, 0.25, -0.5};
    double[] hv = Autodiff.hessianVector(f, x, v).hessianVector();
    double h = 1e-5;
    double[] plus = x.clone();
    double[] minus = x.clone();
    for (int i = 0; i < x.length; i++) {
      plus[i] += h * v[i];
      minus[i] -= h * v[i];
    }
    double[] gp = Autodiff.gradient(f, plus);
    double[] gm = Autodiff.gradient(f, minus);
    for (int i = 0; i < x.length; i++) {
      assertEquals((gp[i] - gm[i]) / (2 * h), hv[i], 1e-7, "Hv[" + i + "]");
    }
  }

  @Test
  void firstOrderEasyTierRule_isRefusedNamingTheRuleAndTheFix() {
    UnaryScalarRule cube = UnaryScalarRule.of("cube", t -> t * t * t, (t, y) -> 3 * t * t);
    UnsupportedActivityException e =
        assertThrows(
            UnsupportedActivityException.class,
            () ->
                Autodiff.hessianVector(
                    z -> cube.apply(z.get(0)), new double[] {1}, new double[] {1}));
    assertTrue(e.getMessage().contains("rule 'cube' is first-order only"), e.getMessage());
    assertTrue(e.getMessage().contains("f''"), e.getMessage());
  }

  @Test
  void firstOrderArrayRule_isRefusedBeforeItRuns() {
    TestRules.WeightedSquares rule = new TestRules.WeightedSquares(new double[] {1, 1}, false);
    UnsupportedActivityException e =
        assertThrows(
            UnsupportedActivityException.class,
            () ->
                Autodiff.hessianVector(
                    z -> Dispatch.scalar(rule, z), new double[] {1, 2}, new double[] {1, 0}));
    assertTrue(
        e.getMessage().contains("rule 'weightedSquares' is first-order only"), e.getMessage());
    assertTrue(e.getMessage().contains("SecondOrderRule.reverseSecondOrder"), e.getMessage());
    assertEquals(0, rule.forwardCalls.get());
  }

  @Test
  void mismatchedDirection_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Autodiff.hessianVector(Linalg::sumOfSquares, new double[2], new double[3]));
    assertTrue(e.getMessage().contains("direction v has length 3"), e.getMessage());
  }

  private static Scalar rosenbrock(Vec x) {
    Scalar sum = Scalar.constant(0);
    for (int i = 0; i + 1 < x.size(); i++) {
      Scalar a = x.get(i + 1).minus(x.get(i).square());
      Scalar b = Scalar.constant(1).minus(x.get(i));
      sum = sum.plus(a.square().times(100)).plus(b.square());
    }
    return sum;
  }
}
