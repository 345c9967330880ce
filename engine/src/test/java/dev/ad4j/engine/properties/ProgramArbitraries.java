package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import dev.ad4j.rules.Trig;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of random, well-typed programs over the built-in rules, for one vector length n and
 * one kind of matrix argument (dense or sparse). Programs are trees built only from jqwik
 * combinators ({@code oneOf}, {@code frequencyOf}, {@code combine}, {@code lazy}), so jqwik shrinks
 * a failing program to a smaller subtree, smaller constants and simpler operations.
 */
final class ProgramArbitraries {
  /** Elementwise maps: easy-tier rules smooth on all reals, each with a second derivative. */
  private static final UnaryScalarRule[] SMOOTH_MAPS = {
    Scalars.SIN,
    Scalars.COS,
    Scalars.TANH,
    Trig.ATAN,
    Special.SIGMOID,
    Special.SOFTPLUS,
    Special.ERF
  };

  private final int n;
  private final boolean denseA;

  ProgramArbitraries(int n, boolean denseA) {
    this.n = n;
    this.denseA = denseA;
  }

  /** Small literals; shrinking moves them towards 0. */
  static Arbitrary<Double> number() {
    return Arbitraries.doubles().between(-2, 2).ofScale(3);
  }

  Arbitrary<double[]> vector(int length) {
    return number().array(double[].class).ofSize(length);
  }

