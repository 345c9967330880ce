package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;

/**
 * ode: {x:[n], s}: s classical Runge–Kutta (RK4) steps of size h = 2/s from y(0) = 0 for y₀′ = x₀,
 * yᵢ′ = xᵢ·yᵢ₋₁. {@code primal} ↦ y(2) [n]; {@code gradient} ↦ ∇ₓ y_{n−1}(2) [n] by ad4j's reverse
 * mode through the same scalar code.
 */
final class OdeModule implements EvalModule {
  static final double T_FINAL = 2.0;

  @Override
  public String name() {
    return "ode";
  }

  @Override
  public Run prepare(String function, Object input) {
    var fields = Fields.object(input, "ode input");
    double[] x = Fields.numbers(fields, "x");
    int s = Fields.integer(fields, "s");
    if (x.length == 0 || s < 1) {
      throw new IllegalArgumentException(
          "ode: need n >= 1 and s >= 1, got n = " + x.length + ", s = " + s);
    }
    return switch (function) {
      case "primal" -> () -> values(solve(Vec.constant(x), s));
      case "gradient" -> () -> Autodiff.gradient(v -> last(solve(v, s)), x);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  /** y(2) after s RK4 steps. */
  static Scalar[] solve(Vec x, int s) {
    int n = x.size();
    Scalar[] xs = new Scalar[n];
    Scalar[] y = new Scalar[n];
    for (int i = 0; i < n; i++) {
      xs[i] = x.get(i);
      y[i] = Scalar.constant(0);
    }
    double h = T_FINAL / s;
    for (int step = 0; step < s; step++) {
      Scalar[] k1 = rate(xs, y);
      Scalar[] k2 = rate(xs, axpy(h / 2, k1, y));
      Scalar[] k3 = rate(xs, axpy(h / 2, k2, y));
      Scalar[] k4 = rate(xs, axpy(h, k3, y));
      for (int i = 0; i < n; i++) {
        Scalar slope = k1[i].plus(k2[i].times(2)).plus(k3[i].times(2)).plus(k4[i]);
        y[i] = y[i].plus(slope.times(h / 6));
      }
    }
    return y;
  }

  /** y′ = f(x, y): f₀ = x₀, fᵢ = xᵢ·yᵢ₋₁. */
  private static Scalar[] rate(Scalar[] x, Scalar[] y) {
    Scalar[] f = new Scalar[x.length];
    f[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      f[i] = x[i].times(y[i - 1]);
    }
    return f;
  }

  /** y + a·k, elementwise. */
  private static Scalar[] axpy(double a, Scalar[] k, Scalar[] y) {
    Scalar[] out = new Scalar[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i].plus(k[i].times(a));
    }
    return out;
  }

  private static Scalar last(Scalar[] y) {
    return y[y.length - 1];
  }

  private static double[] values(Scalar[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i].value();
    }
    return out;
  }
}
