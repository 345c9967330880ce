package dev.ad4j.benchmarks;

import static dev.ad4j.api.Arg.duplicated;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Special;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Problem P2 of the design: L2-regularised logistic regression f(w) = Σᵢ log(1 + exp(−yᵢ(Xw)ᵢ)) +
 * ½λ‖w‖², X an m×n sparse boolean matrix with about {@value #PER_ROW} stored entries per row, y in
 * {−1, +1}, λ = {@value #LAMBDA} (fixed seed).
 *
 * <p>Floors in the same run: {@link #primal} (one CSR pass and a loop over w) and {@link
 * #handGradient} (∇f = Xᵀ(−y ⊙ σ(−y ⊙ Xw)) + λw: two CSR passes, into a reused buffer). {@link
 * #ad4jGradient} writes f with built-in rules exactly as a user would ({@link #objective}); {@link
 * #ad4jAllConst} evaluates it with every input {@code Const}. Sizes are {@code m x n}; run {@code
 * -p size=1000000x100000} for the design's larger size (about 1 GiB of heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogisticRegressionBenchmark {
  static final long SEED = 20261127L;
  static final int PER_ROW = 20;
  static final double LAMBDA = 1e-3;

  @Param({"100000x10000"})
  String size;

  SparseMatrix x;
  double[] labels;
  double[] w;
  double[] dw;
  Fn1<Vec, Scalar> f;

  @Setup(Level.Trial)
  public void setUp() {
    String[] mn = size.split("x");
    setUp(Integer.parseInt(mn[0]), Integer.parseInt(mn[1]));
  }

  void setUp(int m, int n) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] rows = new int[m * PER_ROW];
    int[] cols = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = k / PER_ROW;
      cols[k] = random.nextInt(n);
    }
    x = SparseMatrix.pattern(m, n, rows, cols);
    labels = new double[m];
    for (int i = 0; i < m; i++) {
      labels[i] = random.nextBoolean() ? 1 : -1;
    }
    w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = 0.1 * (2 * random.nextDouble() - 1);
    }
    dw = new double[n];
    f = objective(x, labels, LAMBDA);
  }

  /** f written with ad4j built-ins; X and y are constants closed over. */
  static Fn1<Vec, Scalar> objective(SparseMatrix x, double[] labels, double lambda) {
    Vec y = Vec.constant(labels);
    return v -> {
      Vec margins = Linalg.multiply(y, Linalg.times(x, v));
      Scalar loss = Linalg.sum(Linalg.map(Special.SOFTPLUS, Linalg.scale(-1, margins)));
      return loss.plus(Linalg.sumOfSquares(v).times(0.5 * lambda));
    };
  }

  @Benchmark
  public double primal() {
    int[] rp = x.rowPointers();
    int[] ci = x.columnIndices();
    double loss = 0;
    for (int i = 0; i < labels.length; i++) {
      double z = 0;
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        z += w[ci[k]];
      }
      loss += softplus(-labels[i] * z);
    }
    double squares = 0;
    for (double v : w) {
      squares += v * v;
    }
    return loss + 0.5 * LAMBDA * squares;
  }

  @Benchmark
  public double[] handGradient() {
    int[] rp = x.rowPointers();
    int[] ci = x.columnIndices();
    for (int j = 0; j < w.length; j++) {
      dw[j] = LAMBDA * w[j];
    }
    for (int i = 0; i < labels.length; i++) {
      double z = 0;
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        z += w[ci[k]];
      }
      double g = -labels[i] * sigmoid(-labels[i] * z); // d softplus(−y z)/dz
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        dw[ci[k]] += g;
      }
    }
    return dw;
  }

  @Benchmark
  public double[] ad4jGradient() {
    Arrays.fill(dw, 0.0);
    Autodiff.reverse(f, duplicated(w, dw));
    return dw;
  }

  @Benchmark
  public double ad4jAllConst() {
    return f.apply(Vec.constant(w)).value();
  }

  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
