package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetModuleTest {
  @Test
  void primal_matchesSmallCasesByHand() {
    assertEquals(-2.0, ToolHarness.evaluate("det", "primal", "{\"A\":[1,2,3,4],\"ell\":2}"));
    // 3x3 by the rule of Sarrus: 2(5·9−6·8) − 1(4·9−6·7) + 3(4·8−5·7) = -6 + 6 - 9.
    assertEquals(
        -9.0, ToolHarness.evaluate("det", "primal", "{\"A\":[2,1,3,4,5,6,7,8,9],\"ell\":3}"));
    assertEquals(7.0, ToolHarness.evaluate("det", "primal", "{\"A\":[7],\"ell\":1}"));
  }

  @Test
  void primal_ofAPermutationMatrixIsItsSign() {
    // The cycle (0 1 2 3) is odd: det = -1. Checks the alternating signs down the recursion.
    double[] p = new double[16];
    for (int i = 0; i < 4; i++) {
      p[i * 4 + (i + 1) % 4] = 1;
    }
    assertEquals(-1.0, DetModule.det(Vec.constant(p), 4).value());
  }

  @Test
  void gradient_isTheCofactorMatrix() {
    // ∂det/∂A = cofactors: for [[a,b],[c,d]] it is [[d,-c],[-b,a]].
    assertArrayEquals(
        new double[] {4, -3, -2, 1},
        (double[]) ToolHarness.evaluate("det", "gradient", "{\"A\":[1,2,3,4],\"ell\":2}"));
  }

  @Test
  void gradient_matchesCentralDifferences() {
    int ell = 5;
    double[] a = new double[ell * ell];
    java.util.Random random = new java.util.Random(6);
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextGaussian();
    }
    double[] g =
        (double[])
            ToolHarness.evaluate(
                "det", "gradient", "{\"A\":" + ToolHarness.json(a) + ",\"ell\":" + ell + "}");
    for (int i = 0; i < a.length; i++) {
      double fd =
          ToolHarness.centralDifference(
              v -> DetModule.det(Vec.constant(v), ell).value(), a, i, 1e-5);
      assertEquals(fd, g[i], 1e-8, "entry " + i);
    }
  }

  @Test
  void evaluate_refusesAnAOfTheWrongLength() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":0,\"kind\":\"evaluate\",\"module\":\"det\",\"function\":\"primal\","
                + "\"input\":{\"A\":[1,2,3],\"ell\":2}}");
    Map<String, Object> reply = h.replies.get(0);
    assertEquals(false, reply.get("success"));
  }
}
