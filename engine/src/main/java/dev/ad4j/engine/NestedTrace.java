package dev.ad4j.engine;

import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trace of an inner function run by {@link Nested}: every inner scalar (a slot) stands for an
 * <em>outer</em> Scalar, its value in the enclosing differentiation, and every operation's partials
 * are outer Scalars too ({@link OuterOps}). Subclasses keep what their mode needs from each
 * operation: the reverse trace records the partials for a sweep, the forward trace multiplies them
 * into tangents at once. Derivatives computed this way are outer Scalars, so the enclosing
 * differentiation differentiates them in turn.
 *
 * <h2>Which trace is inner</h2>
 *
 * A value of the enclosing trace met in the inner function (captured by the closure) is a constant
 * for this trace and an outer operand of the re-evaluation; that is what keeps the two
 * perturbations apart. The enclosing trace is the innermost trace of the inputs; a nested trace
 * whose inputs are all constant takes the first trace it meets that started before it (a top-level
 * trace, or an open nested trace with an earlier {@link System#nanoTime()}).
 *
 * <p>Vectors inside the inner function are arrays of scalars ({@link #element}, {@link #pack});
 * array rules are refused with {@link UnsupportedNestingException}.
 */
abstract class NestedTrace implements Trace {
  private final long started = System.nanoTime();
  private Trace enclosing;
  private boolean open = true;
  private Scalar[] outer = new Scalar[64];
  private int size;
  private final List<Scalar[]> vectors = new ArrayList<>();
  // Memory held by this trace's arrays, checked only when they grow (as for the other tapes).
  private final long maxBytes = TapeLimit.maxBytes();
  private long bytes;

  NestedTrace(Trace enclosing) {
    this.enclosing = enclosing;
  }

  /**
   * Keeps the operation defining {@code slot}: operands {@code a}, {@code b} (-1: none). Grows the
   * subclass's arrays to at least {@code 2·slot} when {@code slot} reaches their length.
   */
  abstract void store(int slot, int a, Scalar da, int b, Scalar db);

  /** The bytes per slot of this trace's arrays (references counted as 8), for the tape limit. */
  abstract long bytesPerSlot();

  /** A new inner input standing for {@code value} (an outer Scalar or a constant). */
  Scalar leaf(Scalar value) {
    return Scalar.traced(value.value(), this, define(value, -1, null, -1, null));
  }

  /** The inner vector of {@code elements}, each an inner scalar or an outer one. */
  Vec vector(Scalar[] elements) {
    requireOpen();
    double[] value = new double[elements.length];
    for (int k = 0; k < elements.length; k++) {
      value[k] = elements[k].value();
    }
    vectors.add(elements.clone());
    return Vec.traced(value, this, vectors.size() - 1);
  }

  /** The outer Scalar standing for the inner scalar in {@code slot}. */
  final Scalar outer(int slot) {
    return outer[slot];
  }

  final int size() {
    return size;
  }

  /** The slot of {@code v}, which must be a value of this (open) trace. */
  final int own(Value v) {
    requireOpen();
    if (v.trace() != this) {
      throw new IllegalStateException("value " + v + " does not belong to " + describe());
    }
    return v.slot();
  }

  // Trace

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    int sx = own(x);
    OuterOps.Step s = OuterOps.unary(op, value, outer[sx], dx);
    return Scalar.traced(value, this, define(s.value(), sx, s.da(), -1, null));
  }

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx, double c) {
    int sx = own(x);
    OuterOps.Step s = OuterOps.unary(op, value, outer[sx], dx, c);
    return Scalar.traced(value, this, define(s.value(), sx, s.da(), -1, null));
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    int sa = a.trace() == this ? own(a) : -1;
    int sb = b.trace() == this ? own(b) : -1;
    Scalar oa = sa < 0 ? a : outer[sa];
    Scalar ob = sb < 0 ? b : outer[sb];
    OuterOps.Step s = OuterOps.binary(op, value, oa, da, sa >= 0, ob, db, sb >= 0);
    return Scalar.traced(value, this, define(s.value(), sa, s.da(), sb, s.db()));
  }

  @Override
  public Scalar element(Vec v, int index) {
    return vectors.get(own(v))[index];
  }

  @Override
  public Vec pack(Scalar[] elements) {
    return vector(elements);
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    requireOpen();
    throw UnsupportedNestingException.arrayRule(rule.name(), describe());
  }

  @Override
  public boolean isNestedIn(Trace other) {
    if (inside(other)) {
      return true;
    }
    if (!open || other instanceof NestedTrace n && !(n.open && n.started < started)) {
      return false; // a nested trace that started later (or is over) cannot enclose this one
    }
    if (enclosing == null || other instanceof NestedTrace n && n.inside(enclosing)) {
      enclosing = other; // first outer value met, or one between this trace and its enclosing
      return true;
    }
    return false;
  }

  void close() {
    open = false;
  }

  /** Whether {@code other} is on this trace's chain of enclosing traces. */
  private boolean inside(Trace other) {
    for (Trace t = enclosing; t != null; t = t instanceof NestedTrace n ? n.enclosing : null) {
      if (t == other) {
        return true;
      }
    }
    return false;
  }

  private int define(Scalar value, int a, Scalar da, int b, Scalar db) {
    requireOpen();
    if (size == outer.length) {
      bytes = TapeLimit.charge(this, bytes, size * (8 + bytesPerSlot()), size, maxBytes);
      outer = Arrays.copyOf(outer, 2 * size);
    }
    outer[size] = value;
    store(size, a, da, b, db);
    return size++;
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException(
          "this value belongs to a nested differentiation that has finished ("
              + describe()
              + "); do not keep values of an inner function: return what you need from it");
    }
  }
}
