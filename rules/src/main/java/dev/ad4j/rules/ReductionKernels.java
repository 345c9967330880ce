package dev.ad4j.rules;

/**
 * Loops for the nonlinear reductions of {@link Reductions}. Parameters are "Not modified." unless
 * documented "Modified."; the {@code add} methods accumulate ({@code +=}) into their last argument.
 */
final class ReductionKernels {
  private ReductionKernels() {}

  /**
   * Returns log Σ e^(xᵢ) computed as m + log Σ e^(xᵢ−m) with m = max xᵢ, so that no exponential
   * overflows; −∞ for an empty x, m itself when m is infinite.
   */
  static double logSumExp(double[] x) {
    double m = max(x);
    if (Double.isInfinite(m)) {
      return m;
    }
    double s = 0.0;
    for (double v : x) {
      s += Math.exp(v - m);
    }
    return m + Math.log(s);
  }

  /**
   * Returns softmax(x)ᵢ = e^(xᵢ−m) / Σⱼ e^(xⱼ−m) with m = max x, the gradient of {@link
   * #logSumExp}. Computed from m, not as e^(xᵢ−logSumExp(x)): the rounding of logSumExp(x) near |x|
   * = 10¹⁵ would put an error of order one into the exponent.
   */
  static double[] softmax(double[] x) {
    double m = max(x);
    double[] p = new double[x.length];
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.exp(x[i] - m);
      s += p[i];
    }
    for (int i = 0; i < x.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  private static double max(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Returns ‖x‖ = √Σ xᵢ², scaled by max |xᵢ| so that squares neither overflow nor underflow; 0 for
   * an empty x.
   */
  static double norm2(double[] x) {
    double m = 0.0;
    for (double v : x) {
      m = Math.max(m, Math.abs(v));
    }
    if (m == 0.0 || !Double.isFinite(m)) {
      return m;
    }
    double s = 0.0;
    for (double v : x) {
      double r = v / m;
      s += r * r;
    }
    return m * Math.sqrt(s);
  }

  /** Returns Σ (xᵢ/norm)·vᵢ, the directional derivative of ‖x‖ along v; 0 when norm is 0. */
  static double unitDot(double[] x, double norm, double[] v) {
    if (norm == 0.0) {
      return 0.0;
    }
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] / norm * v[i];
    }
    return s;
  }

  /**
   * Returns the index of the largest element: the first one at ties, the first NaN if any (so the
   * maximum propagates NaN like {@link Math#max}). x must not be empty.
   */
  static int argmax(double[] x) {
    int best = 0;
    for (int i = 1; i < x.length && !Double.isNaN(x[best]); i++) {
      if (x[i] > x[best] || Double.isNaN(x[i])) {
        best = i;
      }
    }
    return best;
  }
}
