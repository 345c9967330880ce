package dev.ad4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

  @Test
  void parse_readsEveryCell() {
    Row row =
        Row.parse(
            "P3 Rosenbrock | RosenbrockBenchmark | n=1000 | ad4jGradient / handGradient | <= 25"
                + " | derivativeStructureGradient, sparseGradientGradient");
    assertEquals("P3 Rosenbrock", row.problem());
    assertEquals("RosenbrockBenchmark", row.benchmark());
    assertEquals("n=1000", row.params());
    assertEquals("ad4jGradient", row.numerator());
    assertEquals("handGradient", row.denominator());
    assertEquals(Target.atMost(25), row.target());
    assertEquals(List.of("derivativeStructureGradient", "sparseGradientGradient"), row.beside());
  }

  @Test
  void parse_sortsParametersAndReadsNoneAndAtLeast() {
    Row row = Row.parse("x | B | p=A, n=10 | a / b | >= 300");
    assertEquals("n=10,p=A", row.params());
    assertEquals(Map.of("n", "10", "p", "A"), row.paramMap());
    assertEquals(Target.atLeast(300), row.target());
    assertTrue(row.beside().isEmpty());
    assertEquals("", Row.parse("x | B | - | a / b | -").params());
    assertTrue(Row.parse("x | B | - | a / b | -").target().isNone());
  }

  @Test
  void parse_namesTheBadPart() {
    IllegalArgumentException cells =
        assertThrows(IllegalArgumentException.class, () -> Row.parse("x | B | a / b"));
    assertTrue(cells.getMessage().contains("has 3 cells"), cells.getMessage());
    IllegalArgumentException ratio =
        assertThrows(IllegalArgumentException.class, () -> Row.parse("x | B | n=1 | a | -"));
    assertTrue(ratio.getMessage().contains("'a' is not numerator / denominator"));
    IllegalArgumentException target =
        assertThrows(IllegalArgumentException.class, () -> Row.parse("x | B | n=1 | a / b | < 3"));
    assertTrue(target.getMessage().contains("target '< 3'"), target.getMessage());
    IllegalArgumentException param =
        assertThrows(IllegalArgumentException.class, () -> Row.parse("x | B | n | a / b | -"));
    assertTrue(param.getMessage().contains("'n' is not name=value"), param.getMessage());
  }

  @Test
  void target_metBy_respectsItsDirection() {
    assertTrue(Target.atMost(1.3).metBy(1.3));
    assertTrue(!Target.atMost(1.3).metBy(1.31));
    assertTrue(Target.atLeast(300).metBy(301));
    assertTrue(!Target.atLeast(300).metBy(299));
    assertTrue(Target.NONE.metBy(1e9));
    assertEquals("≤ 1.3", Target.atMost(1.3).toString());
    assertEquals("≥ 300", Target.atLeast(300).toString());
  }
}
