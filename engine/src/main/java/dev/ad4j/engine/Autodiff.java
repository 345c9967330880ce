package dev.ad4j.engine;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Arg;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points: reverse mode, forward mode and gradients of functions written with ad4j values.
 *
 * <pre>{@code
 * import static dev.ad4j.api.Arg.*;
 *
 * // P is a constant sparse boolean matrix: nothing is computed for it.
 * double[] v = {1, 0}, dv = new double[2];
 * Autodiff.reverse((Vec x, Mat p) -> Linalg.dot(x, p, x), duplicated(v, dv), constant(P));
 * // dv is now {2, 0}
 * }</pre>
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>{@code reverse} runs the function once, recording on a fresh tape only the operations with
 *       an active input, then sweeps back from the result (a {@link Scalar}). It returns the value
 *       and the adjoints of {@code Active} scalars, and adds ({@code +=}) the adjoints of {@code
 *       Duplicated} arguments into their shadows.
 *   <li>{@code forward} propagates the tangents given as shadows ({@code Duplicated}) or as {@code
 *       active(x, dx)} alongside the primal and returns both; shadows are only read.
 *   <li>If anything fails, the caller's shadows and inputs are left exactly as they were.
 *   <li>Rules you write are checked while they run ({@link RuleCheckPolicy}, property {@code
 *       ad4j.ruleChecks}): a write into a {@code Const} argument is undone and reported, and so is
 *       a NaN made from finite inputs, each as a {@link dev.ad4j.api.RuleContractException}.
 *   <li>A null function, argument or point is an {@link IllegalArgumentException} saying what to
 *       pass; a result that does not depend on the inputs has zero derivatives, not an error.
 *   <li>Each call has its own tape: calls on different threads never interfere. Values must not be
 *       kept across calls.
 * </ul>
 */
public final class Autodiff {
  private Autodiff() {}

  /** Reverse mode for a scalar function of one argument. */
  public static <A extends Value> ReverseResult reverse(Fn1<A, Scalar> f, Arg<A> a) {
    requireFunction(f, "reverse");
    return reverseOf(in -> f.apply(cast(in[0])), a);
  }

  /** Reverse mode for a scalar function of two arguments. */
  public static <A extends Value, B extends Value> ReverseResult reverse(
      Fn2<A, B, Scalar> f, Arg<A> a, Arg<B> b) {
    requireFunction(f, "reverse");
    return reverseOf(in -> f.apply(cast(in[0]), cast(in[1])), a, b);
  }

  /** Reverse mode for a scalar function of three arguments. */
  public static <A extends Value, B extends Value, C extends Value> ReverseResult reverse(
      Fn3<A, B, C, Scalar> f, Arg<A> a, Arg<B> b, Arg<C> c) {
    requireFunction(f, "reverse");
    return reverseOf(in -> f.apply(cast(in[0]), cast(in[1]), cast(in[2])), a, b, c);
  }

  /** Forward mode for a function of one argument. */
  public static <A extends Value, R extends Value> ForwardResult<R> forward(Fn1<A, R> f, Arg<A> a) {
    requireFunction(f, "forward");
    return forwardOf(in -> f.apply(cast(in[0])), a);
  }

  /** Forward mode for a function of two arguments. */
  public static <A extends Value, B extends Value, R extends Value> ForwardResult<R> forward(
      Fn2<A, B, R> f, Arg<A> a, Arg<B> b) {
    requireFunction(f, "forward");
    return forwardOf(in -> f.apply(cast(in[0]), cast(in[1])), a, b);
  }

  /** Forward mode for a function of three arguments. */
  public static <A extends Value, B extends Value, C extends Value, R extends Value>
      ForwardResult<R> forward(Fn3<A, B, C, R> f, Arg<A> a, Arg<B> b, Arg<C> c) {
    requireFunction(f, "forward");
    return forwardOf(in -> f.apply(cast(in[0]), cast(in[1]), cast(in[2])), a, b, c);
  }

