package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import dev.ad4j.rules.Trig;
import java.util.SplittableRandom;

/**
 * Random, well-typed programs over the built-in rules, for one vector length n and one kind of
 * matrix argument (dense or sparse), drawn from a seeded {@link SplittableRandom}. Each level picks
 * an operation with fixed weights; at depth 0 only leaves (arguments and literals) remain, so
 * programs have at most {@link Cases#DEPTH} nested levels and print short.
 */
final class ProgramGenerator {
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

  private final SplittableRandom random;
  private final int n;
  private final boolean denseA;

  ProgramGenerator(SplittableRandom random, int n, boolean denseA) {
    this.random = random;
    this.n = n;
    this.denseA = denseA;
  }

  /** A literal in [−2, 2] with three decimals, so programs print exactly. */
  static double number(SplittableRandom random) {
    return Math.round((4 * random.nextDouble() - 2) * 1000) / 1000.0;
  }

  double[] vector(int length) {
    double[] v = new double[length];
    for (int i = 0; i < length; i++) {
      v[i] = number(random);
    }
    return v;
  }

  /** A scalar program of at most {@code depth} levels of operations. */
  ScalarExpr scalar(int depth) {
    if (depth == 0) {
      return scalarLeaf();
    }
    int d = depth - 1;
    switch (pick(2, 4, 4, 3, 2, 1, 1, 2, 1, 1)) {
      case 0:
        return scalarLeaf();
      case 1:
        return new ScalarExpr.Unary(of(UnaryOp.values()), scalar(d));
      case 2:
        return new ScalarExpr.Binary(of(BinaryOp.values()), scalar(d), scalar(d));
      case 3:
        return new ScalarExpr.Reduce(of(Reduction.values()), vec(d));
      case 4:
        return new ScalarExpr.Element(vec(d), index());
      case 5:
        return new ScalarExpr.Dot(vec(d), vec(d));
      case 6:
        return new ScalarExpr.DotConstant(column(), vec(d));
      case 7:
        return new ScalarExpr.BilinearForm(vec(d), mat(d, false), vec(d));
      case 8:
        return new ScalarExpr.MatrixReduce(random.nextBoolean(), mat(d, false));
      default:
        return new ScalarExpr.LogDet(mat(d, true));
    }
  }

  /** A vector program of length n. */
  VecExpr vec(int depth) {
    if (depth == 0) {
      return vecLeaf();
    }
    int d = depth - 1;
    switch (pick(2, 3, 1, 3, 2, 1, 1, 1, 1)) {
      case 0:
        return vecLeaf();
      case 1:
        return new VecExpr.MatVec(random.nextBoolean(), mat(d, false), vec(d));
      case 2:
        return new VecExpr.Scale(scalar(d), vec(d));
      case 3:
        return new VecExpr.Elementwise(of(new Character[] {'+', '-', '*', '/'}), vec(d), vec(d));
      case 4:
        return new VecExpr.Map(of(SMOOTH_MAPS), vec(d));
      case 5:
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
          idx[i] = index();
        }
        return new VecExpr.Gather(vec(d), idx);
      case 6:
        return new VecExpr.Rotate(vec(d), 1 + random.nextInt(n - 1));
      case 7:
        return new VecExpr.MatrixSums(random.nextBoolean(), mat(d, false));
      default:
        return new VecExpr.Solve(mat(d, true), vec(d));
    }
  }

  /** An n×n matrix program; {@code denseOnly} where Linalg needs a dense matrix. */
  MatExpr mat(int depth, boolean denseOnly) {
    if (depth == 0) {
      return matLeaf(denseOnly);
    }
    int d = depth - 1;
    switch (pick(3, 1, 1, 1, 1, 1)) {
      case 0:
        return matLeaf(denseOnly);
      case 1:
        return new MatExpr.Outer(vec(d), vec(d));
      case 2:
        return new MatExpr.Transpose(mat(d, denseOnly));
      case 3:
        return new MatExpr.Product(mat(d, false), mat(d, true));
      case 4:
        return new MatExpr.Elementwise(random.nextBoolean(), mat(d, true), mat(d, true));
      default:
        return new MatExpr.Factor(random.nextBoolean(), mat(d, true));
    }
  }

  /** A sparse matrix of a random kind (PATTERN, INTEGER, DOUBLE) and a random pattern. */
  Matrix sparse(int rows, int cols) {
    SparseMatrix.Kind kind = of(SparseMatrix.Kind.values());
    boolean[] mask = new boolean[rows * cols];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = random.nextBoolean();
    }
    return Sparse.of(kind, rows, cols, mask, vector(rows * cols));
  }

  private ScalarExpr scalarLeaf() {
    switch (random.nextInt(4)) {
      case 0:
        return new ScalarExpr.ArgC();
      case 1:
        return new ScalarExpr.Literal(number(random));
      case 2:
        return new ScalarExpr.Element(new VecExpr.ArgX(), index());
      default:
        return new ScalarExpr.Reduce(of(Reduction.values()), new VecExpr.ArgX());
    }
  }

  private VecExpr vecLeaf() {
    return pick(3, 1) == 0 ? new VecExpr.ArgX() : new VecExpr.Literal(vector(n));
  }

  private MatExpr matLeaf(boolean denseOnly) {
    MatExpr.Literal dense = new MatExpr.Literal(DenseMatrix.wrap(n, n, vector(n * n)));
    if (denseOnly && !denseA) {
      return dense;
    }
    switch (pick(3, 1, denseOnly ? 0 : 2)) {
      case 0:
        return new MatExpr.ArgA(denseA);
      case 1:
        return dense;
      default:
        return new MatExpr.Literal(sparse(n, n));
    }
  }

  /** A constant n×1 column for {@code dot(s, v)}: sparse of any kind, or dense. */
  private Matrix column() {
    return random.nextBoolean() ? sparse(n, 1) : DenseMatrix.wrap(n, 1, vector(n));
  }

  private int index() {
    return random.nextInt(n);
  }

  private <T> T of(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** An index drawn with the given weights. */
  private int pick(int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable: weights " + java.util.Arrays.toString(weights));
  }
}
