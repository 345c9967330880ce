package dev.ad4j.engine.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;
import java.lang.management.ManagementFactory;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The memory a recording costs per operation, measured as bytes allocated by this thread (the
 * difference between a long and a short recording, divided by the extra operations), so a change
 * that makes the tape fatter fails here. Measured (JDK 17, compressed oops): 66 bytes per scalar
 * instruction (25 of tape: opcode, two slots, two partials; 8 of sweep adjoint; the rest the
 * immutable {@code Scalar} handle) and 808 bytes per rule node on a one-element vector (node,
 * arguments, output, adjoint buffers: the fixed cost of an array operation).
 */
class TapeMemoryTest {
  private static final int SHORT = 1_000;
  private static final int LONG = 101_000;

  private static long allocatedBytes(Runnable r) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    r.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /**
   * Bytes per extra operation of {@code f} at LONG vs SHORT operations, best of five after a
   * warm-up.
   */
  private static double bytesPerOperation(ToDoubleFunction<Integer> f) {
    f.applyAsDouble(SHORT); // warm-up: the first calls load classes and fill caches
    f.applyAsDouble(LONG);
    double best = Double.MAX_VALUE;
    for (int k = 0; k < 5; k++) {
      long small = allocatedBytes(() -> f.applyAsDouble(SHORT));
      long large = allocatedBytes(() -> f.applyAsDouble(LONG));
      best = Math.min(best, (large - small) / (double) (LONG - SHORT));
    }
    return best;
  }

  private static Scalar chain(Vec x, int n) {
    Scalar a = x.get(0);
    Scalar s = a;
    for (int i = 0; i < n; i++) {
      s = s.times(a); // one BINARY instruction
    }
    return s;
  }

  @Test
  void reverseTape_costsAtMost80BytesPerScalarInstruction() {
    double perInstruction =
        bytesPerOperation(n -> Autodiff.gradient(x -> chain(x, n), new double[] {1.0})[0]);
    assertTrue(perInstruction <= 80, perInstruction + " bytes per scalar instruction");
  }

  @Test
  void reverseTape_costsAtMost1000BytesPerRuleNodeOnAOneElementVector() {
    double perNode =
        bytesPerOperation(
            n ->
                Autodiff.gradient(
                    x -> {
                      Vec v = x;
                      for (int i = 0; i < n / 100; i++) {
                        v = Linalg.multiply(v, v); // one rule node
                      }
                      return Linalg.sum(v);
                    },
                    new double[] {1.0})[0]);
    assertTrue(perNode * 100 <= 1000, perNode * 100 + " bytes per rule node");
  }
}
