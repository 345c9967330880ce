package dev.ad4j.engine;

import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;

/**
 * Derivatives computed <em>inside</em> a function that is itself being differentiated: nested
 * differentiation in any combination of modes. The derivatives come back as {@link Scalar}s of the
 * enclosing differentiation, so it differentiates them in turn; called with constant points and no
 * enclosing differentiation, these are plain first derivatives.
 *
 * <pre>{@code
 * // Reverse over reverse: the gradient of ∂f/∂x0 for f(x) = x0²·x1, i.e. a Hessian row.
 * double[] row = Autodiff.gradient(
 *     x -> Nested.gradient(u -> u.get(0).square().times(u.get(1)), x.get(0), x.get(1))[0],
 *     new double[] {3, 2});
 * // ∂f/∂x0 = 2·x0·x1, so row = {2·x1, 2·x0} = {4, 6}
 * }</pre>
 *
 * The outer mode is the entry point you call ({@link Autodiff#gradient}/{@link Autodiff#reverse}
 * for reverse, {@link Autodiff#forward} for forward, or another {@code Nested} call); the inner
 * mode is the {@code Nested} method: {@link #gradient} (reverse), {@link #gradientForward} and
 * {@link #derivative} (forward).
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>The inner function may use values of the enclosing differentiation that it captures: they
 *       are constants for the inner derivative and stay active for the outer one, so the two never
 *       mix up their perturbations: d/dx [x · d/dy (x + y)] is 1. The enclosing differentiation is
 *       the one the point {@code x} belongs to or, for a constant point, the first one whose values
 *       the inner function meets (of two nested calls, the one that started earlier).
 *   <li>The inner function is scalar code: {@link Scalar} arithmetic, easy-tier rules ({@code
 *       dev.ad4j.rules.Scalars}, your {@code UnaryScalarRule}/{@code BinaryScalarRule}), {@link
 *       Vec#get} and {@link Vec#of}. An array rule on an inner value throws {@link
 *       UnsupportedNestingException}. An easy-tier rule whose argument is active in both
 *       differentiations needs its second derivative, or the outer differentiation throws {@link
 *       dev.ad4j.api.UnsupportedActivityException} saying how to give one.
 *   <li>Inner values belong to the call: using one after it returned throws {@link
 *       IllegalStateException}.
 * </ul>
 *
 * <h2>Performance</h2>
 *
 * Each inner operation costs a few outer operations (its value and partials are evaluated again on
 * the outer values); with every outer value constant, none. {@link #gradient} costs one inner
 * recording and sweep for any number of inputs; {@link #gradientForward} carries one tangent per
 * input through a single run.
 */
public final class Nested {
  private Nested() {}

  /**
   * The gradient of {@code f} at {@code x} by reverse mode, as values of the enclosing
   * differentiation (constants if there is none). {@code f} receives a vector of {@code x.length}
   * elements; an input that does not reach the result has gradient 0.
   */
  public static Scalar[] gradient(Fn1<Vec, Scalar> f, Scalar... x) {
    check(f, x, "gradient");
    NestedReverseTrace trace = new NestedReverseTrace(Dispatch.traceOf(x));
    try {
      Scalar[] inputs = new Scalar[x.length];
      for (int i = 0; i < x.length; i++) {
        inputs[i] = trace.leaf(x[i]);
      }
      Scalar y = result(f.apply(trace.vector(inputs)), trace);
      if (y.trace() != trace) {
        return zeros(x.length);
      }
      return trace.gradient(y, inputs);
    } finally {
      trace.close();
    }
  }

