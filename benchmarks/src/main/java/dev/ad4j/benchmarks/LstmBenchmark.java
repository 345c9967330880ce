package dev.ad4j.benchmarks;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.Recording;
import dev.ad4j.gradbench.LstmObjective;
import dev.ad4j.gradbench.LstmScalarObjective;
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
 * ADBench's LSTM on its instances with c = 1024 characters and {@link #layers} = 2 or 4 layers (b =
 * 14), the data read from the jar ({@code adbench/data/lstm}).
 *
 * <ul>
 *   <li>{@link #plainObjective}: the loss in plain double loops ({@link PlainLstmObjective}), the
 *       denominator;
 *   <li>{@link #ad4jGradient}: the gradient of gradbench's {@link LstmObjective}, about 15 vector
 *       operations of length 14 per layer and character on the tape;
 *   <li>{@link #ad4jAllConst}: the same ad4j function with p {@code Const}: nothing recorded;
 *   <li>{@link #ad4jScalarGradient}: the gradient of gradbench's {@link LstmScalarObjective}, the
 *       same loss as scalar code, about (17l + 6)·14 scalar operations per character on the tape;
 *   <li>{@link #ad4jReplayedGradient}: that scalar code recorded once in setup ({@link
 *       Autodiff#record}) and replayed per call into a reused gradient array: no tape, no
 *       allocation.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LstmBenchmark {
  @Param({"2", "4"})
  int layers;

  double[] params;
  PlainLstmObjective plain;
  Fn1<Vec, Scalar> f;
  Fn1<Vec, Scalar> scalarF;
  Recording recording;
  double[] gradient;

  @Setup(Level.Trial)
  public void setUp() {
    LstmInstance in = LstmInstance.read(LstmInstance.resourceC1024(layers));
    params = in.params();
    plain = new PlainLstmObjective(in);
    f = in.ad4j()::loss;
    scalarF = new LstmScalarObjective(in.layers(), in.b(), in.state(), in.sequence())::loss;
    recording = Autodiff.record(scalarF, params);
    gradient = new double[params.length];
  }

  @Benchmark
  public double plainObjective() {
    return plain.value(params);
  }

  @Benchmark
  public double[] ad4jGradient() {
    return Autodiff.gradient(f, params);
  }

  @Benchmark
  public double ad4jAllConst() {
    return f.apply(Vec.constant(params)).value();
  }

  @Benchmark
  public double[] ad4jScalarGradient() {
    return Autodiff.gradient(scalarF, params);
  }

  /** The value, returned; the gradient is left in {@link #gradient}. */
  @Benchmark
  public double ad4jReplayedGradient() {
    return recording.valueAndGradient(params, gradient);
  }
}
