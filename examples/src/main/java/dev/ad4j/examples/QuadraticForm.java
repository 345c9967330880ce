package dev.ad4j.examples;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Mat;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Support;
import dev.ad4j.api.Support.Need;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;

/**
 * A custom rule as a user writes it: {@code q(A, x) = xᵀAx}, for dense or sparse A. Its forward
 * body handles every combination; its reverse body only a constant A, and it says so up front, so
 * calling it with A active fails before any work with a message that names the fix.
 *
 * <pre>{@code
 * // ∂q/∂x = (A + Aᵀ)x, computed in O(nnz); nothing is done for the constant A.
 * Autodiff.reverse((Mat a, Vec x) -> QuadraticForm.apply(a, x), constant(A), duplicated(x, dx));
 * }</pre>
 */
public final class QuadraticForm implements Rule<QuadraticForm.Saved> {
  /** What reverse reads: A and x, copied only when they may be overwritten. */
  public record Saved(Matrix a, double[] x) {}

  /** The rule. Stateless, so one instance serves every thread. */
  public static final QuadraticForm RULE = new QuadraticForm();

  private QuadraticForm() {}

  /** {@code xᵀAx} inside a differentiated function. */
  public static Scalar apply(Mat a, Vec x) {
    return Dispatch.scalar(RULE, a, x);
  }

  @Override
  public String name() {
    return "quadraticForm";
  }

  @Override
  public Support support() {
    return Support.builder().forward(Need.ANY, Need.ANY).reverse(Need.CONST, Need.ANY).build();
  }

  /** q̇ = ẋᵀAx + xᵀAẋ + xᵀȦx. */
  @Override
  public void forward(Config config, Args args, Output out) {
    MatArg a = args.mat(0);
    VecArg x = args.vec(1);
    out.primal(form(x.primal(), a.primal(), x.primal()));
    for (int lane = 0; lane < config.width() && config.needsShadow(); lane++) {
      double t = 0;
      if (!x.isConst()) {
        t +=
            form(x.shadow(lane), a.primal(), x.primal())
                + form(x.primal(), a.primal(), x.shadow(lane));
      }
      if (!a.isConst()) {
        t += form(x.primal(), withValues(a.primal(), a.shadow(lane)), x.primal());
      }
      out.tangent(lane, t);
    }
  }

  @Override
  public Saved augmentedPrimal(Config config, Args args, Output out) {
    MatArg a = args.mat(0);
    VecArg x = args.vec(1);
    out.primal(form(x.primal(), a.primal(), x.primal()));
    if (x.isConst()) {
      return null; // reverse has nothing to do
    }
    Matrix as = config.overwritten(0) ? copyOf(a.primal()) : a.primal();
    return new Saved(as, config.overwritten(1) ? x.primal().clone() : x.primal());
  }

  /** x̄ += q̄ (A + Aᵀ) x, over A's stored entries; A is Const (declared in support()). */
  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    VecArg x = args.vec(1);
    if (x.isConst()) {
      return;
    }
    double[] xs = saved.x();
    double[] dx = x.shadow();
    double g = out.scalarAdjoint();
    forEachEntry(
        saved.a(),
        (i, j, aij) -> {
          dx[i] += g * aij * xs[j];
          dx[j] += g * aij * xs[i];
        });
  }

  /** uᵀAv over A's stored entries. */
  private static double form(double[] u, Matrix a, double[] v) {
    double[] sum = new double[1];
    forEachEntry(a, (i, j, aij) -> sum[0] += u[i] * aij * v[j]);
    return sum[0];
  }

  private interface EntryVisitor {
    void visit(int i, int j, double aij);
  }

  /** Visits every stored entry: all of them when dense, the pattern when sparse. */
  private static void forEachEntry(Matrix a, EntryVisitor visitor) {
    if (a instanceof SparseMatrix sp) {
      for (int i = 0; i < sp.rows(); i++) {
        for (int k = sp.rowPointers()[i]; k < sp.rowPointers()[i + 1]; k++) {
          visitor.visit(i, sp.columnIndices()[k], sp.storedValue(k));
        }
      }
    } else {
      DenseMatrix d = (DenseMatrix) a;
      for (int i = 0; i < d.rows(); i++) {
        for (int j = 0; j < d.cols(); j++) {
          visitor.visit(i, j, d.get(i, j));
        }
      }
    }
  }

  private static Matrix copyOf(Matrix a) {
    if (a instanceof DenseMatrix d) {
      return DenseMatrix.wrap(d.rows(), d.cols(), d.values().clone());
    }
    SparseMatrix sp = (SparseMatrix) a;
    return sp.kind() == SparseMatrix.Kind.DOUBLE ? sp.withValues(sp.doubleValues().clone()) : sp;
  }

  private static Matrix withValues(Matrix a, double[] values) {
    return a instanceof SparseMatrix sp
        ? sp.withValues(values)
        : DenseMatrix.wrap(a.rows(), a.cols(), values);
  }
}
