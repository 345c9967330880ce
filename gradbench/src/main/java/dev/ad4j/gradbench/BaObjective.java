package dev.ad4j.gradbench;

import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.JacobianRecording;
import java.util.Arrays;

/**
 * ADBench's bundle adjustment (BA): n cameras, m points and p observations, the residuals of every
 * observation and their sparse Jacobian. Observation i sees camera i mod n and point i mod m; as in
 * ADBench and GradBench, one camera, point, weight and feature are given and replicated (n, m, p
 * and p times).
 *
 * <h2>Two ways in</h2>
 *
 * <ul>
 *   <li>{@link #objective(double[], double[])}: the residuals in plain Java (no ad4j), the baseline
 *       a benchmark divides by.
 *   <li>{@link #jacobian()}: the (2p + p) × (11n + 3m + p) Jacobian in CSR. For every observation
 *       ad4j computes the dense 3×15 Jacobian of {@link BaResidual}, which is scattered into the
 *       rows 2i, 2i + 1 and 2p + i. The residual function is {@linkplain Autodiff#recordJacobian
 *       recorded} once, at the first observation, and replayed for every observation (one forward
 *       pass and three sweeps each, no allocation); the rotation's branch is a comparison of
 *       Scalars, so an observation on the other branch records it again. Every block is computed,
 *       although the replicated input makes them all equal: the timing is honest.
 * </ul>
 *
 * <h2>CSR layout (ADBench's {@code BASparseMat})</h2>
 *
 * Rows 0 … 2p − 1 are the reprojection residuals, 15 entries each in column order: the 11 camera
 * columns 11·cam + k, the 3 point columns 11n + 3·pt + k, the weight column 11n + 3m + i. Rows 2p …
 * 3p − 1 are the weight residuals 1 − w², one entry each in column 11n + 3m + i. So there are 31p
 * entries and the row pointers are 0, 15, 30, …, 30p, 30p + 1, …, 31p.
 *
 * <p>Not thread-safe: one instance per thread (the Jacobian reuses a recording and scratch arrays).
 */
public final class BaObjective {
  /** The parameters of one camera: r (3), C (3), f, x0 (2), κ (2). */
  public static final int CAMERA = 11;

  private final int n;
  private final int m;
  private final int p;
  private final double[] cams;
  private final double[] points;
  private final double[] weights;
  private final double[] features;
  // Observations per call of the recording's many-points replay, and their inputs and blocks.
  private static final int CHUNK = 256;
  private final double[] chunkPoints = new double[CHUNK * BaResidual.INPUTS];
  private final double[] chunkBlocks = new double[CHUNK * 3 * BaResidual.INPUTS];
  // The same for the last p mod 256 observations, whose count valuesAndJacobians reads from length.
  private final double[] tailPoints;
  private final double[] tailBlocks;
  // The CSR arrays, allocated at the first Jacobian and rewritten by every later one.
  private SparseJacobian jacobian;
  // One observation's residuals, recorded at the first Jacobian and replayed for every observation.
  private JacobianRecording residual;

  /** The Jacobian in compressed sparse rows: row i holds entries rows[i] … rows[i + 1] − 1. */
  public record SparseJacobian(int nrows, int ncols, int[] rows, int[] cols, double[] vals) {}

  /**
   * Replicates one camera (11), point (3), weight and feature (2) as ADBench does. The arrays are
   * not modified.
   *
   * @throws IllegalArgumentException if a count is below 1 or an array has the wrong length
   */
  public BaObjective(int n, int m, int p, double[] cam, double[] x, double w, double[] feat) {
    if (n < 1 || m < 1 || p < 1) {
      throw new IllegalArgumentException(
          "ba: n, m and p must be at least 1, got n=" + n + ", m=" + m + ", p=" + p);
    }
    requireLength(cam, CAMERA, "cam");
    requireLength(x, 3, "x");
    requireLength(feat, 2, "feat");
    this.n = n;
    this.m = m;
    this.p = p;
    this.cams = repeat(cam, n);
    this.points = repeat(x, m);
    this.weights = repeat(new double[] {w}, p);
    this.features = repeat(feat, p);
    this.tailPoints = new double[(p % CHUNK) * BaResidual.INPUTS];
    this.tailBlocks = new double[(p % CHUNK) * 3 * BaResidual.INPUTS];
  }

  /** The number of observations. */
  public int observations() {
    return p;
  }

  /**
   * The residuals in plain Java: {@code reprojError} (length 2p, modified) gets w·(f·d(u) + x0 −
   * feature) per observation, {@code weightError} (length p, modified) gets 1 − w².
   */
  public void objective(double[] reprojError, double[] weightError) {
    requireLength(reprojError, 2 * p, "reprojError");
    requireLength(weightError, p, "weightError");
    for (int i = 0; i < p; i++) {
      reprojection(i, reprojError);
    }
    for (int i = 0; i < p; i++) {
      weightError[i] = 1 - weights[i] * weights[i];
    }
  }

