package dev.ad4j.testkit;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;
import java.util.Random;

/**
 * Sample primals (a {@code Double}, a {@code double[]}, a {@link DenseMatrix} or a {@link
 * SparseMatrix}) as flat arrays of their differentiable values.
 */
final class Samples {
  /** What {@link #scramble} writes into integer elements. */
  static final int SCRAMBLED_INT = -987_654_321;

  private Samples() {}

  static void checkSupported(Object primal, int position) {
    if (!(primal instanceof Double
        || primal instanceof double[]
        || primal instanceof DenseMatrix
        || primal instanceof SparseMatrix)) {
      throw new IllegalArgumentException(
          "sample "
              + position
              + " is a "
              + (primal == null ? "null" : primal.getClass().getSimpleName())
              + "; pass a Double, a double[], a DenseMatrix or a SparseMatrix");
    }
  }

  static boolean isDifferentiable(Object primal) {
    return !(primal instanceof Matrix m) || m.isDifferentiable();
  }

  /** The number of values a shadow of {@code primal} has. */
  static int size(Object primal) {
    if (primal instanceof Double) {
      return 1;
    }
    return primal instanceof double[] v ? v.length : ((Matrix) primal).shadowSize();
  }

  /** The values of {@code primal} as doubles (a fresh array). */
  static double[] values(Object primal) {
    if (primal instanceof Double d) {
      return new double[] {d};
    } else if (primal instanceof double[] v) {
      return v.clone();
    } else if (primal instanceof DenseMatrix d) {
      return d.values().clone();
    }
    SparseMatrix s = (SparseMatrix) primal;
    double[] out = new double[s.nnz()];
    for (int k = 0; k < out.length; k++) {
      out[k] = s.storedValue(k);
    }
    return out;
  }

  /** A deep copy, so that a rule writing into it cannot reach the original. */
  static Object copy(Object primal) {
    if (primal instanceof double[] v) {
      return v.clone();
    } else if (primal instanceof DenseMatrix d) {
      return DenseMatrix.wrap(d.rows(), d.cols(), d.values().clone());
    } else if (primal instanceof SparseMatrix s) {
      Object values =
          s.kind() == SparseMatrix.Kind.DOUBLE
              ? s.doubleValues().clone()
              : s.kind() == SparseMatrix.Kind.INTEGER ? s.intValues().clone() : null;
      return SparseMatrix.csr(
          s.rows(), s.cols(), s.rowPointers().clone(), s.columnIndices().clone(), s.kind(), values);
    }
    return primal;
  }

  /** Whether {@code a} and {@code b} hold the same structure and the same bits. */
  static boolean sameContents(Object a, Object b) {
    if (a instanceof SparseMatrix s && b instanceof SparseMatrix t) {
      return Arrays.equals(s.rowPointers(), t.rowPointers())
          && Arrays.equals(s.columnIndices(), t.columnIndices())
          && Arrays.equals(values(s), values(t));
    }
    return Arrays.equals(values(a), values(b));
  }

  /** {@code primal + h·direction}, as a new primal of the same type and structure. */
  static Object shifted(Object primal, double[] direction, double h) {
    double[] v = values(primal);
    for (int k = 0; k < v.length; k++) {
      v[k] += h * direction[k];
    }
    if (primal instanceof Double) {
      return v[0];
    } else if (primal instanceof double[]) {
      return v;
    } else if (primal instanceof DenseMatrix d) {
      return DenseMatrix.wrap(d.rows(), d.cols(), v);
    }
    return ((SparseMatrix) primal).withValues(v);
  }

  /**
   * Overwrites the values held by {@code primal} in place: doubles with NaN, the elements of an
   * integer sparse matrix with a large garbage value (its structure is kept: "overwritten" means
   * values).
   */
  static void scramble(Object primal) {
    if (primal instanceof double[] v) {
      Arrays.fill(v, Double.NaN);
    } else if (primal instanceof DenseMatrix d) {
      Arrays.fill(d.values(), Double.NaN);
    } else if (primal instanceof SparseMatrix s && s.kind() == SparseMatrix.Kind.DOUBLE) {
      Arrays.fill(s.doubleValues(), Double.NaN);
    } else if (primal instanceof SparseMatrix s && s.kind() == SparseMatrix.Kind.INTEGER) {
      Arrays.fill(s.intValues(), SCRAMBLED_INT);
    }
  }

  static double[] random(Random random, int n) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = 2.0 * random.nextDouble() - 1.0;
    }
    return out;
  }

  static String describe(Object primal) {
    if (primal instanceof Double) {
      return "Scalar";
    }
    return primal instanceof double[] v ? "Vec(" + v.length + ")" : ((Matrix) primal).describe();
  }
}
