package dev.ad4j.api;

import java.util.function.DoubleBinaryOperator;

/**
 * The easy tier for scalar functions of two arguments: give the value and both partials; each
 * partial is evaluated only when its argument is active.
 *
 * <pre>{@code
 * // z = x^y; ∂z/∂x = y·x^(y-1), ∂z/∂y = z·log(x)
 * BinaryScalarRule POW = BinaryScalarRule.of("pow", Math::pow,
 *     (x, y, z) -> y * Math.pow(x, y - 1), (x, y, z) -> z * Math.log(x));
 * }</pre>
 */
public interface BinaryScalarRule extends ScalarOp {
  /** A partial derivative as a function of the arguments and the value {@code z}. */
  @FunctionalInterface
  interface Partial {
    /** The partial at {@code (x, y)}, given {@code z = value(x, y)}. */
    double at(double x, double y, double z);
  }

  /** The function's value. */
  double value(double x, double y);

  /** ∂z/∂x at {@code (x, y)}, given {@code z}. */
  double partialX(double x, double y, double z);

  /** ∂z/∂y at {@code (x, y)}, given {@code z}. */
  double partialY(double x, double y, double z);

  /**
   * ∂²z/∂x² at {@code (x, y)}, given {@code z}: needed only when the rule is nested (Hessian-vector
   * products); a first-order rule throws {@link UnsupportedActivityException}.
   */
  default double partialXX(double x, double y, double z) {
    throw firstOrderOnly();
  }

  /** ∂²z/∂x∂y at {@code (x, y)}, given {@code z}; see {@link #partialXX}. */
  default double partialXY(double x, double y, double z) {
    throw firstOrderOnly();
  }

  /** ∂²z/∂y² at {@code (x, y)}, given {@code z}; see {@link #partialXX}. */
  default double partialYY(double x, double y, double z) {
    throw firstOrderOnly();
  }

  private UnsupportedActivityException firstOrderOnly() {
    return UnsupportedActivityException.firstOrderOnly(
        name(), "give it second partials: BinaryScalarRule.of(name, f, fx, fy, fxx, fxy, fyy)");
  }

  /** Applies this rule to values inside a differentiated function. */
  default Scalar apply(Scalar x, Scalar y) {
    return Dispatch.apply(this, x, y);
  }

  /** This rule as a general {@link Rule}, e.g. to check it with the test kit. */
  default Rule<Void> asRule() {
    return ScalarRules.binary(this);
  }

  /** A first-order rule from a name, a value function and two partials. */
  static BinaryScalarRule of(
      String name, DoubleBinaryOperator value, Partial partialX, Partial partialY) {
    return create(name, value, partialX, partialY, null, null, null);
  }

  /** A rule that can also be nested: value, both partials and the three second partials. */
  static BinaryScalarRule of(
      String name,
      DoubleBinaryOperator value,
      Partial partialX,
      Partial partialY,
      Partial partialXX,
      Partial partialXY,
      Partial partialYY) {
    if (partialXX == null || partialXY == null || partialYY == null) {
      throw new IllegalArgumentException(
          "rule '"
              + name
              + "': a second partial is null; use of(name, f, fx, fy) for a"
              + " first-order rule");
    }
    return create(name, value, partialX, partialY, partialXX, partialXY, partialYY);
  }

  /** The rule of both factories; null second partials (all three) make it first-order. */
  private static BinaryScalarRule create(
      String name,
      DoubleBinaryOperator value,
      Partial partialX,
      Partial partialY,
      Partial xx,
      Partial xy,
      Partial yy) {
    return new BinaryScalarRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double value(double x, double y) {
        return value.applyAsDouble(x, y);
      }

      @Override
      public double partialX(double x, double y, double z) {
        return partialX.at(x, y, z);
      }

      @Override
      public double partialY(double x, double y, double z) {
        return partialY.at(x, y, z);
      }

      @Override
      public double partialXX(double x, double y, double z) {
        return xx == null ? BinaryScalarRule.super.partialXX(x, y, z) : xx.at(x, y, z);
      }

      @Override
      public double partialXY(double x, double y, double z) {
        return xy == null ? BinaryScalarRule.super.partialXY(x, y, z) : xy.at(x, y, z);
      }

      @Override
      public double partialYY(double x, double y, double z) {
        return yy == null ? BinaryScalarRule.super.partialYY(x, y, z) : yy.at(x, y, z);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
