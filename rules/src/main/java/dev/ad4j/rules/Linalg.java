package dev.ad4j.rules;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;

/**
 * Linear algebra inside a differentiated function. Each method is one array rule (one tape node);
 * each rule computes only what the active arguments need.
 *
 * <pre>{@code
 * import static dev.ad4j.api.Arg.*;
 *
 * // v'Pv + |v|² with P a constant sparse BOOLEAN matrix: nothing is ever computed for P.
 * SparseMatrix P = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
 * double[] v = {1, 0}, dv = new double[2];
 * Autodiff.reverse(
 *     (Vec x, Mat p) -> Linalg.dot(x, p, x).plus(Linalg.sumOfSquares(x)),
 *     duplicated(v, dv), constant(P));
 * // dv is now {4, 0}: (P + Pᵀ)·v + 2v
 *
 * // A constant matrix closed over by the function needs no annotation:
 * double[] g = Autodiff.gradient(x -> Linalg.dot(x, P, x), v);
 * }</pre>
 *
 * <h2>Shapes</h2>
 *
 * Vectors are dense; matrices are {@link dev.ad4j.api.DenseMatrix} or {@link
 * dev.ad4j.api.SparseMatrix} (pattern, integer or double elements). Mismatched shapes throw {@link
 * IllegalArgumentException} naming the operation and both shapes, before anything is recorded.
 *
 * <h2>Performance</h2>
 *
 * Sparse products are O(nnz) and a sparse matrix's adjoint lives on its stored pattern. The
 * gradient of {@code dot(x, A, y)} costs one pass over A beyond the value (see {@link Bilinear}).
 *
 * <h2>Sections</h2>
 *
 * Products and reductions of vectors; elementwise operations on vectors and dense matrices ({@link
 * Elementwise}); comparison masks ({@link Comparison}, never differentiable); dense products,
 * transpose, outer product and trace; solve, Cholesky, log-determinant and inverse ({@link
 * Factorizations}); sums, scaling and value maps of sparse matrices ({@link SparseOps}); indexing
 * (gather, scatter-add, slice, concatenation, reshape).
 *
 * <h2>Non-goals</h2>
 *
 * No products of two sparse matrices and no sparse factorizations (convert a small sparse matrix
 * with {@code DenseMatrix.from(a.toRealMatrix())}), no eigen- or singular-value decompositions:
 * write a custom {@link dev.ad4j.api.Rule} for those.
 */
public final class Linalg {
  private Linalg() {}

  /** x·y. */
  public static Scalar dot(Vec x, Vec y) {
    return Dispatch.scalar(Dot.DOT, x, y);
  }

  /** s·v for an n×1 or 1×n matrix s (any sparse kind, or dense) and a vector v of length n. */
  public static Scalar dot(Mat s, Vec v) {
    return Dispatch.scalar(Dot.SPARSE_DOT, s, v);
  }

  /** s·v for a constant row or column {@code s}. */
  public static Scalar dot(Matrix s, Vec v) {
    return dot(Mat.constant(s), v);
  }

  /** xᵀ·A·y. */
  public static Scalar dot(Vec x, Mat a, Vec y) {
    return Dispatch.scalar(Bilinear.DOT3, x, a, y);
  }

  /** xᵀ·A·y for a constant {@code a}. */
  public static Scalar dot(Vec x, Matrix a, Vec y) {
    return dot(x, Mat.constant(a), y);
  }

  /** A·x. */
  public static Vec times(Mat a, Vec x) {
    return Dispatch.vec(MatVec.TIMES, a, x);
  }

  /** A·x for a constant {@code a}. */
  public static Vec times(Matrix a, Vec x) {
    return times(Mat.constant(a), x);
  }

  /** Aᵀ·x. */
  public static Vec transposeTimes(Mat a, Vec x) {
    return Dispatch.vec(MatVec.TRANSPOSE_TIMES, a, x);
  }

  /** Aᵀ·x for a constant {@code a}. */
  public static Vec transposeTimes(Matrix a, Vec x) {
    return transposeTimes(Mat.constant(a), x);
  }

  /** Σ xᵢ. */
  public static Scalar sum(Vec x) {
    return Dispatch.scalar(Reductions.SUM, x);
  }

  /** Σ xᵢ / n. */
  public static Scalar mean(Vec x) {
    return Dispatch.scalar(Reductions.MEAN, x);
  }

