package dev.ad4j.engine;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.RuleContractException;
import dev.ad4j.api.ValueKind;

/**
 * Runs rule bodies under the {@link RuleCheckPolicy}: for a checked rule, a {@code Const} array
 * argument that the body wrote into is restored and reported, and a NaN that the body made from
 * all-finite inputs is reported, each as a {@link RuleContractException} naming the rule. An
 * unchecked rule costs one policy test per call.
 */
final class RuleChecks {
  private RuleChecks() {}

  /** {@code rule.forward} then {@code out.checkForward}, checked as the JVM's policy says. */
  static void forward(Rule<?> rule, Config config, Args args, Output out) {
    forward(RuleCheckPolicy.current(), rule, config, args, out);
  }

  static void forward(RuleCheckPolicy policy, Rule<?> rule, Config config, Args args, Output out) {
    if (!policy.checks(rule)) {
      rule.forward(config, args, out);
      out.checkForward(rule, config);
      return;
    }
    ConstSnapshot consts = ConstSnapshot.of(args);
    boolean done = false;
    try {
      rule.forward(config, args, out);
      done = true;
    } finally {
      if (!done) {
        consts.restore();
      }
    }
    consts.verify(rule, config.mode());
    out.checkForward(rule, config);
    if (Finite.primals(args) && (!config.needsShadow() || Finite.tangents(args, config.width()))) {
      requireNoNaN(rule, config, out, config.needsShadow());
    }
  }

  /** {@code rule.augmentedPrimal} then {@code out.checkForward}, checked as the policy says. */
  static <S> S augmentedPrimal(Rule<S> rule, Config config, Args args, Output out) {
    return augmentedPrimal(RuleCheckPolicy.current(), rule, config, args, out);
  }

  static <S> S augmentedPrimal(
      RuleCheckPolicy policy, Rule<S> rule, Config config, Args args, Output out) {
    if (!policy.checks(rule)) {
      S saved = rule.augmentedPrimal(config, args, out);
      out.checkForward(rule, config);
      return saved;
    }
    ConstSnapshot consts = ConstSnapshot.of(args);
    S saved = null;
    boolean done = false;
    try {
      saved = rule.augmentedPrimal(config, args, out);
      done = true;
    } finally {
      if (!done) {
        consts.restore();
      }
    }
    consts.verify(rule, config.mode());
    out.checkForward(rule, config);
    if (Finite.primals(args)) {
      requireNoNaN(rule, config, out, false);
    }
    return saved;
  }

  /**
   * {@code rule.reverse}, checked as the policy says: array adjoints that had no NaN before the
   * body must have none after it when the primals and the output adjoint are finite. Scalar
   * adjoints are checked by the caller for every rule.
   */
  static <S> void reverse(Rule<S> rule, Config config, Args args, Output out, S saved) {
    reverse(RuleCheckPolicy.current(), rule, config, args, out, saved);
  }

  static <S> void reverse(
      RuleCheckPolicy policy, Rule<S> rule, Config config, Args args, Output out, S saved) {
    if (!policy.checks(rule)) {
      rule.reverse(config, args, out, saved);
      return;
    }
    ConstSnapshot consts = ConstSnapshot.of(args);
    boolean[] hadNaN = new boolean[args.size()];
    for (int k = 0; k < args.size(); k++) {
      hadNaN[k] = args.get(k) instanceof ArrayArg a && !a.isConst() && Finite.hasNaN(a.shadow());
    }
    boolean done = false;
    try {
      rule.reverse(config, args, out, saved);
      done = true;
    } finally {
      if (!done) {
        consts.restore();
      }
    }
    consts.verify(rule, config.mode());
    if (!Finite.primals(args) || !Finite.outputAdjoint(out)) {
      return;
    }
    for (int k = 0; k < args.size(); k++) {
      RuleArg a = args.get(k);
      if (a instanceof ArrayArg array
          && !a.isConst()
          && !hadNaN[k]
          && Finite.hasNaN(array.shadow())) {
        throw new RuleContractException(
            rule,
            config.mode(),
            "produced a NaN adjoint for argument "
                + k
                + " ("
                + a.describe()
                + " "
                + a.activity().label()
                + ") from finite inputs; check the reverse body for 0/0 or ∞-∞");
      }
    }
  }

  private static void requireNoNaN(Rule<?> rule, Config config, Output out, boolean tangents) {
    if (Finite.hasNaN(Finite.primalOf(out))) {
      throw new RuleContractException(
          rule,
          config.mode(),
          "produced a NaN primal from finite inputs; check the body for 0/0 or ∞-∞");
    }
    for (int lane = 0; tangents && lane < config.width(); lane++) {
      double[] t =
          out.kind() == ValueKind.SCALAR
              ? new double[] {out.scalarTangent(lane)}
              : out.arrayTangent(lane);
      if (Finite.hasNaN(t)) {
        throw new RuleContractException(
            rule,
            config.mode(),
            "produced a NaN tangent in lane "
                + lane
                + " from finite inputs and tangents; check the forward body for 0/0 or ∞-∞");
      }
    }
  }
}