  /**
   * The Jacobian of all 3p residuals by ad4j, in the CSR layout of the class Javadoc. The arrays
   * are allocated at the first call and rewritten by every later one (as a hand-written Jacobian
   * fills a preallocated matrix): copy what you keep.
   */
  public SparseJacobian jacobian() {
    int ncols = CAMERA * n + 3 * m + p;
    if (jacobian == null) {
      jacobian =
          new SparseJacobian(3 * p, ncols, new int[3 * p + 1], new int[31 * p], new double[31 * p]);
    }
    int[] rows = jacobian.rows();
    int[] cols = jacobian.cols();
    double[] vals = jacobian.vals();
    int weightEntries = 30 * p;
    int width = BaResidual.INPUTS;
    for (int start = 0; start < p; start += CHUNK) {
      int count = Math.min(CHUNK, p - start);
      double[] q = count == CHUNK ? chunkPoints : tailPoints;
      double[] blocks = count == CHUNK ? chunkBlocks : tailBlocks;
      for (int j = 0; j < count; j++) {
        int i = start + j;
        System.arraycopy(cams, CAMERA * (i % n), q, j * width, CAMERA);
        System.arraycopy(points, 3 * (i % m), q, j * width + CAMERA, 3);
        q[j * width + CAMERA + 3] = weights[i];
        q[j * width + CAMERA + 4] = features[2 * i];
        q[j * width + CAMERA + 5] = features[2 * i + 1];
      }
      if (residual == null) {
        residual = Autodiff.recordJacobian(BaResidual::apply, Arrays.copyOf(q, width));
      }
      residual.valuesAndJacobians(q, null, blocks);
      for (int j = 0; j < count; j++) {
        int i = start + j;
        int block = j * 3 * width;
        for (int r = 0; r < 2; r++) {
          int at = 30 * i + 15 * r;
          rows[2 * i + r + 1] = at + 15;
          blockColumns(i, i % n, i % m, ncols, cols, at);
          System.arraycopy(blocks, block + width * r, vals, at, BaResidual.PARAMETERS);
        }
        cols[weightEntries + i] = ncols - p + i;
        vals[weightEntries + i] = blocks[block + 2 * width + CAMERA + 3];
      }
    }
    for (int i = 0; i < p; i++) {
      rows[2 * p + i + 1] = weightEntries + i + 1;
    }
    return jacobian;
  }

  /** Writes observation {@code obs}'s 15 column indices into {@code c} at {@code at}. */
  private void blockColumns(int obs, int cam, int pt, int ncols, int[] c, int at) {
    for (int k = 0; k < CAMERA; k++) {
      c[at + k] = CAMERA * cam + k;
    }
    for (int k = 0; k < 3; k++) {
      c[at + CAMERA + k] = CAMERA * n + 3 * pt + k;
    }
    c[at + 14] = ncols - p + obs;
  }

  /** Observation i's two reprojection residuals into out[2i], out[2i + 1]. */
  private void reprojection(int i, double[] out) {
    int c = CAMERA * (i % n);
    int x = 3 * (i % m);
    double[] xo = new double[3];
    for (int k = 0; k < 3; k++) {
      xo[k] = points[x + k] - cams[c + 3 + k];
    }
    double[] xcam = rotate(cams[c], cams[c + 1], cams[c + 2], xo);
    double u = xcam[0] / xcam[2];
    double v = xcam[1] / xcam[2];
    double rsq = u * u + v * v;
    double distortion = 1 + cams[c + 9] * rsq + cams[c + 10] * rsq * rsq;
    double f = cams[c + 6];
    out[2 * i] = weights[i] * (u * distortion * f + cams[c + 7] - features[2 * i]);
    out[2 * i + 1] = weights[i] * (v * distortion * f + cams[c + 8] - features[2 * i + 1]);
  }

  /** Rodrigues' rotation of p by r, with ADBench's first-order branch at r = 0. */
  private static double[] rotate(double r0, double r1, double r2, double[] p) {
    double sqtheta = r0 * r0 + r1 * r1 + r2 * r2;
    if (sqtheta == 0) {
      return new double[] {
        p[0] + r1 * p[2] - r2 * p[1], p[1] + r2 * p[0] - r0 * p[2], p[2] + r0 * p[1] - r1 * p[0]
      };
    }
    double theta = Math.sqrt(sqtheta);
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double n0 = r0 / theta;
    double n1 = r1 / theta;
    double n2 = r2 / theta;
    double tmp = (n0 * p[0] + n1 * p[1] + n2 * p[2]) * (1 - cos);
    return new double[] {
      p[0] * cos + (n1 * p[2] - n2 * p[1]) * sin + n0 * tmp,
      p[1] * cos + (n2 * p[0] - n0 * p[2]) * sin + n1 * tmp,
      p[2] * cos + (n0 * p[1] - n1 * p[0]) * sin + n2 * tmp
    };
  }

  private static double[] repeat(double[] one, int times) {
    double[] out = new double[one.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(one, 0, out, i * one.length, one.length);
    }
    return out;
  }

  private static void requireLength(double[] a, int length, String name) {
    if (a == null || a.length != length) {
      throw new IllegalArgumentException(
          "ba: "
              + name
              + " must have length "
              + length
              + ", got "
              + (a == null ? "null" : a.length));
    }
  }
}
