package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.rules.Linalg;

/**
 * The guard for factorization rules: {@code spd(M) = Mᵀ·M + I}, symmetric with eigenvalues ≥ 1, so
 * solve, cholesky, logDet and inverse stay well conditioned for the small entries programs use.
 */
final class Spd {
  private Spd() {}

  static Mat of(Mat m) {
    int n = m.rows();
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1.0;
    }
    Mat gram = Linalg.times(Linalg.transpose(m), m);
    return Linalg.add(gram, Mat.constant(DenseMatrix.wrap(n, n, identity)));
  }
}
