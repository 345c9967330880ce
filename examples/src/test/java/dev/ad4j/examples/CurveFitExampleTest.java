package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Vec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The curve-fit example at a small size. */
class CurveFitExampleTest {

  @Test
  void model_isTheSumOfTwoExponentials() {
    double[] t = {0, 0.5, 2};
    double[] p = {2, 0.3, -1, 1.5};
    double[] expected = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      expected[i] = 2 * Math.exp(-0.3 * t[i]) - Math.exp(-1.5 * t[i]);
    }
    assertArrayEquals(expected, CurveFitExample.model(Vec.constant(p), t).value(), 1e-15);
  }

  @Test
  void samples_haveTheNoiseLevelAroundTheTrueCurve() {
    double[] t = CurveFitExample.sampleTimes(2000);
    double[] clean = CurveFitExample.model(Vec.constant(CurveFitExample.TRUE), t).value();
    double[] noisy = CurveFitExample.samples(t, 5);
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      sum += (noisy[i] - clean[i]) * (noisy[i] - clean[i]);
    }
    assertEquals(CurveFitExample.NOISE, Math.sqrt(sum / t.length), 0.1 * CurveFitExample.NOISE);
  }

  @Test
  void run_recoversParametersWithinWhatTheNoiseJustifies() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CurveFitExample.Result r =
        CurveFitExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200);
    for (int k = 0; k < 4; k++) {
      double error = Math.abs(r.fitted()[k] - CurveFitExample.TRUE[k]);
      // 5 standard errors, each at most 0.1 (so the check cannot pass on a useless fit)
      assertTrue(r.standardErrors()[k] > 0 && r.standardErrors()[k] < 0.1, "se " + k);
      assertTrue(error < 5 * r.standardErrors()[k], "parameter " + k + " off by " + error);
    }
    // residuals of a good fit are the noise
    assertEquals(CurveFitExample.NOISE, r.rms(), 0.2 * CurveFitExample.NOISE);
    // lazy evaluation: at most one Jacobian per iteration, trial points evaluated plainly
    assertTrue(r.times().derivativeCount() <= r.iterations() + 1, r.times().toString());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("iteration  1  cost ||r|| "), printed);
    assertTrue(printed.contains("(true 0.5)"), printed);
    assertTrue(printed.contains("Jacobians took "), printed);
  }
}
