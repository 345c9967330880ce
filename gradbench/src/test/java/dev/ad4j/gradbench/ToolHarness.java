package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the tool through the protocol with in-memory streams and checks the framing every test
 * relies on: one reply line per message, ids in order, every line a JSON object, every successful
 * evaluate with integral non-negative timings, and nothing on System.out.
 */
final class ToolHarness {
  final String log;
  final List<Map<String, Object>> replies = new ArrayList<>();

  private ToolHarness(String log) {
    this.log = log;
  }

  /** Runs these message lines (ids must be distinct) and checks the framing of the replies. */
  static ToolHarness run(String... messages) {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
    try {
      new Protocol(Main.modules(), new PrintStream(err, true, StandardCharsets.UTF_8))
          .run(new BufferedReader(new StringReader(String.join("\n", messages) + "\n")), out);
    } finally {
      System.setOut(savedOut);
    }
    assertEquals("", stray.toString(StandardCharsets.UTF_8), "nothing may reach System.out");
    ToolHarness h = new ToolHarness(err.toString(StandardCharsets.UTF_8));
    String text = out.toString();
    assertTrue(text.isEmpty() || text.endsWith("\n"), "every reply ends its line");
    String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
    assertEquals(messages.length, lines.length - (text.isEmpty() ? 0 : 1), "one line per message");
    for (int i = 0; i < messages.length; i++) {
      Map<String, Object> reply = Fields.object(JsonReader.parse(lines[i]), "reply");
      Map<String, Object> message = Fields.object(JsonReader.parse(messages[i]), "message");
      assertEquals(message.get("id"), reply.get("id"), "reply " + i + " carries the message id");
      checkTimings(reply);
      h.replies.add(reply);
    }
    return h;
  }

  private static void checkTimings(Map<String, Object> reply) {
    if (!Boolean.TRUE.equals(reply.get("success")) || !reply.containsKey("output")) {
      return;
    }
    List<?> timings = (List<?>) reply.get("timings");
    assertTrue(!timings.isEmpty(), "an evaluate reply has timings");
    for (Object t : timings) {
      Map<String, Object> timing = Fields.object(t, "timing");
      assertEquals("evaluate", timing.get("name"));
      double ns = (Double) timing.get("nanoseconds");
      assertTrue(ns >= 0 && ns == Math.rint(ns), "integral nanoseconds: " + ns);
    }
  }

  /** The output of one successful evaluate of module.function at this input JSON. */
  static Object evaluate(String module, String function, String inputJson) {
    ToolHarness h =
        run(
            "{\"id\":0,\"kind\":\"start\",\"eval\":\"" + module + "\",\"config\":{}}",
            "{\"id\":1,\"kind\":\"define\",\"module\":\"" + module + "\"}",
            "{\"id\":2,\"kind\":\"evaluate\",\"module\":\""
                + module
                + "\",\"function\":\""
                + function
                + "\",\"input\":"
                + inputJson
                + ",\"description\":\"test\"}");
    assertEquals(Boolean.TRUE, h.replies.get(1).get("success"), "define " + module);
    Map<String, Object> reply = h.replies.get(2);
    assertEquals(Boolean.TRUE, reply.get("success"), () -> "evaluate failed: " + reply + h.log);
    return reply.get("output");
  }

  /** A double[] as a JSON array. */
  static String json(double[] a) {
    return JsonWriter.write(a);
  }

  /** Central difference of f at x along coordinate i. */
  static double centralDifference(
      java.util.function.ToDoubleFunction<double[]> f, double[] x, int i, double h) {
    double[] plus = x.clone();
    double[] minus = x.clone();
    plus[i] += h;
    minus[i] -= h;
    return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
  }
}
