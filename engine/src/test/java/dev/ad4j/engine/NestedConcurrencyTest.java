package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Scalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Nested differentiations on different threads do not interfere: each thread's Hessian rows (rr,
 * nested inner calls from constants, so their enclosing trace is found by meeting the outer one)
 * have the bits of a sequential run.
 */
class NestedConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROWS = 300;

  /** ∂/∂a of a·b·w1 + sin(a)·b²·w0 + w0·a³ at (a, b) = (0.3, −0.4), with w captured. */
  private static Scalar row(Vec w) {
    Scalar w0 = w.get(0);
    Scalar w1 = w.get(1);
    return Nested.gradient(
        u -> {
          Scalar a = u.get(0);
          Scalar b = u.get(1);
          Scalar s = a.times(b).times(w1).plus(Scalars.sin(a).times(b.square()).times(w0));
          return s.plus(w0.times(a.square().times(a)));
        },
        Scalar.constant(0.3),
        Scalar.constant(-0.4))[0];
  }

  private static double[][] run(int thread) {
    Random random = new Random(thread);
    double[][] out = new double[ROWS][];
    for (int k = 0; k < ROWS; k++) {
      out[k] =
          Autodiff.gradient(
              NestedConcurrencyTest::row,
              new double[] {random.nextGaussian(), random.nextGaussian()});
    }
    return out;
  }

  @Test
  void fourThreadsGiveTheSameBitsAsASequentialRun() throws Exception {
    double[][][] sequential = new double[THREADS][][];
    for (int t = 0; t < THREADS; t++) {
      sequential[t] = run(t);
    }
    // the gradient in w of ∂f/∂a is (cos(a)·b² + 3a², b) at every w
    assertArrayEquals(
        new double[] {Math.cos(0.3) * 0.16 + 3 * 0.09, -0.4}, sequential[0][0], 1e-15);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<double[][]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> run(thread)));
      }
      for (int t = 0; t < THREADS; t++) {
        double[][] parallel = futures.get(t).get();
        for (int k = 0; k < ROWS; k++) {
          assertArrayEquals(sequential[t][k], parallel[k], 0.0, "thread " + t + " row " + k);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
