package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalar LSTM against ADBench's golden values for {@code data/lstm/lstm_l2_c1024.txt} (l = 2, c
 * = 1024, b = 14), with ADBench's criterion |x − y| / max(1, |x| + |y|) &lt; 1e-8: its value, its
 * gradient under {@link Autodiff#gradient}, and its gradient replayed by a {@link Recording} made
 * at another point.
 */
class LstmScalarObjectiveTest {
  private static final Path ADBENCH = Path.of("src", "test", "resources", "adbench");

  private static LstmScalarObjective f;
  private static double[] params;
  private static double[] golden;

  @BeforeAll
  static void readTheInstance() throws IOException {
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
    params = Arrays.copyOfRange(v, at, at + 8 * l * b + 3 * b);
    at += params.length;
    double[][] state = rows(v, at, 2 * l, b);
    at += 2 * l * b;
    double[][] sequence = rows(v, at, c, b);
    assertEquals(v.length, at + c * b, "the whole file is read");
    f = new LstmScalarObjective(l, b, state, sequence);
    golden =
        (double[])
            Fields.object(
                    JsonReader.parse(
                        Files.readString(ADBENCH.resolve("golden/lstm_l2_c1024_golden.json"))),
                    "golden")
                .get("gradient");
  }

  private static double[][] rows(double[] v, int at, int rows, int cols) {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = Arrays.copyOfRange(v, at + i * cols, at + (i + 1) * cols);
    }
    return out;
  }

  private static void assertClose(double expected, double actual, String what) {
    double criterion =
        Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual));
    assertTrue(criterion < 1e-8, what + ": expected " + expected + ", got " + actual);
  }

  private static void assertGolden(double[] gradient) {
    assertEquals(golden.length, gradient.length);
    for (int k = 0; k < golden.length; k++) {
      assertClose(golden[k], gradient[k], "gradient[" + k + "]");
    }
  }

  @Test
  void loss_matchesTheFullPrecisionGoldenValue() {
    assertEquals(params.length, f.size());
    // ADBench's golden file gives 8 digits; this value is from an independent re-implementation.
    assertClose(0.6666651795588522, f.loss(Vec.constant(params)).value(), "objective");
  }

  @Test
  void gradient_matchesEveryGoldenEntry() {
    assertGolden(Autodiff.gradient(f::loss, params));
  }

  @Test
  void recordingMadeElsewhere_replaysTheGoldenValueAndGradient() {
    double[] elsewhere = params.clone();
    for (int k = 0; k < elsewhere.length; k++) {
      elsewhere[k] += 0.25 * Math.sin(k);
    }
    Recording recording = Autodiff.record(f::loss, elsewhere);
    double[] g = new double[params.length];
    double value = recording.valueAndGradient(params, g);
    assertClose(0.6666651795588522, value, "replayed objective");
    assertGolden(g);
    assertArrayEquals(Autodiff.gradient(f::loss, params), g, 0.0, "bit for bit");
    assertEquals(1, recording.recordings(), "no branch, so never recorded again");
  }

  @Test
  void loss_refusesParametersOfTheWrongLength() {
    assertThrows(
        IllegalArgumentException.class, () -> f.loss(Vec.constant(new double[f.size() - 1])));
  }
}
