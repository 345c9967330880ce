package dev.ad4j.benchmarks;

import dev.ad4j.gradbench.BaObjective;
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
 * ADBench's bundle adjustment (BA) on its instances {@code ba1} … {@code ba4} (31,843 to 204,472
 * observations), read from the jar ({@code adbench/data/ba}).
 *
 * <ul>
 *   <li>{@link #plainObjective}: every observation's residuals in plain Java ({@link
 *       BaObjective#objective}), into reused arrays: the denominator;
 *   <li>{@link #ad4jJacobian}: the (3p) × (11n + 3m + p) sparse Jacobian ({@link
 *       BaObjective#jacobian()}): each observation's 3 × 15 block by ad4j, one recorded observation
 *       replayed p times (no tape and no allocation per observation), scattered into ADBench's CSR
 *       arrays (allocated per call, 31p entries).
 * </ul>
 *
 * The ratio of interest is ad4jJacobian ÷ plainObjective: ADBench reports 7–8 for hand-written
 * Jacobians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BundleAdjustmentBenchmark {
  @Param({"ba1", "ba2", "ba3", "ba4"})
  String instance;

  BaObjective objective;
  double[] reprojection;
  double[] weight;

  @Setup(Level.Trial)
  public void setUp() {
    objective = read(instance);
    reprojection = new double[2 * objective.observations()];
    weight = new double[objective.observations()];
  }

  @Benchmark
  public double[] plainObjective() {
    objective.objective(reprojection, weight);
    return reprojection;
  }

  @Benchmark
  public BaObjective.SparseJacobian ad4jJacobian() {
    return objective.jacobian();
  }

  /** The resource of instance {@code baK}: {@code K_n…_m…_p….txt}. */
  static String resource(String instance) {
    return switch (instance) {
      case "ba1" -> "/adbench/data/ba/ba1_n49_m7776_p31843.txt";
      case "ba2" -> "/adbench/data/ba/ba2_n21_m11315_p36455.txt";
      case "ba3" -> "/adbench/data/ba/ba3_n161_m48126_p182072.txt";
      case "ba4" -> "/adbench/data/ba/ba4_n372_m47423_p204472.txt";
      default ->
          throw new IllegalArgumentException(
              "unknown BA instance '" + instance + "'; use ba1, ba2, ba3 or ba4");
    };
  }

  /** ADBench's file: {@code n m p}, one camera (11), one point (3), one weight, one feature (2). */
  static BaObjective read(String instance) {
    double[] t = AdbenchFiles.numbers(resource(instance));
    if (t.length != 3 + 11 + 3 + 1 + 2) {
      throw new IllegalArgumentException(
          instance + " holds " + t.length + " numbers; a BA file has 20");
    }
    double[] cam = java.util.Arrays.copyOfRange(t, 3, 14);
    double[] x = java.util.Arrays.copyOfRange(t, 14, 17);
    double[] feat = java.util.Arrays.copyOfRange(t, 18, 20);
    return new BaObjective((int) t[0], (int) t[1], (int) t[2], cam, x, t[17], feat);
  }
}
