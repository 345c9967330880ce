package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LSTM against ADBench's golden values for {@code data/lstm/lstm_l2_c1024.txt} (l = 2, c = 1024, b
 * = 14), with ADBench's criterion |x − y| / max(1, |x| + |y|) &lt; 1e-8, through the protocol.
 */
class LstmModuleTest {
  private static final Path ADBENCH = Path.of("src", "test", "resources", "adbench");

  /** The instance as GradBench input JSON: header "l c b", then main, extra, state, sequence. */
  private static String inputJson() throws IOException {
    double[] v =
        Arrays.stream(
                Files.readString(ADBENCH.resolve("data/lstm/lstm_l2_c1024.txt"))
                    .trim()
                    .split("\\s+"))
            .mapToDouble(Double::parseDouble)
            .toArray();
    int l = (int) v[0];
    int c = (int) v[1];
    int b = (int) v[2];
    int at = 3;
    StringBuilder json = new StringBuilder("{");
    at = rows(json, "main_params", v, at, 2 * l, 4 * b);
    at = rows(json.append(','), "extra_params", v, at, 3, b);
    at = rows(json.append(','), "state", v, at, 2 * l, b);
    at = rows(json.append(','), "sequence", v, at, c, b);
    assertEquals(v.length, at, "the whole file is read");
    return json.append('}').toString();
  }

  private static int rows(StringBuilder json, String name, double[] v, int at, int rows, int cols) {
    json.append('"').append(name).append("\":[");
    for (int i = 0; i < rows; i++) {
      json.append(i == 0 ? "[" : ",[");
      for (int j = 0; j < cols; j++) {
        json.append(j == 0 ? "" : ",").append(v[at++]);
      }
      json.append(']');
    }
    json.append(']');
    return at;
  }

  private static Map<String, Object> golden() throws IOException {
    return Fields.object(
        JsonReader.parse(Files.readString(ADBENCH.resolve("golden/lstm_l2_c1024_golden.json"))),
        "golden");
  }

  private static void assertClose(double expected, double actual, String what) {
    double criterion =
        Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual));
    assertTrue(criterion < 1e-8, what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void objective_matchesTheFullPrecisionGoldenValue() throws IOException {
    double loss = (Double) ToolHarness.evaluate("lstm", "objective", inputJson());
    assertClose(0.6666651795588522, loss, "objective");
    assertEquals((Double) golden().get("objective"), loss, 5e-9, "the 8-digit golden objective");
  }

  @Test
  void jacobian_matchesEveryGoldenGradientEntry() throws IOException {
    double[] gradient = (double[]) ToolHarness.evaluate("lstm", "jacobian", inputJson());
    double[] expected = (double[]) golden().get("gradient");
    assertEquals(expected.length, gradient.length);
    for (int k = 0; k < expected.length; k++) {
      assertClose(expected[k], gradient[k], "gradient[" + k + "]");
    }
  }
}
