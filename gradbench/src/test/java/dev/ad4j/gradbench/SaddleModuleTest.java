package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaddleModuleTest {
  /** GradBench's expected output for start = (1, 1) (evals/saddle): r1 and r2, flattened. */
  static final double EXPECTED = 8.246324826140356e-06;

  @ParameterizedTest
  @ValueSource(strings = {"rr", "rf", "fr", "ff"})
  void everyModeCombination_findsGradBenchsSaddle(String function) {
    double[] r = (double[]) ToolHarness.evaluate("saddle", function, "{\"start\":[1.0,1.0]}");
    assertArrayEquals(new double[] {EXPECTED, EXPECTED, EXPECTED, EXPECTED}, r, 1e-12);
  }
}
