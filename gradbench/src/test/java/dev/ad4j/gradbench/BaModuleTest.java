package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BA through the protocol against ADBench's golden values for {@code data/ba/test.txt} (n = 2, m =
 * 10, p = 10), with ADBench's criterion |x − y| / max(1, |x| + |y|) &lt; 1e-8, and GradBench's
 * truncated Jacobian layout.
 */
class BaModuleTest {
  private static final Path ADBENCH = Path.of("src", "test", "resources", "adbench");

  /** test.txt: "n m p", then the camera (11), the point (3), the weight, the feature (2). */
  private static double[] testFile() throws IOException {
    return Arrays.stream(Files.readString(ADBENCH.resolve("data/ba/test.txt")).trim().split("\\s+"))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  /** The instance as GradBench's eval sends it. */
  private static String inputJson() throws IOException {
    double[] t = testFile();
    return "{\"n\":"
        + (int) t[0]
        + ",\"m\":"
        + (int) t[1]
        + ",\"p\":"
        + (int) t[2]
        + ",\"cam\":"
        + JsonWriter.write(Arrays.copyOfRange(t, 3, 14))
        + ",\"x\":"
        + JsonWriter.write(Arrays.copyOfRange(t, 14, 17))
        + ",\"w\":"
        + t[17]
        + ",\"feat\":"
        + JsonWriter.write(Arrays.copyOfRange(t, 18, 20))
        + "}";
  }

  static BaObjective testObjective() throws IOException {
    double[] t = testFile();
    return new BaObjective(
        (int) t[0],
        (int) t[1],
        (int) t[2],
        Arrays.copyOfRange(t, 3, 14),
        Arrays.copyOfRange(t, 14, 17),
        t[17],
        Arrays.copyOfRange(t, 18, 20));
  }

  private static Map<String, Object> golden() throws IOException {
    return Fields.object(
        JsonReader.parse(Files.readString(ADBENCH.resolve("golden/ba_test_golden.json"))), "g");
  }

  static void assertClose(double expected, double actual, String what) {
    double criterion =
        Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual));
    assertTrue(criterion < 1e-8, what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void objective_matchesGoldenValuesAndCountsEveryObservation() throws IOException {
    Map<String, Object> out =
        Fields.object(ToolHarness.evaluate("ba", "objective", inputJson()), "output");
    Map<String, Object> reproj = Fields.object(out.get("reproj_error"), "reproj_error");
    Map<String, Object> weight = Fields.object(out.get("w_err"), "w_err");
    double[] expected = Fields.numbers(golden(), "reproj_err_every_observation");
    double[] elements = Fields.numbers(reproj, "elements");
    assertEquals(2, elements.length);
    assertClose(expected[0], elements[0], "reproj_error[0]");
    assertClose(expected[1], elements[1], "reproj_error[1]");
    assertEquals(10.0, reproj.get("repeated"));
    assertClose(
        Fields.number(golden(), "w_err_every_observation"),
        Fields.number(weight, "element"),
        "w_err");
    assertEquals(10.0, weight.get("repeated"));
  }

  @Test
  void objective_fillsEveryObservation() throws IOException {
    BaObjective f = testObjective();
    double[] reproj = new double[20];
    double[] weight = new double[10];
    f.objective(reproj, weight);
    double[] expected = Fields.numbers(golden(), "reproj_err_every_observation");
    for (int i = 0; i < 10; i++) {
      assertClose(expected[0], reproj[2 * i], "observation " + i + " x");
      assertClose(expected[1], reproj[2 * i + 1], "observation " + i + " y");
      assertClose(0.826092651516, weight[i], "observation " + i + " weight");
    }
  }

  @Test
  void jacobian_matchesAllGoldenEntriesInAdbenchLayout() throws IOException {
    BaObjective.SparseJacobian j = testObjective().jacobian();
    Map<String, Object> golden = golden();
    assertEquals(Fields.integer(golden, "J_nrows"), j.nrows());
    assertEquals(Fields.integer(golden, "J_ncols"), j.ncols());
    assertEquals(Fields.integer(golden, "J_rows_size"), j.rows().length);
    double[] expected = Fields.numbers(golden, "J_vals");
    assertEquals(expected.length, j.vals().length);
    for (int k = 0; k < expected.length; k++) {
      assertClose(expected[k], j.vals()[k], "vals[" + k + "]");
    }
    assertArrayEquals(expectedRows(10), j.rows());
    assertArrayEquals(expectedCols(2, 10, 10), j.cols());
  }

  @Test
  void jacobian_sendsTheFirstThirtyAndTheLastEntryOfEachArray() throws IOException {
    Map<String, Object> out =
        Fields.object(ToolHarness.evaluate("ba", "jacobian", inputJson()), "output");
    double[] expectedVals = Fields.numbers(golden(), "J_vals");
    double[] vals = Fields.numbers(out, "vals");
    assertEquals(31, vals.length);
    for (int k = 0; k < 30; k++) {
      assertClose(expectedVals[k], vals[k], "vals[" + k + "]");
    }
    assertClose(-2 * 0.417022, vals[30], "the last value, −2w");
    assertArrayEquals(truncated(expectedRows(10)), Fields.numbers(out, "rows"));
    assertArrayEquals(truncated(expectedCols(2, 10, 10)), Fields.numbers(out, "cols"));
    assertEquals(61.0, Fields.numbers(out, "cols")[30], "the last column, 11n + 3m + p − 1");
    assertEquals(310.0, Fields.numbers(out, "rows")[30], "the last row pointer, 31p");
  }

  @Test
  void jacobian_writesRowPointersAndColumnsAsJsonIntegers() throws IOException {
    Object output = new BaModule().prepare("jacobian", JsonReader.parse(inputJson())).run();
    String json = JsonWriter.write(output);
    assertTrue(json.startsWith("{\"rows\":[0,15,30,"), json);
    assertTrue(json.contains("],\"cols\":[0,1,2,3,4,5,6,7,8,9,10,22,23,24,52,0,"), json);
    assertTrue(json.contains(",61],\"vals\":["), json);
  }

  @Test
  void jacobian_sendsEveryRowPointerWhenThereAreFewerThanThirtyOne() {
    String input =
        "{\"n\":1,\"m\":1,\"p\":1,\"cam\":[1.7,0.5,-0.6,90,29,28,211,-0.2,-14,0.05,0.07],"
            + "\"x\":[4,5,1],\"w\":0.4,\"feat\":[-525,161]}";
    Map<String, Object> out =
        Fields.object(ToolHarness.evaluate("ba", "jacobian", input), "output");
    assertArrayEquals(new double[] {0, 15, 30, 31}, Fields.numbers(out, "rows"));
    assertEquals(31, Fields.numbers(out, "cols").length, "all 31 entries of one observation");
    assertEquals(14.0, Fields.numbers(out, "cols")[30], "the weight column 11 + 3");
    assertEquals(-0.8, Fields.numbers(out, "vals")[30], 1e-15, "−2w");
  }

  @Test
  void badInput_isAnsweredWithAnErrorNamingTheField() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":1,\"kind\":\"evaluate\",\"module\":\"ba\",\"function\":\"objective\",\"input\":"
                + "{\"n\":1,\"m\":1,\"p\":1,\"cam\":[1,2],\"x\":[1,2,3],\"w\":1,\"feat\":[1,2]}}");
    Map<String, Object> reply = h.replies.get(0);
    assertEquals(Boolean.FALSE, reply.get("success"));
    assertTrue(reply.get("error").toString().contains("cam must have length 11"), reply::toString);
  }

  /** 0, 15, …, 30p, then 30p + 1, …, 31p. */
  static int[] expectedRows(int p) {
    int[] rows = new int[3 * p + 1];
    for (int r = 1; r <= 3 * p; r++) {
      rows[r] = r <= 2 * p ? 15 * r : 30 * p + (r - 2 * p);
    }
    return rows;
  }

  /**
   * Per observation i, twice [11 camera columns, 3 point columns, weight column]; then p weights.
   */
  static int[] expectedCols(int n, int m, int p) {
    int[] cols = new int[31 * p];
    int at = 0;
    for (int i = 0; i < p; i++) {
      for (int row = 0; row < 2; row++) {
        for (int k = 0; k < 11; k++) {
          cols[at++] = 11 * (i % n) + k;
        }
        for (int k = 0; k < 3; k++) {
          cols[at++] = 11 * n + 3 * (i % m) + k;
        }
        cols[at++] = 11 * n + 3 * m + i;
      }
    }
    for (int i = 0; i < p; i++) {
      cols[at++] = 11 * n + 3 * m + i;
    }
    return cols;
  }

  private static double[] truncated(int[] a) {
    double[] out = new double[31];
    for (int k = 0; k < 30; k++) {
      out[k] = a[k];
    }
    out[30] = a[a.length - 1];
    return out;
  }
}
