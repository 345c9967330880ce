package dev.ad4j.examples;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;

import dev.ad4j.api.Mat;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;

/**
 * The cases that break rules which ignore activity (Zygote's {@code dot} with a sparse boolean
 * vector, {@code v'Pv} with a sparse boolean P, the dense n×n derivative of {@code dot(x, A, y)}),
 * computed with ad4j. {@link Tour} prints them; the tests check them against closed forms and
 * finite differences.
 */
public final class MotivatingCases {
  private MotivatingCases() {}

  /** Case 1: the gradient of {@code v ↦ dot(s, v)} with s the sparse boolean [true, false]. */
  public static double[] sparseBooleanDot(double[] v) {
    SparseMatrix s = SparseMatrix.columnVector(2, 0);
    return Autodiff.gradient(x -> Linalg.dot(s, x), v);
  }

  /** Case 2: the gradient of {@code v ↦ vᵀ(P v)}, P constant. */
  public static double[] quadraticViaTimes(SparseMatrix p, double[] v) {
    return Autodiff.gradient(x -> Linalg.dot(x, Linalg.times(p, x)), v);
  }

  /** Case 2: the gradient of {@code v ↦ dot(v, P, v)}, P constant. */
  public static double[] quadraticViaDot3(SparseMatrix p, double[] v) {
    double[] dv = new double[v.length];
    Autodiff.reverse((Vec x, Mat m) -> Linalg.dot(x, m, x), duplicated(v, dv), constant(p));
    return dv;
  }

  /** Case 3: the user's rule {@code q(A, x) = xᵀAx} with A constant. */
  public static double[] customRuleConstA(SparseMatrix a, double[] x) {
    double[] dx = new double[x.length];
    Autodiff.reverse(QuadraticForm::apply, constant(a), duplicated(x, dx));
    return dx;
  }

  /** Case 3: the same rule with A duplicated, which its reverse body does not support. */
  public static UnsupportedActivityException customRuleActiveA(SparseMatrix a, double[] x) {
    double[] dx = new double[x.length];
    try {
      Autodiff.reverse(QuadraticForm::apply, duplicated(a, new double[a.nnz()]), duplicated(x, dx));
    } catch (UnsupportedActivityException e) {
      return e;
    }
    throw new IllegalStateException("expected the rule to refuse an active A");
  }

  /** Case 4's result: the three adjoints of {@code xᵀAy} and how long they took. */
  public record Huge(double[] dx, double[] dy, double[] dA, double seconds) {}

  /** Case 4: {@code dot(x, A, y)} with every argument active; dA lives on A's pattern. */
  public static Huge hugeBilinear(SparseMatrix a, double[] x, double[] y) {
    double[] dx = new double[x.length];
    double[] dy = new double[y.length];
    double[] da = new double[a.nnz()];
    long start = System.nanoTime();
    Autodiff.reverse(Linalg::dot, duplicated(x, dx), duplicated(a, da), duplicated(y, dy));
    return new Huge(dx, dy, da, (System.nanoTime() - start) * 1e-9);
  }

  /** Case 5: annotating a boolean sparse matrix Duplicated; returns the refusal. */
  public static IllegalArgumentException booleanMarkedDuplicated(SparseMatrix p) {
    try {
      duplicated(p, new double[p.nnz()]);
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new IllegalStateException("expected a boolean matrix to be refused as Duplicated");
  }
}
