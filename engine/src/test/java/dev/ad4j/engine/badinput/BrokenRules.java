package dev.ad4j.engine.badinput;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.VecArg;

/**
 * User-written rules that each break the rule contract in one planted way, all computing {@code y =
 * Σ xᵢ·cᵢ} (x: argument 0, c: argument 1) when they do not.
 */
public final class BrokenRules {
  private BrokenRules() {}

  /** Where a rule breaks its contract. */
  public enum Fault {
    NONE,
    WRITES_CONST_IN_FORWARD,
    WRITES_CONST_IN_AUGMENTED_PRIMAL,
    WRITES_CONST_IN_REVERSE,
    NAN_PRIMAL,
    NAN_TANGENT,
    NAN_ADJOINT,
    SHORT_TANGENT,
    SCALAR_RESULT_FOR_VECTOR
  }

  /**
   * {@code y = Σ xᵢ·cᵢ}, or with {@link Fault#SHORT_TANGENT} the vector {@code y = x ⊙ c} with a
   * tangent one element short. {@link Fault#SCALAR_RESULT_FOR_VECTOR} is the scalar result where
   * the caller asks for a vector.
   */
  public static final class Dot implements Rule<Void> {
    private final Fault fault;

    public Dot(Fault fault) {
      this.fault = fault;
    }

    @Override
    public String name() {
      return "brokenDot[" + fault + "]";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg c = args.vec(1);
      plantWrite(Fault.WRITES_CONST_IN_FORWARD, x, c);
      if (fault == Fault.SHORT_TANGENT) {
        out.primal(product(x.primal(), c.primal()));
        for (int lane = 0; lane < config.width() && config.needsShadow(); lane++) {
          out.tangent(lane, new double[x.size() - 1]);
        }
        return;
      }
      out.primal(primal(x, c));
      for (int lane = 0; lane < config.width() && config.needsShadow(); lane++) {
        double t = 0;
        for (int i = 0; i < x.size(); i++) {
          t += (x.isConst() ? 0 : x.shadow(lane)[i] * c.primal()[i]);
          t += (c.isConst() ? 0 : c.shadow(lane)[i] * x.primal()[i]);
        }
        out.tangent(lane, fault == Fault.NAN_TANGENT ? t * (0.0 / 0.0) : t);
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg c = args.vec(1);
      plantWrite(Fault.WRITES_CONST_IN_AUGMENTED_PRIMAL, x, c);
      out.primal(primal(x, c));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      VecArg c = args.vec(1);
      plantWrite(Fault.WRITES_CONST_IN_REVERSE, x, c);
      double g = out.scalarAdjoint();
      for (int i = 0; i < x.size(); i++) {
        if (!x.isConst()) {
          double zero = 0.0;
          x.shadow()[i] += g * c.primal()[i] * (fault == Fault.NAN_ADJOINT ? zero / zero : 1.0);
        }
        if (!c.isConst()) {
          c.shadow()[i] += g * x.primal()[i];
        }
      }
    }

    private void plantWrite(Fault when, VecArg x, VecArg c) {
      if (fault == when) {
        (c.isConst() ? c : x).primal()[0] = -99.0;
      }
    }

    private double primal(VecArg x, VecArg c) {
      double s = 0;
      for (int i = 0; i < x.size(); i++) {
        s += x.primal()[i] * c.primal()[i];
      }
      return fault == Fault.NAN_PRIMAL ? s * (0.0 / 0.0) : s;
    }

    private static double[] product(double[] x, double[] c) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] * c[i];
      }
      return y;
    }
  }
}
