package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.engine.Autodiff;
import dev.ad4j.gradbench.GmmObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GMM benchmark's two objectives agree with ADBench's golden values on its test instance, and
 * with each other (value, and ad4j's gradient against central differences of the plain objective)
 * on every benchmarked instance.
 */
class GmmBenchmarkTest {

  @Test
  void testInstance_plainObjectiveAndAd4jGradientMatchTheGoldenValues() {
    GmmInstance in = GmmInstance.read("/adbench/data/gmm/test.txt");
    Golden golden = Golden.read("/adbench/golden/gmm_test_golden.json");
    double value = new PlainGmmObjective(in, GmmObjective.ADBENCH_PRIOR).value(in.theta());
    assertTrue(Golden.close(golden.objective(), value), "objective " + value);

    GmmObjective f = in.ad4j();
    double[] g = Autodiff.gradient(t -> f.apply(t, GmmObjective.ADBENCH_PRIOR), in.theta());
    double[] expected = toThetaOrder(in, golden.gradient());
    assertEquals(expected.length, g.length);
    for (int i = 0; i < g.length; i++) {
      assertTrue(Golden.close(expected[i], g[i]), i + ": " + expected[i] + " vs " + g[i]);
    }
  }

  /** Golden icf is per component [q_j, l_j]; θ holds every q, then every l. */
  private static double[] toThetaOrder(GmmInstance in, double[] golden) {
    int k = in.k();
    int d = in.d();
    int lengthL = in.lengthL();
    double[] out = golden.clone();
    for (int j = 0; j < k; j++) {
      int from = k + k * d + j * (d + lengthL);
      System.arraycopy(golden, from, out, k + k * d + j * d, d);
      System.arraycopy(golden, from + d, out, k + 2 * k * d + j * lengthL, lengthL);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 20, 64})
  void everyMethod_computesTheSameFunction(int d) {
    GmmBenchmark b = new GmmBenchmark();
    b.d = d;
    b.setUp();
    double value = b.plainObjective();
    assertEquals(value, b.ad4jAllConst(), 1e-11 * Math.abs(value));

    double[] g = b.ad4jGradient();
    assertEquals(b.theta.length, g.length);
    // Entries spread over α, μ, q and l (the last blocks), checked by central differences.
    int length = g.length;
    int[] sample = {
      0, 9, 10, 10 + 10 * d - 1, 10 + 10 * d, 10 + 20 * d - 1, length / 2, length - 1
    };
    for (int i : sample) {
      double fd = centralDifference(b, i);
      assertEquals(fd, g[i], 1e-5 * (1 + Math.abs(fd)) + 1e-9 * Math.abs(value), "θ_" + i);
    }
  }

  private static double centralDifference(GmmBenchmark b, int i) {
    double[] theta = b.theta.clone();
    double h = 1e-5 * Math.max(1, Math.abs(theta[i]));
    theta[i] += h;
    double plus = b.plain.value(theta);
    theta[i] -= 2 * h;
    double minus = b.plain.value(theta);
    return (plus - minus) / (2 * h);
  }
}
