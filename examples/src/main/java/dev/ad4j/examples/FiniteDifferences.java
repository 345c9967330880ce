package dev.ad4j.examples;

import java.util.function.ToDoubleFunction;

/** Central finite differences, the independent check the tour and the tests compare against. */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /** (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h for every coordinate i; {@code x} is restored. */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      x[i] = xi + h;
      double plus = f.applyAsDouble(x);
      x[i] = xi - h;
      double minus = f.applyAsDouble(x);
      x[i] = xi;
      g[i] = (plus - minus) / (2 * h);
    }
    return g;
  }

  /** max |a[i] − b[i]|. */
  public static double maxAbsDifference(double[] a, double[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }
}
