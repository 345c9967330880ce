package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
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

  @ParameterizedTest
  @ValueSource(strings = {"rr", "rf", "fr", "ff"})
  void nestedGradientOfTheLanding_matchesCentralDifferences(String function) {
    Descent.Modes modes = Descent.Modes.of("particle", function);
    Descent.Gradient inner = modes.inner();
    double w = 0.1;
    double g =
        modes.outer().at(v -> ParticleModule.landing(inner, v.get(0)), constants(w))[0].value();
    double h = 1e-6;
    double fd = (landing(inner, w + h) - landing(inner, w - h)) / (2 * h);
    assertEquals(fd, g, 1e-6 * Math.abs(fd));
  }

  private static double landing(Descent.Gradient inner, double w) {
    return ParticleModule.landing(inner, Scalar.constant(w)).value();
  }

  private static Scalar[] constants(double w) {
    return Descent.constants(new double[] {w});
  }
}
