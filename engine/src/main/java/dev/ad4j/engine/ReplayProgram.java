package dev.ad4j.engine;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Relation;
import dev.ad4j.api.UnaryScalarRule;
import java.util.Arrays;

/**
 * The interpreter of one {@link ReplayTape}: re-evaluates the recorded program at a new point
 * ({@link #run}) and sweeps back from an output ({@link #sweep}), in arrays allocated once here.
 *
 * <p>Per slot it keeps the value, the partials with respect to the two operands, and where each
 * partial's product with the adjoint goes: an operand's slot, an input's place after the slots, or
 * for the missing second operand of a one-operand instruction, the instruction's own slot. The
 * sweep reads a slot's adjoint before it adds into targets, and never reads it again, so adding
 * {@code 0 · adjoint} there is harmless, and unlike a shared scratch place it does not chain the
 * one-operand instructions through one memory location.
 */
final class ReplayProgram {
  final ReplayTape tape;

  /** The output's slots; -1 where that output is the constant in {@link #constants}. */
  final int[] outputs;

  final double[] constants;
  final int n;
  final UnaryScalarRule[] unary;
  final BinaryScalarRule[] binary;
  final Relation[] relations = Relation.values();
  private double[] values;
  // After link: the partials that do not depend on the point; run() writes the others.
  double[] partial1;
  double[] partial2;
  int[] target1;
  int[] target2;

  /** Per output: the instructions its adjoint can reach, in sweep (descending) order. */
  final int[][] cones;

  private double[] adjoints;

  ReplayProgram(ReplayTape tape, int n, int[] outputs, double[] constants) {
    this.tape = tape;
    this.n = n;
    this.outputs = outputs;
    this.constants = constants;
    this.unary = tape.unaryRules.toArray(new UnaryScalarRule[0]);
    this.binary = tape.binaryRules.toArray(new BinaryScalarRule[0]);
    link(tape);
    this.cones = new int[outputs.length][];
    for (int k = 0; k < outputs.length; k++) {
      cones[k] = outputs[k] < 0 ? new int[0] : cone(outputs[k]);
    }
  }

  /**
   * The instructions an adjoint seeded at {@code output} reaches, descending: the sweep visits only
   * these (the others' adjoints stay zero, and zero adjoints are skipped anyway).
   */
  private int[] cone(int output) {
    boolean[] reached = new boolean[output + 1];
    reached[output] = true;
    int count = 0;
    for (int i = output; i >= 0; i--) {
      if (reached[i]) {
        count++;
        // Targets past the slots are inputs; a target equal to i is a one-operand instruction's.
        if (target1[i] < i) {
          reached[target1[i]] = true;
        }
        if (target2[i] < i) {
          reached[target2[i]] = true;
        }
      }
    }
    int[] cone = new int[count];
    for (int i = output, at = 0; i >= 0; i--) {
      if (reached[i]) {
        cone[at++] = i;
      }
    }
    return cone;
  }

  /** Output {@code k}'s value after {@link #run}. */
  double output(int k) {
    return outputs[k] < 0 ? constants[k] : values[outputs[k]];
  }

  /**
   * Writes the gradient of output {@code k} after {@link #run} into {@code to} at {@code offset}:
   * one sweep, or zeros for a constant output.
   */
  void gradient(int k, double[] to, int offset) {
    if (outputs[k] < 0) {
      Arrays.fill(to, offset, offset + n, 0.0);
    } else {
      sweep(k);
      System.arraycopy(adjoints, tape.size, to, offset, n);
      Arrays.fill(adjoints, tape.size, tape.size + n, 0.0);
    }
  }

  /**
   * Writes the m × n Jacobian after {@link #run} into {@code to}, row after row: a sweep per row.
   */
  void jacobian(double[] to) {
    for (int k = 0; k < outputs.length; k++) {
      gradient(k, to, k * n);
    }
  }

  /**
   * Lays out the sweep: where each instruction's two partial products go, and the partials that do
   * not depend on the point (those of {@code x + y}, {@code x · c}, ...), set once here.
   */
  private void link(ReplayTape p) {
    int size = p.size;
    values = new double[size];
    partial1 = new double[size];
    partial2 = new double[size];
    target1 = new int[size];
    target2 = new int[size];
    adjoints = new double[size + n];
    for (int i = 0; i < size; i++) {
      int a = p.first[i];
      int b = p.second[i];
      double c = p.constant[i];
      target1[i] = a;
      target2[i] = i;
      switch (p.code[i]) {
        case ReplayTape.INPUT -> {
          target1[i] = size + a;
          partial1[i] = 1.0;
        }
        case ReplayTape.ADD -> set(i, b, 1.0, 1.0);
        case ReplayTape.SUBTRACT -> set(i, b, 1.0, -1.0);
        case ReplayTape.MULTIPLY, ReplayTape.DIVIDE, ReplayTape.BINARY_RULE -> target2[i] = b;
        case ReplayTape.NEGATE, ReplayTape.CONSTANT_MINUS -> partial1[i] = -1.0;
        case ReplayTape.ADD_CONSTANT, ReplayTape.SUBTRACT_CONSTANT -> partial1[i] = 1.0;
        case ReplayTape.MULTIPLY_CONSTANT -> partial1[i] = c;
        case ReplayTape.DIVIDE_CONSTANT -> partial1[i] = 1.0 / c;
        case ReplayTape.GUARD -> target1[i] = i;
        default -> {}
      }
    }
  }

