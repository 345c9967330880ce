package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Independent evaluations on different threads do not interfere. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int GRADIENTS = 1000;
  private static final int N = 30;

  /** Scalar code, an array rule on a sparse boolean matrix and an elementary function mixed. */
  private static Scalar objective(Vec x, SparseMatrix p) {
    Scalar s = Linalg.dot(x, p, x);
    for (int i = 0; i + 1 < x.size(); i++) {
      Scalar d = x.get(i + 1).minus(x.get(i).square());
      s = s.plus(d.square().times(100)).plus(Scalars.exp(x.get(i).times(0.1)));
    }
    return s;
  }

  private static double[][] run(int thread, SparseMatrix p) {
    Random random = new Random(thread);
    double[][] out = new double[GRADIENTS][];
    for (int k = 0; k < GRADIENTS; k++) {
      double[] x = new double[N];
      for (int i = 0; i < N; i++) {
        x[i] = random.nextGaussian();
      }
      out[k] = Autodiff.gradient(v -> objective(v, p), x);
    }
    return out;
  }

  @Test
  void eightThreadsGiveTheSameBitsAsASequentialRun() throws Exception {
    SparseMatrix p =
        SparseMatrix.pattern(N, N, new int[] {0, 3, 7, 7, 29}, new int[] {1, 3, 2, 9, 0});
    double[][][] sequential = new double[THREADS][][];
    for (int t = 0; t < THREADS; t++) {
      sequential[t] = run(t, p);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<double[][]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> run(thread, p)));
      }
      for (int t = 0; t < THREADS; t++) {
        double[][] parallel = futures.get(t).get();
        for (int k = 0; k < GRADIENTS; k++) {
          assertArrayEquals(sequential[t][k], parallel[k], 0.0, "thread " + t + ", gradient " + k);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
