package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;

/**
 * One generated test case: a program {@code f(x, A, c)}, the point it is evaluated at, the activity
 * of each argument, and a direction (vx, vA, vc) for directional derivatives. The direction is zero
 * on constant arguments, so ⟨∇f, v⟩ only involves what reverse mode computes.
 *
 * <p>{@link #toString()} prints everything needed to reproduce a failure by hand.
 */
record Case(
    ScalarExpr program,
    double[] x,
    Matrix a,
    double c,
    Annotation xActivity,
    Annotation aActivity,
    boolean cActive,
    double[] vxRaw,
    double[] vaRaw,
    double vcRaw) {

  int n() {
    return x.length;
  }

  /** The stored values of A (its shadow has this length): row-major dense, or the sparse values. */
  double[] aValues() {
    return a instanceof DenseMatrix d ? d.values() : ((SparseMatrix) a).doubleValues();
  }

  double[] vx() {
    return xActivity.isActive() ? vxRaw : new double[x.length];
  }

  double[] va() {
    int size = aValues().length;
    return aActivity.isActive() ? Arrays.copyOf(vaRaw, size) : new double[size];
  }

  double vc() {
    return cActive ? vcRaw : 0.0;
  }

  /** A with its stored values replaced (a fresh matrix; this case's A is not touched). */
  Matrix aWith(double[] values) {
    return a instanceof DenseMatrix d
        ? DenseMatrix.wrap(d.rows(), d.cols(), values)
        : ((SparseMatrix) a).withValues(values);
  }

  @Override
  public String toString() {
    return "f(x, A, c) = "
        + program
        + "\n  x = "
        + Fmt.vec(x)
        + " ("
        + xActivity
        + ")\n  A = "
        + Fmt.matrix(a)
        + " ("
        + aActivity
        + ")\n  c = "
        + c
        + (cActive ? " (ACTIVE)" : " (CONST)")
        + "\n  direction vx = "
        + Fmt.vec(vx())
        + ", vA = "
        + Fmt.vec(va())
        + ", vc = "
        + vc();
  }
}
