package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  @Test
  void parse_readsEveryKindOfValue() {
    Map<String, Object> m =
        Fields.object(
            JsonReader.parse(
                " {\"a\": 1, \"b\": [true, false, null], \"c\": \"x\\\"y\\u0041\\n\", \"d\": {}} "),
            "m");
    assertEquals(1.0, m.get("a"));
    assertEquals(java.util.Arrays.asList(true, false, null), m.get("b"));
    assertEquals("x\"yA\n", m.get("c"));
    assertEquals(Map.of(), m.get("d"));
    assertNull(JsonReader.parse("null"));
  }

  @Test
  void parse_numberArraysAreUnboxedAndNestedArraysAreListsOfThem() {
    assertArrayEquals(
        new double[] {0, -1.5, 2e3, 1.25E-2, -0.0},
        (double[]) JsonReader.parse("[0,-1.5,2e3,1.25E-2,-0.0]"));
    List<?> rows = (List<?>) JsonReader.parse("[[1,2],[3, 4]]");
    assertArrayEquals(new double[] {3, 4}, (double[]) rows.get(1));
    assertInstanceOf(List.class, JsonReader.parse("[]"));
    assertEquals(List.of(1.0, "a"), JsonReader.parse("[1,\"a\"]"));
  }

  @Test
  void parse_doublesRoundTripExactly() {
    double[] x = {Math.PI, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.1 + 0.2};
    assertArrayEquals(x, (double[]) JsonReader.parse(JsonWriter.write(x)));
  }

  @Test
  void parse_rejectsMalformedInputWithThePosition() {
    for (String bad :
        new String[] {
          "", "[1,", "{\"a\" 1}", "01", "1.", "-", "1e", "[1] x", "tru", "\"abc", "NaN"
        }) {
      assertThrows(JsonException.class, () -> JsonReader.parse(bad), bad);
    }
    JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("[1, 2, }"));
    assertEquals("JSON: unexpected character '}' at character 7", e.getMessage());
  }

  @Test
  void parse_handlesALineOfTensOfMegabytes() {
    int n = 2_000_000;
    StringBuilder sb = new StringBuilder("{\"x\":[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append(i).append(".123456789012345");
    }
    sb.append("]}");
    double[] x = Fields.numbers(Fields.object(JsonReader.parse(sb.toString()), "m"), "x");
    assertEquals(n, x.length);
    assertEquals(1_999_999.123456789012345, x[n - 1]);
  }
}
