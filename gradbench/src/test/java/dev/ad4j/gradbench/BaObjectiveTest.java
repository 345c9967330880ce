package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Vec;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ad4j Jacobian of BA against central differences of the plain-Java objective, at ADBench's
 * test point, at random points and on the r = 0 branch; the CSR scatter for unequal n, m, p.
 */
class BaObjectiveTest {
  private static final double[] CAM = {
    1.797201,
    0.590697,
    -0.635786,
    90.859550,
    29.361415,
    28.777534,
    211.628116,
    -0.284531,
    -14.762924,
    0.058931,
    0.069976
  };
  private static final double[] X = {4.173048, 5.586898, 1.403869};
  private static final double[] FEAT = {-525.672849, 161.811929};

  /** The 15 inputs of one observation: camera, point, weight. */
  private static double[] packed(double[] cam, double[] x, double w) {
    double[] q = Arrays.copyOf(cam, 15);
    System.arraycopy(x, 0, q, 11, 3);
    q[14] = w;
    return q;
  }

  /** Residual r (0, 1: reprojection; 2: weight) of the plain objective with n = m = p = 1. */
  private static double plain(double[] q, int r) {
    BaObjective f =
        new BaObjective(1, 1, 1, Arrays.copyOf(q, 11), Arrays.copyOfRange(q, 11, 14), q[14], FEAT);
    double[] reproj = new double[2];
    double[] weight = new double[1];
    f.objective(reproj, weight);
    return r < 2 ? reproj[r] : weight[0];
  }

  private static void assertMatchesFiniteDifferences(double[] q) {
    BaObjective.SparseJacobian j =
        new BaObjective(1, 1, 1, Arrays.copyOf(q, 11), Arrays.copyOfRange(q, 11, 14), q[14], FEAT)
            .jacobian();
    assertArrayEquals(new int[] {0, 15, 30, 31}, j.rows());
    for (int r = 0; r < 3; r++) {
      for (int e = j.rows()[r]; e < j.rows()[r + 1]; e++) {
        int col = j.cols()[e];
        int row = r;
        double h = 1e-6 * Math.max(1, Math.abs(q[col]));
        double fd = ToolHarness.centralDifference(x -> plain(x, row), q, col, h);
        double ad = j.vals()[e];
        assertTrue(
            Math.abs(fd - ad) <= 1e-6 * Math.max(1, Math.abs(ad)),
            "d residual " + r + " / d q[" + col + "]: ad4j " + ad + ", finite difference " + fd);
      }
    }
  }

  @Test
  void jacobian_matchesFiniteDifferencesOfThePlainObjective() {
    assertMatchesFiniteDifferences(packed(CAM, X, 0.417022));
  }

  @Test
  void jacobian_matchesFiniteDifferencesAtRandomPoints() {
    Random random = new Random(42);
    for (int trial = 0; trial < 5; trial++) {
      double[] q = packed(CAM, X, 0.417022);
      for (int k = 0; k < q.length; k++) {
        q[k] += 0.1 * random.nextGaussian() * Math.max(1, Math.abs(q[k]));
      }
      assertMatchesFiniteDifferences(q);
    }
  }

  @Test
  void jacobian_matchesFiniteDifferencesOnTheZeroRotationBranch() {
    double[] cam = CAM.clone();
    cam[0] = cam[1] = cam[2] = 0;
    assertMatchesFiniteDifferences(packed(cam, X, 0.417022));
  }

  @Test
  void plainObjective_agreesWithTheAd4jResidual() {
    double[] q = packed(CAM, X, 0.417022);
    double[] withFeature = Arrays.copyOf(q, BaResidual.INPUTS);
    withFeature[15] = FEAT[0];
    withFeature[16] = FEAT[1];
    double[] ad = BaResidual.apply(Vec.constant(withFeature)).value();
    for (int r = 0; r < 3; r++) {
      assertEquals(plain(q, r), ad[r], 1e-12 * Math.max(1, Math.abs(ad[r])), "residual " + r);
    }
  }

  @Test
  void jacobian_scattersEveryObservationToItsCameraPointAndWeight() {
    int n = 3;
    int m = 4;
    int p = 7;
    BaObjective.SparseJacobian j = new BaObjective(n, m, p, CAM, X, 0.417022, FEAT).jacobian();
    BaObjective.SparseJacobian one = new BaObjective(1, 1, 1, CAM, X, 0.417022, FEAT).jacobian();
    assertEquals(3 * p, j.nrows());
    assertEquals(11 * n + 3 * m + p, j.ncols());
    assertArrayEquals(BaModuleTest.expectedRows(p), j.rows());
    assertArrayEquals(BaModuleTest.expectedCols(n, m, p), j.cols());
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < 30; k++) {
        assertEquals(one.vals()[k], j.vals()[30 * i + k], "observation " + i + " entry " + k);
      }
      assertEquals(one.vals()[30], j.vals()[30 * p + i], "weight row " + i);
    }
  }

  @Test
  void constructor_refusesBadCountsAndLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new BaObjective(0, 1, 1, CAM, X, 1, FEAT));
    assertTrue(e.getMessage().contains("n=0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BaObjective(1, 1, 1, CAM, new double[2], 1, FEAT));
    assertTrue(e.getMessage().contains("x must have length 3, got 2"), e.getMessage());
  }
}