  /**
   * The gradient of a scalar function of a vector at {@code x} (not modified), as a fresh array.
   *
   * <pre>{@code
   * double[] g = Autodiff.gradient(x -> Linalg.sumOfSquares(x), new double[] {1, 2}); // {2, 4}
   * }</pre>
   */
  public static double[] gradient(Fn1<Vec, Scalar> f, double[] x) {
    requireFunction(f, "gradient");
    if (x == null) {
      throw new IllegalArgumentException("gradient(f, x): the point x is null; pass a double[]");
    }
    double[] g = new double[x.length];
    reverse(f, Arg.duplicated(x, g));
    return g;
  }

  /**
   * Records {@code f} at {@code x} (not modified) as a {@link Recording}, whose value and gradient
   * at new points replay the recorded operations without recording again or allocating. For scalar
   * code that runs the same operations at every point; branches must compare {@link Scalar}s (see
   * {@link Recording}).
   *
   * <pre>{@code
   * // (x0 - 1)² + x1², minimised by gradient descent
   * Recording r =
   *     Autodiff.record(x -> x.get(0).minus(1).square().plus(x.get(1).square()), new double[2]);
   * double[] x = {0, 0}, g = new double[2];
   * for (int step = 0; step < 100; step++) {
   *   r.valueAndGradient(x, g); // no tape, no allocation
   *   for (int i = 0; i < 2; i++) {
   *     x[i] -= 0.25 * g[i];
   *   }
   * }
   * // x is now {1, 0}
   * }</pre>
   *
   * @throws UnsupportedOperationException if {@code f} applies an array rule (use {@link #gradient}
   *     for array code)
   */
  public static Recording record(Fn1<Vec, Scalar> f, double[] x) {
    requireFunction(f, "record");
    if (x == null) {
      throw new IllegalArgumentException("record(f, x): the point x is null; pass a double[]");
    }
    return new Recording(f, x);
  }

  /**
   * Records the vector function {@code f} at {@code x} (not modified) as a {@link
   * JacobianRecording}, whose values and Jacobian at new points replay the recorded operations
   * without recording again or allocating; the same rules as {@link #record}.
   *
   * @throws UnsupportedOperationException if {@code f} applies an array rule (use {@link #jacobian}
   *     for array code)
   */
  public static JacobianRecording recordJacobian(Fn1<Vec, Vec> f, double[] x) {
    requireFunction(f, "recordJacobian");
    if (x == null) {
      throw new IllegalArgumentException(
          "recordJacobian(f, x): the point x is null; pass a double[]");
    }
    return new JacobianRecording(f, x);
  }

  /** Tangent directions per forward sweep when {@link #jacobian} works by columns. */
  public static final int JACOBIAN_BATCH = 8;

  /**
   * The Jacobian of a vector function at {@code x} (not modified), by forward or reverse mode,
   * whichever needs fewer sweeps ({@link JacobianMode#AUTO}).
   *
   * <pre>{@code
   * // f(x) = (x0·x1, sin x1): J = [[x1, x0], [0, cos x1]]
   * Jacobian j = Autodiff.jacobian(
   *     x -> Vec.of(x.get(0).times(x.get(1)), Scalars.sin(x.get(1))), new double[] {2, 3});
   * j.get(0, 1); // 2.0
   * }</pre>
   */
  public static Jacobian jacobian(Fn1<Vec, Vec> f, double[] x) {
    return jacobian(f, x, JacobianMode.AUTO);
  }

  /**
   * The Jacobian of a vector function at {@code x} (not modified), computed as {@code mode} says.
   */
  public static Jacobian jacobian(Fn1<Vec, Vec> f, double[] x, JacobianMode mode) {
    if (f == null || x == null || mode == null) {
      throw new IllegalArgumentException("jacobian(f, x, mode): no argument may be null");
    }
    if (mode == JacobianMode.AUTO) {
      int m = vectorResult(f.apply(Vec.constant(x)), null).size();
      mode = x.length <= m ? JacobianMode.FORWARD : JacobianMode.REVERSE;
    }
    return mode == JacobianMode.FORWARD ? Jacobians.byColumns(f, x) : Jacobians.byRows(f, x);
  }