  /** Σ xᵢ². */
  public static Scalar sumOfSquares(Vec x) {
    return Dispatch.scalar(Reductions.SUM_OF_SQUARES, x);
  }

  /** ‖x‖ = √Σ xᵢ²; its gradient at x = 0 is 0. */
  public static Scalar norm2(Vec x) {
    return Dispatch.scalar(Reductions.NORM2, x);
  }

  /** log Σ e^(xᵢ), computed stably (finite for any finite x); its gradient is softmax(x). */
  public static Scalar logSumExp(Vec x) {
    return Dispatch.scalar(Reductions.LOG_SUM_EXP, x);
  }

  /** max xᵢ; its gradient is 1 at the first index holding the maximum. */
  public static Scalar max(Vec x) {
    return Dispatch.scalar(Reductions.MAX, x);
  }

  /** α·x. */
  public static Vec scale(Scalar alpha, Vec x) {
    return Dispatch.vec(Elementwise.SCALE, alpha, x);
  }

  /** α·x for a constant α. */
  public static Vec scale(double alpha, Vec x) {
    return scale(Scalar.constant(alpha), x);
  }

  /** x + y. */
  public static Vec add(Vec x, Vec y) {
    return Dispatch.vec(Elementwise.ADD, x, y);
  }

  /** x − y. */
  public static Vec subtract(Vec x, Vec y) {
    return Dispatch.vec(Elementwise.SUBTRACT, x, y);
  }

  /** x ⊙ y, elementwise. */
  public static Vec multiply(Vec x, Vec y) {
    return Dispatch.vec(Elementwise.MULTIPLY, x, y);
  }

  /** x ⊘ y, elementwise. */
  public static Vec divide(Vec x, Vec y) {
    return Dispatch.vec(Elementwise.DIVIDE, x, y);
  }

  /** f(xᵢ) for every element, for an easy-tier scalar rule such as {@code Scalars.EXP}. */
  public static Vec map(UnaryScalarRule f, Vec x) {
    return Dispatch.vec(Elementwise.map(f), x);
  }

  // ---- Elementwise over matrices (MatrixElementwise) ----

  /** A + B for dense matrices of one shape. */
  public static Mat add(Mat a, Mat b) {
    return Dispatch.mat(Elementwise.ADD, a, b);
  }

  /** A − B for dense matrices of one shape. */
  public static Mat subtract(Mat a, Mat b) {
    return Dispatch.mat(Elementwise.SUBTRACT, a, b);
  }

  /** A ⊙ B, elementwise, for dense matrices of one shape. */
  public static Mat multiply(Mat a, Mat b) {
    return Dispatch.mat(Elementwise.MULTIPLY, a, b);
  }

  /** A ⊘ B, elementwise, for dense matrices of one shape. */
  public static Mat divide(Mat a, Mat b) {
    return Dispatch.mat(Elementwise.DIVIDE, a, b);
  }

  /**
   * α·A: for a dense A elementwise; for a sparse A of any kind on its stored entries, a {@code
   * DOUBLE} sparse matrix with A's pattern ({@link #scaleStored(Scalar, Mat)}).
   */
  public static Mat scale(Scalar alpha, Mat a) {
    return a.value() instanceof SparseMatrix
        ? scaleStored(alpha, a)
        : Dispatch.mat(Elementwise.SCALE, alpha, a);
  }

  /** α·A for a constant α (dense or sparse A). */
  public static Mat scale(double alpha, Mat a) {
    return scale(Scalar.constant(alpha), a);
  }

  /**
   * f(Aᵢⱼ) for every element of a dense A, for an easy-tier scalar rule such as {@code Scalars.EXP}
   * (for a sparse A, see {@link #mapValues(UnaryScalarRule, Mat)}).
   */
  public static Mat map(UnaryScalarRule f, Mat a) {
    return Dispatch.mat(Elementwise.map(f), a);
  }

  /**
   * f(xᵢ, yᵢ) for every pair of elements, for an easy-tier binary rule such as {@code Scalars.POW}
   * or {@code Extrema.MAX}.
   */
  public static Vec map2(BinaryScalarRule f, Vec x, Vec y) {
    return Dispatch.vec(Elementwise.map2(f), x, y);
  }

  /** f(Aᵢⱼ, Bᵢⱼ) for dense matrices of one shape. */
  public static Mat map2(BinaryScalarRule f, Mat a, Mat b) {
    return Dispatch.mat(Elementwise.map2(f), a, b);
  }

  // ---- end of section ----

  // ---- Comparisons: masks, never differentiable (Comparisons) ----

