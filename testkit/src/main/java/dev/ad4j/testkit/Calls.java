package dev.ad4j.testkit;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Mode;
import dev.ad4j.api.Output;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.VecArg;
import java.util.function.Function;

/** Builds arguments for one activity combination and calls the rule, adding context to failures. */
final class Calls {
  private final CountingRule<?> rule;
  private final Activity[] activities;
  private final Function<Mode, String> context;

  Calls(CountingRule<?> rule, Activity[] activities, Function<Mode, String> context) {
    this.rule = rule;
    this.activities = activities;
    this.context = context;
  }

  /** The plain function at {@code primals}: the forward body with every argument Const. */
  double[] evaluate(Object[] primals) {
    RuleArg[] list = new RuleArg[primals.length];
    for (int i = 0; i < primals.length; i++) {
      list[i] = constant(primals[i]);
    }
    Output out = new Output(1);
    Config config = Config.primalOnly();
    run(Mode.FORWARD, () -> rule.forward(config, Args.of(list), out));
    run(Mode.FORWARD, () -> out.checkForward(rule, config));
    return primal(out);
  }

  /** Arguments with zero shadows, to ask the rule's declared support. */
  Args probe(Mode mode, Object[] samples) {
    double[][][] shadows = new double[samples.length][][];
    for (int i = 0; i < samples.length; i++) {
      shadows[i] = new double[][] {new double[Samples.size(samples[i])]};
    }
    return args(mode, samples, shadows);
  }

  /** The rule arguments for this combination; {@code shadows[i][lane]} are used as given. */
  Args args(Mode mode, Object[] primals, double[][][] shadows) {
    RuleArg[] list = new RuleArg[primals.length];
    for (int i = 0; i < primals.length; i++) {
      Object p = primals[i];
      if (activities[i].isConst()) {
        list[i] = constant(p);
      } else if (p instanceof Double d) {
        list[i] =
            mode == Mode.REVERSE ? ScalarArg.reverse(d) : ScalarArg.forward(d, lanes(shadows[i]));
      } else if (p instanceof double[] v) {
        list[i] = VecArg.of(activities[i], v, shadows[i]);
      } else {
        list[i] = MatArg.of(activities[i], (Matrix) p, shadows[i]);
      }
    }
    return Args.of(list);
  }

  /** Both reverse halves with {@code betweenPasses} run in between; failures get context. */
  Output sweep(Config config, Args args, double[] seed, Runnable betweenPasses) {
    Output[] out = new Output[1];
    run(Mode.REVERSE, () -> out[0] = rule.reverseSweep(config, args, seed, betweenPasses));
    return out[0];
  }

  /** Central finite differences of the plain function along {@code direction[i]} per argument. */
  double[] directional(Object[] samples, double[][] direction, double h) {
    double[] plus = evaluate(shift(samples, direction, h));
    double[] minus = evaluate(shift(samples, direction, -h));
    double[] out = new double[plus.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (plus[k] - minus[k]) / (2.0 * h);
    }
    return out;
  }

  /** Central finite differences of ⟨seed, f⟩ with respect to each element of argument {@code i}. */
  double[] gradient(Object[] samples, double[] seed, int i, double h) {
    double[] out = new double[Samples.size(samples[i])];
    double[][] direction = new double[samples.length][];
    for (int k = 0; k < out.length; k++) {
      direction[i] = new double[out.length];
      direction[i][k] = 1.0;
      out[k] = Compare.dot(seed, directional(samples, direction, h));
    }
    return out;
  }

  /** Runs a rule call, turning an unexpected exception into an AssertionError with context. */
  void run(Mode mode, Runnable call) {
    try {
      call.run();
    } catch (UnsupportedActivityException | AssertionError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AssertionError(context.apply(mode) + ": the rule threw " + e, e);
    }
  }

  static double[] primal(Output out) {
    if (out.kind() == ValueKind.SCALAR) {
      return new double[] {out.scalarPrimal()};
    }
    return out.kind() == ValueKind.VECTOR
        ? out.vectorPrimal().clone()
        : Samples.values(out.matrixPrimal());
  }

  static double[] tangent(Output out, int lane) {
    return out.kind() == ValueKind.SCALAR
        ? new double[] {out.scalarTangent(lane)}
        : out.arrayTangent(lane).clone();
  }

  private static Object[] shift(Object[] samples, double[][] direction, double h) {
    Object[] out = samples.clone();
    for (int i = 0; i < samples.length; i++) {
      if (direction[i] != null) {
        out[i] = Samples.shifted(samples[i], direction[i], h);
      }
    }
    return out;
  }

  private static double[] lanes(double[][] shadows) {
    double[] out = new double[shadows.length];
    for (int lane = 0; lane < out.length; lane++) {
      out[lane] = shadows[lane][0];
    }
    return out;
  }

  private static RuleArg constant(Object p) {
    if (p instanceof Double d) {
      return ScalarArg.constant(d);
    } else if (p instanceof double[] v) {
      return VecArg.constant(v);
    } else if (p instanceof DenseMatrix || p instanceof SparseMatrix) {
      return MatArg.constant((Matrix) p);
    }
    throw new IllegalArgumentException("unsupported sample " + p);
  }
}
