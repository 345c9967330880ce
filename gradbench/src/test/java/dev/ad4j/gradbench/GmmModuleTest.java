package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Special;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GMM against ADBench's golden values for {@code data/gmm/test.txt} (d = 2, k = 3, n = 1) with
 * ADBench's prior sign, and through the protocol with GradBench's.
 */
class GmmModuleTest {
  /** A copy of the instance and its golden values (see the README beside them). */
  private static final Path ADBENCH = Path.of("src", "test", "resources", "adbench");

  /** test.txt: d k n; k alphas; k means; k icf rows (q then l); n points; gamma m. */
  private record Instance(int d, int k, int n, double[] theta, double[] x, double gamma, int m) {
    GmmObjective objective() {
      return new GmmObjective(d, k, n, x, gamma, m);
    }
  }

  private static Instance readTestInstance() throws IOException {
    double[] t =
        Arrays.stream(Files.readString(ADBENCH.resolve("data/gmm/test.txt")).trim().split("\\s+"))
            .mapToDouble(Double::parseDouble)
            .toArray();
    int d = (int) t[0];
    int k = (int) t[1];
    int n = (int) t[2];
    int lengthL = d * (d - 1) / 2;
    double[] theta = new double[k + 2 * k * d + k * lengthL];
    int at = 3;
    System.arraycopy(t, at, theta, 0, k + k * d); // alphas and means
    at += k + k * d;
    for (int j = 0; j < k; j++, at += d + lengthL) {
      System.arraycopy(t, at, theta, k + k * d + j * d, d);
      System.arraycopy(t, at + d, theta, k + 2 * k * d + j * lengthL, lengthL);
    }
    double[] x = Arrays.copyOfRange(t, at, at + n * d);
    return new Instance(d, k, n, theta, x, t[at + n * d], (int) t[at + n * d + 1]);
  }

  private static Map<String, Object> golden() throws IOException {
    return Fields.object(
        JsonReader.parse(Files.readString(ADBENCH.resolve("golden/gmm_test_golden.json"))), "g");
  }