  /**
   * [xᵢ op yᵢ] as 1.0 or 0.0, a constant mask (never differentiable, nothing recorded). Example:
   * {@code multiply(mask(x, Comparison.GREATER, 0), x)} is relu(x).
   */
  public static Vec mask(Vec x, Comparison op, Vec y) {
    return Dispatch.vec(op.rule(), x, y);
  }

  /** [xᵢ op t] as 1.0 or 0.0, a constant mask. */
  public static Vec mask(Vec x, Comparison op, double t) {
    return Dispatch.vec(op.rule(), x, Scalar.constant(t));
  }

  /** [Aᵢⱼ op Bᵢⱼ] for dense matrices of one shape, as a constant dense 0/1 matrix. */
  public static Mat mask(Mat a, Comparison op, Mat b) {
    return Dispatch.mat(op.rule(), a, b);
  }

  /** [Aᵢⱼ op t] for a dense matrix, as a constant dense 0/1 matrix. */
  public static Mat mask(Mat a, Comparison op, double t) {
    return Dispatch.mat(op.rule(), a, Scalar.constant(t));
  }

  // ---- end of section ----

  // ---- Dense matrix products, transpose, outer, trace (MatMul) ----

  /** A·B for a dense or sparse (any kind) A and a dense B; a dense result. */
  public static Mat times(Mat a, Mat b) {
    return Dispatch.mat(MatMul.TIMES, a, b);
  }

  /** A·B for a constant {@code a}, dense or sparse (any kind), and a dense B. */
  public static Mat times(Matrix a, Mat b) {
    return times(Mat.constant(a), b);
  }

  /** Aᵀ, dense or sparse of A's kind; a sparse A's derivative follows its entries, O(nnz). */
  public static Mat transpose(Mat a) {
    return Dispatch.mat(MatMul.TRANSPOSE, a);
  }

  /** x·yᵀ, a dense x.size()×y.size() matrix. */
  public static Mat outer(Vec x, Vec y) {
    return Dispatch.mat(MatMul.OUTER, x, y);
  }

  /** Σ Aᵢᵢ for a square A, dense or sparse (any kind). */
  public static Scalar trace(Mat a) {
    return Dispatch.scalar(MatMul.TRACE, a);
  }

  // ---- end of section ----

  // ---- Solve, Cholesky, log-determinant, inverse (Factorizations) ----

  /** A⁻¹·b for a dense square A (see {@link Factorizations#SOLVE}). */
  public static Vec solve(Mat a, Vec b) {
    return Dispatch.vec(Factorizations.SOLVE, a, b);
  }

  /** A⁻¹·b for a constant dense square {@code a}: nothing is computed for A's derivative. */
  public static Vec solve(Matrix a, Vec b) {
    return solve(Mat.constant(a), b);
  }

  /** A⁻¹·B for a dense square A and a dense B (see {@link Factorizations#SOLVE_MATRIX}). */
  public static Mat solve(Mat a, Mat b) {
    return Dispatch.mat(Factorizations.SOLVE_MATRIX, a, b);
  }

  /** The lower-triangular L with L·Lᵀ = A, reading only A's lower triangle. */
  public static Mat cholesky(Mat a) {
    return Dispatch.mat(Factorizations.CHOLESKY, a);
  }

  /** log|det A| for a dense square A (the sign is ignored). */
  public static Scalar logDet(Mat a) {
    return Dispatch.scalar(Factorizations.LOG_DET, a);
  }

  /** A⁻¹ for a dense square A (prefer {@link #solve(Mat, Vec)} to multiplying by it). */
  public static Mat inverse(Mat a) {
    return Dispatch.mat(Factorizations.INVERSE, a);
  }

  // ---- end of section ----

  // ---- Sparse matrices: sums, value maps, scaling (SparseOps) ----

  /** Σ of A's elements: the stored entries when sparse (a PATTERN counts them). O(nnz). */
  public static Scalar sum(Mat a) {
    return Dispatch.scalar(SparseOps.SUM, a);
  }

  /** Σ of a constant matrix's elements. */
  public static Scalar sum(Matrix a) {
    return sum(Mat.constant(a));
  }

  /** The vector of row sums rᵢ = Σⱼ Aᵢⱼ (length rows). O(rows + nnz) when sparse. */
  public static Vec rowSums(Mat a) {
    return Dispatch.vec(SparseOps.ROW_SUMS, a);
  }

