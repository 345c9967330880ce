package dev.ad4j.benchmarks;

import dev.ad4j.gradbench.LstmObjective;
import java.util.Arrays;

/**
 * An ADBench LSTM instance: l layers, c characters of b = 14 bits, the parameters p = [main (2l
 * rows of 4b), extra (3 rows of b)] flat, row after row, as {@link LstmObjective} takes them, the
 * initial state (2l rows of b: hidden, cell per layer) and the sequence (c rows of b).
 *
 * <p>ADBench's file holds {@code l c b}, then main, extra, state and sequence in that order.
 */
record LstmInstance(
    int layers, int c, int b, double[] params, double[][] state, double[][] sequence) {

  /** The resource of an instance with 1024 characters, l = 2 or 4. */
  static String resourceC1024(int layers) {
    return "/adbench/data/lstm/lstm_l" + layers + "_c1024.txt";
  }

  static LstmInstance read(String resource) {
    double[] v = AdbenchFiles.numbers(resource);
    int layers = (int) v[0];
    int c = (int) v[1];
    int b = (int) v[2];
    int parameters = 8 * layers * b + 3 * b;
    int at = 3;
    double[] params = Arrays.copyOfRange(v, at, at + parameters);
    at += parameters;
    double[][] state = rows(v, at, 2 * layers, b);
    at += 2 * layers * b;
    double[][] sequence = rows(v, at, c, b);
    at += c * b;
    if (at != v.length) {
      throw new IllegalArgumentException(
          resource
              + " holds "
              + v.length
              + " numbers; l="
              + layers
              + " c="
              + c
              + " b="
              + b
              + " needs "
              + at);
    }
    return new LstmInstance(layers, c, b, params, state, sequence);
  }

  private static double[][] rows(double[] v, int at, int rows, int cols) {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = Arrays.copyOfRange(v, at + i * cols, at + (i + 1) * cols);
    }
    return out;
  }

  /** ad4j's objective of this instance. */
  LstmObjective ad4j() {
    return new LstmObjective(layers, b, state, sequence);
  }
}
