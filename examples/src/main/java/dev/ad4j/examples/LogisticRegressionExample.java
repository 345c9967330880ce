package dev.ad4j.examples;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;
import dev.ad4j.optim.EvaluationTimes;
import dev.ad4j.optim.GradientObjective;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Special;
import java.io.PrintStream;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;

/**
 * L2-regularised logistic regression on a sparse binary design matrix, trained with Commons Math's
 * non-linear conjugate gradient through {@link GradientObjective}:
 *
 * <pre>
 *   f(w) = Σᵢ log(1 + exp(−yᵢ(Xw)ᵢ)) + ½λ‖w‖²,   yᵢ ∈ {−1, +1}
 * </pre>
 *
 * <p>X is a constant PATTERN matrix, so the reverse sweep of {@code X·w} is {@code Xᵀ·ȳ} over the
 * stored entries and nothing is ever computed for X itself. The labels come from a hidden weight
 * vector drawn with a fixed seed.
 */
public final class LogisticRegressionExample {
  /** The regularisation weight λ. */
  public static final double LAMBDA = 1e-3;

  /** Stored entries per row of X (before merging duplicate columns). */
  public static final int PER_ROW = 20;

  private LogisticRegressionExample() {}

  /** A training set: X (rows × features, boolean) and labels ±1. */
  public record Data(SparseMatrix x, double[] labels) {}

  /** The result of {@link #run}. */
  public record Result(
      double initialObjective,
      double objective,
      double accuracy,
      int iterations,
      double[] weights,
      EvaluationTimes times) {}

  /**
   * X with about {@link #PER_ROW} true entries per row at random columns, and yᵢ = sign((X w*)ᵢ)
   * for a hidden w* with entries uniform in [−1, 1) (fixed seeds).
   */
  public static Data generate(int rows, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] rowIndices = new int[Math.multiplyExact(rows, PER_ROW)];
    int[] columnIndices = new int[rowIndices.length];
    for (int k = 0; k < rowIndices.length; k++) {
      rowIndices[k] = k / PER_ROW;
      columnIndices[k] = random.nextInt(features);
    }
    SparseMatrix x = SparseMatrix.pattern(rows, features, rowIndices, columnIndices);
    double[] hidden = new double[features];
    for (int j = 0; j < features; j++) {
      hidden[j] = 2 * random.nextDouble() - 1;
    }
    double[] scores = Linalg.times(x, Vec.constant(hidden)).value();
    double[] labels = new double[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = scores[i] >= 0 ? 1 : -1;
    }
    return new Data(x, labels);
  }

  /** f(w) written with ad4j built-ins; X and y are constants. */
  public static Fn1<Vec, Scalar> objective(Data data, double lambda) {
    Vec labels = Vec.constant(data.labels());
    return w -> {
      Vec margins = Linalg.multiply(labels, Linalg.times(data.x(), w));
      Scalar loss = Linalg.sum(Linalg.map(Special.SOFTPLUS, Linalg.scale(-1, margins)));
      return loss.plus(Linalg.sumOfSquares(w).times(0.5 * lambda));
    };
  }

  /** The fraction of rows where sign((Xw)ᵢ) equals yᵢ. */
  public static double accuracy(Data data, double[] w) {
    double[] scores = Linalg.times(data.x(), Vec.constant(w)).value();
    int right = 0;
    for (int i = 0; i < scores.length; i++) {
      right += (scores[i] >= 0 ? 1 : -1) == data.labels()[i] ? 1 : 0;
    }
    return (double) right / scores.length;
  }

  /**
   * Generates a problem of {@code rows × features}, trains from w = 0 for at most {@code
   * maxIterations} conjugate gradient iterations, and prints progress and the result to {@code
   * out}.
   */
  public static Result run(PrintStream out, int rows, int features, int maxIterations) {
    long start = System.nanoTime();
    Data data = generate(rows, features, 2026);
    out.printf(
        "   X: %,d x %,d sparse boolean, %,d stored (generated in %d ms); lambda = %g%n",
        rows, features, data.x().nnz(), (System.nanoTime() - start) / 1_000_000, LAMBDA);
    GradientObjective f = GradientObjective.of(features, objective(data, LAMBDA));
    double[] w0 = new double[features];
    double initial = f.value(w0);
    Progress progress = new Progress(out, f, maxIterations);
    // Line search (Brent on the step length): relative tolerance 1e-4 and a first bracket of 0.01
    // instead of the defaults (1e-8, 1e-8): conjugate gradient needs no exact line minimum, and
    // at full size this takes about 8 plain evaluations per iteration instead of 13.5.
    NonLinearConjugateGradientOptimizer optimizer =
        new NonLinearConjugateGradientOptimizer(Formula.POLAK_RIBIERE, progress, 1e-4, 1e-8, 1e-2);
    PointValuePair optimum =
        optimizer.optimize(
            new MaxEval(1_000_000),
            f.objectiveFunction(),
            f.objectiveFunctionGradient(),
            GoalType.MINIMIZE,
            new InitialGuess(w0));
    double[] w = optimum.getPoint();
    Result result =
        new Result(
            initial,
            optimum.getValue(),
            accuracy(data, w),
            optimizer.getIterations(),
            w,
            f.times());
    out.printf(
        "   objective %.6g -> %.6g in %d iterations (%d plain evaluations, %d gradients);"
            + " training accuracy %.4f%n",
        initial,
        result.objective(),
        result.iterations(),
        result.times().plainCount(),
        result.times().derivativeCount(),
        result.accuracy());
    out.println("   " + result.times().describe("gradients"));
    return result;
  }

  /** Runs the full-size example: 100,000 × 10,000, at most 100 iterations. */
  public static void main(String[] args) {
    System.out.println("Logistic regression, non-linear conjugate gradient (Polak-Ribiere)");
    run(System.out, 100_000, 10_000, 100);
  }

  /**
   * Stops on a small relative change of the objective or after a number of iterations, and prints a
   * progress line at some iterations. The optimizer calls it once per iteration, right after the
   * gradient at the current point was computed, so the gradient norm here is a cache hit.
   */
  private static final class Progress implements ConvergenceChecker<PointValuePair> {
    private final SimpleValueChecker values = new SimpleValueChecker(1e-10, 1e-12);
    private final PrintStream out;
    private final GradientObjective f;
    private final int maxIterations;
    private final long start = System.nanoTime();

    Progress(PrintStream out, GradientObjective f, int maxIterations) {
      this.out = out;
      this.f = f;
      this.maxIterations = maxIterations;
    }

    @Override
    public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
      boolean stop = iteration >= maxIterations || values.converged(iteration, previous, current);
      if (stop || iteration <= 3 || iteration % 10 == 0) {
        out.printf(
            "   iteration %3d  objective %.6g  |gradient| %.3e  %6d ms%n",
            iteration,
            current.getValue(),
            norm(f.gradient(current.getPoint())),
            (System.nanoTime() - start) / 1_000_000);
      }
      return stop;
    }

    private static double norm(double[] g) {
      double sum = 0;
      for (double gi : g) {
        sum += gi * gi;
      }
      return Math.sqrt(sum);
    }
  }
}