  /**
   * The Hessian-vector product H(x)·v of a scalar function, with its value and gradient, by forward
   * over reverse: one recording whose numbers carry tangents along v, one sweep whose adjoints
   * carry theirs. Costs a small constant times a gradient. Neither array is modified.
   *
   * <p>Every rule the function uses must be nestable: built-in rules and arithmetic are; an
   * easy-tier rule needs a second derivative and an array rule must be a {@link
   * dev.ad4j.api.SecondOrderRule}, or the call throws {@link
   * dev.ad4j.api.UnsupportedActivityException} saying so, before any result is returned.
   *
   * <pre>{@code
   * // f(x) = x0²·x1: H = [[2·x1, 2·x0], [2·x0, 0]]
   * HessianVectorProduct r = Autodiff.hessianVector(
   *     x -> x.get(0).square().times(x.get(1)), new double[] {3, 2}, new double[] {1, 0});
   * r.hessianVector(); // {4, 6}
   * }</pre>
   */
  public static HessianVectorProduct hessianVector(Fn1<Vec, Scalar> f, double[] x, double[] v) {
    if (f == null || x == null || v == null) {
      throw new IllegalArgumentException("hessianVector(f, x, v): no argument may be null");
    }
    if (v.length != x.length) {
      throw new IllegalArgumentException(
          "hessianVector(f, x, v): x has length "
              + x.length
              + " but the direction v has length "
              + v.length
              + "; they must match");
    }
    DualTape tape = new DualTape();
    try {
      Value input = tape.input(Arg.duplicated(x, new double[x.length]), v, 0.0);
      Value y = f.apply((Vec) input);
      Scalar s = scalarResult(y, tape);
      if (s.trace() == tape) {
        tape.backward(s.slot());
      }
      return new HessianVectorProduct(
          s.value(), tape.gradientOf(input), tape.hessianVectorOf(input));
    } finally {
      tape.close();
    }
  }

