package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;
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

  @ParameterizedTest
  @ValueSource(strings = {"rr", "rf", "fr", "ff"})
  void gradientOfTheInnerMaximum_isTwiceP1(String function) {
    // max over p2 of |p1|² − |p2|² is |p1|² minus a constant: the descent in p2 never sees p1
    Descent.Modes modes = Descent.Modes.of("saddle", function);
    Scalar[] start = Descent.constants(new double[] {1, 1});
    Fn1<Vec, Scalar> cost = p1 -> Descent.max(modes.inner(), p2 -> SaddleModule.f(p1, p2), start);
    Scalar[] g = modes.outer().at(cost, Descent.constants(new double[] {0.3, -0.7}));
    assertEquals(0.6, g[0].value(), 1e-15);
    assertEquals(-1.4, g[1].value(), 1e-15);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rr", "rf", "fr", "ff"})
  void innerIteratesThatDependOnP1_areDifferentiatedThroughTheDescent(String function) {
    // max over p2 of p1·p2 − |p2|²: the maximizer p1/2 tracks p1, so the descent's iterates carry
    // the outer derivative; compared with central differences of the same descent.
    Descent.Modes modes = Descent.Modes.of("saddle", function);
    Scalar[] start = Descent.constants(new double[] {1, 1});
    Fn1<Vec, Scalar> cost = p1 -> Descent.max(modes.inner(), p2 -> tracking(p1, p2), start);
    double[] p = {0.3, -0.7};
    Scalar[] g = modes.outer().at(cost, Descent.constants(p));
    double h = 1e-6;
    for (int i = 0; i < 2; i++) {
      double[] plus = p.clone();
      double[] minus = p.clone();
      plus[i] += h;
      minus[i] -= h;
      double fd = (value(cost, plus) - value(cost, minus)) / (2 * h);
      assertEquals(fd, g[i].value(), 1e-5 * (1 + Math.abs(fd)), "component " + i);
    }
  }

  /** p1₀·p2₀ + p1₁·p2₁ − |p2|²: maximized at p2 = p1/2, maximum |p1|²/4. */
  private static Scalar tracking(Vec p1, Vec p2) {
    Scalar dot = p1.get(0).times(p2.get(0)).plus(p1.get(1).times(p2.get(1)));
    return dot.minus(p2.get(0).square().plus(p2.get(1).square()));
  }

  private static double value(Fn1<Vec, Scalar> cost, double[] p) {
    return cost.apply(Vec.constant(p)).value();
  }
}
