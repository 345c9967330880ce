package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void everyKindGetsExactlyTheReplyItsSpecSays() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\",\"config\":{\"a\":[1]}}",
            "{\"id\":1,\"kind\":\"define\",\"module\":\"hello\"}",
            "{\"id\":2,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\","
                + "\"input\":3.0,\"description\":\"x\"}",
            "{\"id\":3,\"kind\":\"analysis\",\"of\":2,\"valid\":true}",
            "{\"id\":4,\"kind\":\"something-new\"}",
            "{\"id\":5,\"kind\":\"define\",\"module\":\"nope\"}");
    assertEquals(Map.of("id", 0.0, "tool", "ad4j"), h.replies.get(0));
    assertEquals(Map.of("id", 1.0, "success", true), h.replies.get(1));
    assertEquals(9.0, h.replies.get(2).get("output"));
    assertEquals(1, ((List<?>) h.replies.get(2).get("timings")).size());
    assertEquals(Map.of("id", 3.0), h.replies.get(3));
    assertEquals(Map.of("id", 4.0), h.replies.get(4));
    assertEquals(false, h.replies.get(5).get("success"));
    assertEquals("ad4j has no module 'nope'", h.replies.get(5).get("error"));
  }

  @Test
  void evaluate_runsAtLeastMinRunsAndUntilMinSeconds() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":0,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"gradient\","
                + "\"input\":{\"x\":[1,2],\"min_runs\":5,\"min_seconds\":0}}",
            "{\"id\":1,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\","
                + "\"input\":{\"x\":[1,2],\"min_runs\":1,\"min_seconds\":0.05}}");
    assertEquals(5, ((List<?>) h.replies.get(0).get("timings")).size());
    double total = 0;
    for (Object t : (List<?>) h.replies.get(1).get("timings")) {
      total += (Double) Fields.object(t, "timing").get("nanoseconds");
    }
    assertTrue(total >= 0.05e9, "summed timings reach min_seconds: " + total);
  }

  @Test
  void evaluate_failuresAreSuccessFalseWithTheReasonAndTheRunGoesOn() {
    ToolHarness h =
        ToolHarness.run(
            "{\"id\":10,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"cube\","
                + "\"input\":2}",
            "{\"id\":11,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\","
                + "\"input\":{\"y\":[1]}}",
            "{\"id\":12,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\","
                + "\"input\":1e200}",
            "{\"id\":13,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"double\","
                + "\"input\":2}");
    assertEquals(
        Map.of(
            "id",
            10.0,
            "success",
            false,
            "error",
            "UnknownFunctionException: module 'hello' has no function 'cube'"),
        h.replies.get(10 - 10));
    assertEquals("JsonException: missing field 'x'", h.replies.get(1).get("error"));
    assertEquals(
        "NonFiniteOutputException: output is Infinity, which JSON cannot carry",
        h.replies.get(2).get("error"));
    assertEquals(4.0, h.replies.get(3).get("output"));
    assertTrue(h.log.contains("evaluate 12 failed"), h.log);
  }

  @Test
  void blankLinesAreSkippedAndEndOfInputEndsTheRun() {
    ToolHarness h = ToolHarness.run("{\"id\":0,\"kind\":\"analysis\"}");
    assertEquals(1, h.replies.size());
    assertEquals(0, ToolHarness.run().replies.size());
  }

  @Test
  void aLineWithoutAnIdCannotBeAnsweredAndStopsTheRun() {
    Protocol p = new Protocol(Main.modules(), System.err);
    assertThrows(JsonException.class, () -> p.reply("{\"kind\":\"start\"}"));
    assertThrows(JsonException.class, () -> p.reply("{\"id\":0,"));
  }
}
