package dev.ad4j.examples;

import dev.ad4j.api.Vec;
import dev.ad4j.optim.EvaluationTimes;
import dev.ad4j.optim.LeastSquaresModel;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.io.PrintStream;
import java.util.Random;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem.Evaluation;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.optim.ConvergenceChecker;

/**
 * A nonlinear curve fit with Levenberg–Marquardt through {@link LeastSquaresModel}: the sum of two
 * exponentials
 *
 * <pre>
 *   y(t) = a·e^(−b·t) + c·e^(−d·t)
 * </pre>
 *
 * <p>fitted to samples on [0, 10] with Gaussian noise of standard deviation {@link #NOISE} (fixed
 * seed). J = ∂y/∂(a, b, c, d) comes from {@code Autodiff.jacobian}: with 4 parameters and many
 * samples it is one forward sweep carrying 4 tangent directions.
 */
public final class CurveFitExample {
  /** The parameters (a, b, c, d) the data are generated from. */
  public static final double[] TRUE = {3, 0.5, 1.5, 4};

  /** Where the fit starts. */
  public static final double[] START = {1, 0.2, 1, 2};

  /** Standard deviation of the noise added to the samples. */
  public static final double NOISE = 0.01;

  private CurveFitExample() {}

  /**
   * The result of {@link #run}.
   *
   * @param fitted the fitted (a, b, c, d)
   * @param standardErrors the estimated standard error of each fitted parameter, σ̂·√diag((JᵀJ)⁻¹)
   * @param rms the root mean square residual at the fit
   */
  public record Result(
      double[] fitted,
      double[] standardErrors,
      double rms,
      int iterations,
      int evaluations,
      EvaluationTimes times) {}

  /** The model y(t) for p = (a, b, c, d) at every sample time, written with ad4j built-ins. */
  public static Vec model(Vec p, double[] t) {
    Vec time = Vec.constant(t);
    Vec first = Linalg.map(Scalars.EXP, Linalg.scale(p.get(1).negate(), time));
    Vec second = Linalg.map(Scalars.EXP, Linalg.scale(p.get(3).negate(), time));
    return Linalg.add(Linalg.scale(p.get(0), first), Linalg.scale(p.get(2), second));
  }

  /** m sample times evenly spaced on [0, 10]. */
  public static double[] sampleTimes(int m) {
    double[] t = new double[m];
    for (int i = 0; i < m; i++) {
      t[i] = 10.0 * i / (m - 1);
    }
    return t;
  }

  /** y(t) at the true parameters plus Gaussian noise of deviation {@link #NOISE}. */
  public static double[] samples(double[] t, long seed) {
    Random random = new Random(seed);
    double[] y = model(Vec.constant(TRUE), t).value().clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += NOISE * random.nextGaussian();
    }
    return y;
  }

  /** Generates {@code m} samples, fits them from {@link #START}, prints progress and the fit. */
  public static Result run(PrintStream out, int m) {
    double[] t = sampleTimes(m);
    double[] y = samples(t, 2026);
    LeastSquaresModel model = LeastSquaresModel.of(4, p -> model(p, t));
    out.printf("   %,d samples of 3 e^(-0.5 t) + 1.5 e^(-4 t) + noise (sd %.2g)%n", m, NOISE);
    Optimum optimum =
        new LevenbergMarquardtOptimizer()
            .optimize(
                new LeastSquaresBuilder()
                    .model(model)
                    .lazyEvaluation(true)
                    .target(y)
                    .start(START)
                    .checker(new Progress(out))
                    .maxEvaluations(1000)
                    .maxIterations(1000)
                    .build());
    Result r = result(optimum, model.times());
    String[] names = {"a", "b", "c", "d"};
    for (int k = 0; k < 4; k++) {
      out.printf(
          "   %s = %.6f +- %.6f   (true %.1f)%n",
          names[k], r.fitted()[k], r.standardErrors()[k], TRUE[k]);
    }
    out.printf(
        "   rms residual %.5f after %d iterations, %d evaluations%n",
        r.rms(), r.iterations(), r.evaluations());
    out.println("   " + r.times().describe("Jacobians"));
    return r;
  }

  private static Result result(Optimum optimum, EvaluationTimes times) {
    int m = optimum.getResiduals().getDimension();
    int n = optimum.getPoint().getDimension();
    double sigma = optimum.getRMS() * Math.sqrt((double) m / (m - n));
    double[] errors = optimum.getSigma(1e-14).mapMultiply(sigma).toArray();
    return new Result(
        optimum.getPoint().toArray(),
        errors,
        optimum.getRMS(),
        optimum.getIterations(),
        optimum.getEvaluations(),
        times);
  }

  /** Runs the full-size example: 100,000 samples. */
  public static void main(String[] args) {
    System.out.println("Curve fit, Levenberg-Marquardt");
    run(System.out, 100_000);
  }

  /** Prints one line per iteration; never stops the fit (LM's own tolerances do). */
  private static final class Progress implements ConvergenceChecker<Evaluation> {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
      this.out = out;
    }

    @Override
    public boolean converged(int iteration, Evaluation previous, Evaluation current) {
      // |gradient| of ½‖r‖² is ‖Jᵀr‖; LM has J at this point already (the model caches it).
      double gradient = current.getJacobian().transpose().operate(current.getResiduals()).getNorm();
      out.printf(
          "   iteration %2d  cost ||r|| %.6g  |gradient| %.3e  %6.1f ms%n",
          iteration, current.getCost(), gradient, (System.nanoTime() - start) * 1e-6);
      return false;
    }
  }
}
