package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ad4j HT Jacobian against central differences of the HT objective, away from ADBench's test
 * pose: random poses, a mirrored model, the identity branch of the global rotation, and both
 * variants.
 */
class HandObjectiveTest {
  private static final HtModule MODULE = new HtModule();

  private static Map<String, Object> input(boolean complicated) throws IOException {
    String file = complicated ? "hand_complicated.txt" : "test.txt";
    return Fields.object(JsonReader.parse(HandInputs.json(file, complicated)), "input");
  }

  private static double[] objective(Map<String, Object> input, double[] theta, double[] us) {
    return (double[]) MODULE.prepare("objective", at(input, theta, us)).run();
  }

  /** The input with this θ and (if not empty) these two u pairs. */
  private static Map<String, Object> at(Map<String, Object> input, double[] theta, double[] us) {
    input.put("theta", theta);
    if (us.length > 0) {
      input.put("us", List.of(new double[] {us[0], us[1]}, new double[] {us[2], us[3]}));
    }
    return input;
  }

  /** Every column of the sent Jacobian against central differences in θ (and in each u pair). */
  private static void assertMatchesFiniteDifferences(
      Map<String, Object> input, double[] theta, double[] us) {
    double[][] j = (double[][]) MODULE.prepare("jacobian", at(input, theta, us)).run();
    int offset = us.length > 0 ? 2 : 0;
    for (int k = 0; k < theta.length; k++) {
      int col = k;
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[k] += 1e-6;
      minus[k] -= 1e-6;
      double[] fPlus = objective(input, plus, us);
      double[] fMinus = objective(input, minus, us);
      for (int i = 0; i < j.length; i++) {
        assertClose((fPlus[i] - fMinus[i]) / 2e-6, j[i][offset + col], i, "theta " + k);
      }
    }
    for (int c = 0; c < offset; c++) {
      double[] plus = us.clone();
      double[] minus = us.clone();
      for (int p = 0; p < us.length / 2; p++) {
        plus[2 * p + c] += 1e-6;
        minus[2 * p + c] -= 1e-6;
      }
      double[] fPlus = objective(input, theta, plus);
      double[] fMinus = objective(input, theta, minus);
      for (int i = 0; i < j.length; i++) {
        assertClose((fPlus[i] - fMinus[i]) / 2e-6, j[i][c], i, "u" + c);
      }
    }
  }

  private static void assertClose(double fd, double ad, int row, String column) {
    assertTrue(
        Math.abs(fd - ad) <= 1e-6 * Math.max(1, Math.abs(ad)),
        "J[" + row + "][" + column + "]: ad4j " + ad + ", finite difference " + fd);
  }

  private static double[] randomTheta(Random random) {
    double[] theta = new double[26];
    for (int k = 0; k < 26; k++) {
      theta[k] = random.nextGaussian() * 0.7;
    }
    return theta;
  }

  @Test
  void simpleJacobian_matchesFiniteDifferencesAtRandomPoses() throws IOException {
    Random random = new Random(7);
    Map<String, Object> input = input(false);
    for (int trial = 0; trial < 3; trial++) {
      assertMatchesFiniteDifferences(input, randomTheta(random), new double[0]);
    }
  }

  @Test
  void complicatedJacobian_matchesFiniteDifferencesAtRandomPoses() throws IOException {
    Random random = new Random(8);
    Map<String, Object> input = input(true);
    for (int trial = 0; trial < 3; trial++) {
      double[] us = {random.nextDouble(), random.nextDouble(), random.nextDouble(), 0.1};
      assertMatchesFiniteDifferences(input, randomTheta(random), us);
    }
  }

  @Test
  void jacobian_matchesFiniteDifferencesForAMirroredModel() throws IOException {
    Map<String, Object> input = input(false);
    Fields.object(Fields.object(input.get("data"), "data").get("model"), "model")
        .put("is_mirrored", true);
    double[] theta = randomTheta(new Random(9));
    double[] mirrored = objective(input, theta, new double[0]);
    Fields.object(Fields.object(input.get("data"), "data").get("model"), "model")
        .put("is_mirrored", false);
    double[] plain = objective(input, theta.clone(), new double[0]);
    assertTrue(Math.abs(mirrored[0] - plain[0]) > 1e-3, "mirroring changes the residuals");
    Fields.object(Fields.object(input.get("data"), "data").get("model"), "model")
        .put("is_mirrored", true);
    assertMatchesFiniteDifferences(input, theta, new double[0]);
  }

  /** ADBench mirrors the skinned vertex, then rotates: world = R·diag(−1, 1, 1)·p + t. */
  @Test
  void mirroredModel_negatesXBeforeTheGlobalRotation() throws IOException {
    Map<String, Object> input = input(false);
    Map<String, Object> model =
        Fields.object(Fields.object(input.get("data"), "data").get("model"), "model");
    double[] theta = randomTheta(new Random(11));
    double[] points =
        (double[]) ((List<?>) Fields.object(input.get("data"), "d").get("points")).get(0);
    model.put("is_mirrored", false);
    double[] plain = objective(input, theta, new double[0]);
    model.put("is_mirrored", true);
    double[] mirrored = objective(input, theta, new double[0]);
    double[] world = new double[3];
    double[] worldMirrored = new double[3];
    for (int j = 0; j < 3; j++) {
      world[j] = points[j] - plain[j] - theta[3 + j];
      worldMirrored[j] = points[j] - mirrored[j] - theta[3 + j];
    }
    double[] minusTheta = {-theta[0], -theta[1], -theta[2]};
    double[] p = rodrigues(minusTheta, world);
    double[] pMirrored = rodrigues(minusTheta, worldMirrored);
    assertEquals(-p[0], pMirrored[0], 1e-12);
    assertEquals(p[1], pMirrored[1], 1e-12);
    assertEquals(p[2], pMirrored[2], 1e-12);
  }

  /** v rotated by the angle-axis vector r: v cos θ + (k × v) sin θ + k (k·v)(1 − cos θ). */
  private static double[] rodrigues(double[] r, double[] v) {
    double theta = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    double[] k = {r[0] / theta, r[1] / theta, r[2] / theta};
    double kv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
    double[] kxv = {
      k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]
    };
    double[] out = new double[3];
    for (int j = 0; j < 3; j++) {
      out[j] =
          v[j] * Math.cos(theta) + kxv[j] * Math.sin(theta) + k[j] * kv * (1 - Math.cos(theta));
    }
    return out;
  }

  @Test
  void jacobian_onTheIdentityBranchOfTheGlobalRotation() throws IOException {
    double[] theta = randomTheta(new Random(10));
    theta[0] = theta[1] = theta[2] = 0;
    Map<String, Object> input = input(false);
    input.put("theta", theta);
    double[][] j = (double[][]) MODULE.prepare("jacobian", input).run();
    // Below a norm of 1e-4 ADBench uses the identity, so the rotation columns are exactly zero.
    for (double[] row : j) {
      assertEquals(0.0, row[0]);
      assertEquals(0.0, row[1]);
      assertEquals(0.0, row[2]);
    }
    theta[0] = 0.3;
    assertMatchesFiniteDifferences(input, theta, new double[0]);
  }
}
