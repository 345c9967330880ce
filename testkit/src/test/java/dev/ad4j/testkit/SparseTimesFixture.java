package dev.ad4j.testkit;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Support;
import dev.ad4j.api.Support.Need;
import dev.ad4j.api.VecArg;

/**
 * y = A·x for a constant sparse A; its reverse reads A's live primal, so it is wrong (planted) when
 * A may be overwritten: it saves nothing.
 */
final class SparseTimesFixture implements Rule<Void> {
  @Override
  public String name() {
    return "times(A, x) without saving A";
  }

  @Override
  public Support support() {
    return Support.builder().forward(Need.CONST, Need.ANY).reverse(Need.CONST, Need.ANY).build();
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    SparseMatrix a = (SparseMatrix) args.mat(0).primal();
    VecArg x = args.vec(1);
    out.primal(times(a, x.primal()));
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      out.tangent(lane, x.isConst() ? new double[a.rows()] : times(a, x.shadow(lane)));
    }
  }

  @Override
  public Void augmentedPrimal(Config config, Args args, Output out) {
    out.primal(times((SparseMatrix) args.mat(0).primal(), args.vec(1).primal()));
    return null;
  }

  @Override
  public void reverse(Config config, Args args, Output out, Void saved) {
    if (args.vec(1).isConst()) {
      return;
    }
    SparseMatrix a = (SparseMatrix) args.mat(0).primal(); // the planted bug: not a saved copy
    double[] g = out.adjoint();
    double[] dx = args.vec(1).shadow();
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        dx[j] += a.get(i, j) * g[i];
      }
    }
  }

  private static double[] times(SparseMatrix a, double[] x) {
    double[] y = new double[a.rows()];
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        y[i] += a.get(i, j) * x[j];
      }
    }
    return y;
  }
}
