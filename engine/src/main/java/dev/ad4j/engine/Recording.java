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
  private double[] values;
  private double[] adjoints;
  private final double[] inputAdjoints;
  private UnaryScalarRule[] unary;
  private BinaryScalarRule[] binary;
  private int recordings;
  private final Relation[] relations = Relation.values();

  Recording(Fn1<Vec, Scalar> function, double[] x) {
    this.function = function;
    this.n = x.length;
    this.inputAdjoints = new double[n];
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
    System.arraycopy(inputAdjoints, 0, gradient, 0, n);
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
    if (values == null || values.length < tape.size) {
      values = new double[tape.size];
      adjoints = new double[tape.size];
    }
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

  /** The forward pass: every value of the program at {@code x}; false if a guard fails. */
  private boolean run(double[] x) {
    ReplayTape p = program;
    byte[] code = p.code;
    int[] a = p.first;
    int[] b = p.second;
    double[] c = p.constant;
    int[] op = p.operation;
    double[] v = values;
    for (int i = 0, size = p.size; i < size; i++) {
      switch (code[i]) {
        case ReplayTape.INPUT -> v[i] = x[a[i]];
        case ReplayTape.ADD -> v[i] = v[a[i]] + v[b[i]];
        case ReplayTape.SUBTRACT -> v[i] = v[a[i]] - v[b[i]];
        case ReplayTape.MULTIPLY -> v[i] = v[a[i]] * v[b[i]];
        case ReplayTape.DIVIDE -> v[i] = v[a[i]] / v[b[i]];
        case ReplayTape.NEGATE -> v[i] = -v[a[i]];
        case ReplayTape.SQUARE -> v[i] = v[a[i]] * v[a[i]];
        case ReplayTape.ADD_CONSTANT -> v[i] = v[a[i]] + c[i];
        case ReplayTape.SUBTRACT_CONSTANT -> v[i] = v[a[i]] - c[i];
        case ReplayTape.CONSTANT_MINUS -> v[i] = c[i] - v[a[i]];
        case ReplayTape.MULTIPLY_CONSTANT -> v[i] = v[a[i]] * c[i];
        case ReplayTape.DIVIDE_CONSTANT -> v[i] = v[a[i]] / c[i];
        case ReplayTape.CONSTANT_OVER -> v[i] = c[i] / v[a[i]];
        case ReplayTape.UNARY_RULE -> v[i] = unary[op[i]].value(v[a[i]]);
        case ReplayTape.BINARY_RULE -> v[i] = binary[op[i]].value(v[a[i]], v[b[i]]);
        case ReplayTape.BINARY_RULE_CONSTANT_Y -> v[i] = binary[op[i]].value(v[a[i]], c[i]);
        case ReplayTape.BINARY_RULE_CONSTANT_X -> v[i] = binary[op[i]].value(c[i], v[a[i]]);
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
   * The reverse sweep from the output, with the partials {@link ReverseTape} would have recorded,
   * multiplied in the same order, so the gradient is bit for bit {@link Autodiff#gradient}'s.
   * Instructions whose adjoint is zero are skipped, as there.
   */
  private void sweep() {
    ReplayTape p = program;
    byte[] code = p.code;
    int[] a = p.first;
    int[] b = p.second;
    double[] c = p.constant;
    int[] op = p.operation;
    double[] v = values;
    double[] adj = adjoints;
    double[] in = inputAdjoints;
    Arrays.fill(adj, 0, output + 1, 0.0);
    Arrays.fill(in, 0.0);
    adj[output] = 1.0;
    for (int i = output; i >= 0; i--) {
      double g = adj[i];
      if (g == 0.0) {
        continue;
      }
      switch (code[i]) {
        case ReplayTape.INPUT -> in[a[i]] += g;
        case ReplayTape.ADD -> {
          adj[a[i]] += 1.0 * g;
          adj[b[i]] += 1.0 * g;
        }
        case ReplayTape.SUBTRACT -> {
          adj[a[i]] += 1.0 * g;
          adj[b[i]] += -1.0 * g;
        }
        case ReplayTape.MULTIPLY -> {
          adj[a[i]] += v[b[i]] * g;
          adj[b[i]] += v[a[i]] * g;
        }
        case ReplayTape.DIVIDE -> {
          adj[a[i]] += 1.0 / v[b[i]] * g;
          adj[b[i]] += -v[i] / v[b[i]] * g;
        }
        case ReplayTape.NEGATE -> adj[a[i]] += -1.0 * g;
        case ReplayTape.SQUARE -> adj[a[i]] += 2.0 * v[a[i]] * g;
        case ReplayTape.ADD_CONSTANT, ReplayTape.SUBTRACT_CONSTANT -> adj[a[i]] += 1.0 * g;
        case ReplayTape.CONSTANT_MINUS -> adj[a[i]] += -1.0 * g;
        case ReplayTape.MULTIPLY_CONSTANT -> adj[a[i]] += c[i] * g;
        case ReplayTape.DIVIDE_CONSTANT -> adj[a[i]] += 1.0 / c[i] * g;
        case ReplayTape.CONSTANT_OVER -> adj[a[i]] += -v[i] / v[a[i]] * g;
        case ReplayTape.UNARY_RULE -> adj[a[i]] += unary[op[i]].derivative(v[a[i]], v[i]) * g;
        case ReplayTape.BINARY_RULE -> {
          BinaryScalarRule r = binary[op[i]];
          adj[a[i]] += r.partialX(v[a[i]], v[b[i]], v[i]) * g;
          adj[b[i]] += r.partialY(v[a[i]], v[b[i]], v[i]) * g;
        }
        case ReplayTape.BINARY_RULE_CONSTANT_Y ->
            adj[a[i]] += binary[op[i]].partialX(v[a[i]], c[i], v[i]) * g;
        case ReplayTape.BINARY_RULE_CONSTANT_X ->
            adj[a[i]] += binary[op[i]].partialY(c[i], v[a[i]], v[i]) * g;
        default -> {}
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