  /** A scalar program of at most {@code depth} levels of operations. */
  Arbitrary<ScalarExpr> scalar(int depth) {
    Arbitrary<ScalarExpr> leaf =
        Arbitraries.oneOf(
            Arbitraries.just(new ScalarExpr.ArgC()),
            number().map(ScalarExpr.Literal::new),
            index().map(i -> new ScalarExpr.Element(new VecExpr.ArgX(), i)),
            Arbitraries.of(Reduction.class).map(r -> new ScalarExpr.Reduce(r, new VecExpr.ArgX())));
    if (depth == 0) {
      return leaf;
    }
    Supplier<Arbitrary<ScalarExpr>> s = () -> scalar(depth - 1);
    Supplier<Arbitrary<VecExpr>> v = () -> vec(depth - 1);
    Supplier<Arbitrary<MatExpr>> m = () -> mat(depth - 1, false);
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaf),
        Tuple.of(
            4,
            lazy(() -> Combinators.combine(op(UnaryOp.class), s.get()).as(ScalarExpr.Unary::new))),
        Tuple.of(
            4,
            lazy(
                () ->
                    Combinators.combine(op(BinaryOp.class), s.get(), s.get())
                        .as(ScalarExpr.Binary::new))),
        Tuple.of(
            3,
            lazy(
                () ->
                    Combinators.combine(op(Reduction.class), v.get()).as(ScalarExpr.Reduce::new))),
        Tuple.of(2, lazy(() -> Combinators.combine(v.get(), index()).as(ScalarExpr.Element::new))),
        Tuple.of(1, lazy(() -> Combinators.combine(v.get(), v.get()).as(ScalarExpr.Dot::new))),
        Tuple.of(
            1, lazy(() -> Combinators.combine(column(), v.get()).as(ScalarExpr.DotConstant::new))),
        Tuple.of(
            2,
            lazy(
                () ->
                    Combinators.combine(v.get(), m.get(), v.get())
                        .as(ScalarExpr.BilinearForm::new))),
        Tuple.of(
            1, lazy(() -> Combinators.combine(bool(), m.get()).as(ScalarExpr.MatrixReduce::new))),
        Tuple.of(1, lazy(() -> mat(depth - 1, true).map(ScalarExpr.LogDet::new))));
  }

  /** A vector program of length n. */
  Arbitrary<VecExpr> vec(int depth) {
    Arbitrary<VecExpr> leaf =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(new VecExpr.ArgX())),
            Tuple.of(1, vector(n).map(VecExpr.Literal::new)));
    if (depth == 0) {
      return leaf;
    }
    Supplier<Arbitrary<ScalarExpr>> s = () -> scalar(depth - 1);
    Supplier<Arbitrary<VecExpr>> v = () -> vec(depth - 1);
    Supplier<Arbitrary<MatExpr>> m = () -> mat(depth - 1, false);
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaf),
        Tuple.of(
            3, lazy(() -> Combinators.combine(bool(), m.get(), v.get()).as(VecExpr.MatVec::new))),
        Tuple.of(1, lazy(() -> Combinators.combine(s.get(), v.get()).as(VecExpr.Scale::new))),
        Tuple.of(
            3,
            lazy(
                () ->
                    Combinators.combine(Arbitraries.of('+', '-', '*', '/'), v.get(), v.get())
                        .as(VecExpr.Elementwise::new))),
        Tuple.of(
            2,
            lazy(
                () ->
                    Combinators.combine(Arbitraries.of(SMOOTH_MAPS), v.get())
                        .as(VecExpr.Map::new))),
        Tuple.of(
            1,
            lazy(
                () ->
                    Combinators.combine(v.get(), index().array(int[].class).ofSize(n))
                        .as(VecExpr.Gather::new))),
        Tuple.of(
            1,
            lazy(
                () ->
                    Combinators.combine(v.get(), Arbitraries.integers().between(1, n - 1))
                        .as(VecExpr.Rotate::new))),
        Tuple.of(1, lazy(() -> Combinators.combine(bool(), m.get()).as(VecExpr.MatrixSums::new))),
        Tuple.of(
            1,
            lazy(() -> Combinators.combine(mat(depth - 1, true), v.get()).as(VecExpr.Solve::new))));
  }

  /** An n×n matrix program; {@code denseOnly} where Linalg needs a dense matrix. */
  Arbitrary<MatExpr> mat(int depth, boolean denseOnly) {
    Arbitrary<MatExpr> dense =
        vector(n * n).map(v -> new MatExpr.Literal(DenseMatrix.wrap(n, n, v)));
    Arbitrary<MatExpr> leaf =
        denseOnly && !denseA
            ? dense
            : Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new MatExpr.ArgA(denseA))),
                Tuple.of(1, dense),
                Tuple.of(denseOnly ? 0 : 2, sparse(n, n).map(MatExpr.Literal::new)));
    if (depth == 0) {
      return leaf;
    }
    Supplier<Arbitrary<VecExpr>> v = () -> vec(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(1, lazy(() -> Combinators.combine(v.get(), v.get()).as(MatExpr.Outer::new))),
        Tuple.of(1, lazy(() -> mat(depth - 1, denseOnly).map(MatExpr.Transpose::new))),
        Tuple.of(
            1,
            lazy(
                () ->
                    Combinators.combine(mat(depth - 1, false), mat(depth - 1, true))
                        .as(MatExpr.Product::new))),
        Tuple.of(
            1,
            lazy(
                () ->
                    Combinators.combine(bool(), mat(depth - 1, true), mat(depth - 1, true))
                        .as(MatExpr.Elementwise::new))),
        Tuple.of(
            1,
            lazy(() -> Combinators.combine(bool(), mat(depth - 1, true)).as(MatExpr.Factor::new))));
  }

  /** A sparse matrix of a random kind (PATTERN, INTEGER, DOUBLE) and a random pattern. */
  Arbitrary<Matrix> sparse(int rows, int cols) {
    return Combinators.combine(
            Arbitraries.of(SparseMatrix.Kind.class),
            bool().array(boolean[].class).ofSize(rows * cols),
            vector(rows * cols))
        .as((kind, mask, values) -> Sparse.of(kind, rows, cols, mask, values));
  }

  /** A constant n×1 column for {@code dot(s, v)}: sparse of any kind, or dense. */
  Arbitrary<Matrix> column() {
    return Arbitraries.oneOf(sparse(n, 1), vector(n).map(v -> (Matrix) DenseMatrix.wrap(n, 1, v)));
  }

  private Arbitrary<Integer> index() {
    return Arbitraries.integers().between(0, n - 1);
  }

  private static Arbitrary<Boolean> bool() {
    return Arbitraries.of(false, true);
  }

  private static <E extends Enum<E>> Arbitrary<E> op(Class<E> type) {
    return Arbitraries.of(type);
  }

  private static <T> Arbitrary<T> lazy(Supplier<Arbitrary<T>> s) {
    return Arbitraries.lazy(s);
  }
}
