package dev.ad4j.engine;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Relation;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;
import java.util.Arrays;

/**
 * A scalar function of a vector recorded once and re-evaluated, value and gradient, at new points
 * without recording again and without allocating: for objectives that run the same operations at
 * every point, which is most of them. Made by {@link Autodiff#record}.
 *
 * <pre>{@code
 * Recording f = Autodiff.record(x -> x.get(0).times(x.get(1)).plus(x.get(1).square()), start);
 * double[] g = new double[2];
 * double value = f.valueAndGradient(new double[] {3, 4}, g); // 28; g is {4, 11}
 * }</pre>
 *
 * <h2>Branches</h2>
 *
 * A function may branch on its inputs only through the comparisons of {@link Scalar} ({@link
 * Scalar#lessThan(Scalar)} and its siblings): each one is kept with its outcome, and when it would
 * come out the other way at a new point the function is recorded again there, so the result is
 * always the one {@link Autodiff#gradient} gives. A branch on {@link Scalar#value()} is invisible
 * to the recording and replays the recorded path: compare the {@code Scalar}s instead. Scalar rules
 * with kinks ({@code abs}, {@code max}) need no guard: they are re-evaluated at each point.
 *
 * <h2>What can be recorded</h2>
 *
 * Scalar code: elements of the input vector, {@code Scalar} arithmetic, easy-tier scalar rules
 * ({@link UnaryScalarRule}, {@link BinaryScalarRule}, everything in {@code Scalars}) and
 * comparisons. A function that applies an array rule is refused with an {@link
 * UnsupportedOperationException} when recorded; use {@link Autodiff#gradient} for it.
 *
 * <p>Results are bit for bit those of {@link Autodiff#gradient} at the same point. A recording
 * holds buffers it reuses, so it is not thread-safe: give each thread its own.
 */
public final class Recording {
  private final Fn1<Vec, Scalar> function;
  private final int n;
  private ReplayTape program;
  private int output;
  private double constantValue;
  // Per slot: the value, the partials with respect to the two operands, and where each partial's
  // product with the adjoint goes (an operand's slot; an input's place after the slots; a scratch).
  private double[] values;
  private double[] partial1;
  private double[] partial2;
  private int[] target1;
  private int[] target2;
  private double[] adjoints;
  private UnaryScalarRule[] unary;
  private BinaryScalarRule[] binary;
  private int recordings;
  private final Relation[] relations = Relation.values();

  Recording(Fn1<Vec, Scalar> function, double[] x) {
    this.function = function;
    this.n = x.length;
    record(x);
  }

  /** The function's value at {@code x} (not modified). */
  public double value(double[] x) {
    check(x);
    evaluate(x);
    return output < 0 ? constantValue : values[output];
  }

  /**
   * The function's value at {@code x} (not modified); its gradient is written into {@code
   * gradient}, whose old contents are overwritten (not added to). If anything fails, {@code
   * gradient} is left as it was.
   */
  public double valueAndGradient(double[] x, double[] gradient) {
    check(x);
    if (gradient == null || gradient.length != n) {
      throw new IllegalArgumentException(
          "the gradient array is "
              + (gradient == null ? "null" : "of length " + gradient.length)
              + ", the point has length "
              + n
              + ": pass new double["
              + n
              + "]");
    }
    evaluate(x);
    if (output < 0) {
      Arrays.fill(gradient, 0.0);
      return constantValue;
    }
    sweep();
    System.arraycopy(adjoints, program.size, gradient, 0, n);
    return values[output];
  }

  /** The length of the points this recording takes. */
  public int dimension() {
    return n;
  }

  /**
   * How many times the function has been recorded: 1, plus one for each point where a recorded
   * branch would have gone the other way.
   */
  public int recordings() {
    return recordings;
  }

  /** The number of recorded instructions (scalar operations, input reads and branch guards). */
  public int instructions() {
    return program.size;
  }

  // Recording and re-recording

  private void record(double[] x) {
    ReplayTape tape = new ReplayTape(n);
    Scalar y;
    try {
      y = Autodiff.scalarResult(function.apply(tape.input(x)), tape);
    } finally {
      tape.close();
    }
    program = tape;
    output = y.trace() == tape ? y.slot() : -1;
    constantValue = y.value();
    link(tape);
    unary = tape.unaryRules.toArray(new UnaryScalarRule[0]);
    binary = tape.binaryRules.toArray(new BinaryScalarRule[0]);
    recordings++;
  }

  /** Fills {@link #values} at {@code x}, recording again first if a guard fails. */
  private void evaluate(double[] x) {
    if (!run(x)) {
      record(x);
      if (!run(x)) {
        throw new IllegalStateException(
            "a branch of the function came out differently when replayed at the point where it"
                + " was just recorded: the function is not deterministic; make it a pure function"
                + " of x");
      }
    }
  }

  // The interpreter

  /**
   * Lays out the sweep: where each instruction's two partial products go, and the partials that do
   * not depend on the point (those of {@code x + y}, {@code x · c}, ...), set once here.
   */
  private void link(ReplayTape p) {
    int size = p.size;
    int scratch = size + n;
    values = new double[size];
    partial1 = new double[size];
    partial2 = new double[size];
    target1 = new int[size];
    target2 = new int[size];
    adjoints = new double[size + n + 1];
    for (int i = 0; i < size; i++) {
      int a = p.first[i];
      int b = p.second[i];
      double c = p.constant[i];
      target1[i] = a;
      target2[i] = scratch;
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
        case ReplayTape.GUARD -> target1[i] = scratch;
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
  private boolean run(double[] x) {
    ReplayTape program = this.program;
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
   * The reverse sweep from the output: each instruction adds its partials times its adjoint to its
   * targets, the same products in the same order as {@link ReverseTape}, so the gradient is bit for
   * bit {@link Autodiff#gradient}'s. Instructions whose adjoint is zero are skipped, as there.
   */
  private void sweep() {
    double[] adj = adjoints;
    double[] p = partial1;
    double[] q = partial2;
    int[] to1 = target1;
    int[] to2 = target2;
    Arrays.fill(adj, 0.0);
    adj[output] = 1.0;
    for (int i = output; i >= 0; i--) {
      double g = adj[i];
      if (g != 0.0) {
        adj[to1[i]] += p[i] * g;
        adj[to2[i]] += q[i] * g;
      }
    }
  }

  private void check(double[] x) {
    if (x == null) {
      throw new IllegalArgumentException("the point x is null; pass a double[" + n + "]");
    }
    if (x.length != n) {
      throw new IllegalArgumentException(
          "this recording takes points of length "
              + n
              + ", x has length "
              + x.length
              + ": record the function again with Autodiff.record(f, x)");
    }
  }
}
