package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Vec;
import org.junit.jupiter.api.Test;

class LlsqModuleTest {
  @Test
  void primal_matchesASmallCaseByHand() {
    // n = 3: t = -1, 0, 1; sign t = -1, 0, 1. x = (a, b): residuals -1-(a-b), -a, 1-(a+b).
    double a = 0.5;
    double b = 2;
    double expected =
        0.5 * (Math.pow(-1 - (a - b), 2) + Math.pow(-a, 2) + Math.pow(1 - (a + b), 2));
    assertEquals(expected, ToolHarness.evaluate("llsq", "primal", "{\"x\":[0.5,2],\"n\":3}"));
  }

  @Test
  void gradient_matchesCentralDifferences() {
    double[] x = {0.3, -0.7, 1.1, 0.2};
    int n = 9;
    double[] g =
        (double[])
            ToolHarness.evaluate(
                "llsq", "gradient", "{\"x\":" + ToolHarness.json(x) + ",\"n\":" + n + "}");
    for (int i = 0; i < x.length; i++) {
      double fd =
          ToolHarness.centralDifference(
              v -> LlsqModule.objective(Vec.constant(v), n).value(), x, i, 1e-6);
      assertEquals(fd, g[i], 1e-7, "coordinate " + i);
    }
  }

  @Test
  void gradient_matchesTheClosedFormTTransposedResidual() {
    // ∇ = -Tᵀ(b - Tx); n = 3, x = (1, 1): residuals -1, -1, -1.
    assertArrayEquals(
        new double[] {3, 0},
        (double[]) ToolHarness.evaluate("llsq", "gradient", "{\"x\":[1,1],\"n\":3}"),
        1e-15);
  }
}
