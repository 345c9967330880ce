package dev.ad4j.engine.properties;

import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import java.util.Arrays;

/** A node of a generated program whose value is a vector of the program's length n. */
sealed interface VecExpr {
  Vec eval(Env env);

  /** The vector argument {@code x}. */
  record ArgX() implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return env.x();
    }

    @Override
    public String toString() {
      return "x";
    }
  }

  /** A constant vector. */
  record Literal(double[] value) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return Vec.constant(value);
    }

    @Override
    public String toString() {
      return Fmt.vec(value);
    }
  }

  /** {@code Linalg.times(A, v)} or {@code Linalg.transposeTimes(A, v)}. */
  record MatVec(boolean transposed, MatExpr a, VecExpr v) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return transposed
          ? Linalg.transposeTimes(a.eval(env), v.eval(env))
          : Linalg.times(a.eval(env), v.eval(env));
    }

    @Override
    public String toString() {
      return (transposed ? "transposeTimes(" : "times(") + a + ", " + v + ")";
    }
  }

  /** {@code Linalg.scale(s, v)}. */
  record Scale(ScalarExpr s, VecExpr v) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return Linalg.scale(s.eval(env), v.eval(env));
    }

    @Override
    public String toString() {
      return "scale(" + s + ", " + v + ")";
    }
  }

  /**
   * {@code add}, {@code subtract}, {@code multiply}, or {@code divide} with the guarded divisor
   * {@code b ⊙ b + 0.5}.
   */
  record Elementwise(char op, VecExpr a, VecExpr b) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      Vec x = a.eval(env);
      Vec y = b.eval(env);
      return switch (op) {
        case '+' -> Linalg.add(x, y);
        case '-' -> Linalg.subtract(x, y);
        case '*' -> Linalg.multiply(x, y);
        default -> Linalg.divide(x, posElementwise(y));
      };
    }

    private static Vec posElementwise(Vec y) {
      double[] half = new double[y.size()];
      Arrays.fill(half, 0.5);
      return Linalg.add(Linalg.multiply(y, y), Vec.constant(half));
    }

    @Override
    public String toString() {
      return op == '/' ? "(" + a + " ./ pos(" + b + "))" : "(" + a + " ." + op + " " + b + ")";
    }
  }

  /** {@code Linalg.map(f, v)} for an easy-tier rule {@code f} that is smooth on all reals. */
  record Map(UnaryScalarRule f, VecExpr v) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return Linalg.map(f, v.eval(env));
    }

    @Override
    public String toString() {
      return "map(" + f.name() + ", " + v + ")";
    }
  }

  /** {@code Linalg.gather(v, idx)}: indices may repeat, so adjoints must add up. */
  record Gather(VecExpr v, int[] idx) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return Linalg.gather(v.eval(env), idx);
    }

    @Override
    public String toString() {
      return "gather(" + v + ", " + Arrays.toString(idx) + ")";
    }
  }

  /** {@code concat(slice(v, k, n), slice(v, 0, k))}: a rotation by k through slice and concat. */
  record Rotate(VecExpr v, int k) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      Vec u = v.eval(env);
      return Linalg.concat(Linalg.slice(u, k, u.size()), Linalg.slice(u, 0, k));
    }

    @Override
    public String toString() {
      String u = v.toString();
      return "concat(slice(" + u + ", " + k + ", n), slice(" + u + ", 0, " + k + "))";
    }
  }

  /** {@code Linalg.rowSums(A)} or {@code Linalg.columnSums(A)}. */
  record MatrixSums(boolean columns, MatExpr a) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return columns ? Linalg.columnSums(a.eval(env)) : Linalg.rowSums(a.eval(env));
    }

    @Override
    public String toString() {
      return (columns ? "columnSums(" : "rowSums(") + a + ")";
    }
  }

  /** {@code Linalg.solve(spd(M), v)}. */
  record Solve(MatExpr m, VecExpr v) implements VecExpr {
    @Override
    public Vec eval(Env env) {
      return Linalg.solve(Spd.of(m.eval(env)), v.eval(env));
    }

    @Override
    public String toString() {
      return "solve(spd(" + m + "), " + v + ")";
    }
  }
}
