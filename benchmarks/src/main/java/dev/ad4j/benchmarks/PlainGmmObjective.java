package dev.ad4j.benchmarks;

import org.apache.commons.math3.special.Gamma;

/**
 * ADBench's GMM log posterior in plain {@code double} loops, no ad4j: the denominator of the GMM
 * ratios. The same function and θ layout as {@link dev.ad4j.gradbench.GmmObjective}:
 *
 * <pre>
 *   f = −(nd/2) log 2π + Σᵢ LSEⱼ(αⱼ + Σ q_j − ½‖Q_j(xᵢ − μⱼ)‖²) − n·LSE(α) + s·P,
 *   P = Σⱼ [½γ²(‖exp q_j‖² + ‖l_j‖²) − m Σ q_j] − k·C,
 *   C = N d log(γ/√2) − log Γ_d(N/2),  N = d + m + 1,
 * </pre>
 *
 * with Q_j = diag(exp q_j) + L_j, L_j strictly lower triangular filled column by column from l_j.
 * Per point and component it forms Q_j(xᵢ − μⱼ) row by row, d(d+1)/2 multiply-adds, so a call is
 * O(n·k·d²) with no allocation (scratch arrays are reused: one instance per thread). The constant C
 * uses Commons Math's {@code Gamma.logGamma}.
 */
final class PlainGmmObjective {
  private final GmmInstance in;
  private final double priorSign;
  private final double constant;
  private final double[] expQ;
  private final double[] lower; // k dense d×d strictly lower triangles, row-major
  private final double[] shifted;
  private final double[] inner;
  private final double[] terms;

  /** {@code priorSign}: {@code GmmObjective.ADBENCH_PRIOR} or {@code GRADBENCH_PRIOR}. */
  PlainGmmObjective(GmmInstance in, double priorSign) {
    this.in = in;
    this.priorSign = priorSign;
    int d = in.d();
    int big = d + in.m() + 1;
    double logGammaD = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      logGammaD += Gamma.logGamma(0.5 * big + 0.5 * (1 - j));
    }
    double c = big * d * Math.log(in.gamma() / Math.sqrt(2)) - logGammaD;
    this.constant = -0.5 * in.n() * d * Math.log(2 * Math.PI) - priorSign * in.k() * c;
    this.expQ = new double[in.k() * d];
    this.lower = new double[in.k() * d * d];
    this.shifted = new double[d];
    this.inner = new double[in.k()];
    this.terms = new double[in.k()];
  }

  /** f(θ); θ is not modified. */
  double value(double[] theta) {
    int d = in.d();
    int k = in.k();
    int qAt = k + k * d;
    int lAt = k + 2 * k * d;
    double prior = 0;
    double sumSquaresFactor = 0.5 * in.gamma() * in.gamma();
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int r = 0; r < d; r++) {
        double q = theta[qAt + j * d + r];
        double e = Math.exp(q);
        expQ[j * d + r] = e;
        prior += sumSquaresFactor * e * e - in.m() * q;
        s += q;
      }
      inner[j] = theta[j] + s; // αⱼ + Σ q_j, before the point's term
      int t = lAt + j * in.lengthL();
      for (int c = 0; c < d; c++) {
        for (int r = c + 1; r < d; r++, t++) {
          lower[(j * d + r) * d + c] = theta[t];
          prior += sumSquaresFactor * theta[t] * theta[t];
        }
      }
    }
    double total = 0;
    double[] x = in.x();
    for (int i = 0; i < in.n(); i++) {
      for (int j = 0; j < k; j++) {
        terms[j] = inner[j] - 0.5 * squaredNorm(j, x, i * d, theta, k + j * d);
      }
      total += logSumExp(terms);
    }
    return constant + total - in.n() * logSumExp(theta, k) + priorSign * prior;
  }

  /** ‖Q_j(x − μ)‖² for the point at {@code xAt} and the mean at {@code muAt}. */
  private double squaredNorm(int j, double[] x, int xAt, double[] theta, int muAt) {
    int d = in.d();
    for (int c = 0; c < d; c++) {
      shifted[c] = x[xAt + c] - theta[muAt + c];
    }
    double sum = 0;
    for (int r = 0; r < d; r++) {
      double y = expQ[j * d + r] * shifted[r];
      int row = (j * d + r) * d;
      for (int c = 0; c < r; c++) {
        y += lower[row + c] * shifted[c];
      }
      sum += y * y;
    }
    return sum;
  }

  private static double logSumExp(double[] v) {
    return logSumExp(v, v.length);
  }

  /** log Σ exp over the first {@code length} entries, shifted by their maximum. */
  private static double logSumExp(double[] v, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, v[i]);
    }
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += Math.exp(v[i] - max);
    }
    return max + Math.log(sum);
  }
}
