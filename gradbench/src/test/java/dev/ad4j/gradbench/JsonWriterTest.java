package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void write_writesNestedValuesOnOneLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", 7L);
    m.put("s", "a\"b\\\n\u0001");
    m.put("v", new double[] {1, -0.5});
    m.put("m", new double[][] {{1}, {2}});
    m.put("l", List.of(true, 3.0));
    assertEquals(
        "{\"id\":7,\"s\":\"a\\\"b\\\\\\n\\u0001\",\"v\":[1.0,-0.5],\"m\":[[1.0],[2.0]],"
            + "\"l\":[true,3.0]}",
        JsonWriter.write(m));
  }

  @Test
  void write_refusesNonFiniteNumbersNamingWhere() {
    NonFiniteOutputException e =
        assertThrows(
            NonFiniteOutputException.class,
            () -> JsonWriter.write(Map.of("q", new double[][] {{1}, {0, Double.NaN}})));
    assertEquals("output.q[1][1] is NaN, which JSON cannot carry", e.getMessage());
    assertThrows(NonFiniteOutputException.class, () -> JsonWriter.write(Double.NEGATIVE_INFINITY));
  }
}
