package dev.ad4j.optim;

import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.Jacobian;
import java.util.Arrays;
import org.apache.commons.math3.fitting.leastsquares.ValueAndJacobianFunction;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A least-squares model written with ad4j (parameters → model values), seen by Commons Math 3 as a
 * {@link ValueAndJacobianFunction}: the model values by plain evaluation and J = ∂model/∂parameters
 * by {@link Autodiff#jacobian} (forward or reverse mode, whichever needs fewer sweeps), for {@code
 * LevenbergMarquardtOptimizer} and {@code GaussNewtonOptimizer}.
 *
 * <pre>{@code
 * // fit y = a·t + b to points on y = 2t + 1
 * double[] t = {0, 1, 2, 3};
 * LeastSquaresModel line =
 *     LeastSquaresModel.of(2, p -> Linalg.add(
 *         Linalg.scale(p.get(0), Vec.constant(t)),
 *         Linalg.scale(p.get(1), Vec.constant(new double[] {1, 1, 1, 1}))));
 * LeastSquaresProblem problem =
 *     new LeastSquaresBuilder()
 *         .model(line)
 *         .lazyEvaluation(true) // value-only evaluations skip the Jacobian
 *         .target(new double[] {1, 3, 5, 7})
 *         .start(new double[] {0, 0})
 *         .maxEvaluations(100)
 *         .maxIterations(100)
 *         .build();
 * new LevenbergMarquardtOptimizer().optimize(problem).getPoint(); // (2, 1)
 * }</pre>
 *
 * <h2>Evaluation and caching</h2>
 *
 * <ul>
 *   <li>{@link #computeValue} runs the model on a constant vector: nothing is recorded.
 *   <li>{@link #computeJacobian} computes J and, with it, the values.
 *   <li>The last point is cached with its values and Jacobian, keyed by a copy; each call returns a
 *       fresh vector or matrix, so an optimizer that modifies them cannot corrupt the cache.
 *   <li>{@link #times()} reports how many plain and Jacobian evaluations ran and how long they
 *       took.
 * </ul>
 *
 * <p>The methods are {@code synchronized}. Bad input (a null or NaN point, a point of the wrong
 * length) is refused with an {@code IllegalArgumentException}; the caller's arrays are never
 * modified.
 */
public final class LeastSquaresModel implements ValueAndJacobianFunction {
  private static final String NAME = "LeastSquaresModel";

  private final Fn1<Vec, Vec> model;
  private final int parameters;
  private final Tally tally = new Tally();
  // The last point (a copy), its values, and its Jacobian or null if only the values are known.
  private double[] cachedPoint;
  private double[] cachedValue;
  private Jacobian cachedJacobian;

  private LeastSquaresModel(Fn1<Vec, Vec> model, int parameters) {
    this.model = model;
    this.parameters = parameters;
  }

  /** The model {@code p -> values}, a function of {@code parameters} parameters. */
  public static LeastSquaresModel of(int parameters, Fn1<Vec, Vec> model) {
    if (model == null) {
      throw new IllegalArgumentException(NAME + ": the model is null; pass p -> ...");
    }
    Points.checkDimension(NAME, parameters);
    return new LeastSquaresModel(model, parameters);
  }

  /** The number of parameters. */
  public int parameters() {
    return parameters;
  }

  /** The model values at {@code params} (not modified), a fresh vector. */
  @Override
  public synchronized RealVector computeValue(double[] params) {
    Points.check(NAME, params, parameters);
    if (!isCached(params)) {
      double[] key = params.clone();
      long start = System.nanoTime();
      double[] y = plain(key);
      tally.plain(System.nanoTime() - start);
      cachedPoint = key;
      cachedValue = y;
      cachedJacobian = null;
    }
    return new ArrayRealVector(cachedValue, true);
  }

  /** J = ∂model/∂parameters at {@code params} (not modified), a fresh Array2DRowRealMatrix. */
  @Override
  public synchronized RealMatrix computeJacobian(double[] params) {
    return jacobianAt(params).toRealMatrix();
  }

  /**
   * The model values and J at {@code point} (not modified), as {@code
   * MultivariateJacobianFunction}.
   */
  @Override
  public synchronized Pair<RealVector, RealMatrix> value(RealVector point) {
    if (point == null) {
      throw new IllegalArgumentException(NAME + ": the point is null; pass the parameters");
    }
    double[] params = point.toArray();
    RealMatrix j = jacobianAt(params).toRealMatrix();
    return new Pair<>(new ArrayRealVector(cachedValue, true), j);
  }

  /** Evaluations run so far (cache hits not counted) and their times. */
  public synchronized EvaluationTimes times() {
    return tally.snapshot();
  }

  private Jacobian jacobianAt(double[] params) {
    Points.check(NAME, params, parameters);
    if (!isCached(params) || cachedJacobian == null) {
      double[] key = params.clone();
      long start = System.nanoTime();
      Jacobian j = Autodiff.jacobian(model, key.clone());
      tally.derivative(System.nanoTime() - start);
      cachedPoint = key;
      cachedValue = j.value().clone();
      cachedJacobian = j;
    }
    return cachedJacobian;
  }

  private double[] plain(double[] x) {
    Vec y = model.apply(Vec.constant(x));
    if (y == null) {
      throw new IllegalArgumentException(NAME + ": the model returned null; return a Vec");
    }
    return y.value().clone();
  }

  private boolean isCached(double[] point) {
    return cachedPoint != null && Arrays.equals(cachedPoint, point);
  }
}
