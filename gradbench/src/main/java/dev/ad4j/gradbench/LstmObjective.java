package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;

/**
 * ADBench's LSTM loss as ad4j array code, over one parameter vector p = [main (2l rows of 4b, row
 * 2i the weights of layer i: forget, input, output, change; row 2i+1 their biases), extra (input
 * weight, output weight, output bias, b each)]. All weights act elementwise. For each step t the
 * model runs every layer on the character sequence[t] and predicts y; the loss is −Σₜ
 * sequence[t+1]·(y − log(Σ e^y + 2)) / ((c − 1)·b).
 *
 * <p>The tape holds about 15 vector operations per layer and step, each on b-vectors.
 */
public final class LstmObjective {
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
  public LstmObjective(int layers, int b, double[][] state, double[][] sequence) {
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
   * The loss at the parameters {@code p} ({@link #size()} long). With p {@code Const} nothing is
   * recorded; the gradient is {@code Autodiff.gradient(f::loss, p)}.
   */
  public Scalar loss(Vec p) {
    Vec[] hidden = new Vec[layers];
    Vec[] cell = new Vec[layers];
    for (int i = 0; i < layers; i++) {
      hidden[i] = Vec.constant(state[2 * i]);
      cell[i] = Vec.constant(state[2 * i + 1]);
    }
    Vec[][] gates = new Vec[layers][8]; // weights then biases of forget, input, output, change
    for (int i = 0; i < layers; i++) {
      for (int g = 0; g < 8; g++) {
        gates[i][g] = slice(p, 8 * b * i + g * b);
      }
    }
    int extra = 8 * layers * b;
    Vec inWeight = slice(p, extra);
    Vec outWeight = slice(p, extra + b);
    Vec outBias = slice(p, extra + 2 * b);
    Scalar total = Scalar.constant(0);
    for (int t = 0; t + 1 < sequence.length; t++) {
      Vec x = Linalg.multiply(Vec.constant(sequence[t]), inWeight);
      for (int i = 0; i < layers; i++) {
        Vec[] w = gates[i];
        Vec forget = gate(Special.SIGMOID, x, w[0], w[4]);
        Vec input = gate(Special.SIGMOID, hidden[i], w[1], w[5]);
        Vec output = gate(Special.SIGMOID, x, w[2], w[6]);
        Vec change = Linalg.map(Scalars.TANH, affine(hidden[i], w[3], w[7]));
        cell[i] = Linalg.add(Linalg.multiply(cell[i], forget), Linalg.multiply(input, change));
        hidden[i] = Linalg.multiply(output, Linalg.map(Scalars.TANH, cell[i]));
        x = hidden[i];
      }
      Vec y = affine(x, outWeight, outBias);
      Scalar lse = Scalars.log(Linalg.sum(Linalg.map(Scalars.EXP, y)).plus(2));
      double[] next = sequence[t + 1];
      total = total.plus(Linalg.dot(Vec.constant(next), y)).minus(lse.times(sum(next)));
    }
    return total.times(-1.0 / ((sequence.length - 1) * (double) b));
  }

  private Vec slice(Vec p, int from) {
    return Linalg.slice(p, from, from + b);
  }

  private static Vec affine(Vec x, Vec weight, Vec bias) {
    return Linalg.add(Linalg.multiply(x, weight), bias);
  }

  private static Vec gate(dev.ad4j.api.UnaryScalarRule f, Vec x, Vec weight, Vec bias) {
    return Linalg.map(f, affine(x, weight, bias));
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }
}
