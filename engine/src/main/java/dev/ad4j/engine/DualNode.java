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
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.Support;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Value;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;

/**
 * One array rule call, or one pack of scalars, on a {@link DualTape}. A rule's arguments are built
 * three times over the same primals: a forward view (shadows = primal tangents), a reverse view
 * (shadows = adjoints) and a reverse view of the adjoint tangents.
 */
final class DualNode<S> {
  private final SecondOrderRule<S> rule;
  private final Args tangents;
  private final Args adjoints;
  private final Args adjointDots;
  private final int[] slots;
  private final Output forwardOut;
  private final Output out;
  private final S saved;
  private final int[] packSlots;
  private int outTensor = -1;

  private DualNode(
      SecondOrderRule<S> rule,
      Args tangents,
      Args adjoints,
      Args adjointDots,
      int[] slots,
      Output forwardOut,
      Output out,
      S saved,
      int[] packSlots) {
    this.rule = rule;
    this.tangents = tangents;
    this.adjoints = adjoints;
    this.adjointDots = adjointDots;
    this.slots = slots;
    this.forwardOut = forwardOut;
    this.out = out;
    this.saved = saved;
    this.packSlots = packSlots;
  }

  /** {@code out = [s_0, ..., s_k]} for the scalars in {@code slots} (−1: constant). */
  static DualNode<Void> pack(int[] slots, int outTensor) {
    DualNode<Void> node = new DualNode<>(null, null, null, null, null, null, null, null, slots);
    node.outTensor = outTensor;
    return node;
  }

  /** Checks that the rule can be nested and supports the activities, then runs it both ways. */
  static DualNode<?> record(Rule<?> rule, Value[] inputs, DualTape tape) {
    if (!(rule instanceof SecondOrderRule<?> second)) {
      throw UnsupportedActivityException.firstOrderOnly(
          rule.name(),
          "implement SecondOrderRule.reverseSecondOrder (the change of the rule's reverse along"
              + " the tangents) to use it in Hessian-vector products");
    }
    return recordSecondOrder(second, inputs, tape);
  }

  private static <S> DualNode<S> recordSecondOrder(
      SecondOrderRule<S> rule, Value[] inputs, DualTape tape) {
    int n = inputs.length;
    RuleArg[] forward = new RuleArg[n];
    RuleArg[] reverse = new RuleArg[n];
    RuleArg[] reverseDot = new RuleArg[n];
    int[] slots = new int[n];
    for (int k = 0; k < n; k++) {
      Value v = inputs[k];
      slots[k] = v.trace() == tape ? tape.own(v) : -1;
      if (slots[k] < 0) {
        forward[k] = reverse[k] = reverseDot[k] = Args.constant(v);
      } else if (v instanceof Scalar s) {
        forward[k] = ScalarArg.forward(s.value(), new double[] {tape.scalarTangent(slots[k])});
        reverse[k] = ScalarArg.reverse(s.value());
        reverseDot[k] = ScalarArg.reverse(s.value());
      } else {
        int id = slots[k];
        forward[k] = array(v, new double[][] {tape.tensorTangent(id)});
        reverse[k] = array(v, new double[][] {tape.tensorAdjoint(id)});
        reverseDot[k] = array(v, new double[][] {tape.tensorAdjointDot(id)});
      }
    }
    Args tangents = Args.of(forward);
    Args adjoints = Args.of(reverse);
    Support.check(rule, Mode.FORWARD, tangents);
    Support.check(rule, Mode.REVERSE, adjoints);
    Output forwardOut = new Output(1);
    RuleChecks.forward(rule, Config.forward(1), tangents, forwardOut);
    Output out = new Output(1);
    S saved = RuleChecks.augmentedPrimal(rule, Config.reverse(), adjoints, out);
    return new DualNode<>(
        rule, tangents, adjoints, Args.of(reverseDot), slots, forwardOut, out, saved, null);
  }

  private static RuleArg array(Value v, double[][] shadows) {
    return v instanceof Vec vec
        ? VecArg.of(Activity.DUPLICATED, vec.value(), shadows)
        : MatArg.of(Activity.DUPLICATED, ((Mat) v).value(), shadows);
  }

  /** The active output handle, with its tangent; {@code at} is this node's instruction slot. */
  Value output(DualTape tape, int at) {
    if (out.kind() == ValueKind.SCALAR) {
      tape.setScalarTangent(at, forwardOut.scalarTangent(0));
      return Scalar.traced(out.scalarPrimal(), tape, at);
    }
    if (out.kind() == ValueKind.MATRIX && !out.matrixPrimal().isDifferentiable()) {
      return Mat.constant(out.matrixPrimal());
    }
    outTensor = tape.newTensor(forwardOut.arrayTangent(0), true);
    return out.kind() == ValueKind.VECTOR
        ? Vec.traced(out.vectorPrimal(), tape, outTensor)
        : Mat.traced(out.matrixPrimal(), tape, outTensor);
  }

  /** Adds this node's adjoints and adjoint tangents into its inputs'. */
  void reverse(DualTape tape, double g, double gDot) {
    if (packSlots != null) {
      reversePack(tape);
      return;
    }
    if (out.kind() == ValueKind.SCALAR && g == 0.0 && gDot == 0.0) {
      return;
    }
    if (out.kind() != ValueKind.SCALAR && (outTensor < 0 || !tape.isTouched(outTensor))) {
      return;
    }
    double[] before = scalarAdjoints(adjoints);
    double[] beforeDot = scalarAdjoints(adjointDots);
    Config config = Config.reverse();
    seed(tape, false, g, gDot);
    RuleChecks.reverse(rule, config, adjoints, out, saved); // x̄ += Jᵀ·ȳ
    rule.reverseSecondOrder(config, adjointDots, tangents, out, saved); // x̄˙ += ∂(Jᵀȳ)·ẋ
    seed(tape, true, g, gDot);
    RuleChecks.reverse(rule, config, adjointDots, out, saved); // x̄˙ += Jᵀ·ȳ˙
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] < 0) {
        continue;
      }
      if (adjoints.get(k) instanceof ScalarArg s) {
        double dot = ((ScalarArg) adjointDots.get(k)).adjoint() - beforeDot[k];
        tape.addAdjoint(slots[k], s.adjoint() - before[k], dot);
      } else {
        tape.touch(slots[k]);
      }
    }
  }

  private void seed(DualTape tape, boolean dot, double g, double gDot) {
    if (out.kind() == ValueKind.SCALAR) {
      out.seedAdjoint(dot ? gDot : g);
    } else {
      out.seedAdjoint(dot ? tape.tensorAdjointDot(outTensor) : tape.tensorAdjoint(outTensor));
    }
  }

  private double[] scalarAdjoints(Args args) {
    double[] a = new double[slots.length];
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] >= 0 && args.get(k) instanceof ScalarArg s) {
        a[k] = s.adjoint();
      }
    }
    return a;
  }

  private void reversePack(DualTape tape) {
    if (!tape.isTouched(outTensor)) {
      return;
    }
    double[] a = tape.tensorAdjoint(outTensor);
    double[] aDot = tape.tensorAdjointDot(outTensor);
    for (int k = 0; k < packSlots.length; k++) {
      if (packSlots[k] >= 0) {
        tape.addAdjoint(packSlots[k], a[k], aDot[k]);
      }
    }
  }
}
