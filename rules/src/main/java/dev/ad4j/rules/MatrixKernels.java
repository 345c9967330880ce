package dev.ad4j.rules;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;

/**
 * Matrix loops for any {@link Matrix}: picks {@link DenseKernels} or {@link CsrKernels} once per
 * call. The {@code values} overloads use a matrix's layout with other values: a tangent or an
 * adjoint, {@code double[shadowSize()]} (row-major when dense, one per stored entry when sparse).
 *
 * <p>Parameters are "Not modified." unless documented "Modified."
 */
final class MatrixKernels {
  private MatrixKernels() {}

  /** y += alpha·A·x. y: Modified. */
  static void multAdd(double alpha, Matrix a, double[] x, double[] y) {
    if (a instanceof SparseMatrix s) {
      CsrKernels.multAdd(alpha, s, x, y);
    } else {
      multAdd(alpha, a, ((DenseMatrix) a).values(), x, y);
    }
  }

  /** y += alpha·V·x, V in A's layout. y: Modified. */
  static void multAdd(double alpha, Matrix a, double[] values, double[] x, double[] y) {
    if (a instanceof SparseMatrix s) {
      CsrKernels.multAdd(alpha, s, values, x, y);
    } else {
      DenseKernels.multAdd(alpha, a.rows(), a.cols(), values, x, y);
    }
  }

  /** y += alpha·Aᵀ·x. y: Modified. */
  static void multTransAdd(double alpha, Matrix a, double[] x, double[] y) {
    if (a instanceof SparseMatrix s) {
      CsrKernels.multTransAdd(alpha, s, x, y);
    } else {
      multTransAdd(alpha, a, ((DenseMatrix) a).values(), x, y);
    }
  }

  /** y += alpha·Vᵀ·x, V in A's layout. y: Modified. */
  static void multTransAdd(double alpha, Matrix a, double[] values, double[] x, double[] y) {
    if (a instanceof SparseMatrix s) {
      CsrKernels.multTransAdd(alpha, s, values, x, y);
    } else {
      DenseKernels.multTransAdd(alpha, a.rows(), a.cols(), values, x, y);
    }
  }

  /** Returns xᵀ·A·y. */
  static double bilinear(double[] x, Matrix a, double[] y) {
    return a instanceof SparseMatrix s
        ? CsrKernels.bilinear(x, s, y)
        : bilinear(x, a, ((DenseMatrix) a).values(), y);
  }

  /** Returns xᵀ·V·y, V in A's layout. */
  static double bilinear(double[] x, Matrix a, double[] values, double[] y) {
    return a instanceof SparseMatrix s
        ? CsrKernels.bilinear(x, s, values, y)
        : DenseKernels.bilinear(x, a.rows(), a.cols(), values, y);
  }

  /** Returns xᵀ·A·y and adds ay += A·y, atx += Aᵀ·x in one pass. ay, atx: Modified. */
  static double bilinearAddProducts(double[] x, Matrix a, double[] y, double[] ay, double[] atx) {
    if (a instanceof SparseMatrix s) {
      return CsrKernels.bilinearAddProducts(x, s, y, ay, atx);
    }
    double[] values = ((DenseMatrix) a).values();
    return DenseKernels.bilinearAddProducts(x, a.rows(), a.cols(), values, y, ay, atx);
  }

  /** dA += alpha·x·yᵀ in A's layout: every element when dense, the stored pattern when sparse. */
  static void addOuter(double alpha, double[] x, double[] y, Matrix a, double[] da) {
    if (a instanceof SparseMatrix s) {
      CsrKernels.addOuterOnPattern(alpha, x, y, s, da);
    } else {
      DenseKernels.addOuter(alpha, x, y, da);
    }
  }

  /**
   * A copy of A's values, for a rule that reads A in reverse when A may be overwritten: the same
   * matrix for a {@code PATTERN} (it has no values), the pattern shared otherwise.
   */
  static Matrix copyOf(Matrix a) {
    if (a instanceof DenseMatrix d) {
      return DenseMatrix.wrap(d.rows(), d.cols(), d.values().clone());
    }
    SparseMatrix s = (SparseMatrix) a;
    switch (s.kind()) {
      case PATTERN:
        return s;
      case INTEGER:
        return SparseMatrix.csr(
            s.rows(),
            s.cols(),
            s.rowPointers(),
            s.columnIndices(),
            SparseMatrix.Kind.INTEGER,
            s.intValues().clone());
      default:
        return s.withValues(s.doubleValues().clone());
    }
  }
}
