package dev.ad4j.gradbench;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.ForwardResult;
import dev.ad4j.engine.Nested;

/**
 * The gradient descent of GradBench's particle and saddle evals (Siskind and Pearlmutter's
 * benchmark), on Scalars so that it can run inside a differentiated function: from x with step η =
 * 1e-5, stop when |∇f| ≤ 1e-5 or a step moves less than 1e-5; take x − η∇f if it lowers f, else
 * halve η; after ten accepted steps in a row, double η. Comparisons use primal values only; the
 * iterates carry whatever differentiation their inputs and gradients belong to.
 */
final class Descent {
  static final double TOLERANCE = 1e-5;

  private Descent() {}

  /** A way of taking the gradient of a scalar function of a vector at a point. */
  @FunctionalInterface
  interface Gradient {
    Scalar[] at(Fn1<Vec, Scalar> f, Scalar[] x);
  }

  /** A GradBench function name, rr, rf, fr or ff: outer mode, then inner mode. */
  record Modes(boolean outerReverse, boolean innerReverse) {
    static Modes of(String module, String function) {
      return switch (function) {
        case "rr" -> new Modes(true, true);
        case "rf" -> new Modes(true, false);
        case "fr" -> new Modes(false, true);
        case "ff" -> new Modes(false, false);
        default -> throw new UnknownFunctionException(module, function);
      };
    }

    /** The outer gradient, of a function of constants: ad4j's reverse or vector forward mode. */
    Gradient outer() {
      return (f, x) -> constants(outerReverse ? Autodiff.gradient(f, values(x)) : forward(f, x));
    }

    /** The inner gradient, inside a differentiated function: {@link Nested}. */
    Gradient inner() {
      return innerReverse ? Nested::gradient : Nested::gradientForward;
    }
  }

  /** The minimizer of {@code f} from {@code x}, with gradients from {@code grad}. */
  static Scalar[] argmin(Gradient grad, Fn1<Vec, Scalar> f, Scalar[] x) {
    double fx = value(f, x);
    Scalar[] gx = grad.at(f, x);
    double eta = TOLERANCE;
    int accepted = 0;
    while (magnitude(gx) > TOLERANCE) {
      if (accepted == 10) {
        eta *= 2;
        accepted = 0;
        continue;
      }
      Scalar[] next = new Scalar[x.length];
      for (int k = 0; k < x.length; k++) {
        next[k] = x[k].minus(gx[k].times(eta));
      }
      if (distance(x, next) <= TOLERANCE) {
        break;
      }
      double fNext = value(f, next);
      if (fNext < fx) {
        x = next;
        fx = fNext;
        gx = grad.at(f, next);
        accepted++;
      } else {
        eta /= 2;
        accepted = 0;
      }
    }
    return x;
  }

  /** The maximizer of {@code f}: the minimizer of −f. */
  static Scalar[] argmax(Gradient grad, Fn1<Vec, Scalar> f, Scalar[] x) {
    return argmin(grad, v -> f.apply(v).negate(), x);
  }

  /**
   * The maximum of {@code f} found from {@code x}, as a Scalar of the iterates' differentiation.
   */
  static Scalar max(Gradient grad, Fn1<Vec, Scalar> f, Scalar[] x) {
    return f.apply(Vec.of(argmax(grad, f, x)));
  }

  static Scalar[] constants(double[] x) {
    Scalar[] s = new Scalar[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = Scalar.constant(x[i]);
    }
    return s;
  }

  static double[] values(Scalar[] x) {
    double[] v = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = x[i].value();
    }
    return v;
  }

  /** The gradient by one vector-forward sweep along all unit vectors. */
  private static double[] forward(Fn1<Vec, Scalar> f, Scalar[] x) {
    int n = x.length;
    double[][] units = new double[n][n];
    for (int j = 0; j < n; j++) {
      units[j][j] = 1.0;
    }
    ForwardResult<Scalar> r = Autodiff.forward(f, Arg.batchDuplicated(values(x), units));
    double[] g = new double[n];
    for (int j = 0; j < n; j++) {
      g[j] = r.tangent(j).value();
    }
    return g;
  }

  private static double value(Fn1<Vec, Scalar> f, Scalar[] x) {
    return f.apply(Vec.of(x)).value();
  }

  private static double magnitude(Scalar[] g) {
    double s = 0;
    for (Scalar gi : g) {
      s += gi.value() * gi.value();
    }
    return Math.sqrt(s);
  }

  private static double distance(Scalar[] x, Scalar[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i].value() - y[i].value();
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
