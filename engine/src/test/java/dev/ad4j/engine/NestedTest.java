package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Scalars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Second derivatives by nesting in all four combinations of modes (outer mode first: rr, rf, fr,
 * ff), against closed-form Hessians and against central differences of the engine's first-order
 * gradient.
 */
class NestedTest {
  /** Outer mode, then inner mode. */
  enum Combo {
    RR(true, true),
    RF(true, false),
    FR(false, true),
    FF(false, false);

    final boolean outerReverse;
    final boolean innerReverse;

    Combo(boolean outerReverse, boolean innerReverse) {
      this.outerReverse = outerReverse;
      this.innerReverse = innerReverse;
    }
  }

  /** f = x³y²: H = [[6xy², 6x²y], [6x²y, 2x³]]. */
  static Scalar cubeSquare(Vec v) {
    Scalar x = v.get(0);
    Scalar y = v.get(1);
    return x.square().times(x).times(y.square());
  }

  /** f = exp(−x)·sin y: H = e^{−x}·[[sin y, −cos y], [−cos y, −sin y]]. */
  static Scalar expSin(Vec v) {
    return Scalars.exp(v.get(0).negate()).times(Scalars.sin(v.get(1)));
  }

  /** Rosenbrock (1 − x)² + 100(y − x²)². */
  static Scalar rosenbrock(Vec v) {
    Scalar x = v.get(0);
    Scalar y = v.get(1);
    return x.minus(1).square().plus(y.minus(x.square()).square().times(100));
  }

  /** f = x/y + x^y: DIVIDE and a BinaryScalarRule. */
  static Scalar quotientPow(Vec v) {
    Scalar x = v.get(0);
    Scalar y = v.get(1);
    return x.div(y).plus(Scalars.pow(x, y));
  }

  /** f = (√(3x + 1)/2 − 1)·y²: arithmetic with constants and a unary rule. */
  static Scalar sqrtTimesSquare(Vec v) {
    Scalar g = Scalars.sqrt(v.get(0).times(3).plus(1)).div(2).minus(1);
    return g.times(v.get(1).square());
  }

  static double[][] cubeSquareHessian(double x, double y) {
    return new double[][] {{6 * x * y * y, 6 * x * x * y}, {6 * x * x * y, 2 * x * x * x}};
  }

  static double[][] expSinHessian(double x, double y) {
    double e = Math.exp(-x);
    return new double[][] {
      {e * Math.sin(y), -e * Math.cos(y)}, {-e * Math.cos(y), -e * Math.sin(y)}
    };
  }

  static double[][] rosenbrockHessian(double x, double y) {
    return new double[][] {{2 - 400 * (y - x * x) + 800 * x * x, -400 * x}, {-400 * x, 200}};
  }

  static double[][] quotientPowHessian(double x, double y) {
    double p = Math.pow(x, y);
    double l = Math.log(x);
    double xy = -1 / (y * y) + Math.pow(x, y - 1) * (1 + y * l);
    return new double[][] {
      {y * (y - 1) * Math.pow(x, y - 2), xy}, {xy, 2 * x / (y * y * y) + p * l * l}
    };
  }