  /**
   * The gradient of {@code f} at {@code x} by forward mode: one run carrying {@code x.length}
   * tangent directions, the unit vectors. Same result as {@link #gradient}; cheaper for a few
   * inputs, dearer for many.
   */
  public static Scalar[] gradientForward(Fn1<Vec, Scalar> f, Scalar... x) {
    check(f, x, "gradientForward");
    int n = x.length;
    if (n == 0) {
      return new Scalar[0];
    }
    NestedForwardTrace trace = new NestedForwardTrace(Dispatch.traceOf(x), n);
    try {
      Scalar[] inputs = new Scalar[n];
      for (int i = 0; i < n; i++) {
        Scalar[] seed = new Scalar[n];
        seed[i] = Scalar.constant(1.0);
        inputs[i] = trace.leaf(x[i], seed);
      }
      Scalar y = result(f.apply(trace.vector(inputs)), trace);
      Scalar[] gradient = new Scalar[n];
      for (int i = 0; i < n; i++) {
        gradient[i] = trace.tangent(y, i);
      }
      return gradient;
    } finally {
      trace.close();
    }
  }

  /**
   * {@link #gradient(Fn1, Scalar...)} at the elements of {@code x}, packed as a vector of the
   * enclosing differentiation: the Hessian of {@code f} is then a Jacobian.
   *
   * <pre>{@code
   * // f = x0²·x1: H = [[2·x1, 2·x0], [2·x0, 0]]
   * Jacobian h = Autodiff.jacobian(
   *     x -> Nested.gradient(u -> u.get(0).square().times(u.get(1)), x), new double[] {3, 2});
   * h.get(0, 1); // 6.0
   * }</pre>
   */
  public static Vec gradient(Fn1<Vec, Scalar> f, Vec x) {
    return Vec.of(gradient(f, elements(x, "gradient")));
  }

  /** {@link #gradientForward(Fn1, Scalar...)} at the elements of {@code x}, packed as a vector. */
  public static Vec gradientForward(Fn1<Vec, Scalar> f, Vec x) {
    return Vec.of(gradientForward(f, elements(x, "gradientForward")));
  }

  /** The derivative f′(x) of a scalar function by forward mode. */
  public static Scalar derivative(Fn1<Scalar, Scalar> f, Scalar x) {
    check(f, new Scalar[] {x}, "derivative");
    NestedForwardTrace trace = new NestedForwardTrace(x.trace(), 1);
    try {
      Scalar input = trace.leaf(x, new Scalar[] {Scalar.constant(1.0)});
      return trace.tangent(result(f.apply(input), trace), 0);
    } finally {
      trace.close();
    }
  }

  /** Checks the function's result: a Scalar of this trace, a constant or an outer value. */
  private static Scalar result(Value y, NestedTrace trace) {
    if (!(y instanceof Scalar s)) {
      throw new IllegalArgumentException(
          y == null
              ? "the inner function returned null; return a Scalar"
              : "a nested gradient needs a Scalar result, the inner function returned a "
                  + y.describe());
    }
    Trace t = s.trace();
    if (t != null && t != trace && !trace.isNestedIn(t)) {
      throw Autodiff.foreign(s);
    }
    return s;
  }

  private static Scalar[] elements(Vec x, String entry) {
    if (x == null) {
      throw new IllegalArgumentException(
          "Nested." + entry + "(f, x): the point x is null; pass a Vec or Scalars");
    }
    Scalar[] e = new Scalar[x.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = x.get(i);
    }
    return e;
  }

  private static Scalar[] zeros(int n) {
    Scalar[] z = new Scalar[n];
    java.util.Arrays.fill(z, Scalar.constant(0.0));
    return z;
  }

  private static void check(Object f, Scalar[] x, String entry) {
    if (f == null) {
      throw new IllegalArgumentException(
          "Nested."
              + entry
              + "(f, x): the function f is null; pass a lambda such as u -> u.get(0).square()");
    }
    if (x == null) {
      throw new IllegalArgumentException(
          "Nested." + entry + "(f, x): the point x is null; pass Scalars");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null) {
        throw new IllegalArgumentException(
            "Nested."
                + entry
                + "(f, x): x["
                + i
                + "] is null; pass a Scalar (Scalar.constant(v) for a number)");
      }
    }
  }
}