  /** ADBench's criterion: |x − y| / max(1, |x| + |y|) < 1e-8. */
  private static void assertClose(double expected, double actual, String what) {
    double error = Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual));
    assertTrue(error < 1e-8, what + ": expected " + expected + " but was " + actual);
  }

  @Test
  void adbenchSign_matchesTheGoldenObjectiveAndGradient() throws IOException {
    Instance in = readTestInstance();
    GmmObjective f = in.objective();
    Map<String, Object> golden = golden();
    assertClose(
        (Double) golden.get("objective"),
        f.apply(Vec.constant(in.theta()), GmmObjective.ADBENCH_PRIOR).value(),
        "objective");
    double[] g = Autodiff.gradient(t -> f.apply(t, GmmObjective.ADBENCH_PRIOR), in.theta());
    double[] expected = toGradientOrder(in, (double[]) golden.get("gradient"));
    for (int i = 0; i < g.length; i++) {
      assertClose(expected[i], g[i], "gradient " + i);
    }
  }

  /** Golden icf is per component [q, l]; θ holds all q, then all l. */
  private static double[] toGradientOrder(Instance in, double[] golden) {
    int k = in.k();
    int d = in.d();
    int lengthL = d * (d - 1) / 2;
    double[] out = Arrays.copyOf(golden, golden.length);
    for (int j = 0; j < k; j++) {
      int from = k + k * d + j * (d + lengthL);
      System.arraycopy(golden, from, out, k + k * d + j * d, d);
      System.arraycopy(golden, from + d, out, k + 2 * k * d + j * lengthL, lengthL);
    }
    return out;
  }

  @Test
  void protocol_objectiveIsGoldenWithThePriorNegatedAndJacobianIsSplitByParameter()
      throws IOException {
    Instance in = readTestInstance();
    String input = inputJson(in);
    double prior = adbenchPrior(in);
    double objective = (Double) ToolHarness.evaluate("gmm", "objective", input);
    assertClose((Double) golden().get("objective") - 2 * prior, objective, "objective");

    Map<String, Object> jacobian =
        Fields.object(ToolHarness.evaluate("gmm", "jacobian", input), "j");
    assertEquals(List.of("alpha", "mu", "q", "l"), List.copyOf(jacobian.keySet()));
    double[] flat = new double[in.theta().length];
    int at = 0;
    for (String name : jacobian.keySet()) {
      Object value = jacobian.get(name);
      List<?> rows = value instanceof double[] a ? List.of(a) : (List<?>) value;
      for (Object row : rows) {
        double[] r = (double[]) row;
        System.arraycopy(r, 0, flat, at, r.length);
        at += r.length;
      }
    }
    assertEquals(flat.length, at);
    GmmObjective f = in.objective();
    for (int i = 0; i < flat.length; i++) {
      double fd =
          ToolHarness.centralDifference(
              v -> f.apply(Vec.constant(v), GmmObjective.GRADBENCH_PRIOR).value(),
              in.theta(),
              i,
              1e-6);
      assertEquals(fd, flat[i], 1e-7, "parameter " + i);
    }
  }

  /**
   * ADBench's prior term P in plain doubles, written from its formula independently of the tool.
   */
  private static double adbenchPrior(Instance in) {
    int d = in.d();
    int k = in.k();
    int lengthL = d * (d - 1) / 2;
    double[] th = in.theta();
    double out = 0;
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < d; c++) {
        double q = th[k + k * d + j * d + c];
        out += 0.5 * in.gamma() * in.gamma() * Math.exp(2 * q) - in.m() * q;
      }
      for (int c = 0; c < lengthL; c++) {
        double l = th[k + 2 * k * d + j * lengthL + c];
        out += 0.5 * in.gamma() * in.gamma() * l * l;
      }
    }
    int big = d + in.m() + 1;
    double logGammaD = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      logGammaD += Special.lgamma(Scalar.constant(0.5 * big + 0.5 * (1 - j))).value();
    }
    double c = big * d * (Math.log(in.gamma()) - 0.5 * Math.log(2)) - logGammaD;
    return out - k * c;
  }

  private static String inputJson(Instance in) {
    int d = in.d();
    int k = in.k();
    int lengthL = d * (d - 1) / 2;
    double[] th = in.theta();
    return "{\"d\":"
        + d
        + ",\"k\":"
        + k
        + ",\"n\":"
        + in.n()
        + ",\"x\":"
        + JsonWriter.write(Fields.rows(in.x(), 0, in.n(), d))
        + ",\"m\":"
        + in.m()
        + ",\"gamma\":"
        + in.gamma()
        + ",\"alpha\":"
        + JsonWriter.write(Arrays.copyOf(th, k))
        + ",\"mu\":"
        + JsonWriter.write(Fields.rows(th, k, k, d))
        + ",\"q\":"
        + JsonWriter.write(Fields.rows(th, k + k * d, k, d))
        + ",\"l\":"
        + JsonWriter.write(Fields.rows(th, k + 2 * k * d, k, lengthL))
        + "}";
  }

  @Test
  void objective_withOneDimensionHasEmptyLRows() {
    String input =
        "{\"d\":1,\"k\":2,\"n\":3,\"x\":[[0.5],[-1],[2]],\"m\":0,\"gamma\":1,"
            + "\"alpha\":[0.1,-0.2],\"mu\":[[0],[1]],\"q\":[[0.3],[-0.1]],\"l\":[[],[]]}";
    Map<String, Object> j = Fields.object(ToolHarness.evaluate("gmm", "jacobian", input), "j");
    assertEquals(2, ((List<?>) j.get("l")).size());
    assertEquals(List.of(), ((List<?>) j.get("l")).get(0), "an empty row (parsed back as a list)");
  }
}