  static double[][] sqrtTimesSquareHessian(double x, double y) {
    double s = Math.sqrt(3 * x + 1);
    double g = s / 2 - 1;
    double g1 = 3 / (4 * s);
    double g2 = -9 / (8 * s * s * s);
    return new double[][] {{g2 * y * y, 2 * y * g1}, {2 * y * g1, 2 * g}};
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void cubeSquare_hessianMatchesTheClosedForm(Combo c) {
    check(c, NestedTest::cubeSquare, new double[] {1.3, -0.7}, cubeSquareHessian(1.3, -0.7));
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void expOfNegateTimesSin_hessianMatchesTheClosedForm(Combo c) {
    check(c, NestedTest::expSin, new double[] {0.4, 1.1}, expSinHessian(0.4, 1.1));
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void rosenbrock_hessianMatchesTheClosedForm(Combo c) {
    check(c, NestedTest::rosenbrock, new double[] {-1.2, 1.0}, rosenbrockHessian(-1.2, 1.0));
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void quotientAndPow_hessianMatchesTheClosedForm(Combo c) {
    check(c, NestedTest::quotientPow, new double[] {1.7, 2.3}, quotientPowHessian(1.7, 2.3));
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void constantArithmeticAndSqrt_hessianMatchesTheClosedForm(Combo c) {
    check(
        c,
        NestedTest::sqrtTimesSquare,
        new double[] {0.6, -1.4},
        sqrtTimesSquareHessian(0.6, -1.4));
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void everyFunction_hessianMatchesCentralDifferencesOfTheGradient(Combo c) {
    double[] x = {0.9, 1.6};
    for (Fn1<Vec, Scalar> f :
        java.util.List.<Fn1<Vec, Scalar>>of(
            NestedTest::cubeSquare,
            NestedTest::expSin,
            NestedTest::rosenbrock,
            NestedTest::quotientPow,
            NestedTest::sqrtTimesSquare)) {
      double[][] h = hessian(c, f, x);
      double step = 1e-5;
      for (int j = 0; j < x.length; j++) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[j] += step;
        minus[j] -= step;
        double[] gp = Autodiff.gradient(f, plus);
        double[] gm = Autodiff.gradient(f, minus);
        for (int i = 0; i < x.length; i++) {
          double fd = (gp[i] - gm[i]) / (2 * step);
          assertEquals(fd, h[i][j], 1e-6 * (1 + Math.abs(fd)), c + " H[" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void javadocExample_reverseOverReverseHessianRow() {
    double[] row =
        Autodiff.gradient(
            x -> Nested.gradient(u -> u.get(0).square().times(u.get(1)), x.get(0), x.get(1))[0],
            new double[] {3, 2});
    assertEquals(4.0, row[0]);
    assertEquals(6.0, row[1]);
  }

  @Test
  void constantPoint_givesThePlainGradientAsConstants() {
    Scalar[] g = Nested.gradient(NestedTest::cubeSquare, Scalar.constant(2), Scalar.constant(3));
    Scalar[] gf =
        Nested.gradientForward(NestedTest::cubeSquare, Scalar.constant(2), Scalar.constant(3));
    // ∂(x³y²)/∂x = 3x²y² = 108, ∂/∂y = 2x³y = 48
    for (Scalar[] r : new Scalar[][] {g, gf}) {
      assertFalse(r[0].isActive());
      assertEquals(108.0, r[0].value());
      assertEquals(48.0, r[1].value());
    }
    assertEquals(Math.cos(0.5), Nested.derivative(Scalars::sin, Scalar.constant(0.5)).value());
  }

  @Test
  void thirdDerivative_byNestingTwiceInsideReverse() {
    // d³/dx³ x⁴ = 24x = 48 at x = 2
    Fn1<Scalar, Scalar> fourth = b -> b.square().square();
    double[] d3 =
        Autodiff.gradient(
            v -> Nested.derivative(a -> Nested.derivative(fourth, a), v.get(0)), new double[] {2});
    assertEquals(48.0, d3[0], 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Combo.class)
  void vecOfInsideTheInnerFunction_flowsThroughElements(Combo c) {
    // f = (x·y, x + y) packed, then element 0 times element 1 = x²y + xy²
    Fn1<Vec, Scalar> f =
        v -> {
          Vec w = Vec.of(v.get(0).times(v.get(1)), v.get(0).plus(v.get(1)));
          return w.get(0).times(w.get(1));
        };
    double x = 1.5;
    double y = -0.5;
    double[][] expected = {{2 * y, 2 * x + 2 * y}, {2 * x + 2 * y, 2 * x}};
    check(c, f, new double[] {x, y}, expected);
  }

  /** The Hessian of {@code f} at {@code x} row by row: row i is the derivative of ∂f/∂x_i. */
  static double[][] hessian(Combo c, Fn1<Vec, Scalar> f, double[] x) {
    int n = x.length;
    double[][] h = new double[n][];
    for (int i = 0; i < n; i++) {
      int row = i;
      Fn1<Vec, Scalar> partial = v -> inner(c, f, v)[row];
      h[i] = c.outerReverse ? Autodiff.gradient(partial, x) : forwardGradient(partial, x);
    }
    return h;
  }

  static Scalar[] inner(Combo c, Fn1<Vec, Scalar> f, Vec v) {
    Scalar[] xs = new Scalar[v.size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = v.get(k);
    }
    return c.innerReverse ? Nested.gradient(f, xs) : Nested.gradientForward(f, xs);
  }

  /** The gradient by one vector-forward sweep along every unit vector. */
  static double[] forwardGradient(Fn1<Vec, Scalar> f, double[] x) {
    double[][] units = new double[x.length][x.length];
    for (int j = 0; j < x.length; j++) {
      units[j][j] = 1.0;
    }
    ForwardResult<Scalar> r = Autodiff.forward(f, Arg.batchDuplicated(x, units));
    double[] g = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      g[j] = r.tangent(j).value();
    }
    return g;
  }

  private static void check(Combo c, Fn1<Vec, Scalar> f, double[] x, double[][] expected) {
    double[][] h = hessian(c, f, x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        double e = expected[i][j];
        assertEquals(e, h[i][j], 1e-12 * (1 + Math.abs(e)), c + " H[" + i + "][" + j + "]");
      }
    }
  }
}
