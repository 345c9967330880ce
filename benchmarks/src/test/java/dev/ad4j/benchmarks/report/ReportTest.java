package dev.ad4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @Test
  void everyRow_namesExistingBenchmarkMethods() {
    for (Row row : Report.ROWS) {
      if (row.benchmark().equals(Report.PEAK_MEMORY)) {
        continue;
      }
      for (String method : row.methods()) {
        String name = row.benchmark() + "." + method;
        boolean exists = !JmhPass.existing(row.benchmark(), Set.of(method)).isEmpty();
        assertTrue(exists, name + " is not a @Benchmark");
      }
    }
  }

  @Test
  void write_putsTheTableAndTheChartInTheFolder(@TempDir Path dir) throws IOException {
    List<RowResult> rows =
        List.of(
            RowResult.of(RowResultTest.P3, RowResultTest.fake()),
            RowResult.of(
                Row.parse("P3 replayed | R | n=1000 | replay / hand | <= 5"),
                RowResultTest.fake()));
    Path folder = dir.resolve("report");
    Report.write(folder, rows, 12.0);
    String md = Files.readString(folder.resolve("report.md"));
    assertTrue(md.contains(MarkdownTable.HEADER));
    assertTrue(md.contains("1 of 1 targets that ran are met"), md);
    assertTrue(md.contains("![ratios](ratios.png)"));
    assertEquals(
        "png",
        javax.imageio.ImageIO.getImageReaders(
                javax.imageio.ImageIO.createImageInputStream(folder.resolve("ratios.png").toFile()))
            .next()
            .getFormatName()
            .toLowerCase(java.util.Locale.ROOT));
  }
}
