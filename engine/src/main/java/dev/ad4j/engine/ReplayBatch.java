package dev.ad4j.engine;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.UnaryScalarRule;
import java.util.Arrays;

/**
 * A {@link ReplayProgram} run at up to {@link #LANES} points at once: every slot has a lane per
 * point, so each instruction is decoded once per batch rather than once per point, and the lanes'
 * independent arithmetic overlaps. Each lane does exactly the arithmetic of a single replay, so the
 * results are the same bits.
 *
 * <p>A lane whose point would flip a recorded branch is marked and left to the caller, which
 * evaluates that point alone (recording again there).
 */
final class ReplayBatch {
  /** Points per batch. */
  static final int LANES = 64;

  final ReplayProgram program;
  private final double[] values;
  private final double[] partial1;
  private final double[] partial2;
  private final double[] adjoints;

  /** After {@link #run}: whether each lane's point followed every recorded branch. */
  final boolean[] followed = new boolean[LANES];

  ReplayBatch(ReplayProgram program) {
    this.program = program;
    int size = program.tape.size;
    values = new double[size * LANES];
    partial1 = new double[size * LANES];
    partial2 = new double[size * LANES];
    adjoints = new double[(size + program.n) * LANES];
    // The partials that do not depend on the point, in every lane; run() writes the others.
    for (int i = 0; i < size; i++) {
      Arrays.fill(partial1, i * LANES, (i + 1) * LANES, program.partial1[i]);
      Arrays.fill(partial2, i * LANES, (i + 1) * LANES, program.partial2[i]);
    }
  }

