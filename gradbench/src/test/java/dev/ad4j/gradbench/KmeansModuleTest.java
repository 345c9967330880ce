package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.HessianVectorProduct;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KmeansModuleTest {
  // Points 0, 1 are nearest centroid 0 at (0,0); points 2, 3, 4 nearest centroid 1 at (10,10).
  private static final String INPUT =
      "{\"points\":[[1,0],[0,2],[9,10],[10,12],[11,11]],\"centroids\":[[0,0],[10,10]]}";
  private static final double[] POINTS = {1, 0, 0, 2, 9, 10, 10, 12, 11, 11};
  private static final double[] CENTROIDS = {0, 0, 10, 10};

  @Test
  void cost_isTheSumOfSquaredDistancesToTheNearestCentroid() {
    assertEquals(1.0 + 4 + 1 + 4 + 2, ToolHarness.evaluate("kmeans", "cost", INPUT));
  }

  /** ∇_cⱼ = 2 Σ (cⱼ − p), H = diag(2·|cluster j|), so dir_cⱼ = cⱼ − mean of its cluster. */
  @Test
  void dir_isTheCentroidMinusItsClusterMean() {
    List<?> rows = (List<?>) ToolHarness.evaluate("kmeans", "dir", INPUT);
    assertArrayEquals(new double[] {-0.5, -1}, (double[]) rows.get(0), 1e-15);
    assertArrayEquals(new double[] {0, -1}, (double[]) rows.get(1), 1e-15);
  }

  @Test
  void hessianDiagonal_isTwiceTheClusterSizeAndTheHessianIsDiagonal() {
    HessianVectorProduct r =
        Autodiff.hessianVector(
            c -> KmeansModule.cost(c, POINTS, 2), CENTROIDS, new double[] {1, 1, 1, 1});
    assertArrayEquals(new double[] {4, 4, 6, 6}, r.hessianVector());
    DenseMatrix h = Autodiff.hessian(c -> KmeansModule.cost(c, POINTS, 2), CENTROIDS);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(i == j ? r.hessianVector()[i] : 0.0, h.get(i, j), "H[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void dir_gradientPartMatchesCentralDifferencesOnRandomData() {
    Random random = new Random(11);
    int n = 40;
    int k = 3;
    int d = 4;
    double[] p = new double[n * d];
    double[] c = new double[k * d];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextGaussian();
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = p[i]; // the first k points: every cluster is non-empty
    }
    HessianVectorProduct r =
        Autodiff.hessianVector(cc -> KmeansModule.cost(cc, p, d), c, ones(c.length));
    double[] dir = KmeansModule.direction(c, p, d);
    for (int i = 0; i < c.length; i++) {
      double fd =
          ToolHarness.centralDifference(
              v -> KmeansModule.cost(Vec.constant(v), p, d).value(), c, i, 1e-7);
      assertEquals(fd, r.gradient()[i], 1e-6, "gradient " + i);
      assertEquals(r.gradient()[i] / r.hessianVector()[i], dir[i], 0.0);
    }
  }

  @Test
  void dir_withAnEmptyClusterIsAnErrorNotNaN() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":0,\"kind\":\"evaluate\",\"module\":\"kmeans\",\"function\":\"dir\","
                + "\"input\":{\"points\":[[0,0]],\"centroids\":[[0,0],[5,5]]}}");
    assertEquals(false, h.replies.get(0).get("success"));
    assertTrue(((String) h.replies.get(0).get("error")).contains("NaN"));
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }
}
