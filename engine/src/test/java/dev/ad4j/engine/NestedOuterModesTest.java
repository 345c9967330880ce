package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Scalar;
import dev.ad4j.rules.Scalars;
import org.junit.jupiter.api.Test;

/** Nested calls under the other outer entry points: Hessian-vector products and Jacobians. */
class NestedOuterModesTest {
  @Test
  void hessianVectorOverNestedGradient_isTheThirdDerivative() {
    // g(x) = ∂(x³)/∂x = 3x² by nested reverse; forward over reverse of g gives g″ = 6
    HessianVectorProduct r =
        Autodiff.hessianVector(
            v -> Nested.gradient(u -> u.get(0).square().times(u.get(0)), v.get(0))[0],
            new double[] {1.5},
            new double[] {1});
    assertEquals(3 * 1.5 * 1.5, r.value(), 1e-15);
    assertEquals(6 * 1.5, r.gradient()[0], 1e-15);
    assertEquals(6.0, r.hessianVector()[0], 1e-15);
  }

  @Test
  void jacobianOfNestedGradients_isTheHessian() {
    // f = sin(x)·y²: ∇f = (cos x·y², 2y·sin x); its Jacobian is the Hessian
    double x = 0.8;
    double y = -1.3;
    for (JacobianMode mode : new JacobianMode[] {JacobianMode.FORWARD, JacobianMode.REVERSE}) {
      Jacobian j =
          Autodiff.jacobian(
              v ->
                  dev.ad4j.api.Vec.of(
                      Nested.gradient(
                          u -> Scalars.sin(u.get(0)).times(u.get(1).square()), v.get(0), v.get(1))),
              new double[] {x, y},
              mode);
      assertEquals(-Math.sin(x) * y * y, j.get(0, 0), 1e-14, mode + " H00");
      assertEquals(2 * y * Math.cos(x), j.get(0, 1), 1e-14, mode + " H01");
      assertEquals(2 * y * Math.cos(x), j.get(1, 0), 1e-14, mode + " H10");
      assertEquals(2 * Math.sin(x), j.get(1, 1), 1e-14, mode + " H11");
    }
  }

  @Test
  void javadocExample_hessianAsTheJacobianOfAVectorGradient() {
    Jacobian h =
        Autodiff.jacobian(
            x -> Nested.gradient(u -> u.get(0).square().times(u.get(1)), x), new double[] {3, 2});
    assertEquals(4.0, h.get(0, 0));
    assertEquals(6.0, h.get(0, 1));
    assertEquals(6.0, h.get(1, 0));
    assertEquals(0.0, h.get(1, 1));
    Jacobian hf =
        Autodiff.jacobian(
            x -> Nested.gradientForward(u -> u.get(0).square().times(u.get(1)), x),
            new double[] {3, 2});
    assertEquals(6.0, hf.get(1, 0));
    assertEquals(4.0, hf.get(0, 0));
  }

  @Test
  void nestedDerivativeOfAConstantFunction_isZero() {
    assertEquals(0.0, Nested.derivative(t -> Scalar.constant(4.0), Scalar.constant(1.0)).value());
  }
}
