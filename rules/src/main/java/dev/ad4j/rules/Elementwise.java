package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.VecArg;

/**
 * Elementwise vector operations: {@link #SCALE}, {@link #ADD}, {@link #SUBTRACT}, {@link
 * #MULTIPLY}, {@link #DIVIDE}, and {@link #map} of an easy-tier scalar rule over every element.
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

  private static final class Scale implements Rule<Saved> {
    @Override
    public String name() {
      return "scale(alpha, x)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ScalarArg alpha = args.scalar(0);
      VecArg x = args.vec(1);
      out.primal(scaled(alpha.primal(), x.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[x.size()];
        if (!alpha.isConst()) {
          DenseKernels.addScaled(alpha.tangent(lane), x.primal(), t); // ẏ += α̇·x
        }
        if (!x.isConst()) {
          DenseKernels.addScaled(alpha.primal(), x.shadow(lane), t); // ẏ += α·ẋ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      out.primal(scaled(args.scalar(0).primal(), args.vec(1).primal()));
      return Saved.of(config, args, false, !args.scalar(0).isConst()); // ᾱ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      ScalarArg alpha = args.scalar(0);
      VecArg x = args.vec(1);
      double[] g = out.adjoint();
      if (!alpha.isConst()) {
        alpha.addAdjoint(DenseKernels.dot(g, Saved.vec(saved, args, 1))); // ᾱ += Σ ȳᵢ·xᵢ
      }
      if (!x.isConst()) {
        DenseKernels.addScaled(alpha.primal(), g, x.shadow()); // x̄ += α·ȳ
      }
    }

    private static double[] scaled(double alpha, double[] x) {
      double[] y = new double[x.length];
      DenseKernels.addScaled(alpha, x, y);
      return y;
    }
  }

  /** z = x + s·y for a fixed sign s: linear, so nothing is saved. */
  private static final class Combine implements Rule<Void> {
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
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[x.size()];
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
      out.primal(primal(args.vec(0).primal(), args.vec(1).primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        DenseKernels.addScaled(1.0, g, x.shadow()); // x̄ += z̄
      }
      if (!y.isConst()) {
        DenseKernels.addScaled(sign, g, y.shadow()); // ȳ += s·z̄
      }
    }

    private double[] primal(double[] x, double[] y) {
      Shapes.sameLength(name(), x, y);
      double[] z = x.clone();
      DenseKernels.addScaled(sign, y, z);
      return z;
    }
  }

  private static final class Multiply implements Rule<Saved> {
    @Override
    public String name() {
      return "multiply(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[x.size()];
        if (!x.isConst()) {
          DenseKernels.addProduct(1.0, x.shadow(lane), y.primal(), t); // ż += ẋ ⊙ y
        }
        if (!y.isConst()) {
          DenseKernels.addProduct(1.0, x.primal(), y.shadow(lane), t); // ż += x ⊙ ẏ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      return Saved.of(config, args, !y.isConst(), !x.isConst()); // x̄ reads y, ȳ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        DenseKernels.addProduct(1.0, g, Saved.vec(saved, args, 1), x.shadow()); // x̄ += z̄ ⊙ y
      }
      if (!y.isConst()) {
        DenseKernels.addProduct(1.0, g, Saved.vec(saved, args, 0), y.shadow()); // ȳ += z̄ ⊙ x
      }
    }

    private double[] primal(double[] x, double[] y) {
      Shapes.sameLength(name(), x, y);
      double[] z = new double[x.length];
      DenseKernels.addProduct(1.0, x, y, z);
      return z;
    }
  }

  private static final class Divide implements Rule<Saved> {
    @Override
    public String name() {
      return "divide(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double[] z = primal(x.primal(), y.primal());
      out.primal(z);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[x.size()];
        if (!x.isConst()) {
          QuotientKernels.addQuotient(1.0, x.shadow(lane), y.primal(), t); // ż += ẋ ⊘ y
        }
        if (!y.isConst()) {
          QuotientKernels.addProductQuotient(-1.0, z, y.shadow(lane), y.primal(), t);
          // ż −= z ⊙ ẏ ⊘ y
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(primal(x.primal(), y.primal()));
      return Saved.of(config, args, false, !x.isConst() || !y.isConst()); // x̄, ȳ read y and z
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double[] g = out.adjoint();
      double[] ys = Saved.vec(saved, args, 1);
      if (!x.isConst()) {
        QuotientKernels.addQuotient(1.0, g, ys, x.shadow()); // x̄ += z̄ ⊘ y
      }
      if (!y.isConst()) {
        QuotientKernels.addProductQuotient(-1.0, g, out.vectorPrimal(), ys, y.shadow());
        // ȳ −= z̄ ⊙ z ⊘ y
      }
    }

    private double[] primal(double[] x, double[] y) {
      Shapes.sameLength(name(), x, y);
      double[] z = new double[x.length];
      QuotientKernels.addQuotient(1.0, x, y, z);
      return z;
    }
  }
}
