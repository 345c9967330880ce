package dev.ad4j.engine;

import dev.ad4j.api.Arg;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;

/**
 * The two ways {@link Autodiff#jacobian} fills J: columns by forward mode, rows by reverse mode.
 */
final class Jacobians {
  private Jacobians() {}

  /** J by columns: vector forward mode along batches of unit directions eⱼ. */
  static Jacobian byColumns(Fn1<Vec, Vec> f, double[] x) {
    int n = x.length;
    double[] value = null;
    double[] j = null;
    for (int start = 0; start < n || value == null; start += Autodiff.JACOBIAN_BATCH) {
      int width = Math.max(1, Math.min(Autodiff.JACOBIAN_BATCH, n - start));
      double[][] directions = new double[width][n];
      for (int lane = 0; lane < width && start + lane < n; lane++) {
        directions[lane][start + lane] = 1.0;
      }
      ForwardResult<Vec> r = Autodiff.forward(f, Arg.batchDuplicated(x, directions));
      if (value == null) {
        value = r.primal().value().clone();
        j = new double[value.length * n];
      }
      for (int lane = 0; lane < width && start + lane < n; lane++) {
        double[] column = r.tangent(lane).value();
        for (int i = 0; i < value.length; i++) {
          j[i * n + start + lane] = column[i];
        }
      }
    }
    return new Jacobian(value, DenseMatrix.wrap(value.length, n, j), JacobianMode.FORWARD);
  }

  /** J by rows: one recording, swept once per output element. */
  static Jacobian byRows(Fn1<Vec, Vec> f, double[] x) {
    int n = x.length;
    ReverseTape tape = new ReverseTape();
    try {
      Value input = tape.input(Arg.duplicated(x, new double[n]));
      Vec y = Autodiff.vectorResult(f.apply((Vec) input), tape);
      int m = y.size();
      double[] j = new double[m * n];
      for (int i = 0; i < m && y.trace() == tape; i++) {
        tape.backwardFromElement(y.slot(), i);
        tape.copyTensorAdjoint(input, j, i * n); // row i = eᵢᵀ·J
      }
      return new Jacobian(y.value().clone(), DenseMatrix.wrap(m, n, j), JacobianMode.REVERSE);
    } finally {
      tape.close();
    }
  }
}
