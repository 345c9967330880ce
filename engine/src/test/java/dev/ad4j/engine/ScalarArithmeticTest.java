package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Scalar;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arithmetic of {@link Scalar} (the tape's built-in instructions) under every activity
 * combination, in both modes, against central finite differences of the plain double arithmetic.
 */
class ScalarArithmeticTest {
  private static final double A = 1.7;
  private static final double B = -0.6;
  private static final double H = 1e-6;

  static Stream<Arguments> operations() {
    return Stream.of(
        op("plus", Scalar::plus, (a, b) -> a + b),
        op("minus", Scalar::minus, (a, b) -> a - b),
        op("times", Scalar::times, (a, b) -> a * b),
        op("div", Scalar::div, (a, b) -> a / b),
        op("plus const", (a, b) -> a.plus(B), (a, b) -> a + B),
        op("minus const", (a, b) -> a.minus(B), (a, b) -> a - B),
        op("times const", (a, b) -> a.times(B), (a, b) -> a * B),
        op("div const", (a, b) -> a.div(B), (a, b) -> a / B),
        op("negate", (a, b) -> a.negate(), (a, b) -> -a),
        op("square", (a, b) -> a.square(), (a, b) -> a * a),
        op("self times", (a, b) -> a.times(a), (a, b) -> a * a),
        op(
            "chain",
            (a, b) -> a.times(b).minus(a.div(b)).square(),
            (a, b) -> Math.pow(a * b - a / b, 2)));
  }

  private static Arguments op(
      String name, Fn2<Scalar, Scalar, Scalar> f, DoubleBinaryOperator plain) {
    return Arguments.of(name, f, plain);
  }

  private static double fd(DoubleBinaryOperator f, double da, double db) {
    return (f.applyAsDouble(A + H * da, B + H * db) - f.applyAsDouble(A - H * da, B - H * db))
        / (2 * H);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void reverse_everyActivityCombination_matchesFiniteDifferences(
      String name, Fn2<Scalar, Scalar, Scalar> f, DoubleBinaryOperator plain) {
    for (int mask = 0; mask < 4; mask++) {
      boolean activeA = (mask & 1) != 0;
      boolean activeB = (mask & 2) != 0;
      Arg<Scalar> a = activeA ? active(A) : constant(A);
      Arg<Scalar> b = activeB ? active(B) : constant(B);
      ReverseResult r = Autodiff.reverse(f, a, b);
      assertEquals(plain.applyAsDouble(A, B), r.value(), 1e-15, name);
      if (activeA) {
        assertEquals(fd(plain, 1, 0), r.adjoint(0), 1e-7, name + " adjoint of a, mask " + mask);
      }
      if (activeB) {
        assertEquals(fd(plain, 0, 1), r.adjoint(1), 1e-7, name + " adjoint of b, mask " + mask);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void forward_everyActivityCombination_matchesFiniteDifferencesAndReverse(
      String name, Fn2<Scalar, Scalar, Scalar> f, DoubleBinaryOperator plain) {
    double ta = 0.3;
    double tb = -1.1;
    for (int mask = 0; mask < 4; mask++) {
      boolean activeA = (mask & 1) != 0;
      boolean activeB = (mask & 2) != 0;
      ForwardResult<Scalar> r =
          Autodiff.forward(
              f, activeA ? active(A, ta) : constant(A), activeB ? active(B, tb) : constant(B));
      double expected = fd(plain, activeA ? ta : 0, activeB ? tb : 0);
      assertEquals(expected, r.tangent().value(), 1e-7, name + " tangent, mask " + mask);
      if (mask == 3) {
        ReverseResult rev = Autodiff.reverse(f, active(A), active(B));
        assertEquals(rev.adjoint(0) * ta + rev.adjoint(1) * tb, r.tangent().value(), 1e-12, name);
      }
    }
  }
}
