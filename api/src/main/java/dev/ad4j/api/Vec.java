package dev.ad4j.api;

/**
 * A dense vector inside a differentiated function. Array operations on vectors (products, sums,
 * {@code dot}) are the rules of {@code dev.ad4j.rules.Linalg}; each is one tape node.
 *
 * <p>Element access mixes scalar code with array code: {@link #get(int)} gives a {@link Scalar}
 * whose adjoint flows back into this vector, and {@link #of(Scalar...)} packs scalars into a
 * vector.
 */
public final class Vec extends Value {
  private final double[] value;

  private Vec(double[] value, Trace trace, int slot) {
    super(trace, slot);
    if (value == null) {
      throw new IllegalArgumentException("a Vec needs a non-null double[]");
    }
    this.value = value;
  }

  /** A constant vector wrapping {@code value} (not copied, never written). */
  public static Vec constant(double[] value) {
    return new Vec(value, null, -1);
  }

  /** SPI: an active vector at {@code slot} of {@code trace}. Engines only. */
  public static Vec traced(double[] value, Trace trace, int slot) {
    if (trace == null) {
      throw new IllegalArgumentException("a traced vector needs a trace; use Vec.constant");
    }
    return new Vec(value, trace, slot);
  }

  /** Packs scalars into a vector; active if any element is. */
  public static Vec of(Scalar... elements) {
    Trace trace = Dispatch.traceOf(elements);
    if (trace == null) {
      double[] value = new double[elements.length];
      for (int i = 0; i < value.length; i++) {
        value[i] = elements[i].value();
      }
      return constant(value);
    }
    return trace.pack(elements);
  }

  /** The primal values. Not a copy: do not modify. */
  public double[] value() {
    return value;
  }

  /** The number of elements. */
  public int size() {
    return value.length;
  }

  /** Element {@code i} as a scalar; its adjoint flows back into this vector. */
  public Scalar get(int i) {
    if (i < 0 || i >= value.length) {
      throw new IndexOutOfBoundsException("index " + i + " outside Vec(" + value.length + ")");
    }
    return isActive() ? trace().element(this, i) : Scalar.constant(value[i]);
  }

  @Override
  public ValueKind kind() {
    return ValueKind.VECTOR;
  }

  @Override
  public String describe() {
    return "Vec(" + value.length + ")";
  }
}
