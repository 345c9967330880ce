/**
 * The built-in derivative rules of ad4j, one family per file, and {@link dev.ad4j.rules.Linalg},
 * the facade users call inside differentiated functions.
 *
 * <h2>Contents</h2>
 *
 * <ul>
 *   <li>{@link dev.ad4j.rules.Scalars}: exp, expm1, log, log1p, sqrt, cbrt, sin, cos, tanh, pow
 *       (easy-tier scalar rules).
 *   <li>{@link dev.ad4j.rules.Trig}: tan, asin, acos, atan, atan2, sinh, cosh.
 *   <li>{@link dev.ad4j.rules.Special}: erf, lgamma (with ad4j's own {@code Digamma}), sigmoid,
 *       softplus.
 *   <li>{@link dev.ad4j.rules.Extrema}: abs, min, max, hypot (tie and kink choices documented).
 *   <li>{@link dev.ad4j.rules.Dot}: {@code x·y}, and {@code s·v} for a sparse or dense row/column.
 *   <li>{@link dev.ad4j.rules.Bilinear}: {@code xᵀ·A·y}.
 *   <li>{@link dev.ad4j.rules.MatVec}: {@code A·x} and {@code Aᵀ·x}.
 *   <li>{@link dev.ad4j.rules.Reductions}: sum, mean, sum of squares, logSumExp, norm2, max.
 *   <li>{@link dev.ad4j.rules.Elementwise}: {@code α·x}, {@code x ± y}, {@code x ⊙ y}, {@code x ⊘
 *       y}, {@code map(f)} and {@code map2(f)} of easy-tier scalar rules, over vectors and dense
 *       matrices.
 *   <li>{@link dev.ad4j.rules.Comparison}: masks {@code [x op y]}, never differentiable.
 *   <li>{@link dev.ad4j.rules.MatMul}: {@code A·B} (sparse or dense A), transpose, outer, trace.
 *   <li>{@link dev.ad4j.rules.Factorizations}: solve, Cholesky, log-determinant, inverse.
 *   <li>{@link dev.ad4j.rules.SparseOps}: sums, scaling and value maps of sparse matrices.
 *   <li>{@link dev.ad4j.rules.Indexing}: gather, scatter-add, slice, concatenation, reshape, and
 *       rows, columns and blocks of dense matrices.
 * </ul>
 *
 * <h2>How the rules are written</h2>
 *
 * Every rule body checks each argument's activity and computes only what the non-{@code Const}
 * arguments need; reverse bodies add ({@code +=}) into shadows. An augmented primal copies an
 * argument only when its reverse reads that argument and the config says it may be overwritten (the
 * package-private {@code Saved}). Loops live in package-private kernels: {@code DenseKernels},
 * {@code CsrKernels} (one loop per sparse element kind) and {@code MatrixKernels}, which picks
 * between them, and one kernel file per family where it needs its own. Every differentiable rule is
 * a {@link dev.ad4j.api.SecondOrderRule}, so it nests inside Hessian-vector products (a comparison
 * mask is never differentiated at all).
 */
package dev.ad4j.rules;