  /** Row sums of a constant matrix (for a PATTERN, the number of entries per row). */
  public static Vec rowSums(Matrix a) {
    return rowSums(Mat.constant(a));
  }

  /** The vector of column sums cⱼ = Σᵢ Aᵢⱼ (length cols). O(cols + nnz) when sparse. */
  public static Vec columnSums(Mat a) {
    return Dispatch.vec(SparseOps.COLUMN_SUMS, a);
  }

  /** Column sums of a constant matrix (for a PATTERN, the number of entries per column). */
  public static Vec columnSums(Matrix a) {
    return columnSums(Mat.constant(a));
  }

  /**
   * α·A for a sparse A of any kind: a DOUBLE matrix on A's pattern, differentiable in α even for a
   * constant PATTERN A. A dense A throws {@link IllegalArgumentException}.
   */
  public static Mat scaleStored(Scalar alpha, Mat a) {
    return Dispatch.mat(SparseOps.SCALE, alpha, a);
  }

  /** α·A for a constant sparse A, such as a boolean mask P. */
  public static Mat scaleStored(Scalar alpha, Matrix a) {
    return scaleStored(alpha, Mat.constant(a));
  }

  /**
   * f(Aₖ) for each stored entry of A (every element when dense), for an easy-tier scalar rule such
   * as {@code Scalars.EXP}. Structural zeros stay zero even when f(0) ≠ 0.
   */
  public static Mat mapValues(UnaryScalarRule f, Mat a) {
    return Dispatch.mat(SparseOps.mapValues(f), a);
  }

  // ---- end of section ----

  // ---- Indexing: gather, scatter-add, slice, concat, reshape (Indexing) ----

  /** (x[idx_0], x[idx_1], ...); repeated indices are allowed and their adjoints add up. */
  public static Vec gather(Vec x, int... idx) {
    return Dispatch.vec(Indexing.gather(idx), x);
  }

  /** A copy of x with v_k added at idx_k (repeated indices accumulate). */
  public static Vec scatterAdd(Vec x, int[] idx, Vec v) {
    return Dispatch.vec(Indexing.scatterAdd(idx), x, v);
  }

  /** The elements x[from], ..., x[to − 1]. */
  public static Vec slice(Vec x, int from, int to) {
    return Dispatch.vec(Indexing.slice(from, to), x);
  }

  /** [x; y]: x's elements followed by y's. */
  public static Vec concat(Vec x, Vec y) {
    return Dispatch.vec(Indexing.CONCAT, x, y);
  }

  /** [x_1; ...; x_n]: the vectors' elements one after the other. */
  public static Vec concat(Vec... xs) {
    return Dispatch.vec(Indexing.concat(xs.length), xs);
  }

  /** The dense rows×cols matrix holding a dense matrix's elements in row-major order. */
  public static Mat reshape(Mat a, int rows, int cols) {
    return Dispatch.mat(Indexing.reshape(rows, cols), a);
  }

  /** The dense rows×cols matrix holding a constant dense matrix's elements in row-major order. */
  public static Mat reshape(Matrix a, int rows, int cols) {
    return reshape(Mat.constant(a), rows, cols);
  }

  /** The dense rows×cols matrix whose rows are consecutive runs of x. */
  public static Mat reshape(Vec x, int rows, int cols) {
    return Dispatch.mat(Indexing.reshape(rows, cols), x);
  }

  /** Row i of a dense matrix, as a vector. */
  public static Vec row(Mat a, int i) {
    return Dispatch.vec(Indexing.row(i), a);
  }

  /** Column j of a dense matrix, as a vector. */
  public static Vec column(Mat a, int j) {
    return Dispatch.vec(Indexing.column(j), a);
  }

  /** Rows [from, to) of a dense matrix. */
  public static Mat rows(Mat a, int from, int to) {
    return Dispatch.mat(Indexing.rows(from, to), a);
  }

  /** The block A[r0:r1, c0:c1] of a dense matrix (end bounds exclusive). */
  public static Mat block(Mat a, int r0, int r1, int c0, int c1) {
    return Dispatch.mat(Indexing.block(r0, r1, c0, c1), a);
  }

  /** A dense matrix's elements in row-major order. */
  public static Vec flatten(Mat a) {
    return Dispatch.vec(Indexing.FLATTEN, a);
  }

  /** A constant dense matrix's elements in row-major order. */
  public static Vec flatten(Matrix a) {
    return flatten(Mat.constant(a));
  }

  // ---- end of section ----
}
