package dev.ad4j.engine;

import dev.ad4j.api.Scalar;

/**
 * The products and sums of a nested sweep, on outer Scalars, with the shortcuts that keep the outer
 * trace small: null stands for an exact zero, a constant ±1 multiplies for free, a product with a
 * constant zero is never formed (so no 0·∞), and a constant factor records one scaling.
 */
final class OuterMath {
  private OuterMath() {}

  /** True for the constant 0. */
  static boolean isZero(Scalar s) {
    return !s.isActive() && s.value() == 0.0;
  }

  /** {@code p·g}, or null (zero) when either factor is the constant 0 or null. */
  static Scalar times(Scalar p, Scalar g) {
    if (p == null || g == null || isZero(p) || isZero(g)) {
      return null;
    }
    if (!p.isActive()) {
      return scale(g, p.value());
    }
    return g.isActive() ? p.times(g) : scale(p, g.value());
  }

  private static Scalar scale(Scalar s, double c) {
    return c == 1.0 ? s : c == -1.0 ? s.negate() : s.times(c);
  }

  /** {@code acc + t}, where null is zero. */
  static Scalar add(Scalar acc, Scalar t) {
    return acc == null ? t : t == null ? acc : acc.plus(t);
  }
}
