package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Special;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GmmObjective at dimensions that the ADBench test instance (d = 2) does not reach: d = 1 (no lower
 * triangle), 5 (one product), 20 and 33 (two and three products over the triangle, see the class
 * comment of {@link GmmObjective}). The reference is the definition evaluated point by point with
 * each Q_j as an explicit d×d matrix.
 */
class GmmObjectiveTest {
  private static final int K = 3;
  private static final int N = 4;

  private record Instance(int d, double[] theta, double[] x) {
    GmmObjective objective() {
      return new GmmObjective(d, K, N, x, 1.3, 2);
    }
  }

  private static Instance instance(int d) {
    Random random = new Random(7 + d);
    GmmObjective shape = new GmmObjective(d, K, N, new double[N * d], 1.3, 2);
    double[] theta = new double[shape.parameters()];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.5 * random.nextGaussian();
    }
    double[] x = new double[N * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    return new Instance(d, theta, x);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 20, 33})
  void apply_matchesThePointByPointDefinition(int d) {
    Instance in = instance(d);
    double actual =
        in.objective().apply(Vec.constant(in.theta()), GmmObjective.ADBENCH_PRIOR).value();
    double expected = reference(in, GmmObjective.ADBENCH_PRIOR);
    assertEquals(expected, actual, 1e-10 * (1 + Math.abs(expected)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 20, 33})
  void gradient_matchesCentralDifferencesOfTheDefinition(int d) {
    Instance in = instance(d);
    GmmObjective f = in.objective();
    double[] g = Autodiff.gradient(t -> f.apply(t, GmmObjective.GRADBENCH_PRIOR), in.theta());
    for (int i = 0; i < g.length; i++) {
      double[] theta = in.theta().clone();
      double h = 1e-5 * Math.max(1, Math.abs(theta[i]));
      theta[i] += h;
      double plus = reference(new Instance(d, theta, in.x()), GmmObjective.GRADBENCH_PRIOR);
      theta[i] -= 2 * h;
      double minus = reference(new Instance(d, theta, in.x()), GmmObjective.GRADBENCH_PRIOR);
      double fd = (plus - minus) / (2 * h);
      assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), "θ_" + i);
    }
  }

  /** f(θ) from its definition (see {@link GmmObjective}), Q_j formed explicitly. */
  private static double reference(Instance in, double sign) {
    int d = in.d();
    double[] t = in.theta();
    int lengthL = d * (d - 1) / 2;
    double[][][] q = new double[K][d][d];
    double prior = 0;
    for (int j = 0; j < K; j++) {
      int at = K + 2 * K * d + j * lengthL;
      for (int c = 0; c < d; c++) {
        double qc = t[K + K * d + j * d + c];
        q[j][c][c] = Math.exp(qc);
        prior += 0.5 * 1.3 * 1.3 * Math.exp(2 * qc) - 2 * qc;
        for (int r = c + 1; r < d; r++, at++) {
          q[j][r][c] = t[at];
          prior += 0.5 * 1.3 * 1.3 * t[at] * t[at];
        }
      }
    }
    double total = 0;
    double[] terms = new double[K];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < K; j++) {
        double norm = 0;
        double logDiag = 0;
        for (int r = 0; r < d; r++) {
          double y = 0;
          for (int c = 0; c < d; c++) {
            y += q[j][r][c] * (in.x()[i * d + c] - t[K + j * d + c]);
          }
          norm += y * y;
          logDiag += t[K + K * d + j * d + r];
        }
        terms[j] = t[j] + logDiag - 0.5 * norm;
      }
      total += logSumExp(terms);
    }
    int big = d + 2 + 1;
    double logGammaD = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      logGammaD += Special.lgamma(Scalar.constant(0.5 * big + 0.5 * (1 - j))).value();
    }
    double c = big * d * Math.log(1.3 / Math.sqrt(2)) - logGammaD;
    return -0.5 * N * d * Math.log(2 * Math.PI)
        + total
        - N * logSumExp(Arrays.copyOf(t, K))
        + sign * (prior - K * c);
  }

  private static double logSumExp(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double e : v) {
      max = Math.max(max, e);
    }
    double s = 0;
    for (double e : v) {
      s += Math.exp(e - max);
    }
    return max + Math.log(s);
  }
}
