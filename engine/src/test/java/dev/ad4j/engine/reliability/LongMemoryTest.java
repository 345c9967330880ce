package dev.ad4j.engine.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.engine.Autodiff;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A million consecutive gradients in one JVM do not grow the heap: tapes are garbage once a call
 * returns. Used heap is sampled after a full GC every 100,000 evaluations (after a warm-up), and
 * the last sample may exceed the first by at most 2 MiB. Run with {@code mvn -Plong}.
 */
@Tag("long")
@EnabledIfSystemProperty(named = "ad4j.long", matches = "true")
class LongMemoryTest {
  private static final int EVALUATIONS = 1_000_000;
  private static final int SAMPLE_EVERY = 100_000;
  private static final long MARGIN = 2L << 20;

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    long best = Long.MAX_VALUE;
    for (int k = 0; k < 3; k++) {
      System.gc();
      best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  @Test
  void aMillionGradientsInOneJvm_doNotGrowTheHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    double[][] xs = Workloads.inputs(0, 100);
    double sink = 0;
    for (int k = 0; k < 20_000; k++) { // warm-up: JIT, class loading
      sink += Autodiff.gradient(Workloads::rosenbrockPlusMask, xs[k % xs.length])[0];
    }
    List<Long> samples = new ArrayList<>();
    samples.add(usedHeapAfterGc(memory));
    for (int k = 1; k <= EVALUATIONS; k++) {
      sink += Autodiff.gradient(Workloads::rosenbrockPlusMask, xs[k % xs.length])[0];
      if (k % SAMPLE_EVERY == 0) {
        samples.add(usedHeapAfterGc(memory));
      }
    }
    long first = samples.get(0);
    long last = samples.get(samples.size() - 1);
    assertTrue(Double.isFinite(sink), "gradients must be finite");
    assertTrue(
        last <= first + MARGIN,
        "used heap after GC grew from " + first + " to " + last + " bytes; samples " + samples);
  }
}
