package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every technique in {@link RosenbrockBenchmark} computes the same value and gradient. */
class RosenbrockBenchmarkTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 100})
  void everyMethod_agreesWithTheHandWrittenBaseline(int n) {
    RosenbrockBenchmark b = new RosenbrockBenchmark();
    b.n = n;
    b.setUp();
    double value = b.primal();
    double[] hand = b.handGradient().clone();
    double tolerance = 1e-9 * (1 + maxAbs(hand));

    assertEquals(value, b.ad4jAllConst().value(), 1e-12 * (1 + Math.abs(value)));
    assertArrayEquals(hand, b.ad4jGradient(), tolerance);
    assertArrayEquals(hand, b.derivativeStructureGradient(), tolerance);
    assertArrayEquals(hand, b.ad4jReplayedGradient().clone(), tolerance);
    assertArrayEquals(hand, b.sparseGradientGradient(), tolerance);
    assertArrayEquals(hand, b.handGradient(), 0.0, "the reused buffer is fully rewritten");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10})
  void handGradient_matchesCentralDifferences(int n) {
    double[] x = RosenbrockBenchmark.startingPoint(n);
    double[] g = RosenbrockBenchmark.handGradient(x, new double[n]);
    for (int i = 0; i < n; i++) {
      double h = 1e-6;
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      double fd = (RosenbrockBenchmark.value(plus) - RosenbrockBenchmark.value(minus)) / (2 * h);
      assertEquals(fd, g[i], 1e-4 * (1 + Math.abs(fd)));
    }
  }

  static double maxAbs(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, Math.abs(d));
    }
    return m;
  }
}
