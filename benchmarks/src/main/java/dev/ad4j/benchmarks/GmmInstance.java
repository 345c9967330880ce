package dev.ad4j.benchmarks;

import dev.ad4j.gradbench.GmmObjective;
import java.util.Arrays;

/**
 * An ADBench GMM instance: k components in d dimensions, n points, the Wishart prior's γ and m, and
 * the parameters θ in the layout of {@link GmmObjective}: [α (k), μ (k×d), q (k×d), l
 * (k×d(d−1)/2)].
 *
 * <p>ADBench's file holds {@code d k n}, k alphas, k means, k rows of {@code icf} (d log-diagonal
 * entries q, then the d(d−1)/2 strictly lower entries l, column by column), n points, then {@code
 * gamma m}. The icf rows are split here into θ's q and l blocks.
 */
record GmmInstance(int d, int k, int n, double[] theta, double[] x, double gamma, int m) {

  /** The resource of a 1k instance with ten components, d = 2, 10, 20 or 64. */
  static String resource1k(int d) {
    return "/adbench/data/gmm/1k/gmm_d" + d + "_K10.txt";
  }

  static GmmInstance read(String resource) {
    double[] t = AdbenchFiles.numbers(resource);
    int d = (int) t[0];
    int k = (int) t[1];
    int n = (int) t[2];
    int lengthL = d * (d - 1) / 2;
    double[] theta = new double[k + 2 * k * d + k * lengthL];
    int at = 3;
    System.arraycopy(t, at, theta, 0, k + k * d); // alphas, then means
    at += k + k * d;
    for (int j = 0; j < k; j++, at += d + lengthL) {
      System.arraycopy(t, at, theta, k + k * d + j * d, d);
      System.arraycopy(t, at + d, theta, k + 2 * k * d + j * lengthL, lengthL);
    }
    double[] x = Arrays.copyOfRange(t, at, at + n * d);
    at += n * d;
    if (t.length != at + 2) {
      throw new IllegalArgumentException(
          resource
              + " holds "
              + t.length
              + " numbers; d="
              + d
              + " k="
              + k
              + " n="
              + n
              + " needs "
              + (at + 2));
    }
    return new GmmInstance(d, k, n, theta, x, t[at], (int) t[at + 1]);
  }

  int lengthL() {
    return d * (d - 1) / 2;
  }

  /** ad4j's objective of this instance (the data wrapped, not copied). */
  GmmObjective ad4j() {
    return new GmmObjective(d, k, n, x, gamma, m);
  }
}
