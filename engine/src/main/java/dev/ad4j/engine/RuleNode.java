package dev.ad4j.engine;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Mat;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Mode;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.RuleContractException;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.Support;
import dev.ad4j.api.Value;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;

/**
 * One array rule call on a {@link ReverseTape}: the rule, its arguments with their true activity,
 * its output and what its augmented primal saved.
 */
final class RuleNode<S> implements TapeNode {
  private final Rule<S> rule;
  private final Config config;
  private final Args args;
  private final int[] slots;
  private final Output out;
  private final S saved;
  private int outTensor = -1;

  private RuleNode(Rule<S> rule, Config config, Args args, int[] slots, Output out, S saved) {
    this.rule = rule;
    this.config = config;
    this.args = args;
    this.slots = slots;
    this.out = out;
    this.saved = saved;
  }

  /** Checks support, runs the augmented primal and returns the node to put on the tape. */
  static <S> RuleNode<S> record(Rule<S> rule, Value[] inputs, ReverseTape tape) {
    RuleArg[] list = new RuleArg[inputs.length];
    int[] slots = new int[inputs.length];
    Config config = Config.reverse();
    for (int k = 0; k < inputs.length; k++) {
      Value v = inputs[k];
      slots[k] = v.trace() == tape ? v.slot() : -1;
      if (slots[k] < 0) {
        list[k] = Args.constant(v);
      } else if (v instanceof Scalar s) {
        list[k] = ScalarArg.reverse(s.value());
      } else {
        Activity activity = tape.tensorActivity(slots[k]);
        if (activity == Activity.DUPLICATED_NO_NEED) {
          config = config.withOverwritten(k);
        }
        double[] shadow = tape.tensorAdjoint(slots[k]);
        list[k] =
            v instanceof Vec vec
                ? VecArg.of(activity, vec.value(), shadow)
                : MatArg.of(activity, ((Mat) v).value(), shadow);
      }
    }
    Args args = Args.of(list);
    Support.check(rule, Mode.REVERSE, args);
    Output out = new Output(1);
    S saved = RuleChecks.augmentedPrimal(rule, config, args, out);
    return new RuleNode<>(rule, config, args, slots, out, saved);
  }

  /** The active output handle; {@code at} is this node's instruction slot. */
  Value output(ReverseTape tape, int at) {
    if (out.kind() == ValueKind.SCALAR) {
      return Scalar.traced(out.scalarPrimal(), tape, at);
    }
    if (out.kind() == ValueKind.MATRIX && !out.matrixPrimal().isDifferentiable()) {
      return Mat.constant(out.matrixPrimal());
    }
    outTensor = tape.newTensor(out.shadowSize(), Activity.DUPLICATED, true);
    return out.kind() == ValueKind.VECTOR
        ? Vec.traced(out.vectorPrimal(), tape, outTensor)
        : Mat.traced(out.matrixPrimal(), tape, outTensor);
  }

  /**
   * Whether everything the reverse body read was finite: the primals and the output adjoint. Only
   * then is a NaN adjoint the rule's fault; otherwise it is IEEE arithmetic on what reached the
   * output. Evaluated only after a NaN was seen, so it costs nothing otherwise.
   */
  private boolean finiteInputs() {
    return Finite.outputAdjoint(out) && Finite.primals(args);
  }

  @Override
  public void reverse(ReverseTape tape, double g) {
    if (out.kind() == ValueKind.SCALAR) {
      if (g == 0.0) {
        return;
      }
      out.seedAdjoint(g);
    } else {
      if (outTensor < 0 || !tape.isTouched(outTensor)) {
        return;
      }
      out.seedAdjoint(tape.tensorAdjoint(outTensor));
    }
    double[] before = null; // the scalar arguments' adjoints, only if there are active scalars
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] >= 0 && args.get(k) instanceof ScalarArg s) {
        before = before == null ? new double[slots.length] : before;
        before[k] = s.adjoint();
      }
    }
    RuleChecks.reverse(rule, config, args, out, saved);
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] < 0) {
        continue;
      }
      if (args.get(k) instanceof ScalarArg s) {
        double delta = s.adjoint() - before[k];
        if (Double.isNaN(delta) && finiteInputs()) {
          throw new RuleContractException(
              rule,
              Mode.REVERSE,
              "produced a NaN adjoint for argument " + k + " from finite inputs");
        }
        tape.addAdjoint(slots[k], delta);
      } else {
        tape.touch(slots[k]);
      }
    }
  }
}
