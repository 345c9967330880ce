package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.examples.LogisticRegressionExample.Data;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NewtonCgExampleTest {
  private static final Data DATA = LogisticRegressionExample.generate(2_000, 200, 7);

  @Test
  void hessianVectorOfTheObjective_matchesXTransposeDiagXPlusLambda() {
    Fn1<Vec, Scalar> f =
        LogisticRegressionExample.objective(DATA, LogisticRegressionExample.LAMBDA);
    double[] w = new double[200];
    for (int j = 0; j < w.length; j++) {
      w[j] = Math.sin(j) * 0.1;
    }
    double[] v = new double[200];
    v[3] = 1;
    v[17] = -0.5;
    double[] hv = Autodiff.hessianVector(f, w, v).hessianVector();
    // H = Xᵀ·diag(σ(m)(1 − σ(m)))·X + λI with mᵢ = yᵢ(Xw)ᵢ (y² = 1), by hand over the CSR arrays.
    int[] rp = DATA.x().rowPointers();
    int[] ci = DATA.x().columnIndices();
    double[] expected = new double[200];
    for (int i = 0; i < DATA.x().rows(); i++) {
      double xw = 0;
      double xv = 0;
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        xw += w[ci[k]];
        xv += v[ci[k]];
      }
      double s = 1 / (1 + Math.exp(-DATA.labels()[i] * xw));
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        expected[ci[k]] += s * (1 - s) * xv;
      }
    }
    for (int j = 0; j < 200; j++) {
      expected[j] += LogisticRegressionExample.LAMBDA * v[j];
      assertEquals(expected[j], hv[j], 1e-10, "Hv[" + j + "]");
    }
  }

  @Test
  void newtonCg_convergesToATinyGradientInFewSteps() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NewtonCgExample.Result r =
        NewtonCgExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), DATA, 30, 1e-8);
    assertTrue(r.objective() < r.initialObjective() / 2, "objective " + r.objective());
    assertTrue(r.gradientNorm() < 1e-5, "gradient norm " + r.gradientNorm());
    assertTrue(r.newtonSteps() <= 30, "steps " + r.newtonSteps());
    assertTrue(r.accuracy() > 0.9, "accuracy " + r.accuracy());
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Hessian-vector product"));
  }
}
