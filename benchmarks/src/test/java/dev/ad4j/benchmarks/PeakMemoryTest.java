package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.api.SparseMatrix;
import dev.ad4j.benchmarks.PeakMemory.Needed;
import dev.ad4j.benchmarks.PeakMemory.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search for the needed heap, against fake programs with a known threshold. */
class PeakMemoryTest {

  @Test
  void search_findsTheThresholdExactlyWhenProbesSuffice() {
    List<Integer> tried = new ArrayList<>();
    Needed needed =
        PeakMemory.search(
            Program.HAND,
            20,
            mib -> {
              tried.add(mib);
              return mib >= 100;
            });
    assertEquals(100, needed.mebibytes());
    assertEquals(99, needed.lowestFailingMebibytes());
    assertEquals(List.of(32, 64, 128), tried.subList(0, 3), "doubling first");
    assertEquals(tried.size(), needed.probes());
  }

  @Test
  void search_withFewProbes_returnsAPassingUpperBound() {
    Needed needed = PeakMemory.search(Program.AD4J, 5, mib -> mib >= 100);
    // 32 x, 64 x, 128 ok, 96 x, 112 ok: the interval (96, 112].
    assertEquals(112, needed.mebibytes());
    assertEquals(96, needed.lowestFailingMebibytes());
    assertEquals(5, needed.probes());
  }

  @Test
  void search_whenNothingPasses_saysToRaiseTheProbes() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> PeakMemory.search(Program.HAND, 3, mib -> false));
    assertEquals("HAND failed at every heap up to 128 MiB; raise the probe count", e.getMessage());
  }

  @Test
  void compactPattern_isTheBenchmarksPatternAndLeavesTheStreamInTheSameState() {
    Random a = new Random(7);
    Random b = new Random(7);
    SparseMatrix expected = SparseQuadraticFormBenchmark.randomPattern(500, 10, a);
    SparseMatrix actual = PeakMemory.compactPattern(500, 10, new Random(7), b);
    assertArrayEquals(expected.rowPointers(), actual.rowPointers());
    assertArrayEquals(expected.columnIndices(), actual.columnIndices());
    assertEquals(a.nextLong(), b.nextLong());
  }

  @Test
  void bothPrograms_computeTheSameGradient() {
    assertEquals(
        PeakMemory.gradients(Program.HAND, 1000), PeakMemory.gradients(Program.AD4J, 1000), 1e-9);
  }

  @Test
  void ratio_isAd4jOverHand() {
    var c =
        new PeakMemory.Comparison(
            10, new Needed(Program.HAND, 100, 99, 8), new Needed(Program.AD4J, 130, 129, 8));
    assertEquals(1.3, c.ratio(), 1e-12);
  }
}
