package dev.ad4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioChartTest {

  @Test
  void write_producesADecodablePngWithTheBarsAndTheTarget(@TempDir Path dir) throws IOException {
    Results results = RowResultTest.fake();
    List<RowResult> rows =
        List.of(
            RowResult.of(RowResultTest.P3, results),
            RowResult.of(Row.parse("P3 replayed | R | n=1000 | replay / hand | <= 5"), results));
    Path file = dir.resolve("ratios.png");
    RatioChart.write(rows, "test", file);

    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "ImageIO decodes the file");
    assertTrue(image.getWidth() >= 800 && image.getHeight() > 500);
    assertTrue(contains(image, RatioChart.NUMERATOR), "the ad4j bar is drawn");
    assertTrue(contains(image, RatioChart.BESIDE[0]), "the peer bar is drawn");
    assertTrue(contains(image, RatioChart.TARGET), "the target mark is drawn");
  }

  @Test
  void logAxis_spansPowersOfTenAroundEveryValueAndOne() {
    List<RowResult> rows = List.of(RowResult.of(RowResultTest.P3, RowResultTest.fake()));
    RatioChart.LogAxis axis = RatioChart.LogAxis.spanning(rows, 500, 100);
    assertEquals(0, axis.lowExponent());
    assertEquals(4, axis.highExponent(), "the peer's 5000");
    assertEquals(500, axis.y(1));
    assertEquals(100, axis.y(10_000));
    assertEquals(300, axis.y(100));
  }

  private static boolean contains(BufferedImage image, java.awt.Color color) {
    int rgb = color.getRGB();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
