package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.gradbench.BaObjective;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleAdjustmentBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"ba1", "ba2", "ba3", "ba4"})
  void instancesAreReadWithTheirSizes(String instance) {
    BundleAdjustmentBenchmark b = new BundleAdjustmentBenchmark();
    b.instance = instance;
    b.setUp();
    String name = BundleAdjustmentBenchmark.resource(instance);
    int p = Integer.parseInt(name.substring(name.lastIndexOf("_p") + 2, name.length() - 4));
    assertEquals(p, b.objective.observations());
    BaObjective.SparseJacobian j = b.ad4jJacobian();
    assertEquals(3 * p, j.nrows());
    assertEquals(31 * p, j.vals().length);
    assertEquals(31 * p, j.rows()[3 * p]);
  }

  /**
   * Observation i's camera-parameter columns of the Jacobian against central differences of the
   * plain objective with that one camera parameter moved (every observation of the same camera
   * moves with it, the others stay, so the residual rows of observation i see exactly dr/dc).
   */
  @Test
  void jacobianBlocksMatchCentralDifferencesOfThePlainObjective() {
    double[] t = AdbenchFiles.numbers(BundleAdjustmentBenchmark.resource("ba2"));
    int n = (int) t[0];
    int m = (int) t[1];
    int p = (int) t[2];
    double[] cam = Arrays.copyOfRange(t, 3, 14);
    double[] x = Arrays.copyOfRange(t, 14, 17);
    double[] feat = Arrays.copyOfRange(t, 18, 20);
    BaObjective.SparseJacobian j = new BaObjective(n, m, p, cam, x, t[17], feat).jacobian();
    int observation = p - 1; // the last block, to check the replay reached it
    for (int k = 0; k < 11; k++) {
      double h = 1e-6 * Math.max(1, Math.abs(cam[k]));
      double[] up = cam.clone();
      double[] down = cam.clone();
      up[k] += h;
      down[k] -= h;
      double[] ru = residuals(n, m, p, up, x, t[17], feat);
      double[] rd = residuals(n, m, p, down, x, t[17], feat);
      for (int r = 0; r < 2; r++) {
        double fd = (ru[2 * observation + r] - rd[2 * observation + r]) / (2 * h);
        double ad = j.vals()[30 * observation + 15 * r + k];
        assertEquals(fd, ad, 1e-5 * Math.max(1, Math.abs(fd)), "row " + r + ", camera " + k);
      }
    }
  }

  @Test
  void anUnknownInstanceIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BundleAdjustmentBenchmark.resource("ba9"));
    assertEquals("unknown BA instance 'ba9'; use ba1, ba2, ba3 or ba4", e.getMessage());
  }

  private static double[] residuals(
      int n, int m, int p, double[] cam, double[] x, double w, double[] feat) {
    double[] r = new double[2 * p];
    new BaObjective(n, m, p, cam, x, w, feat).objective(r, new double[p]);
    return r;
  }
}
