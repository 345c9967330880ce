package dev.ad4j.examples;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.HessianVectorProduct;
import dev.ad4j.examples.LogisticRegressionExample.Data;
import java.io.PrintStream;

/**
 * Newton–CG on the logistic regression of {@link LogisticRegressionExample}: each Newton step
 * solves H·p = −g by conjugate gradient, touching the Hessian only through Hessian-vector products
 * ({@link Autodiff#hessianVector}, forward over reverse), never forming it; a backtracking line
 * search on plain evaluations then takes the step.
 *
 * <p>CG stops when ‖H·p + g‖ ≤ η·‖g‖ with η = min(0.5, √‖g‖) (a truncated Newton method, which
 * converges superlinearly), or after {@link #MAX_CG} iterations.
 */
public final class NewtonCgExample {
  /** The most CG iterations per Newton step. */
  public static final int MAX_CG = 50;

  private NewtonCgExample() {}

  /** The result of {@link #run}. */
  public record Result(
      double initialObjective,
      double objective,
      double gradientNorm,
      int newtonSteps,
      int hessianVectorProducts,
      double accuracy,
      double[] weights,
      double gradientMillis,
      double hessianVectorMillis,
      double plainMillis) {}

  /**
   * Trains from w = 0 until ‖g‖ ≤ {@code tolerance}·‖g₀‖ or {@code maxSteps} Newton steps, printing
   * one progress line per step.
   */
  public static Result run(PrintStream out, Data data, int maxSteps, double tolerance) {
    int n = data.x().cols();
    Fn1<Vec, Scalar> f =
        LogisticRegressionExample.objective(data, LogisticRegressionExample.LAMBDA);
    Timer plain = new Timer();
    Timer gradients = new Timer();
    Timer hvps = new Timer();
    double[] w = new double[n];
    double initial = plain.value(f, w);
    double value = initial;
    double[] g = gradients.gradient(f, w);
    double g0 = norm(g);
    int step = 0;
    long start = System.nanoTime();
    while (step < maxSteps && norm(g) > tolerance * g0) {
      double[] p = conjugateGradient(f, w, g, hvps);
      double t = 1.0;
      double slope = dot(g, p);
      double[] trial = axpy(w, t, p);
      double trialValue = plain.value(f, trial);
      while (trialValue > value + 1e-4 * t * slope && t > 1e-10) { // Armijo backtracking
        t *= 0.5;
        trial = axpy(w, t, p);
        trialValue = plain.value(f, trial);
      }
      w = trial;
      value = trialValue;
      g = gradients.gradient(f, w);
      step++;
      out.printf(
          "   step %2d  objective %.10g  |gradient| %.3e  step length %.3g  HVPs so far %d  %6d ms%n",
          step, value, norm(g), t, hvps.count, (System.nanoTime() - start) / 1_000_000);
    }
    Result r =
        new Result(
            initial,
            value,
            norm(g),
            step,
            hvps.count,
            LogisticRegressionExample.accuracy(data, w),
            w,
            gradients.average(),
            hvps.average(),
            plain.average());
    out.printf(
        "   objective %.6g -> %.10g in %d Newton steps, %d Hessian-vector products;"
            + " training accuracy %.4f%n",
        initial, r.objective(), step, r.hessianVectorProducts(), r.accuracy());
    out.printf(
        "   average times: plain evaluation %.2f ms, gradient %.2f ms (%.2fx),"
            + " Hessian-vector product %.2f ms (%.2fx)%n",
        r.plainMillis(),
        r.gradientMillis(),
        r.gradientMillis() / r.plainMillis(),
        r.hessianVectorMillis(),
        r.hessianVectorMillis() / r.plainMillis());
    return r;
  }

  /** Approximately solves H·p = −g by CG from p = 0, with H·v from {@link Autodiff}. */
  static double[] conjugateGradient(Fn1<Vec, Scalar> f, double[] w, double[] g, Timer hvps) {
    int n = g.length;
    double[] p = new double[n];
    double[] r = new double[n]; // r = −g − H·p
    for (int i = 0; i < n; i++) {
      r[i] = -g[i];
    }
    double[] d = r.clone();
    double rr = dot(r, r);
    double eta = Math.min(0.5, Math.sqrt(norm(g)));
    for (int k = 0; k < MAX_CG && Math.sqrt(rr) > eta * norm(g); k++) {
      double[] hd = hvps.hessianVector(f, w, d);
      double curvature = dot(d, hd);
      if (curvature <= 0) {
        break; // not positive definite along d: keep the step so far
      }
      double alpha = rr / curvature;
      for (int i = 0; i < n; i++) {
        p[i] += alpha * d[i];
        r[i] -= alpha * hd[i];
      }
      double next = dot(r, r);
      for (int i = 0; i < n; i++) {
        d[i] = r[i] + (next / rr) * d[i];
      }
      rr = next;
    }
    return p;
  }

  /** Runs Newton–CG at the size of the conjugate gradient example: 100,000 × 10,000. */
  public static void main(String[] args) {
    Data data = LogisticRegressionExample.generate(100_000, 10_000, 2026);
    run(System.out, data, 20, 1e-8);
  }

  /** Counts and times the calls of one kind of evaluation. */
  static final class Timer {
    int count;
    long nanos;

    double value(Fn1<Vec, Scalar> f, double[] w) {
      long t = System.nanoTime();
      double v = f.apply(Vec.constant(w)).value();
      record(t);
      return v;
    }

    double[] gradient(Fn1<Vec, Scalar> f, double[] w) {
      long t = System.nanoTime();
      double[] g = Autodiff.gradient(f, w);
      record(t);
      return g;
    }

    double[] hessianVector(Fn1<Vec, Scalar> f, double[] w, double[] v) {
      long t = System.nanoTime();
      HessianVectorProduct r = Autodiff.hessianVector(f, w, v);
      record(t);
      return r.hessianVector();
    }

    double average() {
      return count == 0 ? 0 : nanos / 1e6 / count;
    }

    private void record(long start) {
      nanos += System.nanoTime() - start;
      count++;
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] axpy(double[] w, double t, double[] p) {
    double[] out = w.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += t * p[i];
    }
    return out;
  }
}
