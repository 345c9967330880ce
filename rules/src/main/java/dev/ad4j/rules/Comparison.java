package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.Support;
import dev.ad4j.api.VecArg;

/**
 * Elementwise comparisons producing masks: {@code mask_i = 1.0} where {@code x_i op y_i} holds,
 * else {@code 0.0}. A mask is never differentiable: it is piecewise constant in its inputs, so
 * every derivative is zero where one exists. Each constant's {@link #rule()} declares {@link
 * Support#nonDifferentiable()}, so {@link dev.ad4j.api.Dispatch} evaluates it on primals and
 * returns a constant however active its inputs are, and nothing is recorded.
 *
 * <p>Operands are a vector, a dense matrix or a scalar; two array operands must have the same
 * shape, and a scalar operand is compared with every element. Comparisons with NaN follow IEEE 754:
 * false, except {@link #NOT_EQUAL}. Use a mask to select: {@code multiply(mask(x, GREATER, 0), x)}
 * is relu(x), whose gradient is the mask (0 at x = 0).
 */
public enum Comparison {
  /** mask = [x &gt; y]. */
  GREATER(">"),
  /** mask = [x ≥ y]. */
  GREATER_OR_EQUAL(">="),
  /** mask = [x &lt; y]. */
  LESS("<"),
  /** mask = [x ≤ y]. */
  LESS_OR_EQUAL("<="),
  /** mask = [x = y]. */
  EQUAL("=="),
  /** mask = [x ≠ y]. */
  NOT_EQUAL("!=");

  private final String symbol;
  private final Rule<Void> rule;

  Comparison(String symbol) {
    this.symbol = symbol;
    this.rule = new Mask(this);
  }

  /** The rule computing this comparison's mask, named {@code mask(x op y)}. */
  public Rule<?> rule() {
    return rule;
  }

  /** Whether {@code x op y} holds. */
  public boolean holds(double x, double y) {
    switch (this) {
      case GREATER:
        return x > y;
      case GREATER_OR_EQUAL:
        return x >= y;
      case LESS:
        return x < y;
      case LESS_OR_EQUAL:
        return x <= y;
      case EQUAL:
        return x == y;
      default:
        return x != y;
    }
  }

  /** The mask of one comparison: a rule declaring {@link Support#nonDifferentiable()}. */
  private static final class Mask implements Rule<Void> {
    private final Comparison op;

    Mask(Comparison op) {
      this.op = op;
    }

    @Override
    public String name() {
      return "mask(x " + op.symbol + " y)";
    }

    @Override
    public Support support() {
      return Support.nonDifferentiable();
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      RuleArg x = args.get(0);
      RuleArg y = args.get(1);
      Matrix shape = matrixShape(x, y);
      boolean scalar = x instanceof ScalarArg && y instanceof ScalarArg;
      double[] mask = mask(values(x), values(y));
      if (scalar) {
        out.primal(mask[0]);
      } else if (shape != null) {
        out.primal(DenseMatrix.wrap(shape.rows(), shape.cols(), mask));
      } else {
        out.primal(mask);
      }
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        if (scalar) {
          out.tangent(lane, 0.0); // a mask's tangent is zero
        } else {
          out.tangent(lane, new double[mask.length]);
        }
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      forward(Config.primalOnly(), args, out);
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      // A mask's adjoint contributes nothing: its derivative is zero.
    }

    private double[] mask(double[] x, double[] y) {
      int n = Math.max(x.length, y.length);
      if (x.length != y.length && x.length != 1 && y.length != 1) {
        throw Shapes.error(
            name(),
            "x has " + x.length + " elements but y has " + y.length + " (shapes must match)");
      }
      double[] mask = new double[n];
      for (int i = 0; i < n; i++) {
        mask[i] = op.holds(x[x.length == 1 ? 0 : i], y[y.length == 1 ? 0 : i]) ? 1.0 : 0.0;
      }
      return mask;
    }

    /** The matrix operand whose shape the mask takes, or null for vectors and scalars. */
    private Matrix matrixShape(RuleArg x, RuleArg y) {
      Matrix a = matrixOf(x);
      Matrix b = matrixOf(y);
      if ((a != null && y instanceof VecArg) || (b != null && x instanceof VecArg)) {
        throw Shapes.error(name(), "cannot compare a vector with a matrix; reshape one of them");
      }
      if (a != null && b != null && (a.rows() != b.rows() || a.cols() != b.cols())) {
        throw Shapes.error(name(), "x is " + Shapes.dims(a) + " but y is " + Shapes.dims(b));
      }
      return a != null ? a : b;
    }

    private Matrix matrixOf(RuleArg arg) {
      if (arg instanceof ScalarArg || arg instanceof VecArg) {
        return null;
      }
      Matrix m = ((MatArg) arg).primal();
      if (!(m instanceof DenseMatrix)) {
        throw Shapes.error(
            name(), "compares dense operands; " + m.describe() + " is sparse (compare its values)");
      }
      return m;
    }

    private static double[] values(RuleArg arg) {
      if (arg instanceof ScalarArg s) {
        return new double[] {s.primal()};
      } else if (arg instanceof VecArg v) {
        return v.primal();
      }
      return ((DenseMatrix) ((MatArg) arg).primal()).values();
    }
  }
}
