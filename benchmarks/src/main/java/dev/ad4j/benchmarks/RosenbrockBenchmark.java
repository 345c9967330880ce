package dev.ad4j.benchmarks;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.Recording;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Problem P3 of the design: the extended Rosenbrock function, scalar-heavy code.
 *
 * <pre>
 *   f(x) = Σ_{i &lt; n-1} 100 (x_{i+1} − x_i²)² + (x_i − 1)²
 * </pre>
 *
 * <p>Every method computes the same thing at the same fixed-seed point, so the scores compare
 * directly within one run:
 *
 * <ul>
 *   <li>{@link #primal}: the value with plain {@code double} arithmetic, the floor of everything;
 *   <li>{@link #handGradient}: the gradient written by hand into a reused buffer, the floor of a
 *       gradient;
 *   <li>{@link #ad4jGradient}: {@link Autodiff#gradient} of {@link #rosenbrock(Vec)}, nine recorded
 *       scalar operations per term;
 *   <li>{@link #ad4jReplayedGradient}: the same function {@linkplain Autodiff#record recorded once}
 *       in setup and replayed into a reused buffer: no tape, no allocation;
 *   <li>{@link #ad4jAllConst}: the same ad4j function with its input {@code Const}: nothing is
 *       recorded, so it should sit near {@link #primal} (the activity pattern that shows {@code
 *       Const} skips the work);
 *   <li>{@link #derivativeStructureGradient}: Commons Math's forward mode with n parameters, O(n)
 *       per operation, hence O(n²) per gradient;
 *   <li>{@link #sparseGradientGradient}: Commons Math's {@code SparseGradient}, forward mode that
 *       keeps only the non-zero partials of each value in a hash map: cheap for the terms (two
 *       variables each), but the running sum's map grows to n entries and is copied at every
 *       addition, so also O(n²) per gradient.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBenchmark {
  static final long SEED = 42L;

  /** The function as ad4j scalar code, the way a user writes it. */
  static final Fn1<Vec, Scalar> F = RosenbrockBenchmark::rosenbrock;

  @Param({"10", "100", "1000"})
  int n;

  double[] x;
  double[] gradient;
  Recording recording;

  @Setup(Level.Trial)
  public void setUp() {
    x = startingPoint(n);
    gradient = new double[n];
    recording = Autodiff.record(F, x);
  }

  @Benchmark
  public double primal() {
    return value(x);
  }

  @Benchmark
  public double[] handGradient() {
    return handGradient(x, gradient);
  }

  @Benchmark
  public double[] ad4jGradient() {
    return Autodiff.gradient(F, x);
  }

  @Benchmark
  public double[] ad4jReplayedGradient() {
    recording.valueAndGradient(x, gradient);
    return gradient;
  }

  @Benchmark
  public Scalar ad4jAllConst() {
    return Autodiff.forward(F, Arg.constant(x)).primal();
  }

  @Benchmark
  public double[] derivativeStructureGradient() {
    return derivativeStructureGradient(x);
  }

  @Benchmark
  public double[] sparseGradientGradient() {
    return sparseGradientGradient(x);
  }

  // The function, once per technique.

  /** Uniform in [-2, 2) from {@link #SEED}. */
  static double[] startingPoint(int n) {
    Random random = new Random(SEED);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 4 * random.nextDouble() - 2;
    }
    return x;
  }

  static double value(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = x[i] - 1;
      sum += 100 * a * a + b * b;
    }
    return sum;
  }

  /**
   * Writes ∇f(x) into {@code g} (modified; its old contents are ignored) and returns it.
   *
   * <p>With {@code a_i = x_{i+1} − x_i²}: {@code ∂f/∂x_i = −400 x_i a_i + 2 (x_i − 1) + 200
   * a_{i−1}}, each term present where its index exists.
   */
  static double[] handGradient(double[] x, double[] g) {
    int n = x.length;
    g[0] = 0;
    for (int i = 0; i < n - 1; i++) {
      double xi = x[i];
      double a = x[i + 1] - xi * xi;
      g[i] += -400 * xi * a + 2 * (xi - 1);
      g[i + 1] = 200 * a;
    }
    return g;
  }

  /** {@link #value} with ad4j scalars. */
  static Scalar rosenbrock(Vec x) {
    Scalar sum = Scalar.constant(0);
    Scalar xi = x.get(0);
    for (int i = 0; i < x.size() - 1; i++) {
      Scalar next = x.get(i + 1);
      Scalar a = next.minus(xi.square());
      Scalar b = xi.minus(1);
      sum = sum.plus(a.square().times(100)).plus(b.square());
      xi = next;
    }
    return sum;
  }

  /** {@link #value} with Commons Math forward mode: n parameters, derivation order 1. */
  static double[] derivativeStructureGradient(double[] x) {
    int n = x.length;
    DerivativeStructure[] v = new DerivativeStructure[n];
    for (int i = 0; i < n; i++) {
      v[i] = new DerivativeStructure(n, 1, i, x[i]);
    }
    DerivativeStructure sum = new DerivativeStructure(n, 1, 0.0);
    for (int i = 0; i < n - 1; i++) {
      DerivativeStructure a = v[i + 1].subtract(v[i].multiply(v[i]));
      DerivativeStructure b = v[i].subtract(1);
      sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
    }
    // Order 1 layout: [f, ∂f/∂x_0, ..., ∂f/∂x_{n-1}].
    double[] all = sum.getAllDerivatives();
    return Arrays.copyOfRange(all, 1, n + 1);
  }

  /** {@link #value} with Commons Math's {@code SparseGradient}, written as a user would. */
  static double[] sparseGradientGradient(double[] x) {
    int n = x.length;
    SparseGradient[] v = new SparseGradient[n];
    for (int i = 0; i < n; i++) {
      v[i] = SparseGradient.createVariable(i, x[i]);
    }
    SparseGradient sum = SparseGradient.createConstant(0.0);
    for (int i = 0; i < n - 1; i++) {
      SparseGradient a = v[i + 1].subtract(v[i].multiply(v[i]));
      SparseGradient b = v[i].subtract(1);
      sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
    }
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = sum.getDerivative(i);
    }
    return g;
  }
}
