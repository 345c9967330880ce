package dev.ad4j.examples;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.batchDuplicated;
import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.ForwardResult;
import dev.ad4j.engine.HessianVectorProduct;
import dev.ad4j.engine.Jacobian;
import dev.ad4j.engine.Nested;
import dev.ad4j.engine.Recording;
import dev.ad4j.engine.ReverseResult;
import dev.ad4j.optim.GradientObjective;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;
import org.junit.jupiter.api.Test;

/** Every code example of the README, run; expected values are the README's closed forms. */
class ReadmeTest {
  private static final SparseMatrix P =
      SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});

  @Test
  void quickStart_reverseWithConstantBooleanP() {
    double[] v = {1, 0};
    double[] dv = new double[2];
    Autodiff.reverse((Vec x, Mat p) -> Linalg.dot(x, p, x), duplicated(v, dv), constant(P));
    assertArrayEquals(new double[] {2, 0}, dv);
  }

  @Test
  void quickStart_gradientConvenience() {
    double[] v = {1, 0};
    double[] g =
        Autodiff.gradient(x -> Linalg.dot(x, Linalg.times(P, x)).plus(Linalg.sumOfSquares(x)), v);
    assertArrayEquals(new double[] {4, 0}, g);
  }

  @Test
  void quickStart_scalarCodeReturnsActiveAdjoints() {
    ReverseResult r =
        Autodiff.reverse(
            (Scalar a, Scalar b) -> a.times(b).plus(Scalars.sin(a)), active(2.0), active(3.0));
    assertEquals(6 + Math.sin(2), r.value(), 1e-15);
    assertEquals(3 + Math.cos(2), r.adjoint(0), 1e-15);
    assertEquals(2, r.adjoint(1), 1e-15);
  }

  @Test
  void quickStart_forwardMode() {
    double[] tangent = {1, 0};
    ForwardResult<Scalar> t =
        Autodiff.forward(
            (Vec x) -> Linalg.sumOfSquares(x), duplicated(new double[] {1, 2}, tangent));
    assertEquals(5, t.primal().value(), 0);
    assertEquals(2, t.tangent().value(), 0);
    assertArrayEquals(new double[] {1, 0}, tangent);
  }

  @Test
  void quickStart_vectorForwardMode() {
    ForwardResult<Vec> d =
        Autodiff.forward(
            (Vec x) -> Linalg.multiply(x, x),
            batchDuplicated(new double[] {3, 4}, new double[] {1, 0}, new double[] {0, 1}));
    assertArrayEquals(new double[] {6, 0}, d.tangent(0).value());
    assertArrayEquals(new double[] {0, 8}, d.tangent(1).value());
  }

  @Test
  void quickStart_jacobianAndHessianVector() {
    Jacobian j =
        Autodiff.jacobian(
            x -> Vec.of(x.get(0).times(x.get(1)), Scalars.sin(x.get(1))), new double[] {2, 3});
    assertEquals(2, j.get(0, 1));
    assertEquals(Math.cos(3), j.toRealMatrix().getEntry(1, 1), 1e-15);
    HessianVectorProduct hv =
        Autodiff.hessianVector(
            x -> x.get(0).square().times(x.get(1)), new double[] {3, 2}, new double[] {1, 0});
    assertArrayEquals(new double[] {4, 6}, hv.hessianVector());
  }

  @Test
  void quickStart_recordOnceReplayMany() {
    Recording rec =
        Autodiff.record(
            x -> x.get(0).greaterThan(0) ? x.get(0).square() : x.get(0).negate(), new double[] {1});
    double[] gr = new double[1];
    double y1 = rec.valueAndGradient(new double[] {3}, gr);
    assertEquals(9.0, y1);
    assertArrayEquals(new double[] {6}, gr);
    assertEquals(1, rec.recordings());
    double y2 = rec.valueAndGradient(new double[] {-2}, gr);
    assertEquals(2.0, y2);
    assertArrayEquals(new double[] {-1}, gr);
    assertEquals(2, rec.recordings());
  }

  @Test
  void quickStart_nestedReverseOverReverse() {
    double[] row =
        Autodiff.gradient(
            x -> Nested.gradient(u -> u.get(0).square().times(u.get(1)), x.get(0), x.get(1))[0],
            new double[] {3, 2});
    assertArrayEquals(new double[] {4, 6}, row);
  }

  @Test
  void optimizers_conjugateGradientFindsTheTarget() {
    double[] target = {1, 2, 3};
    GradientObjective f =
        GradientObjective.of(3, x -> Linalg.sumOfSquares(Linalg.subtract(x, Vec.constant(target))));
    PointValuePair optimum =
        new NonLinearConjugateGradientOptimizer(
                Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-12))
            .optimize(
                new MaxEval(1000),
                f.objectiveFunction(),
                f.objectiveFunctionGradient(),
                GoalType.MINIMIZE,
                new InitialGuess(new double[3]));
    assertArrayEquals(target, optimum.getPoint(), 1e-6);
  }

  @Test
  void easyTier_softplus() {
    UnaryScalarRule softplus =
        UnaryScalarRule.of(
            "softplus", x -> Math.log1p(Math.exp(x)), (x, y) -> 1 / (1 + Math.exp(-x)));
    double[] g = Autodiff.gradient(x -> softplus.apply(x.get(0)), new double[] {0});
    assertArrayEquals(new double[] {0.5}, g, 1e-15);
  }

  @Test
  void testKitExample_isTheKitTestFileVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("### The rule test kit");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    String file =
        Files.readString(Path.of("src/test/java/dev/ad4j/examples/QuadraticFormKitTest.java"));
    assertEquals(file, block);
  }
}
