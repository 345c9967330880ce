package dev.ad4j.gradbench;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import java.util.Arrays;

/**
 * The log posterior of a Gaussian mixture with a Wishart prior (ADBench's GMM), in ad4j array
 * operations.
 *
 * <h2>Data layout</h2>
 *
 * The parameters are one flat vector θ = [α (k), μ (k×d, row after row), q (k×d), l (k×d(d−1)/2)].
 * Component j's Q_j = diag(exp q_j) + L_j, L_j strictly lower triangular, filled column by column
 * from l_j: (1,0), (2,0), …, (d−1,0), (2,1), …. The data X (n×d) is constant.
 *
 * <h2>The function</h2>
 *
 * f = −(nd/2) log 2π + Σᵢ LSEⱼ(αⱼ + Σ q_j − ½‖Q_j(xᵢ − μⱼ)‖²) − n·LSE(α) + s·P, with the ADBench
 * prior P = Σⱼ [½γ²(‖exp q_j‖² + ‖l_j‖²) − m Σ q_j] − k·C, C = N d log(γ/√2) − log Γ_d(N/2), N = d
 * + m + 1. GradBench takes s = −1 (the log density of the Wishart prior), ADBench's code s = +1.
 *
 * <p>Per component, the n residual rows are one matrix product (X − 1μⱼᵀ)·Q_jᵀ, so the tape holds
 * O(k) array operations of O(n·d²) work each, not n·k·d² scalar operations. The per-point LSE over
 * components subtracts the primal row maximum as a constant (LSE(v) = c + log Σ exp(v − c) for any
 * constant c, so the gradient is unchanged) and is then exp, sum and log of vectors.
 */
public final class GmmObjective {
  /** GradBench's sign of the prior term: the mathematically correct log prior. */
  public static final double GRADBENCH_PRIOR = -1;

  /** ADBench's sign, which its golden values follow. */
  public static final double ADBENCH_PRIOR = 1;

  final int d;
  final int k;
  final int n;
  final DenseMatrix x;
  final double gamma;
  final int m;

  /**
   * The objective of k components in d dimensions over n points.
   *
   * @param x the n×d data, row after row (not modified; wrapped, not copied)
   * @param gamma the Wishart prior's scale γ
   * @param m the Wishart prior's extra degrees of freedom
   */
  public GmmObjective(int d, int k, int n, double[] x, double gamma, int m) {
    this.d = d;
    this.k = k;
    this.n = n;
    this.x = DenseMatrix.wrap(n, d, x);
    this.gamma = gamma;
    this.m = m;
  }

  int lengthL() {
    return d * (d - 1) / 2;
  }

  /** The length of θ, k + 2kd + k·d(d−1)/2. */
  public int parameters() {
    return k + 2 * k * d + k * lengthL();
  }

  /**
   * f(θ) with the prior added times {@code priorSign} ({@link #GRADBENCH_PRIOR} or {@link
   * #ADBENCH_PRIOR}). With θ {@code Const} nothing is recorded; differentiate it with {@code
   * Autodiff.gradient(t -> f.apply(t, sign), theta)}.
   */
  public Scalar apply(Vec theta, double priorSign) {
    Vec alpha = Linalg.slice(theta, 0, k);
    Vec[] inner = new Vec[k];
    Scalar prior = Scalar.constant(0);
    for (int j = 0; j < k; j++) {
      Vec mu = Linalg.slice(theta, k + j * d, k + (j + 1) * d);
      Vec q = Linalg.slice(theta, k + k * d + j * d, k + k * d + (j + 1) * d);
      int l0 = k + 2 * k * d + j * lengthL();
      Vec l = Linalg.slice(theta, l0, l0 + lengthL());
      Vec qdiag = Linalg.map(Scalars.EXP, q);
      Scalar sumQ = Linalg.sum(q);
      Mat centered = Linalg.subtract(Mat.constant(x), Linalg.outer(ones(n), mu));
      Mat y = Linalg.times(centered, Linalg.transpose(triangle(qdiag, l)));
      Vec halfSquares = Linalg.scale(-0.5, Linalg.rowSums(Linalg.multiply(y, y)));
      inner[j] = Linalg.add(halfSquares, Linalg.scale(alpha.get(j).plus(sumQ), ones(n)));
      Scalar frobenius = Linalg.sumOfSquares(qdiag).plus(Linalg.sumOfSquares(l));
      prior = prior.plus(frobenius.times(0.5 * gamma * gamma).minus(sumQ.times(m)));
    }
    prior = prior.minus(k * wishartC());
    Scalar constant = Scalar.constant(-0.5 * n * d * Math.log(2 * Math.PI));
    return constant
        .plus(sumOfLogSumExp(inner))
        .minus(Linalg.logSumExp(alpha).times(n))
        .plus(prior.times(priorSign));
  }

  /** Q = diag(qdiag) + L as a d×d matrix, L filled column by column below the diagonal. */
  private Mat triangle(Vec qdiag, Vec l) {
    int[] diagonal = new int[d];
    int[] lower = new int[lengthL()];
    int t = 0;
    for (int c = 0; c < d; c++) {
      diagonal[c] = c * d + c;
      for (int r = c + 1; r < d; r++) {
        lower[t++] = r * d + c;
      }
    }
    Vec flat = Linalg.scatterAdd(Vec.constant(new double[d * d]), diagonal, qdiag);
    return Linalg.reshape(Linalg.scatterAdd(flat, lower, l), d, d);
  }

  /** Σᵢ LSEⱼ inner[j][i], shifting each i by its primal maximum over j (a constant). */
  private Scalar sumOfLogSumExp(Vec[] inner) {
    double[] shift = new double[n];
    Arrays.fill(shift, Double.NEGATIVE_INFINITY);
    for (Vec v : inner) {
      double[] values = v.value();
      for (int i = 0; i < n; i++) {
        shift[i] = Math.max(shift[i], values[i]);
      }
    }
    Vec shiftVec = Vec.constant(shift);
    Vec sum = null;
    for (Vec v : inner) {
      Vec e = Linalg.map(Scalars.EXP, Linalg.subtract(v, shiftVec));
      sum = sum == null ? e : Linalg.add(sum, e);
    }
    double shiftTotal = Arrays.stream(shift).sum();
    return Linalg.sum(Linalg.map(Scalars.LOG, sum)).plus(shiftTotal);
  }

  /** C = N d log(γ/√2) − log Γ_d(N/2), N = d + m + 1; a constant. */
  private double wishartC() {
    int big = d + m + 1;
    double logGammaD = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      logGammaD += Special.lgamma(Scalar.constant(0.5 * big + 0.5 * (1 - j))).value();
    }
    return big * d * Math.log(gamma / Math.sqrt(2)) - logGammaD;
  }

  private static Vec ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return Vec.constant(a);
  }
}
