package dev.ad4j.api;

/**
 * A matrix primal: {@link DenseMatrix} (row-major {@code double[]}) or {@link SparseMatrix} (CSR).
 *
 * <p>The shadow (tangent or adjoint) of a matrix is a {@code double[]} of length {@link
 * #shadowSize()}: row-major for a dense matrix, one entry per stored element for a sparse one. A
 * sparse matrix's derivative therefore lives on its stored pattern only and costs O(nnz).
 */
public sealed interface Matrix permits DenseMatrix, SparseMatrix {
  /** Number of rows. */
  int rows();

  /** Number of columns. */
  int cols();

  /**
   * Length of a shadow of this matrix: rows·cols when dense, the number of stored entries when
   * sparse.
   */
  int shadowSize();

  /**
   * False for sparse matrices whose elements are booleans or integers: they are always constant.
   */
  boolean isDifferentiable();

  /** A short description for messages, such as {@code SparseMatrix(PATTERN, 3x3, nnz=4)}. */
  String describe();
}
