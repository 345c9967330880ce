package dev.ad4j.engine.properties;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.ForwardResult;
import dev.ad4j.engine.ReverseResult;

/**
 * Runs a {@link Case} through the engine (reverse, forward) and, independently of the engine's
 * differentiation, evaluates it on plain constants for finite differences.
 */
final class Runs {
  private Runs() {}

  /**
   * What reverse mode returned: the value, the shadows after the call (null if Const), c's adjoint.
   */
  record Gradient(double value, double[] x, double[] a, double c) {}

  /** What forward mode returned along the case's direction. */
  record Tangent(double value, double tangent) {}

  /**
   * Reverse mode with the case's activities; the shadows start as copies of {@code seedX} and
   * {@code seedA} (ignored for Const arguments), so the result shows what was added to them.
   */
  static Gradient reverse(Case k, double[] seedX, double[] seedA) {
    double[] dx = k.xActivity().isActive() ? seedX.clone() : null;
    double[] da = k.aActivity().isActive() ? seedA.clone() : null;
    ReverseResult r =
        Autodiff.reverse(
            (Vec x, Mat a, Scalar c) -> k.program().eval(new Env(x, a, c)),
            vecArg(k.xActivity(), k.x(), dx),
            matArg(k.aActivity(), k.a(), da),
            k.cActive() ? Arg.active(k.c()) : Arg.constant(k.c()));
    return new Gradient(r.value(), dx, da, k.cActive() ? r.adjoint(2) : 0.0);
  }

  /** Forward mode along the case's direction; the tangents are passed as the shadows. */
  static Tangent forward(Case k, double[] vx, double[] va) {
    ForwardResult<Scalar> r =
        Autodiff.forward(
            (Vec x, Mat a, Scalar c) -> k.program().eval(new Env(x, a, c)),
            vecArg(k.xActivity(), k.x(), vx),
            matArg(k.aActivity(), k.a(), va),
            k.cActive() ? Arg.active(k.c(), k.vc()) : Arg.constant(k.c()));
    return new Tangent(r.primal().value(), r.tangent().value());
  }

  /** f at (x + t·vx, A + t·vA, c + t·vc), evaluated on constants: no tape, no tangent. */
  static double valueAt(Case k, double t) {
    double[] x = axpy(k.x(), t, k.vx());
    Matrix a = k.aWith(axpy(k.aValues(), t, k.va()));
    Env env = new Env(Vec.constant(x), Mat.constant(a), Scalar.constant(k.c() + t * k.vc()));
    return k.program().eval(env).value();
  }

  /** ⟨∇f, v⟩ from a reverse result whose shadows started at zero. */
  static double directional(Case k, Gradient g) {
    return dotOrZero(g.x(), k.vx()) + dotOrZero(g.a(), k.va()) + g.c() * k.vc();
  }

  /** Σ|∂f/∂zᵢ · vᵢ|: the scale against which ⟨∇f, v⟩ carries rounding error. */
  static double directionalScale(Case k, Gradient g) {
    return absDot(g.x(), k.vx()) + absDot(g.a(), k.va()) + Math.abs(g.c() * k.vc());
  }

  private static Arg<Vec> vecArg(Annotation an, double[] x, double[] shadow) {
    return switch (an) {
      case CONST -> Arg.constant(x);
      case DUPLICATED -> Arg.duplicated(x, shadow);
      case DUPLICATED_NO_NEED -> Arg.duplicatedNoNeed(x, shadow);
    };
  }

  private static Arg<Mat> matArg(Annotation an, Matrix a, double[] shadow) {
    return switch (an) {
      case CONST -> Arg.constant(a);
      case DUPLICATED -> Arg.duplicated(a, shadow);
      case DUPLICATED_NO_NEED -> Arg.duplicatedNoNeed(a, shadow);
    };
  }

  static double[] axpy(double[] y, double t, double[] v) {
    double[] out = y.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += t * v[i];
    }
    return out;
  }

  private static double dotOrZero(double[] g, double[] v) {
    double s = 0;
    for (int i = 0; g != null && i < g.length; i++) {
      s += g[i] * v[i];
    }
    return s;
  }

  private static double absDot(double[] g, double[] v) {
    double s = 0;
    for (int i = 0; g != null && i < g.length; i++) {
      s += Math.abs(g[i] * v[i]);
    }
    return s;
  }
}
