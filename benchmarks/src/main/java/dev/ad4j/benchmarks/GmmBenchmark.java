package dev.ad4j.benchmarks;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.gradbench.GmmObjective;
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
 * ADBench's Gaussian mixture (GMM) on its 1k instances: n = 1000 points, k = 10 components, d =
 * {@link #d} dimensions, the data read from the jar ({@code adbench/data/gmm/1k}).
 *
 * <ul>
 *   <li>{@link #plainObjective}: the log posterior in plain double loops ({@link
 *       PlainGmmObjective}), the denominator;
 *   <li>{@link #ad4jGradient}: the full gradient (all of α, μ, q and l) of gradbench's {@link
 *       GmmObjective}, k array operations of O(n·d²) each on the tape;
 *   <li>{@link #ad4jAllConst}: the same ad4j function with θ {@code Const}: nothing recorded.
 * </ul>
 *
 * The ratio of interest is ad4jGradient ÷ plainObjective: the cost of a gradient in plain function
 * evaluations. Both use ADBench's sign of the prior, which its golden values follow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GmmBenchmark {
  @Param({"2", "10", "20", "64"})
  int d;

  double[] theta;
  PlainGmmObjective plain;
  Fn1<Vec, Scalar> f;

  @Setup(Level.Trial)
  public void setUp() {
    GmmInstance in = GmmInstance.read(GmmInstance.resource1k(d));
    theta = in.theta();
    plain = new PlainGmmObjective(in, GmmObjective.ADBENCH_PRIOR);
    GmmObjective objective = in.ad4j();
    f = t -> objective.apply(t, GmmObjective.ADBENCH_PRIOR);
  }

  @Benchmark
  public double plainObjective() {
    return plain.value(theta);
  }

  @Benchmark
  public double[] ad4jGradient() {
    return Autodiff.gradient(f, theta);
  }

  @Benchmark
  public double ad4jAllConst() {
    return f.apply(Vec.constant(theta)).value();
  }
}
