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
 *       y}, and {@code map(f)} of any easy-tier scalar rule.
 * </ul>
 *
 * <h2>How the rules are written</h2>
 *
 * Every rule body checks each argument's activity and computes only what the non-{@code Const}
 * arguments need; reverse bodies add ({@code +=}) into shadows. An augmented primal copies an
 * argument only when its reverse reads that argument and the config says it may be overwritten (the
 * package-private {@code Saved}). Loops live in package-private kernels: {@code DenseKernels},
 * {@code CsrKernels} (one loop per sparse element kind) and {@code MatrixKernels}, which picks
 * between them.
 */
package dev.ad4j.rules;