  /**
   * The forward pass at {@code count} ≤ {@link #LANES} points, point {@code j} at {@code
   * points[(first + j) · n …]}; sets {@link #followed}.
   */
  void run(double[] points, int first, int count) {
    ReplayTape t = program.tape;
    byte[] code = t.code;
    int[] a = t.first;
    int[] b = t.second;
    double[] c = t.constant;
    int[] op = t.operation;
    int n = program.n;
    double[] v = values;
    double[] p = partial1;
    double[] q = partial2;
    Arrays.fill(followed, 0, count, true);
    for (int i = 0, size = t.size; i < size; i++) {
      int at = i * LANES;
      int l1 = a[i] * LANES;
      int l2 = b[i] * LANES;
      double k = c[i];
      switch (code[i]) {
        case ReplayTape.INPUT -> {
          int from = first * n + a[i];
          for (int j = 0; j < count; j++) {
            v[at + j] = points[from + j * n];
          }
        }
        case ReplayTape.ADD -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] + v[l2 + j];
          }
        }
        case ReplayTape.SUBTRACT -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] - v[l2 + j];
          }
        }
        case ReplayTape.MULTIPLY -> {
          for (int j = 0; j < count; j++) {
            double l = v[l1 + j];
            double r = v[l2 + j];
            v[at + j] = l * r;
            p[at + j] = r;
            q[at + j] = l;
          }
        }
        case ReplayTape.DIVIDE -> {
          for (int j = 0; j < count; j++) {
            double r = v[l2 + j];
            double y = v[l1 + j] / r;
            v[at + j] = y;
            p[at + j] = 1.0 / r;
            q[at + j] = -y / r;
          }
        }
        case ReplayTape.NEGATE -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = -v[l1 + j];
          }
        }
        case ReplayTape.SQUARE -> {
          for (int j = 0; j < count; j++) {
            double l = v[l1 + j];
            v[at + j] = l * l;
            p[at + j] = 2.0 * l;
          }
        }
        case ReplayTape.ADD_CONSTANT -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] + k;
          }
        }
        case ReplayTape.SUBTRACT_CONSTANT -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] - k;
          }
        }
        case ReplayTape.CONSTANT_MINUS -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = k - v[l1 + j];
          }
        }
        case ReplayTape.MULTIPLY_CONSTANT -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] * k;
          }
        }
        case ReplayTape.DIVIDE_CONSTANT -> {
          for (int j = 0; j < count; j++) {
            v[at + j] = v[l1 + j] / k;
          }
        }
        case ReplayTape.CONSTANT_OVER -> {
          for (int j = 0; j < count; j++) {
            double r = v[l1 + j];
            double y = k / r;
            v[at + j] = y;
            p[at + j] = -y / r;
          }
        }
        case ReplayTape.UNARY_RULE -> {
          UnaryScalarRule rule = program.unary[op[i]];
          for (int j = 0; j < count; j++) {
            double l = v[l1 + j];
            double y = rule.value(l);
            v[at + j] = y;
            p[at + j] = rule.derivative(l, y);
          }
        }
        case ReplayTape.BINARY_RULE -> {
          BinaryScalarRule rule = program.binary[op[i]];
          for (int j = 0; j < count; j++) {
            double l = v[l1 + j];
            double r = v[l2 + j];
            double y = rule.value(l, r);
            v[at + j] = y;
            p[at + j] = rule.partialX(l, r, y);
            q[at + j] = rule.partialY(l, r, y);
          }
        }
        case ReplayTape.BINARY_RULE_CONSTANT_Y -> {
          BinaryScalarRule rule = program.binary[op[i]];
          for (int j = 0; j < count; j++) {
            double l = v[l1 + j];
            double y = rule.value(l, k);
            v[at + j] = y;
            p[at + j] = rule.partialX(l, k, y);
          }
        }
        case ReplayTape.BINARY_RULE_CONSTANT_X -> {
          BinaryScalarRule rule = program.binary[op[i]];
          for (int j = 0; j < count; j++) {
            double r = v[l1 + j];
            double y = rule.value(k, r);
            v[at + j] = y;
            p[at + j] = rule.partialY(k, r, y);
          }
        }
        case ReplayTape.GUARD -> {
          boolean outcome = (op[i] & 1) == 1;
          for (int j = 0; j < count; j++) {
            double left = a[i] < 0 ? k : v[l1 + j];
            double right = b[i] < 0 ? k : v[l2 + j];
            if (program.relations[op[i] >> 1].holds(left, right) != outcome) {
              followed[j] = false;
            }
          }
        }
        default -> throw new IllegalStateException("unknown instruction " + code[i]);
      }
    }
  }

  /** Lane {@code j}'s value of output {@code k} after {@link #run}. */
  double output(int k, int j) {
    int slot = program.outputs[k];
    return slot < 0 ? program.constants[k] : values[slot * LANES + j];
  }

  /**
   * After {@link #run}: sweeps back from output {@code k} in every lane and writes lane {@code j}'s
   * gradient (n values) into {@code to} at {@code offset + j · stride}.
   */
  void gradient(int k, int count, double[] to, int offset, int stride) {
    int n = program.n;
    int output = program.outputs[k];
    if (output < 0) {
      for (int j = 0; j < count; j++) {
        Arrays.fill(to, offset + j * stride, offset + j * stride + n, 0.0);
      }
      return;
    }
    double[] adj = adjoints;
    double[] p = partial1;
    double[] q = partial2;
    int[] to1 = program.target1;
    int[] to2 = program.target2;
    // Every adjoint is zero between sweeps: a slot's is cleared when the sweep has used it (after
    // its adds, since a one-operand instruction's second target is its own slot), the inputs' when
    // they have been copied out.
    Arrays.fill(adj, output * LANES, output * LANES + count, 1.0);
    for (int i : program.cones[k]) {
      int at = i * LANES;
      int t1 = to1[i] * LANES;
      int t2 = to2[i] * LANES;
      for (int j = 0; j < count; j++) {
        double g = adj[at + j];
        if (g != 0.0) {
          adj[t1 + j] += p[at + j] * g;
          adj[t2 + j] += q[at + j] * g;
          adj[at + j] = 0.0;
        }
      }
    }
    int inputs = program.tape.size * LANES;
    for (int j = 0; j < count; j++) {
      int base = offset + j * stride;
      for (int x = 0; x < n; x++) {
        to[base + x] = adj[inputs + x * LANES + j];
        adj[inputs + x * LANES + j] = 0.0;
      }
    }
  }
}
