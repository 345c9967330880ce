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
 * <h2>Performance</h2>
 *
 * All k components are evaluated together, so the tape holds a few dozen array operations whatever
 * k is. With X′ = [1, X] (n×(d+1), a constant) and W′ the (d+1)×kd matrix whose block j holds the
 * row −(Q_jμ_j)ᵀ above Q_jᵀ, the product Z = X′·W′ holds every residual Q_j(xᵢ − μⱼ) in row i,
 * block j. Because X′ is the constant factor, the reverse of that product is W̄′ += X′ᵀ·Z̄ over
 * long rows; no per-point or per-component operation is recorded.
 *
 * <p>Q_jᵀ is upper triangular: residual entry r reads only the first r + 2 columns of X′. So the
 * entries r are cut into groups of at most {@value #GROUP} consecutive values [r0, r1), each one
 * product of X′'s first r1 + 1 columns with W′'s matching rows; at d = 64 this does about 0.6 of
 * the dense product's work, forward and reverse. The per-point LSE over components subtracts the
 * primal row maximum as a constant (LSE(v) = c + log Σ exp(v − c) for any constant c, so the
 * gradient is unchanged).
 */
public final class GmmObjective {
  /** GradBench's sign of the prior term: the mathematically correct log prior. */
  public static final double GRADBENCH_PRIOR = -1;

  /** ADBench's sign, which its golden values follow. */
  public static final double ADBENCH_PRIOR = 1;

  /** The most residual entries r in one product (see the class comment). */
  static final int GROUP = 16;

  final int d;
  final int k;
  final int n;
  final double gamma;
  final int m;

  /** Group g's first r1 + 1 columns of X′ = [1, X]; the ones column carries the offsets −Q_jμ_j. */
  private final Mat[] xGroups;

  /** Where group g's rows of W′ come from in W′ (flat), laid out column j·(r1 − r0) + r − r0. */
  private final int[][] wGroups;

  /** Where each entry of W (d×kd) comes from in [exp q (kd), l (k·d(d−1)/2), 0]. */
  private final int[] wSource;

  /** θ's index of μⱼ[c] for entry (c, jd + r) of W: the means spread to W's layout. */
  private final int[] muSource;

  /**
   * The objective of k components in d dimensions over n points.
   *
   * @param x the n×d data, row after row (not modified; its columns are copied, beside a column of
   *     ones, into the constant factors of the products, so later changes to {@code x} are not
   *     seen)
   * @param gamma the Wishart prior's scale γ
   * @param m the Wishart prior's extra degrees of freedom
   */
  public GmmObjective(int d, int k, int n, double[] x, double gamma, int m) {
    this.d = d;
    this.k = k;
    this.n = n;
    this.gamma = gamma;
    this.m = m;
    this.wSource = new int[d * k * d];
    this.muSource = new int[d * k * d];
    fillSources();
    int groups = Math.max(1, (d + GROUP - 1) / GROUP);
    this.xGroups = new Mat[groups];
    this.wGroups = new int[groups][];
    for (int g = 0; g < groups; g++) {
      int r0 = g * d / groups;
      int r1 = (g + 1) * d / groups;
      xGroups[g] = Mat.constant(DenseMatrix.wrap(n, r1 + 1, onesAndColumns(x, r1)));
      wGroups[g] = groupSource(r0, r1);
    }
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
    int kd = k * d;
    Vec alpha = Linalg.slice(theta, 0, k);
    Vec q = Linalg.slice(theta, k + kd, k + 2 * kd);
    Vec l = Linalg.slice(theta, k + 2 * kd, parameters());
    Vec expQ = Linalg.map(Scalars.EXP, q);
    Vec sumQ = Linalg.rowSums(Linalg.reshape(q, k, d));
    Vec offsets = Linalg.add(alpha, sumQ); // αⱼ + Σ q_j
    Vec inner = Linalg.scale(-0.5, squaredResiduals(expQ, l, theta));
    Mat terms = Linalg.add(Linalg.reshape(inner, n, k), Linalg.outer(ones(n), offsets));
    Scalar frobenius = Linalg.sumOfSquares(expQ).plus(Linalg.sumOfSquares(l));
    Scalar prior =
        frobenius.times(0.5 * gamma * gamma).minus(Linalg.sum(q).times(m)).minus(k * wishartC());
    Scalar constant = Scalar.constant(-0.5 * n * d * Math.log(2 * Math.PI));
    return constant
        .plus(sumOfRowLogSumExp(terms))
        .minus(Linalg.logSumExp(alpha).times(n))
        .plus(prior.times(priorSign));
  }

  /** ‖Q_j(xᵢ − μⱼ)‖² at index i·k + j, from the products X′·W′ (see the class comment). */
  private Vec squaredResiduals(Vec expQ, Vec l, Vec theta) {
    int kd = k * d;
    Vec source = Linalg.concat(expQ, l, Vec.constant(new double[1]));
    Vec w = Linalg.gather(source, wSource); // W[c, jd + r] = Q_j[r, c]
    Vec spreadMu = Linalg.gather(theta, muSource); // μⱼ[c] at (c, jd + r)
    Vec b = Linalg.columnSums(Linalg.reshape(Linalg.multiply(w, spreadMu), d, kd)); // Q_jμⱼ
    Vec wOnes = Linalg.concat(Linalg.scale(-1, b), w); // W′, (d+1)×kd
    Vec sum = null;
    for (int g = 0; g < xGroups.length; g++) {
      Mat xg = xGroups[g];
      int width = wGroups[g].length / xg.cols();
      Mat wg = Linalg.reshape(Linalg.gather(wOnes, wGroups[g]), xg.cols(), width);
      Mat z = Linalg.times(xg, wg);
      Vec squares = Linalg.rowSums(Linalg.reshape(Linalg.multiply(z, z), n * k, width / k));
      sum = sum == null ? squares : Linalg.add(sum, squares);
    }
    return sum;
  }

  /** Σᵢ LSEⱼ terms[i, j], shifting each row by its primal maximum (a constant). */
  private Scalar sumOfRowLogSumExp(Mat terms) {
    double[] values = ((DenseMatrix) terms.value()).values();
    double[] shift = new double[n * k];
    double shiftTotal = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, values[i * k + j]);
      }
      Arrays.fill(shift, i * k, (i + 1) * k, max);
      shiftTotal += max;
    }
    Mat shifted = Linalg.subtract(terms, Mat.constant(DenseMatrix.wrap(n, k, shift)));
    Vec sums = Linalg.rowSums(Linalg.map(Scalars.EXP, shifted));
    return Linalg.sum(Linalg.map(Scalars.LOG, sums)).plus(shiftTotal);
  }

  /**
   * Fills {@link #wSource} and {@link #muSource}: Q_j = diag(exp q_j) + L_j, L_j filled column by
   * column below the diagonal, stored transposed in W's block j; entries above Q_j's diagonal read
   * the trailing zero.
   */
  private void fillSources() {
    int kd = k * d;
    int zero = kd + k * lengthL();
    Arrays.fill(wSource, zero);
    for (int j = 0; j < k; j++) {
      int t = kd + j * lengthL();
      for (int c = 0; c < d; c++) {
        wSource[c * kd + j * d + c] = j * d + c;
        for (int r = c + 1; r < d; r++) {
          wSource[c * kd + j * d + r] = t++;
        }
        for (int r = 0; r < d; r++) {
          muSource[c * kd + j * d + r] = k + j * d + c;
        }
      }
    }
  }

  /** W′'s rows 0..r1 and columns jd + r, r0 ≤ r < r1, as positions in W′ (flat). */
  private int[] groupSource(int r0, int r1) {
    int kd = k * d;
    int width = r1 - r0;
    int[] out = new int[(r1 + 1) * k * width];
    for (int p = 0, at = 0; p <= r1; p++) {
      for (int j = 0; j < k; j++) {
        for (int r = r0; r < r1; r++) {
          out[at++] = p * kd + j * d + r;
        }
      }
    }
    return out;
  }

  /** [1, the first {@code columns} columns of X], n×(columns + 1), fresh. */
  private double[] onesAndColumns(double[] x, int columns) {
    double[] out = new double[n * (columns + 1)];
    for (int i = 0; i < n; i++) {
      out[i * (columns + 1)] = 1;
      System.arraycopy(x, i * d, out, i * (columns + 1) + 1, columns);
    }
    return out;
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
