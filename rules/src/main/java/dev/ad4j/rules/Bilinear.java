package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.VecArg;

/**
 * The bilinear form {@link #DOT3}, {@code xᵀ·A·y}, for a dense A and a sparse A of every kind.
 *
 * <h2>Derivation and cost</h2>
 *
 * ∂/∂x = A·y, ∂/∂y = Aᵀ·x, ∂/∂A = x·yᵀ. The augmented primal computes A·y (only when x is active)
 * and Aᵀ·x (only when y is active) in the same single pass over A that gives the value, and saves
 * them; the reverse is then O(n) for x and y, plus O(nnz) for a sparse {@code DOUBLE} A whose
 * adjoint lives on its stored pattern: {@code dA[k] += ḡ·x[row(k)]·y[col(k)]}. Nothing n×n is ever
 * formed. With A {@code Const} (always so for {@code PATTERN} and {@code INTEGER}) there is no dA
 * work and no copy of x or y. For xᵀAx with x passed twice (one value, one shadow) the products go
 * into one buffer, A·x + Aᵀ·x, in the same single pass, and the reverse adds it once.
 */
public final class Bilinear {
  private Bilinear() {}

  /** out = xᵀ·A·y; ∂out/∂x = A·y, ∂out/∂y = Aᵀ·x, ∂out/∂A = x·yᵀ (on A's pattern when sparse). */
  public static final Rule<?> DOT3 = new BilinearForm();

  /**
   * What the reverse reads: A·y for x̄ and Aᵀ·x for ȳ (null for a {@code Const} x or y), and copies
   * of x and y for Ā when they may be overwritten.
   */
  record Products(double[] ay, double[] atx, Saved copies) {}

  private static final class BilinearForm implements SecondOrderRule<Products> {
    @Override
    public String name() {
      return "dot(x, A, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      MatArg a = args.mat(1);
      VecArg y = args.vec(2);
      checkShapes(x, a, y);
      if (!config.needsShadow()) {
        out.primal(MatrixKernels.bilinear(x.primal(), a.primal(), y.primal()));
        return;
      }
      Products p = products(x, a, y, out);
      for (int lane = 0; lane < config.width(); lane++) {
        out.tangent(lane, tangent(x, a, y, p, lane));
      }
    }

    @Override
    public Products augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      MatArg a = args.mat(1);
      VecArg y = args.vec(2);
      checkShapes(x, a, y);
      // xᵀAx with x Duplicated once: x̄ gets Ax + Aᵀx, so one buffer takes both products.
      boolean same =
          !x.isConst() && !y.isConst() && x.primal() == y.primal() && x.shadow() == y.shadow();
      Products p = same ? fusedProducts(x, a, out) : products(x, a, y, out);
      Saved copies = Saved.of(config, args, !a.isConst(), false, !a.isConst()); // Ā reads x, y
      boolean none = p.ay() == null && p.atx() == null && copies == null;
      return none ? null : new Products(p.ay(), p.atx(), copies);
    }

    @Override
    public void reverse(Config config, Args args, Output out, Products saved) {
      VecArg x = args.vec(0);
      MatArg a = args.mat(1);
      VecArg y = args.vec(2);
      double g = out.scalarAdjoint();
      if (saved != null && saved.ay() != null && saved.ay() == saved.atx()) {
        if (x.shadow() != y.shadow()) {
          throw new IllegalStateException(
              name() + ": x and y shared a shadow when recorded but not in reverse");
        }
        DenseKernels.addScaled(g, saved.ay(), x.shadow()); // x̄ (= ȳ) += ḡ·(A·x + Aᵀ·x)
      } else {
        if (!x.isConst()) {
          DenseKernels.addScaled(g, saved.ay(), x.shadow()); // x̄ += ḡ·A·y
        }
        if (!y.isConst()) {
          DenseKernels.addScaled(g, saved.atx(), y.shadow()); // ȳ += ḡ·Aᵀ·x
        }
      }
      if (!a.isConst()) {
        Saved copies = saved == null ? null : saved.copies();
        double[] xs = Saved.vec(copies, args, 0);
        double[] ys = Saved.vec(copies, args, 2);
        MatrixKernels.addOuter(g, xs, ys, a.primal(), a.shadow()); // Ā += ḡ·x·yᵀ
      }
    }

