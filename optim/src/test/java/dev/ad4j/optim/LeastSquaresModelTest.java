package dev.ad4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.fitting.leastsquares.EvaluationRmsChecker;
import org.apache.commons.math3.fitting.leastsquares.GaussNewtonOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;

class LeastSquaresModelTest {
  private static final double[] TRUE = {3, 0.5, 1.5, 4};
  private static final double[] T = times(40, 5);

  static double[] times(int m, double end) {
    double[] t = new double[m];
    for (int i = 0; i < m; i++) {
      t[i] = end * i / (m - 1);
    }
    return t;
  }

  /** y = a·e^(−b·t) + c·e^(−d·t) at every t, for p = (a, b, c, d). */
  static Vec twoExponentials(Vec p, double[] t) {
    Vec time = Vec.constant(t);
    Vec first = Linalg.map(Scalars.EXP, Linalg.scale(p.get(1).negate(), time));
    Vec second = Linalg.map(Scalars.EXP, Linalg.scale(p.get(3).negate(), time));
    return Linalg.add(Linalg.scale(p.get(0), first), Linalg.scale(p.get(2), second));
  }

  static double[] twoExponentialsValue(double[] p, double[] t) {
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] * Math.exp(-p[3] * t[i]);
    }
    return y;
  }

  private static LeastSquaresModel model() {
    return LeastSquaresModel.of(4, p -> twoExponentials(p, T));
  }

  private static LeastSquaresProblem problem(LeastSquaresModel model, double[] start) {
    return new LeastSquaresBuilder()
        .model(model)
        .lazyEvaluation(true)
        .target(twoExponentialsValue(TRUE, T))
        .start(start)
        .maxEvaluations(10_000)
        .maxIterations(10_000)
        .build();
  }

  @Test
  void classExample_levenbergMarquardtFitsALine() {
    double[] t = {0, 1, 2, 3};
    LeastSquaresModel line =
        LeastSquaresModel.of(
            2,
            p ->
                Linalg.add(
                    Linalg.scale(p.get(0), Vec.constant(t)),
                    Linalg.scale(p.get(1), Vec.constant(new double[] {1, 1, 1, 1}))));
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .model(line)
            .lazyEvaluation(true) // value-only evaluations skip the Jacobian
            .target(new double[] {1, 3, 5, 7})
            .start(new double[] {0, 0})
            .maxEvaluations(100)
            .maxIterations(100)
            .build();
    RealVector fit = new LevenbergMarquardtOptimizer().optimize(problem).getPoint();
    assertArrayEquals(new double[] {2, 1}, fit.toArray(), 1e-10);
  }

  @Test
  void levenbergMarquardt_sumOfExponentials_recoversParameters() {
    LeastSquaresModel model = model();
    Optimum optimum =
        new LevenbergMarquardtOptimizer().optimize(problem(model, new double[] {1, 0.2, 1, 2}));
    assertArrayEquals(TRUE, optimum.getPoint().toArray(), 1e-6);
    assertTrue(
        model.times().derivativeCount() <= optimum.getIterations() + 1, model.times().toString());
  }

  @Test
  void gaussNewton_sumOfExponentials_recoversParameters() {
    LeastSquaresOptimizer gaussNewton = new GaussNewtonOptimizer();
    // Gauss-Newton has no stopping rule of its own: stop when the RMS residual stops changing.
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .model(model())
            .lazyEvaluation(true)
            .target(twoExponentialsValue(TRUE, T))
            .start(new double[] {2.5, 0.4, 2, 3.5})
            .checker(new EvaluationRmsChecker(1e-10, 1e-13))
            .maxEvaluations(1000)
            .maxIterations(1000)
            .build();
    Optimum optimum = gaussNewton.optimize(problem);
    assertArrayEquals(TRUE, optimum.getPoint().toArray(), 1e-6);
  }

  @Test
  void jacobian_matchesClosedFormAndCentralDifferences() {
    double[] p = {2, 0.7, -1, 3};
    RealMatrix j = model().computeJacobian(p);
    double h = 1e-6;
    for (int i = 0; i < T.length; i++) {
      double e1 = Math.exp(-p[1] * T[i]);
      double e2 = Math.exp(-p[3] * T[i]);
      double[] closed = {e1, -p[0] * T[i] * e1, e2, -p[2] * T[i] * e2};
      assertArrayEquals(closed, j.getRow(i), 1e-12, "row " + i);
    }
    for (int k = 0; k < p.length; k++) {
      double[] plus = p.clone();
      double[] minus = p.clone();
      plus[k] += h;
      minus[k] -= h;
      double[] yPlus = twoExponentialsValue(plus, T);
      double[] yMinus = twoExponentialsValue(minus, T);
      for (int i = 0; i < T.length; i++) {
        assertEquals(
            (yPlus[i] - yMinus[i]) / (2 * h), j.getEntry(i, k), 1e-7, "entry " + i + "," + k);
      }
    }
  }

  @Test
  void computeValue_isThePlainModel() {
    double[] p = {2, 0.7, -1, 3};
    assertArrayEquals(twoExponentialsValue(p, T), model().computeValue(p).toArray(), 1e-14);
  }

  @Test
  void valueThenJacobian_samePoint_onePlainThenOneJacobian_thenCached() {
    AtomicInteger calls = new AtomicInteger();
    LeastSquaresModel model = counting(calls);
    double[] p = {2, 0.7, -1, 3};
    model.computeValue(p);
    model.computeJacobian(p);
    model.computeValue(p);
    model.computeJacobian(p);
    EvaluationTimes t = model.times();
    assertEquals(1, t.plainCount());
    assertEquals(1, t.derivativeCount());
  }

  @Test
  void jacobianThenValue_samePoint_noPlainEvaluation() {
    AtomicInteger calls = new AtomicInteger();
    LeastSquaresModel model = counting(calls);
    double[] p = {2, 0.7, -1, 3};
    RealMatrix j = model.computeJacobian(p);
    int afterJacobian = calls.get();
    RealVector y = model.computeValue(p);
    assertEquals(afterJacobian, calls.get());
    assertEquals(0, model.times().plainCount());
    assertArrayEquals(twoExponentialsValue(p, T), y.toArray(), 1e-14);
    assertEquals(T.length, j.getRowDimension());
  }

  @Test
  void value_ofRealVector_givesValuesAndJacobianTogether() {
    double[] p = {2, 0.7, -1, 3};
    LeastSquaresModel model = model();
    Pair<RealVector, RealMatrix> both = model.value(new ArrayRealVector(p));
    assertArrayEquals(twoExponentialsValue(p, T), both.getFirst().toArray(), 1e-14);
    assertArrayEquals(model.computeJacobian(p).getRow(3), both.getSecond().getRow(3), 0);
    assertEquals(1, model.times().derivativeCount());
    assertEquals(0, model.times().plainCount());
  }

  @Test
  void mutatingReturnedValuesOrPoint_doesNotCorruptCache() {
    LeastSquaresModel model = model();
    double[] p = {2, 0.7, -1, 3};
    RealMatrix j = model.computeJacobian(p);
    RealVector y = model.computeValue(p);
    j.setEntry(0, 0, 1e9);
    y.setEntry(0, 1e9);
    assertNotSame(j, model.computeJacobian(p));
    assertEquals(1, model.computeJacobian(p).getEntry(0, 0), 0); // ∂y(t=0)/∂a = e⁰
    assertEquals(1, model.computeValue(p).getEntry(0), 1e-14); // a + c at t = 0
    p[0] = 5; // a different point: recomputed, not the cached answer
    assertEquals(4, model.computeValue(p).getEntry(0), 1e-14);
    assertEquals(1, model.times().plainCount());
    assertEquals(1, model.times().derivativeCount());
  }

  @Test
  void badInput_refusedWithMessagesAndCallerArraysUntouched() {
    IllegalArgumentException nullModel =
        assertThrows(IllegalArgumentException.class, () -> LeastSquaresModel.of(4, null));
    assertEquals("LeastSquaresModel: the model is null; pass p -> ...", nullModel.getMessage());
    LeastSquaresModel model = model();
    IllegalArgumentException length =
        assertThrows(IllegalArgumentException.class, () -> model.computeJacobian(new double[3]));
    assertTrue(
        length
            .getMessage()
            .contains("the point has 3 coordinates but the function was built for 4"),
        length.getMessage());
    double[] nan = {1, Double.NaN, 1, 1};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.computeValue(nan));
    assertTrue(e.getMessage().contains("coordinate 1 of the point is NaN"), e.getMessage());
    assertArrayEquals(new double[] {1, Double.NaN, 1, 1}, nan);
    assertThrows(IllegalArgumentException.class, () -> model.value(null));
    assertEquals(new EvaluationTimes(0, 0, 0, 0), model.times());
  }

  private static LeastSquaresModel counting(AtomicInteger calls) {
    return LeastSquaresModel.of(
        4,
        p -> {
          calls.incrementAndGet();
          return twoExponentials(p, T);
        });
  }
}
