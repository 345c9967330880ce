package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import org.junit.jupiter.api.Test;

class OdeModuleTest {
  /**
   * yᵢ(t) = x₀⋯xᵢ·t^(i+1)/(i+1)!, a polynomial of degree ≤ 4 for n ≤ 4, which RK4 integrates
   * exactly: y(2) in closed form whatever the step count.
   */
  @Test
  void primal_isExactForPolynomialSolutions() {
    double[] x = {1.5, -0.5, 2, 0.25};
    double[] expected = new double[4];
    double product = 1;
    double factorial = 1;
    for (int i = 0; i < 4; i++) {
      product *= x[i];
      factorial *= i + 1;
      expected[i] = product * Math.pow(2, i + 1) / factorial;
    }
    double[] y =
        (double[])
            ToolHarness.evaluate("ode", "primal", "{\"x\":" + ToolHarness.json(x) + ",\"s\":3}");
    assertArrayEquals(expected, y, 1e-14);
  }

  @Test
  void gradient_ofTheLastComponentIsItDividedByEachX() {
    double[] x = {1.5, -0.5, 2, 0.25};
    double y3 = 1.5 * -0.5 * 2 * 0.25 * 16 / 24;
    double[] g =
        (double[])
            ToolHarness.evaluate("ode", "gradient", "{\"x\":" + ToolHarness.json(x) + ",\"s\":2}");
    for (int i = 0; i < 4; i++) {
      assertEquals(y3 / x[i], g[i], 1e-14, "coordinate " + i);
    }
  }

  @Test
  void gradient_matchesCentralDifferencesForALongerChain() {
    double[] x = {0.9, 1.2, -0.8, 1.1, 0.7, -1.3, 0.5};
    int s = 5;
    double[] g =
        (double[])
            ToolHarness.evaluate(
                "ode", "gradient", "{\"x\":" + ToolHarness.json(x) + ",\"s\":" + s + "}");
    for (int i = 0; i < x.length; i++) {
      double fd =
          ToolHarness.centralDifference(
              v -> {
                Scalar[] y = OdeModule.solve(Vec.constant(v), s);
                return y[y.length - 1].value();
              },
              x,
              i,
              1e-6);
      assertEquals(fd, g[i], 1e-8, "coordinate " + i);
    }
  }
}
