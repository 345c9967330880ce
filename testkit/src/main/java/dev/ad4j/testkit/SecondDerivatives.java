package dev.ad4j.testkit;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.UnsupportedActivityException;

/**
 * Checks an easy-tier rule's second derivatives, the part nesting (Hessian-vector products) uses,
 * against central differences of its first derivatives. A first-order rule (whose second derivative
 * throws {@link UnsupportedActivityException}) is skipped.
 */
final class SecondDerivatives {
  private SecondDerivatives() {}

  /** Checks f″ at {@code x}; returns the number of cases checked (0 or 1). */
  static int check(UnaryScalarRule f, double x, double h, double tolerance) {
    double y = f.value(x);
    double actual;
    try {
      actual = f.secondDerivative(x, y);
    } catch (UnsupportedActivityException firstOrderOnly) {
      return 0;
    }
    double expected =
        (f.derivative(x + h, f.value(x + h)) - f.derivative(x - h, f.value(x - h))) / (2 * h);
    compare(f.name(), "d²y/dx²", "x = " + x, expected, actual, tolerance);
    return 1;
  }

  /** Checks the three second partials at {@code (x, y)}; returns the number of cases checked. */
  static int check(BinaryScalarRule f, double x, double y, double h, double tolerance) {
    double z = f.value(x, y);
    double xx;
    double xy;
    double yy;
    try {
      xx = f.partialXX(x, y, z);
      xy = f.partialXY(x, y, z);
      yy = f.partialYY(x, y, z);
    } catch (UnsupportedActivityException firstOrderOnly) {
      return 0;
    }
    String at = "(x, y) = (" + x + ", " + y + ")";
    compare(f.name(), "∂²z/∂x²", at, (px(f, x + h, y) - px(f, x - h, y)) / (2 * h), xx, tolerance);
    compare(f.name(), "∂²z/∂x∂y", at, (px(f, x, y + h) - px(f, x, y - h)) / (2 * h), xy, tolerance);
    compare(f.name(), "∂²z/∂y∂x", at, (py(f, x + h, y) - py(f, x - h, y)) / (2 * h), xy, tolerance);
    compare(f.name(), "∂²z/∂y²", at, (py(f, x, y + h) - py(f, x, y - h)) / (2 * h), yy, tolerance);
    return 1;
  }

  private static double px(BinaryScalarRule f, double x, double y) {
    return f.partialX(x, y, f.value(x, y));
  }

  private static double py(BinaryScalarRule f, double x, double y) {
    return f.partialY(x, y, f.value(x, y));
  }

  private static void compare(
      String rule, String what, String at, double expected, double actual, double tolerance) {
    if (!(Math.abs(expected - actual) <= tolerance * (1.0 + Math.abs(expected)))) {
      throw new AssertionError(
          "rule '"
              + rule
              + "', second order at "
              + at
              + ": "
              + what
              + " is "
              + actual
              + " but central differences of the first derivative give "
              + expected
              + "; nesting (Hessian-vector products) would be wrong");
    }
  }
}
