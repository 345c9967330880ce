package dev.ad4j.rules;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Absolute value, minimum, maximum and the Euclidean norm of two values, as a table of easy-tier
 * rules.
 *
 * <pre>{@code
 * import static dev.ad4j.rules.Extrema.*;
 *
 * Scalar clipped = max(min(x, hi), lo);
 * }</pre>
 *
 * <h2>At kinks and ties</h2>
 *
 * These functions are not differentiable everywhere; where they are not, each rule returns one
 * fixed element of the subdifferential, so results are deterministic:
 *
 * <ul>
 *   <li>abs at x = 0: derivative 0 (+0.0, also for x = −0.0).
 *   <li>min and max at a tie x = y: the whole derivative goes to the first argument (∂z/∂x = 1,
 *       ∂z/∂y = 0), so min(t, t) and max(t, t) still have derivative 1 in t. With x constant, y
 *       gets 0 at the tie, which lies between the one-sided derivatives 0 and 1.
 *   <li>hypot at the origin: both partials 0.
 * </ul>
 */
public final class Extrema {
  private Extrema() {}

  // The table: y = f(x); dy/dx (and d²y/dx², zero away from kinks) as functions of (x, y).

  /** y = |x|; dy/dx = sign(x), and 0 at x = 0; d²y/dx² = 0. */
  public static final UnaryScalarRule ABS =
      UnaryScalarRule.of("abs", Math::abs, (x, y) -> x == 0 ? 0.0 : Math.signum(x), (x, y) -> 0.0);

  /** z = min(x, y); ∂z/∂x = [x ≤ y], ∂z/∂y = [x &gt; y] (a tie goes to x); second partials 0. */
  public static final BinaryScalarRule MIN =
      BinaryScalarRule.of(
          "min",
          Math::min,
          (x, y, z) -> x <= y ? 1.0 : 0.0,
          (x, y, z) -> x <= y ? 0.0 : 1.0,
          Extrema::zero,
          Extrema::zero,
          Extrema::zero);

  /** z = max(x, y); ∂z/∂x = [x ≥ y], ∂z/∂y = [x &lt; y] (a tie goes to x); second partials 0. */
  public static final BinaryScalarRule MAX =
      BinaryScalarRule.of(
          "max",
          Math::max,
          (x, y, z) -> x >= y ? 1.0 : 0.0,
          (x, y, z) -> x >= y ? 0.0 : 1.0,
          Extrema::zero,
          Extrema::zero,
          Extrema::zero);

  /**
   * z = √(x² + y²) without overflow; ∂z/∂x = x/z, ∂z/∂y = y/z, and 0 at the origin; ∂²z/∂x² =
   * y²/z³, ∂²z/∂x∂y = −xy/z³, ∂²z/∂y² = x²/z³ (0 at the origin).
   */
  public static final BinaryScalarRule HYPOT =
      BinaryScalarRule.of(
          "hypot",
          Math::hypot,
          (x, y, z) -> z == 0 ? 0.0 : x / z,
          (x, y, z) -> z == 0 ? 0.0 : y / z,
          (x, y, z) -> z == 0 ? 0.0 : (y / z) * (y / z) / z,
          (x, y, z) -> z == 0 ? 0.0 : -(x / z) * (y / z) / z,
          (x, y, z) -> z == 0 ? 0.0 : (x / z) * (x / z) / z);

  /** A second partial that is zero everywhere it exists. */
  private static double zero(double x, double y, double z) {
    return 0.0;
  }

  // Facade

  /** y = |x|; dy/dx = sign(x), 0 at x = 0. */
  public static Scalar abs(Scalar x) {
    return ABS.apply(x);
  }

  /** z = min(x, y); the derivative goes to the smaller argument, to x at a tie. */
  public static Scalar min(Scalar x, Scalar y) {
    return MIN.apply(x, y);
  }

  /** z = max(x, y); the derivative goes to the larger argument, to x at a tie. */
  public static Scalar max(Scalar x, Scalar y) {
    return MAX.apply(x, y);
  }

  /** z = √(x² + y²); ∂z/∂x = x/z, ∂z/∂y = y/z, 0 at the origin. */
  public static Scalar hypot(Scalar x, Scalar y) {
    return HYPOT.apply(x, y);
  }
}
