package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticleModuleTest {
  /** GradBench's expected output for w = 0 (evals/particle). */
  static final double EXPECTED = 0.2071918746486116;

  @ParameterizedTest
  @ValueSource(strings = {"rr", "rf", "fr", "ff"})
  void everyModeCombination_findsGradBenchsControl(String function) {
    double w = (Double) ToolHarness.evaluate("particle", function, "{\"w\":0.0}");
    assertEquals(EXPECTED, w, 1e-13);
  }
}
