package dev.ad4j.rules;

import static dev.ad4j.rules.ElementwiseArrays.array;
import static dev.ad4j.rules.ElementwiseArrays.values;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.UnaryScalarRule;

/**
 * y = f(x) elementwise for an easy-tier scalar rule f (built by {@link Elementwise#map}), over a
 * vector or a dense matrix (y has x's kind and shape): ẏᵢ = f'(xᵢ, yᵢ)·ẋᵢ, x̄ᵢ += f'(xᵢ, yᵢ)·ȳᵢ.
 * The derivative is evaluated only when x is not {@code Const}; the reverse pass reads x (copied
 * only when it may be overwritten) and y, the output.
 *
 * <p>A record, so two rules for the same {@code f} are equal.
 */
record ElementwiseMap(UnaryScalarRule f) implements SecondOrderRule<Saved> {
  @Override
  public String name() {
    return "map(" + f.name() + ", x)";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    ArrayArg x = array(name(), args, 0);
    double[] xs = values(x);
    double[] y = apply(xs);
    ElementwiseArrays.setPrimal(out, x, y);
    double[] d = config.needsShadow() && !x.isConst() ? derivatives(xs, y) : null;
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      double[] t = new double[y.length];
      if (d != null) {
        DenseKernels.addProduct(1.0, d, x.shadow(lane), t); // ẏ += f'(x) ⊙ ẋ
      }
      out.tangent(lane, t);
    }
  }

  @Override
  public Saved augmentedPrimal(Config config, Args args, Output out) {
    ArrayArg x = array(name(), args, 0);
    ElementwiseArrays.setPrimal(out, x, apply(values(x)));
    return Saved.of(config, args, !x.isConst()); // x̄ reads x (and y, the output)
  }

  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    ArrayArg x = array(name(), args, 0);
    if (!x.isConst()) {
      double[] xs = ElementwiseArrays.saved(saved, args, 0);
      double[] y = ElementwiseArrays.outputValues(out);
      double[] g = out.adjoint();
      double[] dx = x.shadow();
      for (int i = 0; i < dx.length; i++) {
        if (g[i] != 0.0) { // a zero adjoint contributes zero, even where f' is infinite
          dx[i] += f.derivative(xs[i], y[i]) * g[i]; // x̄ᵢ += f'(xᵢ)·ȳᵢ
        }
      }
    }
  }

  /** x̄ᵢ = f'(xᵢ)·ȳᵢ moves by f''(xᵢ)·ẋᵢ·ȳᵢ (f'' from the easy-tier rule). */
  @Override
  public void reverseSecondOrder(
      Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
    ArrayArg x = array(name(), adjointTangents, 0);
    if (!x.isConst()) {
      double[] xs = values(x);
      double[] y = ElementwiseArrays.outputValues(out);
      double[] g = out.adjoint();
      double[] xDot = ((ArrayArg) tangents.get(0)).shadow();
      double[] dx = x.shadow();
      for (int i = 0; i < dx.length; i++) {
        dx[i] += f.secondDerivative(xs[i], y[i]) * xDot[i] * g[i];
      }
    }
  }

  private double[] apply(double[] x) {
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
