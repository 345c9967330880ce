package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;

/**
 * Round-trip printing of generated constants, so that a printed failing program can be re-typed.
 */
final class Fmt {
  private Fmt() {}

  static String vec(double[] v) {
    return Arrays.toString(v);
  }

  static String matrix(Matrix m) {
    if (m instanceof DenseMatrix d) {
      return "dense" + Arrays.deepToString(d.toArray());
    }
    SparseMatrix s = (SparseMatrix) m;
    StringBuilder b = new StringBuilder();
    b.append(s.kind()).append(' ').append(s.rows()).append('x').append(s.cols()).append('{');
    int[] rp = s.rowPointers();
    int[] ci = s.columnIndices();
    for (int i = 0; i < s.rows(); i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        b.append(k == 0 ? "" : ", ").append('(').append(i).append(',').append(ci[k]).append(")=");
        b.append(s.storedValue(k));
      }
    }
    return b.append('}').toString();
  }
}
