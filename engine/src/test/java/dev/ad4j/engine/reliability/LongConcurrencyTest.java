package dev.ad4j.engine.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Eight threads, each computing a different kind of derivative ({@link Workloads}), for a minute
 * ({@code -Dad4j.long.seconds} to change it) give exactly the bits of a sequential run computed
 * first. Run with {@code mvn -Plong}.
 */
@Tag("long")
@EnabledIfSystemProperty(named = "ad4j.long", matches = "true")
class LongConcurrencyTest {
  private static final int INPUTS = 64;

  @Test
  void eightThreadsComputingDifferentDerivativesForAMinute_giveTheSequentialBits()
      throws Exception {
    List<UnaryOperator<double[]>> work = Workloads.all();
    int threads = work.size();
    double[][][] expected = new double[threads][INPUTS][];
    for (int t = 0; t < threads; t++) {
      double[][] xs = Workloads.inputs(t, INPUTS);
      for (int k = 0; k < INPUTS; k++) {
        expected[t][k] = work.get(t).apply(xs[k]);
      }
    }
    long seconds = Long.getLong("ad4j.long.seconds", 60);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(() -> hammer(work.get(thread), thread, expected[thread], deadline)));
      }
      long total = 0;
      for (int t = 0; t < threads; t++) {
        String result = futures.get(t).get();
        assertTrue(result.startsWith("ok "), "thread " + t + ": " + result);
        total += Long.parseLong(result.substring(3));
      }
      assertTrue(total >= threads * INPUTS, "only " + total + " evaluations in " + seconds + " s");
    } finally {
      pool.shutdownNow();
    }
  }

  /** "ok count", or a description of the first result that differed from the sequential run. */
  private static String hammer(
      UnaryOperator<double[]> f, int thread, double[][] expected, long deadline) {
    double[][] xs = Workloads.inputs(thread, INPUTS);
    long count = 0;
    while (count < INPUTS || System.nanoTime() < deadline) {
      int k = (int) (count % INPUTS);
      double[] got = f.apply(xs[k]);
      if (!Arrays.equals(expected[k], got)) {
        return "evaluation "
            + count
            + " (input "
            + k
            + ") gave "
            + Arrays.toString(got)
            + ", sequential run gave "
            + Arrays.toString(expected[k]);
      }
      count++;
    }
    return "ok " + count;
  }
}
