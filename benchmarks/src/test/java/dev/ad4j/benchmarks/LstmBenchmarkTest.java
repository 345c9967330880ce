package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LSTM benchmark's objectives agree with ADBench's golden values for l = 2 and with each other
 * (value, and ad4j's gradient against central differences of the plain loss) for l = 2 and 4; the
 * scalar code, taped and replayed, computes the array code's loss and gradient.
 */
class LstmBenchmarkTest {

  @Test
  void twoLayers_plainLossAndAd4jGradientMatchTheGoldenValues() {
    LstmBenchmark b = new LstmBenchmark();
    b.layers = 2;
    b.setUp();
    Golden golden = Golden.read("/adbench/golden/lstm_l2_c1024_golden.json");
    double loss = b.plainObjective();
    // The golden file gives 8 digits and, from an independent re-implementation, this value.
    assertTrue(Golden.close(0.6666651795588522, loss), "loss " + loss);
    assertEquals(golden.objective(), loss, 5e-9);

    double[] g = b.ad4jGradient();
    assertEquals(golden.gradient().length, g.length);
    for (int i = 0; i < g.length; i++) {
      assertTrue(Golden.close(golden.gradient()[i], g[i]), i + ": " + golden.gradient()[i]);
    }
    double replayedLoss = b.ad4jReplayedGradient();
    assertTrue(Golden.close(0.6666651795588522, replayedLoss), "replayed loss " + replayedLoss);
    for (int i = 0; i < g.length; i++) {
      assertTrue(Golden.close(golden.gradient()[i], b.gradient[i]), "replayed " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void everyMethod_computesTheSameFunction(int layers) {
    LstmBenchmark b = new LstmBenchmark();
    b.layers = layers;
    b.setUp();
    double loss = b.plainObjective();
    assertEquals(loss, b.ad4jAllConst(), 1e-12);
    double[] g = b.ad4jGradient();
    for (int i = 0; i < g.length; i += 17) {
      double[] p = b.params.clone();
      double h = 1e-6;
      p[i] += h;
      double plus = b.plain.value(p);
      p[i] -= 2 * h;
      double minus = b.plain.value(p);
      double fd = (plus - minus) / (2 * h);
      assertEquals(fd, g[i], 1e-7 + 1e-5 * Math.abs(fd), "p_" + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void scalarCode_hasTheArrayCodesValueAndGradient(int layers) {
    LstmBenchmark b = new LstmBenchmark();
    b.layers = layers;
    b.setUp();
    double[] arrays = b.ad4jGradient();
    double[] scalars = b.ad4jScalarGradient();
    assertEquals(b.plainObjective(), b.ad4jReplayedGradient(), 1e-12);
    for (int i = 0; i < arrays.length; i++) {
      assertEquals(arrays[i], scalars[i], 1e-12 + 1e-9 * Math.abs(arrays[i]), "p_" + i);
    }
    // Replaying is bit for bit the taped gradient of the same scalar code.
    assertArrayEquals(scalars, b.gradient, 0.0);
  }
}
