package dev.ad4j.engine.properties;

import dev.ad4j.api.Matrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.rules.Linalg;

/**
 * A scalar-valued node of a generated program. Every node prints as the expression it computes, so
 * a failing program reads like the code a user would have written.
 */
sealed interface ScalarExpr {
  Scalar eval(Env env);

  /** The scalar argument {@code c}. */
  record ArgC() implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return env.c();
    }

    @Override
    public String toString() {
      return "c";
    }
  }

  /** A literal. */
  record Literal(double value) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return Scalar.constant(value);
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** Element {@code i} of a vector. */
  record Element(VecExpr v, int i) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return v.eval(env).get(i);
    }

    @Override
    public String toString() {
      return v + "[" + i + "]";
    }
  }

  /** A unary scalar function, with its domain guard (see {@link UnaryOp}). */
  record Unary(UnaryOp op, ScalarExpr a) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return op.apply(a.eval(env));
    }

    @Override
    public String toString() {
      return op.show(a.toString());
    }
  }

  /** A binary scalar function, with its domain guard (see {@link BinaryOp}). */
  record Binary(BinaryOp op, ScalarExpr a, ScalarExpr b) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return op.apply(a.eval(env), b.eval(env));
    }

    @Override
    public String toString() {
      return op.show(a.toString(), b.toString());
    }
  }

  /** A reduction of one vector: sum, mean, sumOfSquares, logSumExp, norm2, max. */
  record Reduce(Reduction op, VecExpr v) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return op.apply(v.eval(env));
    }

    @Override
    public String toString() {
      return op.label() + "(" + v + ")";
    }
  }

  /** {@code Linalg.dot(x, y)}. */
  record Dot(VecExpr x, VecExpr y) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return Linalg.dot(x.eval(env), y.eval(env));
    }

    @Override
    public String toString() {
      return "dot(" + x + ", " + y + ")";
    }
  }

  /** {@code Linalg.dot(s, v)} with a constant sparse (any kind) or dense column {@code s}. */
  record DotConstant(Matrix s, VecExpr v) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return Linalg.dot(s, v.eval(env));
    }

    @Override
    public String toString() {
      return "dot(" + Fmt.matrix(s) + ", " + v + ")";
    }
  }

  /** {@code Linalg.dot(x, A, y) = xᵀAy}. */
  record BilinearForm(VecExpr x, MatExpr a, VecExpr y) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return Linalg.dot(x.eval(env), a.eval(env), y.eval(env));
    }

    @Override
    public String toString() {
      return "dot(" + x + ", " + a + ", " + y + ")";
    }
  }

  /** {@code Linalg.sum(A)} or {@code Linalg.trace(A)}. */
  record MatrixReduce(boolean trace, MatExpr a) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return trace ? Linalg.trace(a.eval(env)) : Linalg.sum(a.eval(env));
    }

    @Override
    public String toString() {
      return (trace ? "trace(" : "sum(") + a + ")";
    }
  }

  /** {@code Linalg.logDet(spd(M))}. */
  record LogDet(MatExpr m) implements ScalarExpr {
    @Override
    public Scalar eval(Env env) {
      return Linalg.logDet(Spd.of(m.eval(env)));
    }

    @Override
    public String toString() {
      return "logDet(spd(" + m + "))";
    }
  }
}