  /**
   * The full Hessian of a scalar function at {@code x} (not modified), column by column from n
   * Hessian-vector products along the unit vectors; an n×n dense matrix, symmetric up to rounding.
   */
  public static DenseMatrix hessian(Fn1<Vec, Scalar> f, double[] x) {
    requireFunction(f, "hessian");
    if (x == null) {
      throw new IllegalArgumentException("hessian(f, x): the point x is null; pass a double[]");
    }
    int n = x.length;
    double[] h = new double[n * n];
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1.0;
      double[] column = hessianVector(f, x, e).hessianVector();
      for (int i = 0; i < n; i++) {
        h[i * n + j] = column[i];
      }
    }
    return DenseMatrix.wrap(n, n, h);
  }

  /** Checks that a function gave a vector of this differentiation (or a constant one). */
  static Vec vectorResult(Value y, Trace trace) {
    if (!(y instanceof Vec v)) {
      throw new IllegalArgumentException(
          y == null
              ? "the function returned null; return a Vec"
              : "a Jacobian needs a Vec result, the function returned a " + y.describe());
    }
    if (v.trace() != null && v.trace() != trace) {
      throw foreign(v);
    }
    return v;
  }

  private interface Body {
    Value apply(Value[] inputs);
  }

  private static ReverseResult reverseOf(Body f, Arg<?>... args) {
    checkArgs(args);
    for (int i = 0; i < args.length; i++) {
      if (args[i].activity() == Activity.BATCH_DUPLICATED) {
        throw new IllegalArgumentException(
            "argument "
                + i
                + " is "
                + args[i].describe()
                + ", which is for forward mode; in reverse mode use duplicated(x, dx) (one"
                + " reverse sweep gives the whole gradient)");
      }
    }
    ReverseTape tape = new ReverseTape();
    try {
      Value[] inputs = new Value[args.length];
      for (int i = 0; i < args.length; i++) {
        inputs[i] = tape.input(args[i]);
      }
      Scalar y = scalarResult(f.apply(inputs), tape);
      if (y.trace() == tape) {
        tape.backward(y.slot());
      }
      Activity[] activities = new Activity[args.length];
      double[] adjoints = new double[args.length];
      for (int i = 0; i < args.length; i++) {
        activities[i] = args[i].activity();
        if (activities[i] == Activity.ACTIVE) {
          adjoints[i] = tape.scalarAdjoint(inputs[i]);
        }
      }
      // Only now, after the whole sweep succeeded, are the caller's shadows written.
      for (int i = 0; i < args.length; i++) {
        if (!activities[i].isConst() && activities[i] != Activity.ACTIVE) {
          tape.addInto(args[i], inputs[i]);
        }
      }
      return new ReverseResult(y.value(), activities, adjoints);
    } finally {
      tape.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends Value> ForwardResult<R> forwardOf(Body f, Arg<?>... args) {
    checkArgs(args);
    int width = forwardWidth(args);
    ForwardTrace trace = new ForwardTrace(width);
    try {
      Value[] inputs = new Value[args.length];
      for (int i = 0; i < args.length; i++) {
        inputs[i] = trace.input(args[i], i);
      }
      Value y = f.apply(inputs);
      if (y == null) {
        throw new IllegalArgumentException("the function returned null; return an ad4j value");
      }
      if (y.trace() != null && y.trace() != trace) {
        throw foreign(y);
      }
      List<R> tangents = new ArrayList<>(width);
      for (int lane = 0; lane < width; lane++) {
        tangents.add((R) trace.tangentOf(y, lane));
      }
      return new ForwardResult<>((R) Inputs.constant(primalOf(y)), tangents);
    } finally {
      trace.close();
    }
  }

  /** The common number of tangent directions of the non-Const arguments (1 if none has any). */
  private static int forwardWidth(Arg<?>[] args) {
    int width = 0;
    int first = -1;
    for (int i = 0; i < args.length; i++) {
      int w = args[i].width();
      if (w == 0) {
        continue;
      }
      if (width != 0 && w != width) {
        throw new IllegalArgumentException(
            "argument "
                + first
                + " ("
                + args[first].describe()
                + ") carries "
                + width
                + " tangent direction(s) but argument "
                + i
                + " ("
                + args[i].describe()
                + ") carries "
                + w
                + "; give every active argument the same number (batchDuplicated(x, dx...),"
                + " batchActive(x, dx...))");
      }
      width = w;
      first = first < 0 ? i : first;
    }
    return Math.max(width, 1);
  }

  private static Object primalOf(Value y) {
    if (y instanceof Scalar s) {
      return s.value();
    } else if (y instanceof Vec v) {
      return v.value();
    }
    return ((dev.ad4j.api.Mat) y).value();
  }

  static Scalar scalarResult(Value y, Trace tape) {
    if (!(y instanceof Scalar s)) {
      throw new IllegalArgumentException(
          y == null
              ? "the function returned null; return a Scalar"
              : "reverse mode needs a Scalar result, the function returned a " + y.describe());
    }
    if (tape != null && s.trace() != null && s.trace() != tape) {
      throw foreign(s);
    }
    return s;
  }

  static IllegalArgumentException foreign(Value y) {
    return new IllegalArgumentException(
        "the function returned a value of another differentiation ("
            + y.trace().describe()
            + "); values must not be kept across calls");
  }

  private static void requireFunction(Object f, String entry) {
    if (f == null) {
      throw new IllegalArgumentException(
          entry
              + "(f, ..): the function f is null; pass a lambda such as (Vec x) -> Linalg.sum(x)");
    }
  }

  private static void checkArgs(Arg<?>[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        throw new IllegalArgumentException(
            "argument "
                + i
                + " is null; annotate it with constant(..), active(..) or duplicated(..)");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Value> T cast(Value v) {
    return (T) v;
  }
}
