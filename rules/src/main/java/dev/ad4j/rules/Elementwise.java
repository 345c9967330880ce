package dev.ad4j.rules;

import static dev.ad4j.rules.ElementwiseArrays.array;
import static dev.ad4j.rules.ElementwiseArrays.saved;
import static dev.ad4j.rules.ElementwiseArrays.values;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Elementwise operations: {@link #SCALE}, {@link #ADD}, {@link #SUBTRACT}, {@link #MULTIPLY},
 * {@link #DIVIDE}, and {@link #map} of an easy-tier scalar rule over every element.
 *
 * <p>Each rule takes vectors or dense matrices; the arguments of a binary rule are of one kind and
 * one shape, and the output is of that kind and shape. A dense matrix and its shadows are row-major
 * arrays, so the loops are those of the vector case (see {@link ElementwiseArrays}). A sparse
 * matrix is refused with {@link IllegalArgumentException}: use {@code Linalg.mapValues} or {@code
 * Linalg.scaleStored}, which work on its stored entries.
 */
public final class Elementwise {
  private Elementwise() {}

  /** y = α·x (α a scalar); ∂α = Σ ȳᵢ·xᵢ, x̄ += α·ȳ; ẏ = α̇·x + α·ẋ. */
  public static final Rule<?> SCALE = new Scale();

  /** z = x + y; x̄ += z̄, ȳ += z̄; ż = ẋ + ẏ. */
  public static final Rule<?> ADD = new Combine("add(x, y)", 1.0);

  /** z = x − y; x̄ += z̄, ȳ −= z̄; ż = ẋ − ẏ. */
  public static final Rule<?> SUBTRACT = new Combine("subtract(x, y)", -1.0);

  /** z = x ⊙ y; x̄ += z̄ ⊙ y, ȳ += z̄ ⊙ x; ż = ẋ ⊙ y + x ⊙ ẏ. */
  public static final Rule<?> MULTIPLY = new Multiply();

  /**
   * z = x ⊘ y; x̄ += z̄ ⊘ y, ȳ −= z̄ ⊙ z ⊘ y (as ∂(xᵢ/yᵢ)/∂yᵢ = −xᵢ/yᵢ² = −zᵢ/yᵢ); ż = (ẋ − z ⊙ ẏ)
   * ⊘ y. Division by zero follows IEEE 754 (±∞ or NaN), as {@code /} does.
   */
  public static final Rule<?> DIVIDE = new Divide();

  /**
   * y = f(x) elementwise, for an easy-tier scalar rule f: ẏᵢ = f'(xᵢ)·ẋᵢ, x̄ᵢ += f'(xᵢ)·ȳᵢ; f' is
   * evaluated only when x is not {@code Const}.
   *
   * <p>Each call returns a new rule; rules for the same {@code f} are {@link Object#equals equal}
   * (no cache, so per-call rules such as {@code Scalars.power(p)} cannot grow one).
   */
  public static Rule<?> map(UnaryScalarRule f) {
    if (f == null) {
      throw new IllegalArgumentException("map(f, x): f must not be null");
    }
    return new ElementwiseMap(f);
  }

  /**
   * z = f(x, y) elementwise, for an easy-tier binary rule f (pow, atan2, min, max, hypot, ...): żᵢ
   * = ∂ₓf·ẋᵢ + ∂ᵧf·ẏᵢ; each partial is evaluated only for a non-{@code Const} argument. Rules for
   * the same {@code f} are equal.
   */
  public static Rule<?> map2(BinaryScalarRule f) {
    if (f == null) {
      throw new IllegalArgumentException("map2(f, x, y): f must not be null");
    }
    return new ElementwiseMap2(f);
  }

  private static final class Scale implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "scale(alpha, x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ScalarArg alpha = args.scalar(0);
      ArrayArg x = array(name(), args, 1);
      double[] xs = values(x);
      ElementwiseArrays.setPrimal(out, x, scaled(alpha.primal(), xs));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[xs.length];
        if (!alpha.isConst()) {
          DenseKernels.addScaled(alpha.tangent(lane), xs, t); // ẏ += α̇·x
        }
        if (!x.isConst()) {
          DenseKernels.addScaled(alpha.primal(), x.shadow(lane), t); // ẏ += α·ẋ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      ScalarArg alpha = args.scalar(0);
      ArrayArg x = array(name(), args, 1);
      ElementwiseArrays.setPrimal(out, x, scaled(alpha.primal(), values(x)));
      return Saved.of(config, args, false, !alpha.isConst()); // ᾱ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      ScalarArg alpha = args.scalar(0);
      ArrayArg x = array(name(), args, 1);
      double[] g = out.adjoint();
      if (!alpha.isConst()) {
        alpha.addAdjoint(DenseKernels.adjointDot(g, saved(saved, args, 1))); // ᾱ += Σ ȳᵢ·xᵢ
      }
      if (!x.isConst()) {
        DenseKernels.addAdjointScaled(alpha.primal(), g, x.shadow()); // x̄ += α·ȳ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      ScalarArg alpha = adjointTangents.scalar(0);
      ArrayArg x = array(name(), adjointTangents, 1);
      if (!alpha.isConst() && !x.isConst()) {
        double[] g = out.adjoint();
        alpha.addAdjoint(DenseKernels.dot(g, ((ArrayArg) tangents.get(1)).shadow())); // ȳ·ẋ
        DenseKernels.addScaled(tangents.scalar(0).tangent(0), g, x.shadow()); // x̄˙ += α̇·ȳ
      }
    }

    private static double[] scaled(double alpha, double[] x) {
      double[] y = new double[x.length];
      DenseKernels.addScaled(alpha, x, y);
      return y;
    }
  }

  /** z = x + s·y for a fixed sign s: linear, so nothing is saved. */
  private static final class Combine implements SecondOrderRule<Void> {
    private final String name;
    private final double sign;

    Combine(String name, double sign) {
      this.name = name;
      this.sign = sign;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ArrayArg x = array(name, args, 0);
      ArrayArg y = array(name, args, 1);
      double[] z = primal(x, y, out);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[z.length];
        if (!x.isConst()) {
          DenseKernels.addScaled(1.0, x.shadow(lane), t); // ż += ẋ
        }
        if (!y.isConst()) {
          DenseKernels.addScaled(sign, y.shadow(lane), t); // ż += s·ẏ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      primal(array(name, args, 0), array(name, args, 1), out);
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      ArrayArg x = array(name, args, 0);
      ArrayArg y = array(name, args, 1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        DenseKernels.addScaled(1.0, g, x.shadow()); // x̄ += z̄
      }
      if (!y.isConst()) {
        DenseKernels.addScaled(sign, g, y.shadow()); // ȳ += s·z̄
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
      // Linear: the reverse does not depend on the primals.
    }

    /** Sets z = x + s·y as the output and returns its values. */
    private double[] primal(ArrayArg x, ArrayArg y, Output out) {
      ElementwiseArrays.sameShape(name, x, y);
      double[] z = values(x).clone();
      DenseKernels.addScaled(sign, values(y), z);
      ElementwiseArrays.setPrimal(out, x, z);
      return z;
    }
  }

  private static final class Multiply implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "multiply(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      double[] z = primal(x, y, out);
      double[] xs = values(x);
      double[] ys = values(y);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[z.length];
        if (!x.isConst()) {
          DenseKernels.addProduct(1.0, x.shadow(lane), ys, t); // ż += ẋ ⊙ y
        }
        if (!y.isConst()) {
          DenseKernels.addProduct(1.0, xs, y.shadow(lane), t); // ż += x ⊙ ẏ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      primal(x, y, out);
      return Saved.of(config, args, !y.isConst(), !x.isConst()); // x̄ reads y, ȳ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        DenseKernels.addAdjointProduct(1.0, g, saved(saved, args, 1), x.shadow()); // x̄ += z̄ ⊙ y
      }
      if (!y.isConst()) {
        DenseKernels.addAdjointProduct(1.0, g, saved(saved, args, 0), y.shadow()); // ȳ += z̄ ⊙ x
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      ArrayArg x = array(name(), adjointTangents, 0);
      ArrayArg y = array(name(), adjointTangents, 1);
      if (!x.isConst() && !y.isConst()) {
        double[] g = out.adjoint();
        DenseKernels.addProduct(1.0, g, ((ArrayArg) tangents.get(1)).shadow(), x.shadow()); // z̄⊙ẏ
        DenseKernels.addProduct(1.0, g, ((ArrayArg) tangents.get(0)).shadow(), y.shadow()); // z̄⊙ẋ
      }
    }

    /** Sets z = x ⊙ y as the output and returns its values. */
    private double[] primal(ArrayArg x, ArrayArg y, Output out) {
      ElementwiseArrays.sameShape(name(), x, y);
      double[] z = new double[values(x).length];
      DenseKernels.addProduct(1.0, values(x), values(y), z);
      ElementwiseArrays.setPrimal(out, x, z);
      return z;
    }
  }

  private static final class Divide implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "divide(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      double[] z = primal(x, y, out);
      double[] ys = values(y);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[z.length];
        if (!x.isConst()) {
          QuotientKernels.addDerivativeQuotient(1.0, x.shadow(lane), ys, t); // ż += ẋ ⊘ y
        }
        if (!y.isConst()) {
          QuotientKernels.addDerivativeProductQuotient(
              -1.0, y.shadow(lane), z, ys, t); // ż −= z⊙ẏ⊘y
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      primal(x, y, out);
      return Saved.of(config, args, false, !x.isConst() || !y.isConst()); // x̄, ȳ read y and z
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      ArrayArg x = array(name(), args, 0);
      ArrayArg y = array(name(), args, 1);
      double[] g = out.adjoint();
      double[] ys = saved(saved, args, 1);
      if (!x.isConst()) {
        QuotientKernels.addDerivativeQuotient(1.0, g, ys, x.shadow()); // x̄ += z̄ ⊘ y
      }
      if (!y.isConst()) {
        double[] z = ElementwiseArrays.outputValues(out);
        QuotientKernels.addDerivativeProductQuotient(-1.0, g, z, ys, y.shadow()); // ȳ −= z̄⊙z⊘y
      }
    }

    /**
     * x̄ = z̄/y moves by −z̄·ẏ/y²; ȳ = −z̄·x/y² moves by −z̄·ẋ/y² + 2z̄·x·ẏ/y³ = (−z̄·ẋ +
     * 2z̄·z·ẏ)/y².
     */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      ArrayArg x = array(name(), adjointTangents, 0);
      ArrayArg y = array(name(), adjointTangents, 1);
      if (y.isConst()) {
        return; // x̄ = z̄/y does not depend on x
      }
      double[] g = out.adjoint();
      double[] ys = values(y);
      double[] z = ElementwiseArrays.outputValues(out);
      double[] yDot = ((ArrayArg) tangents.get(1)).shadow();
      double[] xDot = x.isConst() ? null : ((ArrayArg) tangents.get(0)).shadow();
      double[] dy = y.shadow();
      for (int i = 0; i < dy.length; i++) {
        double ySquared = ys[i] * ys[i];
        if (xDot != null) {
          x.shadow()[i] -= g[i] * yDot[i] / ySquared; // x̄˙ −= z̄·ẏ/y²
          dy[i] -= g[i] * xDot[i] / ySquared; // ȳ˙ −= z̄·ẋ/y²
        }
        dy[i] += 2 * g[i] * z[i] * yDot[i] / ySquared; // ȳ˙ += 2z̄·z·ẏ/y²
      }
    }

    /** Sets z = x ⊘ y as the output and returns its values. */
    private double[] primal(ArrayArg x, ArrayArg y, Output out) {
      ElementwiseArrays.sameShape(name(), x, y);
      double[] z = new double[values(x).length];
      QuotientKernels.addQuotient(values(x), values(y), z);
      ElementwiseArrays.setPrimal(out, x, z);
      return z;
    }
  }
}
