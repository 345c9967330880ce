package dev.ad4j.rules;

import static dev.ad4j.rules.ElementwiseArrays.array;
import static dev.ad4j.rules.ElementwiseArrays.values;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.SecondOrderRule;

/**
 * zᵢ = f(xᵢ, yᵢ) elementwise for an easy-tier binary scalar rule f (built by {@link
 * Elementwise#map2}), over two vectors or two dense matrices of one shape: żᵢ = ∂ₓf·ẋᵢ + ∂ᵧf·ẏᵢ,
 * x̄ᵢ += ∂ₓf·z̄ᵢ, ȳᵢ += ∂ᵧf·z̄ᵢ. Each partial is evaluated only for a non-{@code Const} argument;
 * the reverse pass reads x and y (copied only when they may be overwritten) and z, the output.
 *
 * <p>A record, so two rules for the same {@code f} are equal.
 */
record ElementwiseMap2(BinaryScalarRule f) implements SecondOrderRule<Saved> {
  @Override
  public String name() {
    return "map2(" + f.name() + ", x, y)";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    ArrayArg x = array(name(), args, 0);
    ArrayArg y = array(name(), args, 1);
    double[] xs = values(x);
    double[] ys = values(y);
    double[] z = primal(x, y, out);
    boolean tangents = config.needsShadow();
    double[] px = tangents && !x.isConst() ? partials(true, xs, ys, z) : null;
    double[] py = tangents && !y.isConst() ? partials(false, xs, ys, z) : null;
    for (int lane = 0; tangents && lane < config.width(); lane++) {
      double[] t = new double[z.length];
      if (px != null) {
        DenseKernels.addProduct(1.0, px, x.shadow(lane), t); // ż += ∂ₓf ⊙ ẋ
      }
      if (py != null) {
        DenseKernels.addProduct(1.0, py, y.shadow(lane), t); // ż += ∂ᵧf ⊙ ẏ
      }
      out.tangent(lane, t);
    }
  }

  @Override
  public Saved augmentedPrimal(Config config, Args args, Output out) {
    ArrayArg x = array(name(), args, 0);
    ArrayArg y = array(name(), args, 1);
    primal(x, y, out);
    boolean any = !x.isConst() || !y.isConst();
    return Saved.of(config, args, any, any); // both partials read x and y
  }

  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    ArrayArg x = array(name(), args, 0);
    ArrayArg y = array(name(), args, 1);
    double[] xs = ElementwiseArrays.saved(saved, args, 0);
    double[] ys = ElementwiseArrays.saved(saved, args, 1);
    double[] z = ElementwiseArrays.outputValues(out);
    double[] g = out.adjoint();
    for (int i = 0; i < g.length; i++) {
      if (g[i] == 0.0) {
        continue; // a zero adjoint contributes zero, and no partial is evaluated for it
      }
      if (!x.isConst()) {
        x.shadow()[i] += f.partialX(xs[i], ys[i], z[i]) * g[i]; // x̄ᵢ += ∂ₓf·z̄ᵢ
      }
      if (!y.isConst()) {
        y.shadow()[i] += f.partialY(xs[i], ys[i], z[i]) * g[i]; // ȳᵢ += ∂ᵧf·z̄ᵢ
      }
    }
  }

  /** x̄ = ∂ₓf·z̄ moves by (fₓₓ·ẋ + fₓᵧ·ẏ)·z̄, ȳ = ∂ᵧf·z̄ by (fₓᵧ·ẋ + fᵧᵧ·ẏ)·z̄. */
  @Override
  public void reverseSecondOrder(
      Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
    ArrayArg x = array(name(), adjointTangents, 0);
    ArrayArg y = array(name(), adjointTangents, 1);
    double[] xs = values(x);
    double[] ys = values(y);
    double[] z = ElementwiseArrays.outputValues(out);
    double[] g = out.adjoint();
    double[] xDot = x.isConst() ? null : ((ArrayArg) tangents.get(0)).shadow();
    double[] yDot = y.isConst() ? null : ((ArrayArg) tangents.get(1)).shadow();
    for (int i = 0; i < z.length; i++) {
      double a = xDot == null ? 0.0 : xDot[i];
      double b = yDot == null ? 0.0 : yDot[i];
      double hxy = f.partialXY(xs[i], ys[i], z[i]);
      if (xDot != null) {
        x.shadow()[i] += (f.partialXX(xs[i], ys[i], z[i]) * a + hxy * b) * g[i];
      }
      if (yDot != null) {
        y.shadow()[i] += (hxy * a + f.partialYY(xs[i], ys[i], z[i]) * b) * g[i];
      }
    }
  }

  /** Sets z = f(x, y) as the output, shaped like x, and returns its values. */
  private double[] primal(ArrayArg x, ArrayArg y, Output out) {
    ElementwiseArrays.sameShape(name(), x, y);
    double[] xs = values(x);
    double[] ys = values(y);
    double[] z = new double[xs.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = f.value(xs[i], ys[i]);
    }
    ElementwiseArrays.setPrimal(out, x, z);
    return z;
  }

  private double[] partials(boolean ofX, double[] xs, double[] ys, double[] z) {
    double[] d = new double[z.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = ofX ? f.partialX(xs[i], ys[i], z[i]) : f.partialY(xs[i], ys[i], z[i]);
    }
    return d;
  }
}
