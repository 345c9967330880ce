package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Y = f(A) on A's stored entries for an easy-tier scalar rule f (built by {@link
 * SparseOps#mapValues}): Ẏₖ = f'(Aₖ, Yₖ)·Ȧₖ, Āₖ += f'(Aₖ, Yₖ)·Ȳₖ. The derivative is evaluated only
 * when A is not {@code Const}; the reverse pass reads A's values (copied only when they may be
 * overwritten) and Y, the output. Structural zeros of a sparse A stay zero: Y keeps A's pattern.
 *
 * <p>A record, so two rules for the same {@code f} are equal.
 */
record SparseMapValues(UnaryScalarRule f) implements SecondOrderRule<Saved> {
  @Override
  public String name() {
    return "mapValues(" + f.name() + ", A)";
  }

  @Override
  public void forward(Config config, Args args, Output out) {
    MatArg a = args.mat(0);
    Matrix y = primal(a.primal());
    out.primal(y);
    double[] d = config.needsShadow() && !a.isConst() ? derivatives(a.primal(), y) : null;
    for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
      double[] t = new double[y.shadowSize()];
      if (d != null) {
        DenseKernels.addProduct(1.0, d, a.shadow(lane), t); // Ẏ += f'(A) ⊙ Ȧ
      }
      out.tangent(lane, t);
    }
  }

  @Override
  public Saved augmentedPrimal(Config config, Args args, Output out) {
    MatArg a = args.mat(0);
    out.primal(primal(a.primal()));
    return Saved.of(config, args, !a.isConst()); // Ā reads A (and Y, the output)
  }

  @Override
  public void reverse(Config config, Args args, Output out, Saved saved) {
    MatArg a = args.mat(0);
    if (!a.isConst()) {
      double[] x = StoredKernels.doubles(Saved.mat(saved, args, 0));
      double[] y = StoredKernels.doubles(out.matrixPrimal());
      double[] g = out.adjoint();
      double[] da = a.shadow();
      for (int k = 0; k < da.length; k++) {
        if (g[k] != 0.0) { // a zero adjoint contributes zero; f' is not evaluated for it
          da[k] += f.derivative(x[k], y[k]) * g[k]; // Āₖ += f'(Aₖ)·Ȳₖ
        }
      }
    }
  }

  /** Āₖ = f'(Aₖ)·Ȳₖ moves by f''(Aₖ)·Ȧₖ·Ȳₖ. */
  @Override
  public void reverseSecondOrder(
      Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
    MatArg a = adjointTangents.mat(0);
    if (!a.isConst()) {
      double[] x = StoredKernels.doubles(a.primal());
      double[] y = StoredKernels.doubles(out.matrixPrimal());
      double[] g = out.adjoint();
      double[] aDot = tangents.mat(0).shadow();
      double[] da = a.shadow();
      for (int k = 0; k < da.length; k++) {
        da[k] += f.secondDerivative(x[k], y[k]) * aDot[k] * g[k];
      }
    }
  }

  private Matrix primal(Matrix a) {
    double[] y = new double[a.shadowSize()];
    StoredKernels.map(f, a, y);
    return StoredKernels.withValues(a, y);
  }

  /** f'(Aₖ, Yₖ) per stored entry, for a differentiable (dense or {@code DOUBLE}) A. */
  private double[] derivatives(Matrix a, Matrix y) {
    double[] x = StoredKernels.doubles(a);
    double[] v = StoredKernels.doubles(y);
    double[] d = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      d[k] = f.derivative(x[k], v[k]);
    }
    return d;
  }
}
