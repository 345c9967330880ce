package dev.ad4j.testkit;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Mode;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.Support;
import dev.ad4j.api.UnsupportedActivityException;
import java.util.Random;

/** Checks one activity combination of one rule in both modes. */
final class CaseRunner {
  private static final double EXACT = 1e-12;

  private final RuleTester tester;
  private final Activity[] activities;
  private final CountingRule<?> rule;
  private final Calls calls;
  private final Random random;
  private final String combination;
  private double[] reference;
  private double[][] forwardDirections;
  private double[] forwardTangent;
  private double[] seed;
  private double[][] adjoints;

  CaseRunner(RuleTester tester, Activity[] activities) {
    this.tester = tester;
    this.activities = activities;
    this.rule = counting(tester.rule);
    this.random = new Random(tester.seed ^ java.util.Arrays.hashCode(activities));
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < activities.length; i++) {
      s.append(i == 0 ? "" : ", ").append(activities[i].label());
    }
    this.combination = s.append(')').toString();
    this.calls = new Calls(rule, activities, this::context);
  }

  void run(Report report) {
    reference = calls.evaluate(tester.samples);
    if (!rule.support().isDifferentiable() && allConst()) {
      locallyConstant();
      report.passed("primal " + combination + " locally constant (declared non-differentiable)");
    }
    boolean[] supported = new boolean[2];
    for (Mode mode : Mode.values()) {
      Args probe = calls.probe(mode, tester.samples);
      if (!rule.support().allows(mode, probe)) {
        checkRejected(mode, probe);
        report.rejected(mode + " " + combination + " rejected as declared");
        continue;
      }
      try {
        if (mode == Mode.FORWARD) {
          for (int width : tester.widths) {
            if (!rule.support().allowsWidth(width)) {
              if (!allConst()) { // with every argument Const there are no lanes to refuse
                checkWidthRejected(width, probe);
                report.rejected(
                    mode + " " + combination + " width " + width + " rejected as declared");
              }
              continue;
            }
            forward(width);
            report.passed(mode + " " + combination + " width " + width);
          }
        } else {
          reverse();
          overwritten();
          report.passed(mode + " " + combination);
          if (tester.rule instanceof SecondOrderRule<?> second && !allConst()) {
            secondOrder(second, report);
          }
        }
        supported[mode.ordinal()] = true;
      } catch (UnsupportedActivityException e) {
        checkMessage(mode, e);
        report.rejected(mode + " " + combination + " rejected by the rule body");
      }
    }
    if (supported[0] && supported[1]) {
      consistency();
    }
  }

  private void forward(int width) {
    Object[] primals = copies();
    double[][][] directions = new double[activities.length][][];
    double[][][] shadows = new double[activities.length][][];
    for (int i = 0; i < activities.length; i++) {
      if (!activities[i].isConst()) {
        directions[i] = new double[width][];
        shadows[i] = new double[width][];
        for (int lane = 0; lane < width; lane++) {
          directions[i][lane] = Samples.random(random, Samples.size(primals[i]));
          shadows[i][lane] = directions[i][lane].clone();
        }
      }
    }
    Config config = Config.forward(width);
    Output out = new Output(width);
    int before = rule.forwardCalls;
    calls.run(
        Mode.FORWARD, () -> rule.forward(config, calls.args(Mode.FORWARD, primals, shadows), out));
    calls.run(Mode.FORWARD, () -> out.checkForward(rule, config));
    ranOnce(Mode.FORWARD, "forward", before, rule.forwardCalls);
    String ctx = context(Mode.FORWARD) + " width " + width;
    Compare.close(ctx, "primal", "the plain function", reference, Calls.primal(out), EXACT, "");
    for (int lane = 0; lane < width; lane++) {
      double[][] d = lane(directions, lane);
      Compare.close(
          ctx,
          "tangent (lane " + lane + ")",
          "central finite differences",
          calls.directional(tester.samples, d, tester.step),
          Calls.tangent(out, lane),
          tester.tolerance,
          "each lane must use shadow(lane) of every non-Const argument");
    }
    untouched(ctx, primals, shadows, directions);
    if (width == 1) {
      forwardDirections = lane(directions, 0);
      forwardTangent = Calls.tangent(out, 0);
    }
  }

  private void reverse() {
    Object[] primals = copies();
    seed = Samples.random(random, reference.length);
    double[][] preseed = new double[activities.length][];
    double[][][] shadows = new double[activities.length][][];
    for (int i = 0; i < activities.length; i++) {
      if (!activities[i].isConst() && !(primals[i] instanceof Double)) {
        preseed[i] = Samples.random(random, Samples.size(primals[i]));
        shadows[i] = new double[][] {preseed[i].clone()};
      }
    }
    Args args = calls.args(Mode.REVERSE, primals, shadows);
    double[] seedCopy = seed.clone();
    int before = rule.reverseCalls;
    Output out = calls.sweep(Config.reverse(), args, seedCopy, () -> {});
    ranOnce(Mode.REVERSE, "reverse", before, rule.reverseCalls);
    String ctx = context(Mode.REVERSE);
    Compare.close(ctx, "primal", "the plain function", reference, Calls.primal(out), EXACT, "");
    adjoints = new double[activities.length][];
    for (int i = 0; i < activities.length; i++) {
      if (activities[i].isConst()) {
        continue;
      }
      adjoints[i] = adjointOf(args, i, shadows, preseed);
      double[] expected = calls.gradient(tester.samples, seed, i, tester.step);
      String hint =
          shadows[i] != null && closeEnough(expected, shadows[i][0])
              ? "the shadow holds the adjoint itself: the rule assigned (=) instead of adding (+=)"
              : "";
      Compare.close(
          ctx,
          "adjoint of argument " + i + " (" + Samples.describe(primals[i]) + ")",
          "central finite differences of <seed, f>",
          expected,
          adjoints[i],
          tester.tolerance,
          hint);
    }
    untouched(ctx, primals, null, null);
    if (!java.util.Arrays.equals(seed, seedCopy)) {
      throw new AssertionError(ctx + ": the rule modified the output adjoint it was given");
    }
  }

  private void overwritten() {
    Config config = Config.reverse();
    boolean any = false;
    for (int i = 0; i < activities.length; i++) {
      if (!(tester.samples[i] instanceof Double)) {
        config = config.withOverwritten(i);
        any = true;
      }
    }
    if (!any) {
      return;
    }
    Object[] primals = copies();
    double[][][] shadows = new double[activities.length][][];
    for (int i = 0; i < activities.length; i++) {
      if (!activities[i].isConst() && !(primals[i] instanceof Double)) {
        shadows[i] = new double[][] {new double[Samples.size(primals[i])]};
      }
    }
    Args args = calls.args(Mode.REVERSE, primals, shadows);
    calls.sweep(config, args, seed.clone(), () -> scrambleAll(primals));
    for (int i = 0; i < activities.length; i++) {
      if (!activities[i].isConst()) {
        Compare.close(
            context(Mode.REVERSE) + " with every array argument overwritten",
            "adjoint of argument " + i,
            "the same sweep without overwriting",
            adjoints[i],
            adjointOf(args, i, shadows, null),
            1e-9,
            "config.overwritten(k) was true and argument k's primal was scrambled after the"
                + " augmented primal: save what reverse needs from it in augmentedPrimal");
      }
    }
  }

  /** Checks the nesting body; a rule that refuses nesting here (first-order parts) is skipped. */
  private <S> void secondOrder(SecondOrderRule<S> second, Report report) {
    try {
      new SecondOrderCase<>(second, activities, calls, random, context(Mode.REVERSE))
          .run(tester.samples, seed, tester.step * 100, tester.tolerance * 10);
    } catch (UnsupportedActivityException firstOrderOnly) {
      return;
    }
    report.passed("second order " + combination);
  }

  private void consistency() {
    double lhs = Compare.dot(seed, forwardTangent);
    double rhs = 0.0;
    for (int i = 0; i < activities.length; i++) {
      if (!activities[i].isConst()) {
        rhs += Compare.dot(adjoints[i], forwardDirections[i]);
      }
    }
    if (!(Math.abs(lhs - rhs) <= tester.tolerance * (1.0 + Math.abs(rhs)))) {
      throw new AssertionError(
          context(Mode.FORWARD)
              + ": forward and reverse disagree: <seed, J·dx> = "
              + lhs
              + " but <Jᵀ·seed, dx> = "
              + rhs);
    }
  }

  /**
   * A rule declaring {@link Support#nonDifferentiable()} claims a zero derivative: its output must
   * not move when any input element moves by ±step.
   */
  private void locallyConstant() {
    for (int i = 0; i < tester.samples.length; i++) {
      int n = Samples.isDifferentiable(tester.samples[i]) ? Samples.size(tester.samples[i]) : 0;
      double[][] direction = new double[tester.samples.length][];
      for (int k = 0; k < n; k++) {
        direction[i] = new double[n];
        direction[i][k] = 1.0;
        double[] moved = calls.directional(tester.samples, direction, tester.step);
        for (int j = 0; j < moved.length; j++) {
          if (moved[j] != 0.0) {
            throw new AssertionError(
                context(Mode.FORWARD)
                    + ": the rule declares nonDifferentiable() but output element "
                    + j
                    + " changes when element "
                    + k
                    + " of argument "
                    + i
                    + " moves by ±"
                    + tester.step
                    + "; declare and implement its derivative, or sample away from ties");
          }
        }
      }
    }
  }

  private boolean allConst() {
    for (Activity a : activities) {
      if (!a.isConst()) {
        return false;
      }
    }
    return true;
  }

  private void checkRejected(Mode mode, Args probe) {
    try {
      Support.check(rule, mode, probe);
    } catch (UnsupportedActivityException e) {
      checkMessage(mode, e);
      return;
    }
    throw new AssertionError(context(mode) + ": declared unsupported but Support.check passed");
  }

  private void checkWidthRejected(int width, Args probe) {
    try {
      Support.check(rule, Config.forward(width), probe);
    } catch (UnsupportedActivityException e) {
      checkMessage(Mode.FORWARD, e);
      if (!e.getMessage().contains("width " + width)) {
        throw new AssertionError(
            context(Mode.FORWARD) + ": the width rejection must name the width; got:\n" + e);
      }
      return;
    }
    throw new AssertionError(
        context(Mode.FORWARD)
            + ": width "
            + width
            + " declared unsupported but Support.check passed");
  }

  private void checkMessage(Mode mode, UnsupportedActivityException e) {
    String m = e.getMessage();
    boolean ok = m.contains("'" + rule.name() + "'") && m.contains(mode.name());
    for (int i = 0; i < activities.length && ok; i++) {
      ok = m.contains("argument " + i) && m.contains(activities[i].label());
    }
    if (!ok) {
      throw new AssertionError(
          context(mode)
              + ": UnsupportedActivityException must name the rule, the mode and each argument's"
              + " position and activity; got:\n"
              + m);
    }
  }

  private double[] adjointOf(Args args, int i, double[][][] shadows, double[][] preseed) {
    if (args.get(i) instanceof ScalarArg s) {
      return new double[] {s.adjoint()};
    }
    double[] a = shadows[i][0].clone();
    for (int k = 0; preseed != null && k < a.length; k++) {
      a[k] -= preseed[i][k];
    }
    return a;
  }

  private void untouched(String ctx, Object[] primals, double[][][] shadows, double[][][] orig) {
    for (int i = 0; i < primals.length; i++) {
      if (!Samples.sameContents(primals[i], tester.samples[i])) {
        throw new AssertionError(
            ctx
                + ": the rule wrote into the primal of argument "
                + i
                + " ("
                + activities[i].label()
                + ")");
      }
      for (int lane = 0;
          shadows != null && shadows[i] != null && lane < shadows[i].length;
          lane++) {
        if (!java.util.Arrays.equals(shadows[i][lane], orig[i][lane])) {
          throw new AssertionError(
              ctx + ": the rule wrote into the tangent of argument " + i + " in forward mode");
        }
      }
    }
  }

  private void ranOnce(Mode mode, String body, int before, int after) {
    if (after != before + 1) {
      throw new AssertionError(
          context(mode)
              + ": the rule's "
              + body
              + " body ran "
              + (after - before)
              + " times, not once");
    }
  }

  private boolean closeEnough(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (!(Math.abs(a[k] - b[k]) <= tester.tolerance * (1.0 + Math.abs(a[k])))) {
        return false;
      }
    }
    return true;
  }

  private Object[] copies() {
    Object[] out = new Object[tester.samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Samples.copy(tester.samples[i]);
    }
    return out;
  }

  private static void scrambleAll(Object[] primals) {
    for (Object p : primals) {
      Samples.scramble(p);
    }
  }

  private static double[][] lane(double[][][] directions, int lane) {
    double[][] out = new double[directions.length][];
    for (int i = 0; i < directions.length; i++) {
      out[i] = directions[i] == null ? null : directions[i][lane];
    }
    return out;
  }

  String context(Mode mode) {
    return "rule '" + rule.name() + "', " + mode + " mode, activities " + combination;
  }

  private static <S> CountingRule<S> counting(Rule<S> rule) {
    return new CountingRule<>(rule);
  }
}
