package dev.ad4j.engine.reliability;

import static dev.ad4j.api.Arg.batchDuplicated;
import static dev.ad4j.api.Arg.duplicated;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.ForwardResult;
import dev.ad4j.engine.HessianVectorProduct;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Eight different derivative computations for the long-running tests, one per thread: scalar code,
 * sparse rules (boolean and double), dense matrix rules, Jacobians in both modes, vector forward
 * mode, Hessian-vector products and a full Hessian. Each maps an input to every number it computes,
 * flattened, so two runs can be compared bit for bit.
 */
final class Workloads {
  static final int N = 12;

  private static final SparseMatrix PATTERN =
      SparseMatrix.pattern(N, N, new int[] {0, 3, 7, 7, 11}, new int[] {1, 3, 2, 9, 0});
  private static final SparseMatrix DOUBLES =
      SparseMatrix.ofDoubles(
          N,
          N,
          new int[] {0, 1, 4, 8, 11},
          new int[] {0, 5, 4, 8, 11},
          new double[] {2, -1, 3, 0.5, 1});

  private Workloads() {}

  static Scalar rosenbrockPlusMask(Vec x) {
    Scalar s = Linalg.dot(x, PATTERN, x);
    for (int i = 0; i + 1 < x.size(); i++) {
      Scalar d = x.get(i + 1).minus(x.get(i).square());
      s = s.plus(d.square().times(100)).plus(Scalars.exp(x.get(i).times(0.1)));
    }
    return s;
  }

  private static Scalar smooth(Vec x) {
    Vec y = Linalg.times(DOUBLES, x);
    return Linalg.logSumExp(y).plus(Special.softplus(x.get(0).times(x.get(1))));
  }

  private static Vec vectorValued(Vec x) {
    return Linalg.add(Linalg.times(DOUBLES, x), Linalg.multiply(x, x));
  }

  private static double[] join(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  private static DenseMatrix spd(double[] x) {
    int n = 4;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = x[i] * x[j] * 0.1 + (i == j ? n : 0);
      }
    }
    return DenseMatrix.wrap(n, n, a);
  }

  /** The eight computations, in thread order. */
  static List<UnaryOperator<double[]>> all() {
    return List.of(
        x -> Autodiff.gradient(Workloads::rosenbrockPlusMask, x),
        x -> Autodiff.gradient(Workloads::smooth, x),
        x -> Autodiff.jacobian(Workloads::vectorValued, x).matrix().values().clone(),
        x ->
            Autodiff.jacobian(v -> Vec.of(smooth(v), rosenbrockPlusMask(v)), x)
                .matrix()
                .values()
                .clone(),
        x -> {
          HessianVectorProduct hv = Autodiff.hessianVector(Workloads::smooth, x, x);
          return join(new double[] {hv.value()}, hv.gradient(), hv.hessianVector());
        },
        x -> Autodiff.hessian(Workloads::rosenbrockPlusMask, x).values().clone(),
        x -> {
          ForwardResult<Vec> f =
              Autodiff.forward(
                  (Vec v) -> vectorValued(v), batchDuplicated(x, unit(0), unit(5), unit(N - 1)));
          return join(
              f.primal().value(), f.tangent(0).value(), f.tangent(1).value(), f.tangent(2).value());
        },
        x -> {
          DenseMatrix a = spd(x);
          double[] da = new double[16];
          double[] db = new double[4];
          Autodiff.reverse(
              (Mat m, Vec b) -> Linalg.logDet(m).plus(Linalg.sumOfSquares(Linalg.solve(m, b))),
              duplicated(a, da),
              duplicated(Arrays.copyOf(x, 4), db));
          return join(da, db);
        });
  }

  private static double[] unit(int i) {
    double[] e = new double[N];
    e[i] = 1;
    return e;
  }

  /** {@code count} inputs of length {@link #N}, from a fixed seed per thread. */
  static double[][] inputs(int thread, int count) {
    Random random = new Random(1000 + thread);
    double[][] xs = new double[count][N];
    for (double[] x : xs) {
      for (int i = 0; i < N; i++) {
        x[i] = 0.5 * random.nextGaussian();
      }
    }
    return xs;
  }
}
