package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LseModuleTest {
  @Test
  void primal_isLogSumExpAndStableAtLargeInputs() {
    assertEquals(
        Math.log(Math.exp(1) + Math.exp(2) + Math.exp(-3)),
        (Double) ToolHarness.evaluate("lse", "primal", "{\"x\":[1,2,-3]}"),
        1e-15);
    assertEquals(
        1000 + Math.log(2),
        (Double) ToolHarness.evaluate("lse", "primal", "{\"x\":[1000,1000]}"),
        1e-12);
  }

  @Test
  void gradient_isTheSoftmax() {
    double[] x = {0.5, -1, 2, 0};
    double z = 0;
    for (double xi : x) {
      z += Math.exp(xi);
    }
    double[] softmax = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      softmax[i] = Math.exp(x[i]) / z;
    }
    assertArrayEquals(
        softmax,
        (double[]) ToolHarness.evaluate("lse", "gradient", "{\"x\":" + ToolHarness.json(x) + "}"),
        1e-15);
  }
}
