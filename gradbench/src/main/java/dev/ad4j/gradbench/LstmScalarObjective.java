package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;

/**
 * ADBench's LSTM loss as ad4j scalar code: the function of {@link LstmObjective}, with the same
 * parameter layout, written element by element with {@link Scalar} arithmetic and the easy-tier
 * rules {@link Special#sigmoid}, {@link Scalars#tanh}, {@link Scalars#exp} and {@link Scalars#log}
 * instead of array rules on b-vectors.
 *
 * <p>Why a second version: scalar code can be recorded once by {@code Autodiff.record} and replayed
 * at new points by an interpreter that neither records nor allocates, and the LSTM runs the same
 * operations at every point. Every weight acts elementwise, so each step runs the layers one
 * element e at a time:
 *
 * <pre>
 *   f = σ(x_e w_f + b_f),  i = σ(h_e w_i + b_i),  o = σ(x_e w_o + b_o),  g = tanh(h_e w_c + b_c),
 *   cell_e ← cell_e f + i g,  h_e ← o tanh(cell_e),  x_e ← h_e,
 * </pre>
 *
 * starting from x = sequence[t] ⊙ w_in; then y = x ⊙ w_out + b_out and the step adds
 * sequence[t+1]·y − log(Σ e^y + 2) Σ sequence[t+1]. The loss is minus the total over (c − 1)·b.
 *
 * <p>Parameters p = [main (2l rows of 4b: row 2i the weights of layer i, forget, input, output,
 * change, b each; row 2i+1 their biases), extra (input weight, output weight, output bias, b
 * each)], the order of ADBench's and GradBench's gradient. The initial state and the sequence are
 * constants.
 *
 * <h2>Performance</h2>
 *
 * About (17l + 6)·b scalar operations per character, each a node of the tape under {@code
 * Autodiff.gradient} and an instruction of a {@code Recording}: 0.56 million for l = 2, c = 1024.
 * Record once and call {@code valueAndGradient} per point.
 */
public final class LstmScalarObjective {
  private final int layers;
  private final int b;
  private final double[][] state;
  private final double[][] sequence;

  /**
   * The loss of an l-layer model on b-wide characters.
   *
   * @param state 2l rows of b: hidden, then cell, per layer (not modified)
   * @param sequence c ≥ 2 rows of b, the characters (not modified)
   */
  public LstmScalarObjective(int layers, int b, double[][] state, double[][] sequence) {
    if (layers < 1 || b < 1 || state.length != 2 * layers || sequence.length < 2) {
      throw new IllegalArgumentException(
          "an LSTM needs layers ≥ 1, b ≥ 1, 2·layers state rows and at least 2 characters; got"
              + " layers="
              + layers
              + ", b="
              + b
              + ", "
              + state.length
              + " state rows, "
              + sequence.length
              + " characters");
    }
    this.layers = layers;
    this.b = b;
    this.state = state;
    this.sequence = sequence;
  }

  /** The number of parameters, 8lb + 3b. */
  public int size() {
    return 8 * layers * b + 3 * b;
  }

  /**
   * The loss at the parameters {@code p} ({@link #size()} long). The gradient is {@code
   * Autodiff.gradient(f::loss, p)}, or, recorded once, {@code Autodiff.record(f::loss,
   * p).valueAndGradient(q, g)} at each new point q.
   */
  public Scalar loss(Vec p) {
    if (p.size() != size()) {
      throw new IllegalArgumentException(
          "the parameters have length " + p.size() + "; this LSTM takes " + size());
    }
    Scalar[] w = new Scalar[p.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = p.get(k);
    }
    Scalar[] hidden = initial(0);
    Scalar[] cell = initial(1);
    Scalar[] x = new Scalar[b];
    Scalar total = Scalar.constant(0);
    for (int t = 0; t + 1 < sequence.length; t++) {
      for (int e = 0; e < b; e++) {
        x[e] = w[8 * layers * b + e].times(sequence[t][e]);
        for (int i = 0; i < layers; i++) {
          layer(w, i, e, x, hidden, cell);
        }
      }
      total = total.plus(step(w, x, sequence[t + 1]));
    }
    return total.times(-1.0 / ((sequence.length - 1) * (double) b));
  }

  /** The initial hidden (row 0) or cell (row 1) state of every layer, layer after layer. */
  private Scalar[] initial(int row) {
    Scalar[] out = new Scalar[layers * b];
    for (int i = 0; i < layers; i++) {
      for (int e = 0; e < b; e++) {
        out[i * b + e] = Scalar.constant(state[2 * i + row][e]);
      }
    }
    return out;
  }

  /**
   * Layer i on element e: updates {@code cell} and {@code hidden} at i·b + e, and {@code x[e]},
   * with the layer's weights of e at {@code w[8bi + gb + e]} (gate g: forget, input, output,
   * change) and its biases at {@code w[8bi + (4 + g)b + e]}.
   */
  private void layer(Scalar[] w, int i, int e, Scalar[] x, Scalar[] hidden, Scalar[] cell) {
    int at = 8 * b * i + e;
    int s = i * b + e;
    Scalar h = hidden[s];
    Scalar forget = Special.sigmoid(affine(x[e], w[at], w[at + 4 * b]));
    Scalar input = Special.sigmoid(affine(h, w[at + b], w[at + 5 * b]));
    Scalar output = Special.sigmoid(affine(x[e], w[at + 2 * b], w[at + 6 * b]));
    Scalar change = Scalars.tanh(affine(h, w[at + 3 * b], w[at + 7 * b]));
    Scalar c = cell[s].times(forget).plus(input.times(change));
    cell[s] = c;
    hidden[s] = output.times(Scalars.tanh(c));
    x[e] = hidden[s];
  }

  /** The step's term: next·y − log(Σ e^y + 2)·Σ next, with y = x ⊙ w_out + b_out. */
  private Scalar step(Scalar[] w, Scalar[] x, double[] next) {
    int out = 8 * layers * b + b;
    Scalar expSum = null;
    Scalar dot = null;
    double nextSum = 0;
    for (int e = 0; e < b; e++) {
      Scalar y = affine(x[e], w[out + e], w[out + b + e]);
      expSum = e == 0 ? Scalars.exp(y) : expSum.plus(Scalars.exp(y));
      dot = e == 0 ? y.times(next[e]) : dot.plus(y.times(next[e]));
      nextSum += next[e];
    }
    return dot.minus(Scalars.log(expSum.plus(2)).times(nextSum));
  }

  private static Scalar affine(Scalar x, Scalar weight, Scalar bias) {
    return x.times(weight).plus(bias);
  }
}