  private void set(int i, int b, double p, double q) {
    target2[i] = b;
    partial1[i] = p;
    partial2[i] = q;
  }

  /**
   * The forward pass: every value of the program at {@code x}, and the partials that depend on the
   * point; false if a guard fails.
   */
  boolean run(double[] x) {
    ReplayTape program = this.tape;
    byte[] code = program.code;
    int[] a = program.first;
    int[] b = program.second;
    double[] c = program.constant;
    int[] op = program.operation;
    double[] v = values;
    double[] p = partial1;
    double[] q = partial2;
    for (int i = 0, size = program.size; i < size; i++) {
      switch (code[i]) {
        case ReplayTape.INPUT -> v[i] = x[a[i]];
        case ReplayTape.ADD -> v[i] = v[a[i]] + v[b[i]];
        case ReplayTape.SUBTRACT -> v[i] = v[a[i]] - v[b[i]];
        case ReplayTape.MULTIPLY -> {
          double l = v[a[i]];
          double r = v[b[i]];
          v[i] = l * r;
          p[i] = r;
          q[i] = l;
        }
        case ReplayTape.DIVIDE -> {
          double r = v[b[i]];
          double y = v[a[i]] / r;
          v[i] = y;
          p[i] = 1.0 / r;
          q[i] = -y / r;
        }
        case ReplayTape.NEGATE -> v[i] = -v[a[i]];
        case ReplayTape.SQUARE -> {
          double l = v[a[i]];
          v[i] = l * l;
          p[i] = 2.0 * l;
        }
        case ReplayTape.ADD_CONSTANT -> v[i] = v[a[i]] + c[i];
        case ReplayTape.SUBTRACT_CONSTANT -> v[i] = v[a[i]] - c[i];
        case ReplayTape.CONSTANT_MINUS -> v[i] = c[i] - v[a[i]];
        case ReplayTape.MULTIPLY_CONSTANT -> v[i] = v[a[i]] * c[i];
        case ReplayTape.DIVIDE_CONSTANT -> v[i] = v[a[i]] / c[i];
        case ReplayTape.CONSTANT_OVER -> {
          double r = v[a[i]];
          double y = c[i] / r;
          v[i] = y;
          p[i] = -y / r;
        }
        case ReplayTape.UNARY_RULE -> {
          UnaryScalarRule rule = unary[op[i]];
          double l = v[a[i]];
          double y = rule.value(l);
          v[i] = y;
          p[i] = rule.derivative(l, y);
        }
        case ReplayTape.BINARY_RULE -> {
          BinaryScalarRule rule = binary[op[i]];
          double l = v[a[i]];
          double r = v[b[i]];
          double y = rule.value(l, r);
          v[i] = y;
          p[i] = rule.partialX(l, r, y);
          q[i] = rule.partialY(l, r, y);
        }
        case ReplayTape.BINARY_RULE_CONSTANT_Y -> {
          BinaryScalarRule rule = binary[op[i]];
          double l = v[a[i]];
          double y = rule.value(l, c[i]);
          v[i] = y;
          p[i] = rule.partialX(l, c[i], y);
        }
        case ReplayTape.BINARY_RULE_CONSTANT_X -> {
          BinaryScalarRule rule = binary[op[i]];
          double r = v[a[i]];
          double y = rule.value(c[i], r);
          v[i] = y;
          p[i] = rule.partialY(c[i], r, y);
        }
        case ReplayTape.GUARD -> {
          double left = a[i] < 0 ? c[i] : v[a[i]];
          double right = b[i] < 0 ? c[i] : v[b[i]];
          if (relations[op[i] >> 1].holds(left, right) != ((op[i] & 1) == 1)) {
            return false;
          }
        }
        default -> throw new IllegalStateException("unknown instruction " + code[i]);
      }
    }
    return true;
  }

  /**
   * The reverse sweep from output {@code k}, over its cone: each instruction adds its partials
   * times its adjoint to its targets, the same products in the same order as {@link ReverseTape},
   * so the gradient is bit for bit {@link Autodiff#gradient}'s. Instructions whose adjoint is zero
   * are skipped, as there.
   */
  void sweep(int k) {
    double[] adj = adjoints;
    double[] p = partial1;
    double[] q = partial2;
    int[] to1 = target1;
    int[] to2 = target2;
    // Every adjoint is zero between sweeps: a slot's is cleared once the sweep has used it (after
    // its adds, since a one-operand instruction's second target is its own slot), the inputs' by
    // gradient() once copied out.
    adj[outputs[k]] = 1.0;
    for (int i : cones[k]) {
      double g = adj[i];
      if (g != 0.0) {
        adj[to1[i]] += p[i] * g;
        adj[to2[i]] += q[i] * g;
        adj[i] = 0.0;
      }
    }
  }
}
