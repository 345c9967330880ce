package dev.ad4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

  @Test
  void render_writesOneLinePerRowWithRatioTargetBesideAndScores() {
    Results results = RowResultTest.fake();
    String table =
        MarkdownTable.render(
            List.of(
                RowResult.of(RowResultTest.P3, results),
                RowResult.of(Row.parse("P3 | R | n=1000 | ds / ad4j | >= 300"), results),
                RowResult.of(
                    Row.parse("P3 replayed | R | n=1000 | replay / hand | <= 5"), results)));
    String[] lines = table.split("\n");
    assertEquals(5, lines.length);
    assertEquals(MarkdownTable.HEADER, lines[0]);
    assertEquals(
        "| P3 | n=1000 | **20** | `ad4j` ÷ `hand` | ≤ 25 | yes | ds 5000; sg not run | 200 ns/op"
            + " | 10 ns/op | 4100 B |",
        lines[2]);
    assertEquals(
        "| P3 | n=1000 | **250** | `ds` ÷ `ad4j` | ≥ 300 | **no** | – | 50000 ns/op | 200 ns/op"
            + " | 1000000 B |",
        lines[3]);
    assertEquals(
        "| P3 replayed | n=1000 | not run | `replay` ÷ `hand` | ≤ 5 | not run | – | not run |"
            + " 10 ns/op | – |",
        lines[4]);
  }

  @Test
  void numbers_haveThreeSignificantDigits() {
    assertEquals("1.3", Numbers.format(1.3));
    assertEquals("0.0123", Numbers.format(0.012345));
    assertEquals("123000", Numbers.format(123456));
    assertEquals("–", Numbers.format(Double.NaN));
  }
}
