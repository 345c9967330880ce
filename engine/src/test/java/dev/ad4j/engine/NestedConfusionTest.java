package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Perturbation confusion (Siskind and Pearlmutter): d/dx [x · d/dy (x + y)] = 1 everywhere; an
 * implementation that confuses the two perturbations answers 2. Each outer mode, each inner mode,
 * and both levels nested.
 */
class NestedConfusionTest {
  /** x · d/dy (x + y) at y = 1, the inner derivative by reverse mode. */
  private static Scalar byReverse(Scalar x) {
    return x.times(Nested.gradient(u -> x.plus(u.get(0)), Scalar.constant(1.0))[0]);
  }

  /** x · d/dy (x + y) at y = 1, the inner derivative by forward mode. */
  private static Scalar byForward(Scalar x) {
    return x.times(Nested.derivative(y -> x.plus(y), Scalar.constant(1.0)));
  }

  @Test
  void outerReverse_innerReverse_isOne() {
    assertEquals(1.0, Autodiff.reverse(NestedConfusionTest::byReverse, active(1.0)).adjoint(0));
  }

  @Test
  void outerReverse_innerForward_isOne() {
    assertEquals(1.0, Autodiff.reverse(NestedConfusionTest::byForward, active(1.0)).adjoint(0));
  }

  @Test
  void outerForward_innerReverse_isOne() {
    assertEquals(
        1.0, Autodiff.forward(NestedConfusionTest::byReverse, active(1.0, 1.0)).tangent().value());
  }

  @Test
  void outerForward_innerForward_isOne() {
    assertEquals(
        1.0, Autodiff.forward(NestedConfusionTest::byForward, active(1.0, 1.0)).tangent().value());
  }

  @Test
  void bothLevelsNested_fromConstantPoints_isOne() {
    // Both nested traces start from constants: the later one is the inner one.
    assertEquals(
        1.0, Nested.derivative(NestedConfusionTest::byForward, Scalar.constant(1.0)).value());
    assertEquals(1.0, Nested.gradient(v -> byReverse(v.get(0)), Scalar.constant(1.0))[0].value());
  }

  @Test
  void innerPointDependsOnTheOuterVariable_stillSeparatesThePerturbations() {
    // d/dx [ d/dy (x·y) at y = x ] = d/dx x = 1 (confusion gives 2)
    double d =
        Autodiff.reverse((Scalar x) -> Nested.gradient(u -> x.times(u.get(0)), x)[0], active(3.0))
            .adjoint(0);
    assertEquals(1.0, d);
    double f =
        Autodiff.forward((Scalar x) -> Nested.derivative(y -> x.times(y), x), active(3.0, 1.0))
            .tangent()
            .value();
    assertEquals(1.0, f);
  }
}
