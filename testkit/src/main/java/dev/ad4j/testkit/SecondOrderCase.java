package dev.ad4j.testkit;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Mode;
import dev.ad4j.api.Output;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.ValueKind;
import java.util.Random;

/**
 * Checks {@link SecondOrderRule#reverseSecondOrder} for one activity combination: along random
 * primal tangents ẋ (non-{@code Const} arguments only) and a random output adjoint ȳ, the body must
 * add the central finite difference of the rule's own reverse adjoints, (x̄(x + hẋ) − x̄(x − hẋ)) /
 * 2h, into pre-seeded adjoint tangents.
 */
final class SecondOrderCase<S> {
  private final SecondOrderRule<S> rule;
  private final Activity[] activities;
  private final Calls calls;
  private final Random random;
  private final String context;

  SecondOrderCase(
      SecondOrderRule<S> rule, Activity[] activities, Calls calls, Random random, String context) {
    this.rule = rule;
    this.activities = activities;
    this.calls = calls;
    this.random = random;
    this.context = context + " second order (forward over reverse)";
  }

  void run(Object[] samples, double[] seed, double step, double tolerance) {
    int n = samples.length;
    double[][] direction = new double[n][];
    double[][][] tangents = new double[n][][];
    double[][] preseed = new double[n][];
    double[][][] adjointDots = new double[n][][];
    for (int i = 0; i < n; i++) {
      if (!activities[i].isConst()) {
        direction[i] = Samples.random(random, Samples.size(samples[i]));
        tangents[i] = new double[][] {direction[i].clone()};
        preseed[i] = Samples.random(random, Samples.size(samples[i]));
        adjointDots[i] = new double[][] {preseed[i].clone()};
      }
    }
    Object[] primals = copies(samples);
    Args forwardView = calls.args(Mode.FORWARD, primals, tangents);
    Args reverseView = calls.args(Mode.REVERSE, primals, adjointDots);
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(Config.reverse(), reverseView, out);
    seed(out, seed);
    double[] scalarBefore = new double[n];
    rule.reverseSecondOrder(Config.reverse(), reverseView, forwardView, out, saved);
    for (int i = 0; i < n; i++) {
      if (activities[i].isConst()) {
        continue;
      }
      double[] actual = added(reverseView, i, adjointDots, preseed, scalarBefore);
      double[] expected = differenceOfAdjoints(samples, direction, seed, i, step);
      Compare.close(
          context,
          "adjoint tangent of argument " + i + " (" + Samples.describe(samples[i]) + ")",
          "central differences of the reverse adjoints along the tangents",
          expected,
          actual,
          tolerance,
          "reverseSecondOrder adds Σⱼ ∂(Jᵀȳ)/∂xⱼ·ẋⱼ; the engine adds Jᵀ·ȳ˙ itself");
    }
  }

  private double[] differenceOfAdjoints(
      Object[] samples, double[][] direction, double[] seed, int i, double h) {
    double[] plus = adjointsAt(shift(samples, direction, h), seed, i);
    double[] minus = adjointsAt(shift(samples, direction, -h), seed, i);
    double[] out = new double[plus.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (plus[k] - minus[k]) / (2 * h);
    }
    return out;
  }

  /** The reverse adjoint of argument {@code i} at {@code primals}, from zero shadows. */
  private double[] adjointsAt(Object[] primals, double[] seed, int i) {
    double[][][] shadows = new double[primals.length][][];
    for (int k = 0; k < primals.length; k++) {
      if (!activities[k].isConst()) {
        shadows[k] = new double[][] {new double[Samples.size(primals[k])]};
      }
    }
    Args args = calls.args(Mode.REVERSE, primals, shadows);
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(Config.reverse(), args, out);
    seed(out, seed);
    rule.reverse(Config.reverse(), args, out, saved);
    return args.get(i) instanceof ScalarArg s ? new double[] {s.adjoint()} : shadows[i][0];
  }

  private static double[] added(
      Args args, int i, double[][][] shadows, double[][] preseed, double[] scalarBefore) {
    if (args.get(i) instanceof ScalarArg s) {
      return new double[] {s.adjoint() - scalarBefore[i]};
    }
    double[] a = shadows[i][0].clone();
    for (int k = 0; k < a.length; k++) {
      a[k] -= preseed[i][k];
    }
    return a;
  }

  private static void seed(Output out, double[] seed) {
    if (out.kind() == ValueKind.SCALAR) {
      out.seedAdjoint(seed[0]);
    } else {
      out.seedAdjoint(seed);
    }
  }

  private static Object[] shift(Object[] samples, double[][] direction, double h) {
    Object[] out = new Object[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] =
          direction[i] == null
              ? Samples.copy(samples[i])
              : Samples.shifted(samples[i], direction[i], h);
    }
    return out;
  }

  private static Object[] copies(Object[] samples) {
    Object[] out = new Object[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Samples.copy(samples[i]);
    }
    return out;
  }
}
