package dev.ad4j.examples;

import dev.ad4j.api.SparseMatrix;

/** Plain CSR loops for x'Px, the hand-written reference the examples compare against. */
public final class QuadraticForms {
  private QuadraticForms() {}

  /** xᵀPx. */
  public static double value(SparseMatrix p, double[] x) {
    int[] rp = p.rowPointers();
    int[] ci = p.columnIndices();
    double s = 0;
    for (int i = 0; i < p.rows(); i++) {
      double row = 0;
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        row += p.storedValue(k) * x[ci[k]];
      }
      s += x[i] * row;
    }
    return s;
  }

  /** (P + Pᵀ)x, the gradient of xᵀPx. */
  public static double[] gradient(SparseMatrix p, double[] x) {
    int[] rp = p.rowPointers();
    int[] ci = p.columnIndices();
    double[] g = new double[x.length];
    for (int i = 0; i < p.rows(); i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        double v = p.storedValue(k);
        g[i] += v * x[ci[k]];
        g[ci[k]] += v * x[i];
      }
    }
    return g;
  }
}
