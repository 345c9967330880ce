package dev.ad4j.rules;

import static dev.ad4j.rules.FactorizationKernels.lower;
import static dev.ad4j.rules.FactorizationKernels.mult;
import static dev.ad4j.rules.FactorizationKernels.multAdd;
import static dev.ad4j.rules.FactorizationKernels.phi;
import static dev.ad4j.rules.FactorizationKernels.solveLowerTranspose;
import static dev.ad4j.rules.FactorizationKernels.transpose;

import dev.ad4j.rules.FactorizationKernels.Lu;

/**
 * The nesting bodies ({@link dev.ad4j.api.SecondOrderRule#reverseSecondOrder}) of the {@link
 * Factorizations}: how each reverse adjoint moves when A (and B) move along their tangents while
 * the output adjoint stays fixed. Each is derived from d(A⁻¹) = −A⁻¹·Ȧ·A⁻¹.
 */
final class FactorizationSecondOrder {
  private FactorizationSecondOrder() {}

  /**
   * Solve, X = A⁻¹·B, Z = A⁻ᵀ·X̄: Ż = −A⁻ᵀ·Ȧᵀ·Z and Ẋ = A⁻¹·(Ḃ − Ȧ·X), so B̄˙ += Ż and Ā˙ −= Ż·Xᵀ +
   * Z·Ẋᵀ. With A {@code Const} nothing moves (B̄ = A⁻ᵀ·X̄ does not depend on B).
   *
   * @param bDot Ḃ, or null when B is {@code Const}
   * @param bBarDot B̄˙ to add into, or null when B is {@code Const}
   */
  static void solve(
      Lu lu,
      int m,
      double[] x,
      double[] xBar,
      double[] aDot,
      double[] bDot,
      double[] aBarDot,
      double[] bBarDot) {
    int n = lu.n();
    double[] z = lu.solveTranspose(xBar, m);
    double[] atz = mult(n, n, m, transpose(n, n, aDot), z);
    double[] zDot = lu.solveTranspose(atz, m); // −Ż
    if (bBarDot != null) {
      DenseKernels.addScaled(-1.0, zDot, bBarDot); // B̄˙ += Ż
    }
    double[] r = bDot == null ? new double[n * m] : bDot.clone();
    multAdd(-1.0, n, n, m, aDot, x, r);
    double[] xDot = lu.solve(r, m); // Ẋ = A⁻¹·(Ḃ − Ȧ·X)
    multAdd(1.0, n, m, n, zDot, transpose(n, m, x), aBarDot); // Ā˙ −= Ż·Xᵀ
    multAdd(-1.0, n, m, n, z, transpose(n, m, xDot), aBarDot); // Ā˙ −= Z·Ẋᵀ
  }

  /** log|det A|, Ā = ȳ·A⁻ᵀ: Ā˙ += −ȳ·(A⁻¹·Ȧ·A⁻¹)ᵀ. */
  static void logDet(Lu lu, double yBar, double[] aDot, double[] aBarDot) {
    int n = lu.n();
    double[] inverse = lu.inverse();
    double[] m = mult(n, n, n, mult(n, n, n, inverse, aDot), inverse);
    DenseKernels.addScaled(-yBar, transpose(n, n, m), aBarDot);
  }

  /** Y = A⁻¹, Ā = −Yᵀ·Ȳ·Yᵀ, Ẏ = −Y·Ȧ·Y: Ā˙ −= Ẏᵀ·Ȳ·Yᵀ + Yᵀ·Ȳ·Ẏᵀ. */
  static void inverse(int n, double[] y, double[] yBar, double[] aDot, double[] aBarDot) {
    double[] yDotT = transpose(n, n, mult(n, n, n, mult(n, n, n, y, aDot), y)); // −Ẏᵀ
    double[] yt = transpose(n, n, y);
    multAdd(1.0, n, n, n, mult(n, n, n, yDotT, yBar), yt, aBarDot); // −Ẏᵀ·Ȳ·Yᵀ
    multAdd(1.0, n, n, n, mult(n, n, n, yt, yBar), yDotT, aBarDot); // −Yᵀ·Ȳ·Ẏᵀ
  }

  /**
   * Cholesky, Ā = fold(S), S = L⁻ᵀ·P·L⁻¹, P = Φ(Lᵀ·L̄): with L moving by L̇ and M = L̇·L⁻¹, Ṗ =
   * Φ(L̇ᵀ·L̄) and Ṡ = L⁻ᵀ·Ṗ·L⁻¹ − Mᵀ·S − S·M (from d(L⁻¹) = −L⁻¹·L̇·L⁻¹). The fold is the same for
   * a matrix and its transpose, so the transposes the triangular solves produce are kept.
   */
  static void cholesky(int n, double[] l, double[] lDot, double[] lBar, double[] aBarDot) {
    double[] lBarLower = lower(n, lBar);
    double[] st = sandwich(n, l, mult(n, n, n, transpose(n, n, l), lBarLower)); // Sᵀ
    double[] sDotT = sandwich(n, l, mult(n, n, n, transpose(n, n, lDot), lBarLower)); // (L⁻ᵀṖL⁻¹)ᵀ
    double[] mt = transpose(n, n, lDot);
    solveLowerTranspose(n, l, mt, n); // Mᵀ = L⁻ᵀ·L̇ᵀ
    double[] m = transpose(n, n, mt);
    multAdd(-1.0, n, n, n, st, m, sDotT); // (Ṡ)ᵀ = … − Sᵀ·M − Mᵀ·Sᵀ
    multAdd(-1.0, n, n, n, mt, st, sDotT);
    Factorizations.fold(n, sDotT, aBarDot);
  }

  /** (L⁻ᵀ·Φ(C)·L⁻¹)ᵀ for a square C (Φ applied in place to C). */
  private static double[] sandwich(int n, double[] l, double[] c) {
    phi(n, c);
    solveLowerTranspose(n, l, c, n); // L⁻ᵀ·Φ(C)
    double[] s = transpose(n, n, c);
    solveLowerTranspose(n, l, s, n); // L⁻ᵀ·(L⁻ᵀ·Φ(C))ᵀ
    return s;
  }
}
