package dev.ad4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;
import dev.ad4j.rules.Linalg;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;
import org.junit.jupiter.api.Test;

class GradientObjectiveTest {

  /** Extended Rosenbrock: Σ over pairs (x₂ᵢ, x₂ᵢ₊₁) of 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)². */
  static Scalar rosenbrock(Vec x) {
    Scalar sum = Scalar.constant(0);
    for (int i = 0; i + 1 < x.size(); i += 2) {
      Scalar a = x.get(i);
      Scalar b = x.get(i + 1);
      sum = sum.plus(b.minus(a.square()).square().times(100)).plus(a.negate().plus(1).square());
    }
    return sum;
  }

  static double rosenbrockValue(double[] x) {
    return rosenbrock(Vec.constant(x)).value();
  }

  private static PointValuePair minimize(GradientObjective f, double[] start, double tolerance) {
    return new NonLinearConjugateGradientOptimizer(
            Formula.POLAK_RIBIERE, new SimpleValueChecker(tolerance, tolerance))
        .optimize(
            new MaxEval(100_000),
            f.objectiveFunction(),
            f.objectiveFunctionGradient(),
            GoalType.MINIMIZE,
            new InitialGuess(start));
  }

  @Test
  void classExample_conjugateGradientFindsTheTarget() {
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
                new InitialGuess(new double[] {0, 0, 0}));
    assertArrayEquals(target, optimum.getPoint(), 1e-8);
  }

  @Test
  void conjugateGradient_extendedRosenbrock_reachesAllOnes() {
    double[] start = {-1.2, 1, -1.2, 1, -1.2, 1};
    GradientObjective f = GradientObjective.of(6, GradientObjectiveTest::rosenbrock);
    PointValuePair optimum = minimize(f, start, 1e-30);
    for (double xi : optimum.getPoint()) {
      assertEquals(1, xi, 1e-6);
    }
    assertArrayEquals(new double[] {-1.2, 1, -1.2, 1, -1.2, 1}, start);
    assertTrue(f.times().plainCount() > f.times().derivativeCount(), f.times().toString());
  }

  @Test
  void replayed_takesTheSameStepsAsRecordingEachCall() {
    double[] start = {-1.2, 1, -1.2, 1, -1.2, 1};
    GradientObjective recorded = GradientObjective.of(6, GradientObjectiveTest::rosenbrock);
    GradientObjective replayed = GradientObjective.replayed(6, GradientObjectiveTest::rosenbrock);
    PointValuePair a = minimize(recorded, start, 1e-30);
    PointValuePair b = minimize(replayed, start, 1e-30);
    // Replayed values and gradients are bit for bit the recorded ones, so the optimizer's path is.
    assertArrayEquals(a.getPoint(), b.getPoint(), 0.0);
    assertEquals(recorded.times().derivativeCount(), replayed.times().derivativeCount());
    assertEquals(recorded.times().plainCount(), replayed.times().plainCount());
    for (double xi : b.getPoint()) {
      assertEquals(1, xi, 1e-6);
    }
  }

  @Test
  void replayed_branchOnScalars_followsTheBranchAtEachPoint() {
    // f(x) = |x0 - 1|·(x0 > 1 ? 3 : 1) + x1², by a comparison of Scalars.
    GradientObjective f =
        GradientObjective.replayed(
            2,
            x -> {
              Scalar d = x.get(0).minus(1);
              Scalar branch = d.greaterThan(0) ? d.times(3) : d.negate();
              return branch.plus(x.get(1).square());
            });
    assertArrayEquals(new double[] {3, 4}, f.gradient(new double[] {2, 2}), 0.0);
    assertArrayEquals(new double[] {-1, -2}, f.gradient(new double[] {0, -1}), 0.0);
    assertEquals(6.0, f.value(new double[] {3, 0}), 0.0);
    assertEquals(2.0, f.value(new double[] {-1, 0}), 0.0);
  }

  @Test
  void replayed_arrayCode_refusedAtTheFirstGradient() {
    GradientObjective f = GradientObjective.replayed(2, x -> Linalg.sumOfSquares(x));
    assertEquals(5.0, f.value(new double[] {1, 2}), 0.0);
    assertThrows(UnsupportedOperationException.class, () -> f.gradient(new double[] {1, 2}));
  }

  @Test
  void conjugateGradient_quadratic_reachesSolutionOfAxEqualsB() {
    double[][] a = {{4, 1, 0}, {1, 3, -1}, {0, -1, 2}};
    double[] b = {1, -2, 3};
    DenseMatrix am = DenseMatrix.of(a);
    // f(x) = ½ xᵀAx − bᵀx, minimised where Ax = b (A symmetric positive definite)
    GradientObjective f =
        GradientObjective.of(
            3, x -> Linalg.dot(x, am, x).times(0.5).minus(Linalg.dot(Vec.constant(b), x)));
    double[] expected =
        new LUDecomposition(new Array2DRowRealMatrix(a))
            .getSolver()
            .solve(new org.apache.commons.math3.linear.ArrayRealVector(b))
            .toArray();
    assertArrayEquals(expected, minimize(f, new double[] {5, 5, 5}, 1e-15).getPoint(), 1e-7);
  }

  @Test
  void gradient_matchesCentralDifferences() {
    double[] x = {-1.2, 1, 0.3, -0.7};
    double[] g = GradientObjective.of(4, GradientObjectiveTest::rosenbrock).gradient(x);
    double h = 1e-6;
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      double fd = (rosenbrockValue(plus) - rosenbrockValue(minus)) / (2 * h);
      assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), "coordinate " + i);
    }
  }

  @Test
  void gradientThenValue_samePoint_oneReverseSweepAndNoPlainEvaluation() {
    AtomicInteger calls = new AtomicInteger();
    GradientObjective f = counting(calls);
    double[] x = {0.5, 2};
    double[] g = f.gradient(x);
    double y = f.value(x);
    assertEquals(1, calls.get());
    assertEquals(new EvaluationTimes(0, 0, 1, f.times().derivativeNanos()), f.times());
    assertEquals(rosenbrockValue(x), y, 0);
    assertEquals(2, g.length);
  }

  @Test
  void valueThenGradient_samePoint_onePlainEvaluationThenOneReverseSweep() {
    AtomicInteger calls = new AtomicInteger();
    GradientObjective f = counting(calls);
    double[] x = {0.5, 2};
    f.value(x);
    f.gradient(x);
    f.gradient(x);
    f.value(x);
    assertEquals(2, calls.get());
    assertEquals(1, f.times().plainCount());
    assertEquals(1, f.times().derivativeCount());
  }

  @Test
  void mutatingReturnedGradient_doesNotCorruptCache() {
    GradientObjective f = GradientObjective.of(2, GradientObjectiveTest::rosenbrock);
    double[] x = {0.5, 2};
    double[] first = f.gradient(x);
    double[] copy = first.clone();
    first[0] = 1e9;
    assertArrayEquals(copy, f.gradient(x));
    assertEquals(1, f.times().derivativeCount());
  }

  @Test
  void mutatingPointInPlace_recomputesAtTheNewPoint() {
    AtomicInteger calls = new AtomicInteger();
    GradientObjective f = counting(calls);
    double[] x = {0.5, 2};
    double[] atFirst = f.gradient(x);
    x[0] += 1; // what the optimizer does to its own point array
    double[] atSecond = f.gradient(x);
    assertEquals(2, calls.get());
    assertNotEquals(atFirst[0], atSecond[0]);
    assertArrayEquals(
        GradientObjective.of(2, GradientObjectiveTest::rosenbrock).gradient(x), atSecond, 0);
    assertEquals(rosenbrockValue(x), f.value(x), 0);
    assertEquals(2, calls.get());
  }

  @Test
  void differentPoint_recomputesValue() {
    AtomicInteger calls = new AtomicInteger();
    GradientObjective f = counting(calls);
    assertEquals(rosenbrockValue(new double[] {0, 0}), f.value(new double[] {0, 0}), 0);
    assertEquals(rosenbrockValue(new double[] {1, 0}), f.value(new double[] {1, 0}), 0);
    assertEquals(2, calls.get());
  }

  @Test
  void times_countNanosOfEveryEvaluation() {
    GradientObjective f = GradientObjective.of(2, GradientObjectiveTest::rosenbrock);
    f.value(new double[] {0, 0});
    f.value(new double[] {0, 1});
    f.gradient(new double[] {0, 1});
    EvaluationTimes t = f.times();
    assertEquals(2, t.plainCount());
    assertEquals(1, t.derivativeCount());
    assertTrue(t.plainNanos() > 0 && t.derivativeNanos() > 0, t.toString());
    assertTrue(t.describe("gradients").startsWith("gradients took "), t.describe("gradients"));
  }

  @Test
  void of_nullFunction_refused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientObjective.of(2, null));
    assertEquals("GradientObjective: the function is null; pass x -> ...", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GradientObjective.of(0, x -> x.get(0)));
  }

  @Test
  void wrongLength_refusedNamingBothLengths() {
    GradientObjective f = GradientObjective.of(2, GradientObjectiveTest::rosenbrock);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.gradient(new double[] {1, 2, 3}));
    assertTrue(
        e.getMessage().contains("the point has 3 coordinates but the function was built for 2"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.value(null));
  }

  @Test
  void nanPoint_refusedAndCallerArrayUntouched() {
    AtomicInteger calls = new AtomicInteger();
    GradientObjective f = counting(calls);
    double[] x = {1, Double.NaN};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.value(x));
    assertTrue(e.getMessage().contains("coordinate 1 of the point is NaN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.gradient(x));
    assertArrayEquals(new double[] {1, Double.NaN}, x);
    assertEquals(0, calls.get());
  }

  @Test
  void functionReturningNull_refused() {
    GradientObjective f = GradientObjective.of(1, x -> null);
    assertThrows(IllegalArgumentException.class, () -> f.value(new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> f.gradient(new double[] {1}));
  }

  private static GradientObjective counting(AtomicInteger calls) {
    Fn1<Vec, Scalar> f =
        x -> {
          calls.incrementAndGet();
          return rosenbrock(x);
        };
    return GradientObjective.of(2, f);
  }
}
