package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.VecArg;

/**
 * zᵢ = f(xᵢ, yᵢ) elementwise for an easy-tier binary scalar rule f (built by {@link
 * Elementwise#map2}), over two vectors or two dense matrices of one shape: żᵢ = ∂ₓf·ẋᵢ + ∂ᵧf·ẏᵢ,
 * x̄ᵢ += ∂ₓf·z̄ᵢ, ȳᵢ += ∂ᵧf·z̄ᵢ. Each partial is evaluated only for a non-{@code Const} argument;
 * the reverse pass reads x and y (copied only when they may be overwritten) and z, the output.
 *
 * <p>A record, so two rules for the same {@code f} are equal.
 */
record ElementwiseMap2(BinaryScalarRule f) implements Rule<Saved> {
  @Override
  public String name() {
    return "map2(" + f.name() + ", x, y)";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    ArrayArg x = array(args, 0);
    ArrayArg y = array(args, 1);
    double[] xs = values(x);
    double[] ys = values(y);
    double[] z = primal(x, y, xs, ys, out);
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
    ArrayArg x = array(args, 0);
    ArrayArg y = array(args, 1);
    primal(x, y, values(x), values(y), out);
    boolean any = !x.isConst() || !y.isConst();
    return Saved.of(config, args, any, any); // both partials read x and y
  }

  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    ArrayArg x = array(args, 0);
    ArrayArg y = array(args, 1);
    double[] xs = saved(saved, args, 0);
    double[] ys = saved(saved, args, 1);
    double[] z = zValues(out);
    double[] g = out.adjoint();
    if (!x.isConst()) {
      double[] dx = x.shadow();
      for (int i = 0; i < dx.length; i++) {
        dx[i] += f.partialX(xs[i], ys[i], z[i]) * g[i]; // x̄ᵢ += ∂ₓf·z̄ᵢ
      }
    }
    if (!y.isConst()) {
      double[] dy = y.shadow();
      for (int i = 0; i < dy.length; i++) {
        dy[i] += f.partialY(xs[i], ys[i], z[i]) * g[i]; // ȳᵢ += ∂ᵧf·z̄ᵢ
      }
    }
  }

  /** Sets z = f(x, y) as the output, shaped like x, and returns its values. */
  private double[] primal(ArrayArg x, ArrayArg y, double[] xs, double[] ys, Output out) {
    checkShapes(x, y);
    double[] z = new double[xs.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = f.value(xs[i], ys[i]);
    }
    if (x instanceof MatArg m) {
      out.primal(DenseMatrix.wrap(m.primal().rows(), m.primal().cols(), z));
    } else {
      out.primal(z);
    }
    return z;
  }

  private void checkShapes(ArrayArg x, ArrayArg y) {
    String sx = shape(x);
    String sy = shape(y);
    if (!sx.equals(sy)) {
      throw Shapes.error(name(), "x is " + sx + " but y is " + sy + " (shapes must match)");
    }
  }

  private static String shape(ArrayArg a) {
    if (a instanceof VecArg v) {
      return "a vector of length " + v.size();
    }
    return "a " + Shapes.dims(((MatArg) a).primal()) + " matrix";
  }

  private double[] partials(boolean ofX, double[] xs, double[] ys, double[] z) {
    double[] d = new double[z.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = ofX ? f.partialX(xs[i], ys[i], z[i]) : f.partialY(xs[i], ys[i], z[i]);
    }
    return d;
  }

  private ArrayArg array(Args args, int i) {
    if (!(args.get(i) instanceof ArrayArg a)) {
      throw Shapes.error(
          name(), "argument " + i + " is a scalar; map2 takes two vectors or two dense matrices");
    }
    if (a instanceof MatArg m && !(m.primal() instanceof DenseMatrix)) {
      throw Shapes.error(
          name(), "takes vectors or dense matrices; " + m.primal().describe() + " is sparse");
    }
    return a;
  }

  private static double[] values(ArrayArg a) {
    return a instanceof VecArg v ? v.primal() : ((DenseMatrix) ((MatArg) a).primal()).values();
  }

  private static double[] saved(Saved saved, Args args, int k) {
    return args.get(k) instanceof VecArg
        ? Saved.vec(saved, args, k)
        : ((DenseMatrix) Saved.mat(saved, args, k)).values();
  }

  private static double[] zValues(Output out) {
    return out.kind() == ValueKind.VECTOR
        ? out.vectorPrimal()
        : ((DenseMatrix) out.matrixPrimal()).values();
  }
}
