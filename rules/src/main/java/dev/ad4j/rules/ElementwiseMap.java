package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.VecArg;

/**
 * y = f(x) elementwise for an easy-tier scalar rule f (built by {@link Elementwise#map}): ẏᵢ =
 * f'(xᵢ, yᵢ)·ẋᵢ, x̄ᵢ += f'(xᵢ, yᵢ)·ȳᵢ. The derivative is evaluated only when x is not {@code
 * Const}; the reverse pass reads x (copied only when it may be overwritten) and y, the output.
 *
 * <p>A record, so two rules for the same {@code f} are equal.
 */
record ElementwiseMap(UnaryScalarRule f) implements Rule<Saved> {
  @Override
  public String name() {
    return "map(" + f.name() + ", x)";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    double[] y = values(x.primal());
    out.primal(y);
    double[] d = config.needsShadow() && !x.isConst() ? derivatives(x.primal(), y) : null;
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      double[] t = new double[x.size()];
      if (d != null) {
        DenseKernels.addProduct(1.0, d, x.shadow(lane), t); // ẏ += f'(x) ⊙ ẋ
      }
      out.tangent(lane, t);
    }
  }

  @Override
  public Saved augmentedPrimal(Config config, Args args, Output out) {
    VecArg x = args.vec(0);
    out.primal(values(x.primal()));
    return Saved.of(config, args, !x.isConst()); // x̄ reads x (and y, the output)
  }

  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    VecArg x = args.vec(0);
    if (!x.isConst()) {
      double[] xs = Saved.vec(saved, args, 0);
      double[] y = out.vectorPrimal();
      double[] g = out.adjoint();
      double[] dx = x.shadow();
      for (int i = 0; i < dx.length; i++) {
        dx[i] += f.derivative(xs[i], y[i]) * g[i]; // x̄ᵢ += f'(xᵢ)·ȳᵢ
      }
    }
  }

  private double[] values(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.value(x[i]);
    }
    return y;
  }

  private double[] derivatives(double[] x, double[] y) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = f.derivative(x[i], y[i]);
    }
    return d;
  }
}
