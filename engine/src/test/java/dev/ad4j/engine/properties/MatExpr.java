package dev.ad4j.engine.properties;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.rules.Linalg;

/**
 * A node of a generated program whose value is an n×n matrix. {@link #dense()} says whether the
 * value is a dense matrix: only dense matrices may be added, multiplied elementwise or be the right
 * factor of a product; sparse ones (the argument {@code A} when it is sparse, sparse constants of
 * every kind, their transposes and left products) appear where {@code Linalg} accepts any kind.
 */
sealed interface MatExpr {
  Mat eval(Env env);

  boolean dense();

  /** The matrix argument {@code A}. */
  record ArgA(boolean dense) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return env.a();
    }

    @Override
    public String toString() {
      return "A";
    }
  }

  /** A constant matrix: dense, or sparse of kind PATTERN, INTEGER or DOUBLE. */
  record Literal(Matrix value) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return Mat.constant(value);
    }

    @Override
    public boolean dense() {
      return value instanceof dev.ad4j.api.DenseMatrix;
    }

    @Override
    public String toString() {
      return Fmt.matrix(value);
    }
  }

  /** {@code Linalg.outer(x, y)}. */
  record Outer(VecExpr x, VecExpr y) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return Linalg.outer(x.eval(env), y.eval(env));
    }

    @Override
    public boolean dense() {
      return true;
    }

    @Override
    public String toString() {
      return "outer(" + x + ", " + y + ")";
    }
  }

  /** {@code Linalg.transpose(A)}: keeps the kind of A. */
  record Transpose(MatExpr a) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return Linalg.transpose(a.eval(env));
    }

    @Override
    public boolean dense() {
      return a.dense();
    }

    @Override
    public String toString() {
      return "transpose(" + a + ")";
    }
  }

  /** {@code Linalg.times(A, B)} with B dense: the product is dense. */
  record Product(MatExpr a, MatExpr b) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return Linalg.times(a.eval(env), b.eval(env));
    }

    @Override
    public boolean dense() {
      return true;
    }

    @Override
    public String toString() {
      return "times(" + a + ", " + b + ")";
    }
  }

  /** {@code Linalg.add(A, B)} or {@code Linalg.multiply(A, B)} of two dense matrices. */
  record Elementwise(boolean multiply, MatExpr a, MatExpr b) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      return multiply
          ? Linalg.multiply(a.eval(env), b.eval(env))
          : Linalg.add(a.eval(env), b.eval(env));
    }

    @Override
    public boolean dense() {
      return true;
    }

    @Override
    public String toString() {
      return (multiply ? "(" + a + " .* " : "(" + a + " .+ ") + b + ")";
    }
  }

  /** {@code Linalg.cholesky(spd(M))} or {@code Linalg.inverse(spd(M))}: dense. */
  record Factor(boolean inverse, MatExpr m) implements MatExpr {
    @Override
    public Mat eval(Env env) {
      Mat s = Spd.of(m.eval(env));
      return inverse ? Linalg.inverse(s) : Linalg.cholesky(s);
    }

    @Override
    public boolean dense() {
      return true;
    }

    @Override
    public String toString() {
      return (inverse ? "inverse(spd(" : "cholesky(spd(") + m + "))";
    }
  }
}
