package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logistic regression example at a small size, against finite differences and by hand. */
class LogisticRegressionExampleTest {
  private static final LogisticRegressionExample.Data DATA =
      LogisticRegressionExample.generate(2000, 200, 11);
  private static final double[] W = RandomSparse.vector(200, 3);

  @Test
  void generate_binaryMatrixWithAboutTwentyPerRowAndLabelsPlusMinusOne() {
    SparseMatrix x = DATA.x();
    assertEquals(SparseMatrix.Kind.PATTERN, x.kind());
    assertEquals(2000, x.rows());
    assertEquals(200, x.cols());
    assertTrue(x.nnz() > 2000 * 18 && x.nnz() <= 2000 * 20, "nnz " + x.nnz());
    int positive = 0;
    for (double y : DATA.labels()) {
      assertTrue(y == 1 || y == -1, "label " + y);
      positive += y > 0 ? 1 : 0;
    }
    assertTrue(positive > 600 && positive < 1400, "positives " + positive);
  }

  @Test
  void gradient_matchesCentralDifferencesAtSomeCoordinates() {
    Fn1<Vec, Scalar> f =
        LogisticRegressionExample.objective(DATA, LogisticRegressionExample.LAMBDA);
    double[] g = Autodiff.gradient(f, W);
    double h = 1e-5;
    for (int j : new int[] {0, 17, 99, 199}) {
      double[] plus = W.clone();
      double[] minus = W.clone();
      plus[j] += h;
      minus[j] -= h;
      double fd =
          (f.apply(Vec.constant(plus)).value() - f.apply(Vec.constant(minus)).value()) / (2 * h);
      assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "coordinate " + j);
    }
  }

  @Test
  void gradient_matchesTheClosedForm() {
    // ∇f = Xᵀ(−y ⊙ σ(−y ⊙ Xw)) + λw, with X read entry by entry from its CSR arrays
    SparseMatrix x = DATA.x();
    double[] y = DATA.labels();
    double lambda = LogisticRegressionExample.LAMBDA;
    double[] expected = new double[W.length];
    for (int j = 0; j < W.length; j++) {
      expected[j] = lambda * W[j];
    }
    for (int i = 0; i < x.rows(); i++) {
      double score = 0;
      for (int k = x.rowPointers()[i]; k < x.rowPointers()[i + 1]; k++) {
        score += W[x.columnIndices()[k]];
      }
      double coefficient = -y[i] / (1 + Math.exp(y[i] * score));
      for (int k = x.rowPointers()[i]; k < x.rowPointers()[i + 1]; k++) {
        expected[x.columnIndices()[k]] += coefficient;
      }
    }
    assertArrayEquals(
        expected, Autodiff.gradient(LogisticRegressionExample.objective(DATA, lambda), W), 1e-9);
  }

  @Test
  void run_small_objectiveDecreasesAndTrainingAccuracyAboveNinetyPercent() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogisticRegressionExample.Result r =
        LogisticRegressionExample.run(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), 2000, 200, 60);
    assertEquals(2000 * Math.log(2), r.initialObjective(), 1e-9); // w = 0: every loss is log 2
    assertTrue(r.objective() < 0.5 * r.initialObjective(), r.objective() + "");
    assertTrue(r.accuracy() > 0.9, "accuracy " + r.accuracy());
    assertTrue(r.iterations() > 1 && r.iterations() <= 60, "iterations " + r.iterations());
    assertTrue(r.times().derivativeCount() > 0 && r.times().plainCount() > 0, r.times() + "");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("iteration   2  objective "), printed);
    assertTrue(printed.contains("gradients took "), printed);
    assertTrue(printed.contains("training accuracy "), printed);
  }
}
