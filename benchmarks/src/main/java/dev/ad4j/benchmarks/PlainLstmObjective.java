package dev.ad4j.benchmarks;

/**
 * ADBench's LSTM loss in plain {@code double} loops, no ad4j: the denominator of the LSTM ratios.
 * The same function and parameter layout as {@link dev.ad4j.gradbench.LstmObjective}. Every weight
 * acts elementwise, so each step runs the layers one bit e at a time:
 *
 * <pre>
 *   f = σ(x_e w_f + b_f),  i = σ(h_e w_i + b_i),  o = σ(x_e w_o + b_o),  g = tanh(h_e w_c + b_c),
 *   cell_e ← cell_e f + i g,  h_e ← o tanh(cell_e),  x_e ← h_e,
 * </pre>
 *
 * starting from x = sequence[t] ⊙ w_in; then y = x ⊙ w_out + b_out and the step adds
 * sequence[t+1]·y − log(Σ e^y + 2) Σ sequence[t+1]. The loss is minus the total over (c − 1)·b.
 * Scratch arrays are reused: one instance per thread.
 */
final class PlainLstmObjective {
  private final LstmInstance in;
  private final double[] hidden;
  private final double[] cell;
  private final double[] x;

  PlainLstmObjective(LstmInstance in) {
    this.in = in;
    this.hidden = new double[in.layers() * in.b()];
    this.cell = new double[in.layers() * in.b()];
    this.x = new double[in.b()];
  }

  /** The loss at the parameters p; p is not modified. */
  double value(double[] p) {
    int b = in.b();
    int layers = in.layers();
    for (int i = 0; i < layers; i++) {
      System.arraycopy(in.state()[2 * i], 0, hidden, i * b, b);
      System.arraycopy(in.state()[2 * i + 1], 0, cell, i * b, b);
    }
    int extra = 8 * layers * b;
    double[][] sequence = in.sequence();
    double total = 0;
    for (int t = 0; t + 1 < sequence.length; t++) {
      for (int e = 0; e < b; e++) {
        x[e] = sequence[t][e] * p[extra + e];
      }
      for (int i = 0; i < layers; i++) {
        layer(p, 8 * b * i, i * b);
      }
      double[] next = sequence[t + 1];
      double expSum = 0;
      double dot = 0;
      double nextSum = 0;
      for (int e = 0; e < b; e++) {
        double y = x[e] * p[extra + b + e] + p[extra + 2 * b + e];
        expSum += Math.exp(y);
        dot += next[e] * y;
        nextSum += next[e];
      }
      total += dot - Math.log(expSum + 2) * nextSum;
    }
    return -total / ((sequence.length - 1) * (double) b);
  }

  /** One layer on x in place; weights at {@code w}, the layer's state at {@code s}. */
  private void layer(double[] p, int w, int s) {
    int b = in.b();
    for (int e = 0; e < b; e++) {
      double h = hidden[s + e];
      double forget = sigmoid(x[e] * p[w + e] + p[w + 4 * b + e]);
      double input = sigmoid(h * p[w + b + e] + p[w + 5 * b + e]);
      double output = sigmoid(x[e] * p[w + 2 * b + e] + p[w + 6 * b + e]);
      double change = Math.tanh(h * p[w + 3 * b + e] + p[w + 7 * b + e]);
      double c = cell[s + e] * forget + input * change;
      cell[s + e] = c;
      hidden[s + e] = output * Math.tanh(c);
      x[e] = hidden[s + e];
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
