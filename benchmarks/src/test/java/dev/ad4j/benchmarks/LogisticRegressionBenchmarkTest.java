package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every method of {@link LogisticRegressionBenchmark} computes the same value and gradient. */
class LogisticRegressionBenchmarkTest {
  @Test
  void ad4jAndHandWritten_agreeOnValueAndGradient() {
    LogisticRegressionBenchmark b = new LogisticRegressionBenchmark();
    b.setUp(500, 60);
    double value = b.primal();
    double[] hand = b.handGradient().clone();
    assertEquals(value, b.ad4jAllConst(), 1e-12 * Math.abs(value));
    assertArrayEquals(hand, b.ad4jGradient(), 1e-12);
  }

  @Test
  void handGradient_matchesCentralDifferencesOfThePrimal() {
    LogisticRegressionBenchmark b = new LogisticRegressionBenchmark();
    b.setUp(200, 30);
    double[] g = b.handGradient().clone();
    double h = 1e-6;
    for (int j = 0; j < 30; j += 7) {
      double saved = b.w[j];
      b.w[j] = saved + h;
      double plus = b.primal();
      b.w[j] = saved - h;
      double minus = b.primal();
      b.w[j] = saved;
      assertEquals((plus - minus) / (2 * h), g[j], 1e-6, "g[" + j + "]");
    }
  }
}
