package dev.ad4j.benchmarks;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn2;
import dev.ad4j.rules.Linalg;
import java.util.Arrays;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Problem P1 of the design: the quadratic form {@code f(x) = xᵀPx} with P an n×n sparse matrix of
 * about {@value #PER_ROW} random stored entries per row (fixed seed), gradient {@code (P + Pᵀ)x}.
 *
 * <h2>Activity patterns ({@link #p})</h2>
 *
 * <ul>
 *   <li>{@code PATTERN_CONST}: P is a boolean mask ({@link SparseMatrix.Kind#PATTERN}), {@code
 *       Const}, the design's seed case. x is active.
 *   <li>{@code DOUBLE_CONST}: P holds doubles on the same pattern, still {@code Const}: the same
 *       work as above plus reading the values; nothing is computed for P.
 *   <li>{@code DOUBLE_DUPLICATED}: the same double P, {@code Duplicated}: the gradient also adds
 *       {@code dP_ij += x_i x_j} on the stored pattern, O(nnz) more, never O(n²).
 * </ul>
 *
 * <p>Every method runs under every pattern, so each (n, p) row of the results has its own floors:
 * {@link #primal} (a CSR loop) and {@link #handGradient} (the same gradient written by hand into
 * reused, zeroed buffers). The ad4j methods reuse and zero their shadows the same way, so the
 * comparison is about the work, not the allocation of the result. {@link #ad4jAllConst} runs the
 * ad4j function with every input {@code Const}; under {@code DOUBLE_DUPLICATED} it is the same as
 * under {@code DOUBLE_CONST}. Run {@code -p n=1000000} for the design's largest size (about 1 GiB
 * of heap for {@code DOUBLE_DUPLICATED}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SparseQuadraticFormBenchmark {
  static final long SEED = 20240601L;
  static final int PER_ROW = 10;

  /** {@code xᵀPx} through the 3-argument dot rule: one tape node. */
  static final Fn2<Vec, Mat, Scalar> DOT = (x, p) -> Linalg.dot(x, p, x);

  /** {@code xᵀ(Px)} through mat-vec and dot: two tape nodes and an intermediate vector. */
  static final Fn2<Vec, Mat, Scalar> DOT_TIMES = (x, p) -> Linalg.dot(x, Linalg.times(p, x));

  /** Which kind P has and how it is annotated. */
  public enum Pattern {
    PATTERN_CONST,
    DOUBLE_CONST,
    DOUBLE_DUPLICATED
  }

  @Param({"10000", "100000"})
  int n;

  @Param({"PATTERN_CONST", "DOUBLE_CONST", "DOUBLE_DUPLICATED"})
  Pattern p;

  SparseMatrix matrix;
  double[] x;
  double[] dx;
  double[] dP;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(SEED);
    SparseMatrix mask = randomPattern(n, PER_ROW, random);
    matrix = p == Pattern.PATTERN_CONST ? mask : withRandomValues(mask, random);
    x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * random.nextDouble() - 1;
    }
    dx = new double[n];
    dP = p == Pattern.DOUBLE_DUPLICATED ? new double[matrix.nnz()] : null;
  }

  @Benchmark
  public double primal() {
    return p == Pattern.PATTERN_CONST ? patternValue(matrix, x) : doubleValue(matrix, x);
  }

  @Benchmark
  public void handGradient(Blackhole bh) {
    switch (p) {
      case PATTERN_CONST:
        patternGradient(matrix, x, dx);
        break;
      case DOUBLE_CONST:
        doubleGradient(matrix, x, dx, null);
        break;
      default:
        doubleGradient(matrix, x, dx, dP);
    }
    bh.consume(dx);
    bh.consume(dP);
  }

  @Benchmark
  public double ad4jGradient(Blackhole bh) {
    return reverse(DOT, bh);
  }

  @Benchmark
  public double ad4jGradientTimes(Blackhole bh) {
    return reverse(DOT_TIMES, bh);
  }

  @Benchmark
  public Scalar ad4jAllConst() {
    return Autodiff.forward(DOT, constant(x), constant(matrix)).primal();
  }

  /** Zeroes the shadows, then adds the gradient into them, as {@link #handGradient} does. */
  private double reverse(Fn2<Vec, Mat, Scalar> f, Blackhole bh) {
    Arrays.fill(dx, 0.0);
    Arg<Mat> pArg = constant(matrix);
    if (dP != null) {
      Arrays.fill(dP, 0.0);
      pArg = duplicated(matrix, dP);
    }
    double value = Autodiff.reverse(f, duplicated(x, dx), pArg).value();
    bh.consume(dx);
    bh.consume(dP);
    return value;
  }

  // Fixtures

  /** An n×n mask with {@code perRow} random columns per row (fewer where a draw repeats). */
  static SparseMatrix randomPattern(int n, int perRow, Random random) {
    int[] rowPointers = new int[n + 1];
    int[] columns = new int[n * perRow];
    int[] row = new int[perRow];
    int nnz = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < perRow; k++) {
        row[k] = random.nextInt(n);
      }
      Arrays.sort(row);
      for (int k = 0; k < perRow; k++) {
        if (k == 0 || row[k] != row[k - 1]) {
          columns[nnz++] = row[k];
        }
      }
      rowPointers[i + 1] = nnz;
    }
    return SparseMatrix.csr(
        n, n, rowPointers, Arrays.copyOf(columns, nnz), SparseMatrix.Kind.PATTERN, null);
  }

  /** The same pattern with values uniform in [0.5, 1.5). */
  static SparseMatrix withRandomValues(SparseMatrix mask, Random random) {
    double[] values = new double[mask.nnz()];
    for (int k = 0; k < values.length; k++) {
      values[k] = 0.5 + random.nextDouble();
    }
    return mask.withValues(values);
  }

  // Hand-written baselines

  /** xᵀPx for a boolean P: Σ_i x_i Σ_{j stored in row i} x_j. */
  static double patternValue(SparseMatrix a, double[] x) {
    int[] rowPointers = a.rowPointers();
    int[] columns = a.columnIndices();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int k = rowPointers[i], end = rowPointers[i + 1]; k < end; k++) {
        s += x[columns[k]];
      }
      sum += x[i] * s;
    }
    return sum;
  }

  /** xᵀPx for a double P. */
  static double doubleValue(SparseMatrix a, double[] x) {
    int[] rowPointers = a.rowPointers();
    int[] columns = a.columnIndices();
    double[] values = a.doubleValues();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int k = rowPointers[i], end = rowPointers[i + 1]; k < end; k++) {
        s += values[k] * x[columns[k]];
      }
      sum += x[i] * s;
    }
    return sum;
  }

  /** Writes {@code g = (P + Pᵀ)x} for a boolean P (g modified), in one pass over the rows. */
  static void patternGradient(SparseMatrix a, double[] x, double[] g) {
    int[] rowPointers = a.rowPointers();
    int[] columns = a.columnIndices();
    Arrays.fill(g, 0.0);
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double s = 0;
      for (int k = rowPointers[i], end = rowPointers[i + 1]; k < end; k++) {
        int j = columns[k];
        s += x[j];
        g[j] += xi; // (Pᵀx)_j
      }
      g[i] += s; // (Px)_i
    }
  }

  /**
   * Writes {@code g = (P + Pᵀ)x} for a double P and, when {@code dP} is not null, {@code dP_k = x_i
   * x_j} for each stored entry k = (i, j) (both modified).
   */
  static void doubleGradient(SparseMatrix a, double[] x, double[] g, double[] dP) {
    int[] rowPointers = a.rowPointers();
    int[] columns = a.columnIndices();
    double[] values = a.doubleValues();
    Arrays.fill(g, 0.0);
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double s = 0;
      for (int k = rowPointers[i], end = rowPointers[i + 1]; k < end; k++) {
        int j = columns[k];
        s += values[k] * x[j];
        g[j] += values[k] * xi;
        if (dP != null) { // loop-invariant: the JIT unswitches it
          dP[k] = xi * x[j];
        }
      }
      g[i] += s;
    }
  }
}