    /**
     * Trilinear in (x, A, y): each adjoint moves with the other two arguments' tangents: x̄˙ +=
     * ḡ·(Ȧ·y + A·ẏ), ȳ˙ += ḡ·(Ȧᵀ·x + Aᵀ·ẋ), Ā˙ += ḡ·(ẋ·yᵀ + x·ẏᵀ), each term only for non-Const
     * arguments.
     */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Products saved) {
      VecArg x = adjointTangents.vec(0);
      MatArg a = adjointTangents.mat(1);
      VecArg y = adjointTangents.vec(2);
      Matrix m = a.primal();
      double g = out.scalarAdjoint();
      double[] xDot = x.isConst() ? null : tangents.vec(0).shadow();
      double[] aDot = a.isConst() ? null : tangents.mat(1).shadow();
      double[] yDot = y.isConst() ? null : tangents.vec(2).shadow();
      if (!x.isConst() && aDot != null) {
        MatrixKernels.multAdd(g, m, aDot, y.primal(), x.shadow()); // x̄˙ += ḡ·Ȧ·y
      }
      if (!x.isConst() && yDot != null) {
        MatrixKernels.multAdd(g, m, yDot, x.shadow()); // x̄˙ += ḡ·A·ẏ
      }
      if (!y.isConst() && aDot != null) {
        MatrixKernels.multTransAdd(g, m, aDot, x.primal(), y.shadow()); // ȳ˙ += ḡ·Ȧᵀ·x
      }
      if (!y.isConst() && xDot != null) {
        MatrixKernels.multTransAdd(g, m, xDot, y.shadow()); // ȳ˙ += ḡ·Aᵀ·ẋ
      }
      if (!a.isConst() && xDot != null) {
        MatrixKernels.addOuter(g, xDot, y.primal(), m, a.shadow()); // Ā˙ += ḡ·ẋ·yᵀ
      }
      if (!a.isConst() && yDot != null) {
        MatrixKernels.addOuter(g, x.primal(), yDot, m, a.shadow()); // Ā˙ += ḡ·x·ẏᵀ
      }
    }

    private void checkShapes(VecArg x, MatArg a, VecArg y) {
      Matrix m = a.primal();
      if (x.size() != m.rows()) {
        throw Shapes.error(
            name(),
            "x has length " + x.size() + " but A is " + Shapes.dims(m) + " (rows must match)");
      }
      if (y.size() != m.cols()) {
        throw Shapes.error(
            name(),
            "y has length " + y.size() + " but A is " + Shapes.dims(m) + " (columns must match)");
      }
    }
  }

  /**
   * Sets the primal xᵀ·A·y and returns A·y if x is not {@code Const} and Aᵀ·x if y is not, all in
   * one pass over A.
   */
  /**
   * For x = y with one shadow: the value and A·x + Aᵀ·x in one buffer (the one pass of a
   * hand-written gradient of xᵀAx), kept as both products.
   */
  private static Products fusedProducts(VecArg x, MatArg a, Output out) {
    Matrix m = a.primal();
    double[] both = new double[m.rows()];
    out.primal(MatrixKernels.bilinearAddProducts(x.primal(), m, x.primal(), both, both));
    return new Products(both, both, null);
  }

  private static Products products(VecArg x, MatArg a, VecArg y, Output out) {
    Matrix m = a.primal();
    double[] ay = x.isConst() ? null : new double[m.rows()];
    double[] atx = y.isConst() ? null : new double[m.cols()];
    double value;
    if (ay != null && atx != null) {
      value = MatrixKernels.bilinearAddProducts(x.primal(), m, y.primal(), ay, atx);
    } else if (ay != null) {
      MatrixKernels.multAdd(1.0, m, y.primal(), ay);
      value = DenseKernels.dot(x.primal(), ay);
    } else if (atx != null) {
      MatrixKernels.multTransAdd(1.0, m, x.primal(), atx);
      value = DenseKernels.dot(atx, y.primal());
    } else {
      value = MatrixKernels.bilinear(x.primal(), m, y.primal());
    }
    out.primal(value);
    return new Products(ay, atx, null);
  }

  /** The tangent of lane {@code lane}: ẋᵀ·A·y + xᵀ·Ȧ·y + xᵀ·A·ẏ, the terms of non-Const args. */
  private static double tangent(VecArg x, MatArg a, VecArg y, Products p, int lane) {
    double t = x.isConst() ? 0.0 : DenseKernels.dot(x.shadow(lane), p.ay());
    t += y.isConst() ? 0.0 : DenseKernels.dot(p.atx(), y.shadow(lane));
    if (!a.isConst()) {
      t += MatrixKernels.bilinear(x.primal(), a.primal(), a.shadow(lane), y.primal());
    }
    return t;
  }
}
