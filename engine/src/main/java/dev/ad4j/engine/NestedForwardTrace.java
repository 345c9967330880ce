package dev.ad4j.engine;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Trace;
import java.util.Arrays;

/**
 * Forward mode inside another differentiation: each inner scalar carries {@code width} tangents,
 * outer Scalars (null for zero), propagated as the inner function runs, ż = ∂z/∂a·ȧ + ∂z/∂b·ḃ.
 * Nothing is recorded for later.
 */
final class NestedForwardTrace extends NestedTrace {
  private final int width;
  private Scalar[] tangents;

  NestedForwardTrace(Trace enclosing, int width) {
    super(enclosing);
    this.width = width;
    this.tangents = new Scalar[64 * width];
  }

  /** A new inner input standing for {@code value}, with tangent {@code seed[lane]} per lane. */
  Scalar leaf(Scalar value, Scalar[] seed) {
    Scalar x = leaf(value);
    System.arraycopy(seed, 0, tangents, x.slot() * width, width);
    return x;
  }

  @Override
  long bytesPerSlot() {
    return 8L * width;
  }

  @Override
  void store(int slot, int a, Scalar da, int b, Scalar db) {
    if ((slot + 1) * width > tangents.length) {
      tangents = Arrays.copyOf(tangents, 2 * tangents.length);
    }
    for (int lane = 0; lane < width; lane++) {
      Scalar ta = a < 0 ? null : OuterMath.times(da, tangents[a * width + lane]);
      Scalar tb = b < 0 ? null : OuterMath.times(db, tangents[b * width + lane]);
      tangents[slot * width + lane] = OuterMath.add(ta, tb);
    }
  }

  /** The tangent in {@code lane} of {@code y} as an outer Scalar: zero unless an inner value. */
  Scalar tangent(Scalar y, int lane) {
    Scalar t = y.trace() == this ? tangents[own(y) * width + lane] : null;
    return t == null ? Scalar.constant(0.0) : t;
  }

  @Override
  public String describe() {
    return "nested forward trace@" + Integer.toHexString(System.identityHashCode(this));
  }
}
