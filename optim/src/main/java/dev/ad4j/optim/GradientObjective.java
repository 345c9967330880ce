package dev.ad4j.optim;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.Recording;
import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;

/**
 * A scalar objective written with ad4j, seen by Commons Math 3 as a {@link MultivariateFunction}
 * (the value) and a {@link MultivariateVectorFunction} (the gradient by one reverse sweep), for
 * gradient-based optimizers such as {@code NonLinearConjugateGradientOptimizer}.
 *
 * <pre>{@code
 * double[] target = {1, 2, 3};
 * GradientObjective f =
 *     GradientObjective.of(3, x -> Linalg.sumOfSquares(Linalg.subtract(x, Vec.constant(target))));
 * PointValuePair optimum =
 *     new NonLinearConjugateGradientOptimizer(
 *             Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-12))
 *         .optimize(
 *             new MaxEval(1000),
 *             f.objectiveFunction(),
 *             f.objectiveFunctionGradient(),
 *             GoalType.MINIMIZE,
 *             new InitialGuess(new double[] {0, 0, 0}));
 * optimum.getPoint(); // {1, 2, 3}
 * }</pre>
 *
 * <h2>Evaluation and caching</h2>
 *
 * <ul>
 *   <li>{@link #value} runs the function on a constant vector: nothing is recorded, no adjoint is
 *       computed. The line search of a conjugate gradient optimizer makes most of its calls here.
 *   <li>{@link #gradient} runs one reverse sweep, which gives the value too.
 *   <li>The last point is cached with its value and gradient: the optimizer asks for the gradient
 *       and then the value at the same point, which costs one sweep. The cache key is a copy, and
 *       every returned gradient is a fresh array, because the optimizer modifies both its point and
 *       the gradients it receives in place.
 *   <li>{@link #times()} reports how many plain and gradient evaluations ran and how long they
 *       took.
 * </ul>
 *
 * <h2>Replay</h2>
 *
 * {@link #replayed} makes an objective for scalar code that runs the same operations at every
 * point: the first gradient {@linkplain Autodiff#record records} the function, and every later
 * value and gradient replays that recording, with no tape and no allocation per call. Branches must
 * compare {@link Scalar}s so a flipped branch is recorded again (see {@link Recording}).
 *
 * <p>The methods are {@code synchronized}: one instance may be shared, but calls run one at a time.
 * Give each thread its own instance to evaluate in parallel.
 *
 * <p>Bad input (a null or NaN point, a point of the wrong length) is refused with an {@code
 * IllegalArgumentException} naming the problem; the caller's arrays are never modified.
 */
public final class GradientObjective {
  private static final String NAME = "GradientObjective";

  private final Fn1<Vec, Scalar> f;
  private final int dimension;
  private final Tally tally = new Tally();
  private final boolean replay;
  private Recording recording;
  // The last point (a copy), its value, and its gradient or null if only the value is known.
  private double[] cachedPoint;
  private double cachedValue;
  private double[] cachedGradient;

  private GradientObjective(Fn1<Vec, Scalar> f, int dimension, boolean replay) {
    this.f = f;
    this.dimension = dimension;
    this.replay = replay;
  }

  /** The objective {@code f}, a function of vectors of length {@code dimension}. */
  public static GradientObjective of(int dimension, Fn1<Vec, Scalar> f) {
    return create(dimension, f, false);
  }

  /**
   * The objective {@code f}, scalar code recorded at the first gradient and replayed from then on
   * (see the class comment). A function that applies array rules is refused at that first gradient;
   * use {@link #of} for it.
   */
  public static GradientObjective replayed(int dimension, Fn1<Vec, Scalar> f) {
    return create(dimension, f, true);
  }

  private static GradientObjective create(int dimension, Fn1<Vec, Scalar> f, boolean replay) {
    if (f == null) {
      throw new IllegalArgumentException(NAME + ": the function is null; pass x -> ...");
    }
    Points.checkDimension(NAME, dimension);
    return new GradientObjective(f, dimension, replay);
  }

  /** The number of parameters. */
  public int dimension() {
    return dimension;
  }

  /**
   * f(point), by plain evaluation (a replay once {@link #replayed} has recorded) unless cached.
   * {@code point} is not modified.
   */
  public synchronized double value(double[] point) {
    Points.check(NAME, point, dimension);
    if (!isCached(point)) {
      double[] key = point.clone();
      long start = System.nanoTime();
      double y = plain(key);
      tally.plain(System.nanoTime() - start);
      remember(key, y, null);
    }
    return cachedValue;
  }

  /**
   * ∇f(point) as a fresh array, by one reverse sweep unless cached. Not modified: {@code point}.
   */
  public synchronized double[] gradient(double[] point) {
    Points.check(NAME, point, dimension);
    if (!isCached(point) || cachedGradient == null) {
      double[] key = point.clone();
      double[] g = new double[dimension];
      long start = System.nanoTime();
      double y;
      if (replay) {
        if (recording == null) {
          recording = Autodiff.record(f, key);
        }
        y = recording.valueAndGradient(key, g);
      } else {
        y = Autodiff.reverse(f, Arg.duplicated(key.clone(), g)).value();
      }
      tally.derivative(System.nanoTime() - start);
      remember(key, y, g);
    }
    return cachedGradient.clone();
  }

  /** This objective's value as a Commons Math function. */
  public MultivariateFunction function() {
    return this::value;
  }

  /** This objective's gradient as a Commons Math vector function. */
  public MultivariateVectorFunction gradientFunction() {
    return this::gradient;
  }

  /** The value, wrapped for {@code optimize(...)}. */
  public ObjectiveFunction objectiveFunction() {
    return new ObjectiveFunction(function());
  }

  /** The gradient, wrapped for {@code optimize(...)}. */
  public ObjectiveFunctionGradient objectiveFunctionGradient() {
    return new ObjectiveFunctionGradient(gradientFunction());
  }

  /** Evaluations run so far (cache hits not counted) and their times. */
  public synchronized EvaluationTimes times() {
    return tally.snapshot();
  }

  private double plain(double[] x) {
    if (recording != null) {
      return recording.value(x);
    }
    Scalar y = f.apply(Vec.constant(x));
    if (y == null) {
      throw new IllegalArgumentException(NAME + ": the function returned null; return a Scalar");
    }
    return y.value();
  }

  private boolean isCached(double[] point) {
    return cachedPoint != null && Arrays.equals(cachedPoint, point);
  }

  private void remember(double[] key, double value, double[] gradient) {
    cachedPoint = key;
    cachedValue = value;
    cachedGradient = gradient;
  }
}
