package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.VecArg;

/**
 * Matrix-valued products and their companions: {@link #TIMES} (A·B), {@link #TRANSPOSE} (Aᵀ),
 * {@link #OUTER} (x·yᵀ) and {@link #TRACE} (Σ Aᵢᵢ).
 *
 * <h2>Sparse matrices</h2>
 *
 * A may be sparse of every kind in {@link #TIMES}, {@link #TRANSPOSE} and {@link #TRACE}; a sparse
 * {@code DOUBLE} A's adjoint lives on its stored pattern, so nothing rows×cols is formed for it:
 * {@code Ā_k += Σ_c C̄[i,c]·B[j,c]} for each stored (i, j), O(nnz·n). {@code PATTERN} and {@code
 * INTEGER} matrices are always {@code Const}.
 *
 * <h2>Derivation</h2>
 *
 * C = A·B is bilinear: dC = dA·B + A·dB, so ⟨C̄, dC⟩ = ⟨C̄·Bᵀ, dA⟩ + ⟨Aᵀ·C̄, dB⟩. Transpose and
 * trace are linear: their reverse reads no primal, so nothing is ever saved for them but the CSR
 * transpose's entry permutation.
 */
public final class MatMul {
  private MatMul() {}

  /** C = A·B; Ā += C̄·Bᵀ (on A's pattern when sparse), B̄ += Aᵀ·C̄; Ċ = Ȧ·B + A·Ḃ. */
  public static final Rule<?> TIMES = new Times();

  /** Y = Aᵀ; Ā += Ȳᵀ (entry by entry through the CSR permutation when sparse); Ẏ = Ȧᵀ. */
  public static final Rule<?> TRANSPOSE = new Transpose();

  /** Y = x·yᵀ; x̄ += Ȳ·y, ȳ += Ȳᵀ·x; Ẏ = ẋ·yᵀ + x·ẏᵀ. */
  public static final Rule<?> OUTER = new Outer();

  /** t = Σ Aᵢᵢ for a square A; Ā += t̄·I (on stored diagonal entries when sparse); ṫ = Σ Ȧᵢᵢ. */
  public static final Rule<?> TRACE = new DiagonalSum();

  /** C = A·B for A dense or sparse (any kind) m×k and B dense k×n. */
  private static final class Times implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "times(A, B)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      MatArg b = args.mat(1);
      DenseMatrix bm = checkShapes(a.primal(), b.primal());
      int n = bm.cols();
      out.primal(product(a.primal(), bm));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[a.primal().rows() * n];
        if (!a.isConst()) {
          MatMulKernels.multAdd(a.primal(), a.shadow(lane), bm.values(), n, t); // Ċ += Ȧ·B
        }
        if (!b.isConst()) {
          MatMulKernels.multAdd(a.primal(), b.shadow(lane), n, t); // Ċ += A·Ḃ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      MatArg b = args.mat(1);
      out.primal(product(a.primal(), checkShapes(a.primal(), b.primal())));
      return Saved.of(config, args, !b.isConst(), !a.isConst()); // B̄ reads A, Ā reads B
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      MatArg a = args.mat(0);
      MatArg b = args.mat(1);
      double[] g = out.adjoint();
      int n = b.primal().cols();
      if (!a.isConst()) {
        double[] bv = ((DenseMatrix) Saved.mat(saved, args, 1)).values();
        MatMulKernels.addTimesTranspose(g, bv, n, a.primal(), a.shadow()); // Ā += C̄·Bᵀ
      }
      if (!b.isConst()) {
        MatMulKernels.multTransAdd(Saved.mat(saved, args, 0), g, n, b.shadow()); // B̄ += Aᵀ·C̄
      }
    }

    /**
     * Bilinear: Ā˙ += C̄·Ḃᵀ (on A's pattern when sparse) and B̄˙ += Ȧᵀ·C̄, when both are active.
     */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      MatArg a = adjointTangents.mat(0);
      MatArg b = adjointTangents.mat(1);
      if (a.isConst() || b.isConst()) {
        return;
      }
      double[] g = out.adjoint();
      int n = b.primal().cols();
      MatMulKernels.addTimesTranspose(g, tangents.mat(1).shadow(), n, a.primal(), a.shadow());
      MatMulKernels.multTransAdd(a.primal(), tangents.mat(0).shadow(), g, n, b.shadow());
    }

    private DenseMatrix product(Matrix a, DenseMatrix b) {
      double[] c = new double[a.rows() * b.cols()];
      MatMulKernels.multAdd(a, b.values(), b.cols(), c);
      return DenseMatrix.wrap(a.rows(), b.cols(), c);
    }

    /** B as a dense matrix whose rows match A's columns; otherwise the error naming both shapes. */
    private DenseMatrix checkShapes(Matrix a, Matrix b) {
      if (!(b instanceof DenseMatrix bm)) {
        throw Shapes.error(name(), "B must be dense, got " + b.describe() + " (A is any matrix)");
      }
      if (a.cols() != b.rows()) {
        throw Shapes.error(
            name(),
            "A is "
                + Shapes.dims(a)
                + " but B is "
                + Shapes.dims(b)
                + " (B's rows must equal A's columns)");
      }
      return bm;
    }
  }

  /**
   * Y = Aᵀ. Dense: a row-major transpose. Sparse: a CSR transpose of A's kind whose entry kk is A's
   * entry {@code permutation[kk]}; the tangent and adjoint follow the same permutation, O(nnz). The
   * augmented primal saves the permutation, only when A is not {@code Const}.
   */
  private static final class Transpose implements SecondOrderRule<int[]> {
    @Override
    public String name() {
      return "transpose(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      Matrix m = a.primal();
      int[] permutation = newPermutation(m);
      out.primal(transpose(m, permutation));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t =
            a.isConst()
                ? new double[m.shadowSize()]
                : transposeShadow(m, a.shadow(lane), permutation);
        out.tangent(lane, t); // Ẏ = Ȧᵀ
      }
    }

    @Override
    public int[] augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      int[] permutation = newPermutation(a.primal());
      out.primal(transpose(a.primal(), permutation));
      return a.isConst() ? null : permutation; // the reverse reads only the permutation
    }

    @Override
    public void reverse(Config config, Args args, Output out, int[] permutation) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        double[] g = out.adjoint();
        double[] da = a.shadow();
        if (permutation != null) {
          for (int kk = 0; kk < g.length; kk++) {
            da[permutation[kk]] += g[kk]; // Ā_k += Ȳ at the transposed entry
          }
        } else {
          MatMulKernels.addTranspose(a.primal().cols(), a.primal().rows(), g, da); // Ā += Ȳᵀ
        }
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, int[] permutation) {
      // Linear: the reverse does not depend on A.
    }

    /** Room for a sparse A's entry permutation; null for a dense A, which needs none. */
    private static int[] newPermutation(Matrix a) {
      return a instanceof SparseMatrix s ? new int[s.nnz()] : null;
    }

    private static Matrix transpose(Matrix a, int[] permutation) {
      if (a instanceof SparseMatrix s) {
        return MatMulKernels.transpose(s, permutation);
      }
      double[] values = ((DenseMatrix) a).values();
      return DenseMatrix.wrap(
          a.cols(), a.rows(), MatMulKernels.transpose(a.rows(), a.cols(), values));
    }

    private static double[] transposeShadow(Matrix a, double[] shadow, int[] permutation) {
      return permutation != null
          ? MatMulKernels.permute(shadow, permutation)
          : MatMulKernels.transpose(a.rows(), a.cols(), shadow);
    }
  }

  /** Y = x·yᵀ, dense m×n for x of length m and y of length n. */
  private static final class Outer implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "outer(x, y)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(outer(x.primal(), y.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[x.size() * y.size()];
        if (!x.isConst()) {
          DenseKernels.addOuter(1.0, x.shadow(lane), y.primal(), t); // Ẏ += ẋ·yᵀ
        }
        if (!y.isConst()) {
          DenseKernels.addOuter(1.0, x.primal(), y.shadow(lane), t); // Ẏ += x·ẏᵀ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      out.primal(outer(x.primal(), y.primal()));
      return Saved.of(config, args, !y.isConst(), !x.isConst()); // x̄ reads y, ȳ reads x
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      VecArg x = args.vec(0);
      VecArg y = args.vec(1);
      double[] g = out.adjoint();
      int m = x.size();
      int n = y.size();
      if (!x.isConst()) {
        DenseKernels.multAdd(1.0, m, n, g, Saved.vec(saved, args, 1), x.shadow()); // x̄ += Ȳ·y
      }
      if (!y.isConst()) {
        DenseKernels.multTransAdd(1.0, m, n, g, Saved.vec(saved, args, 0), y.shadow()); // ȳ += Ȳᵀ·x
      }
    }

    /** Bilinear: x̄˙ += Ȳ·ẏ and ȳ˙ += Ȳᵀ·ẋ, when both are active. */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      VecArg x = adjointTangents.vec(0);
      VecArg y = adjointTangents.vec(1);
      if (!x.isConst() && !y.isConst()) {
        double[] g = out.adjoint();
        DenseKernels.multAdd(1.0, x.size(), y.size(), g, tangents.vec(1).shadow(), x.shadow());
        DenseKernels.multTransAdd(1.0, x.size(), y.size(), g, tangents.vec(0).shadow(), y.shadow());
      }
    }

    private static DenseMatrix outer(double[] x, double[] y) {
      double[] values = new double[x.length * y.length];
      DenseKernels.addOuter(1.0, x, y, values);
      return DenseMatrix.wrap(x.length, y.length, values);
    }
  }

  /** t = Σ Aᵢᵢ; linear, so the reverse reads no primal and nothing is saved. */
  private static final class DiagonalSum implements SecondOrderRule<Void> {
    @Override
    public String name() {
      return "trace(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      int[] diagonal = diagonal(a.primal());
      out.primal(primal(a.primal(), diagonal));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, a.isConst() ? 0.0 : sumAt(a.shadow(lane), diagonal)); // ṫ = Σ Ȧᵢᵢ
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      out.primal(primal(a.primal(), diagonal(a.primal())));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        double g = out.scalarAdjoint();
        double[] da = a.shadow();
        for (int k : MatMulKernels.diagonalPositions(a.primal())) {
          da[k] += g; // Ā += t̄·I
        }
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
      // Linear: the reverse does not depend on A.
    }

    private int[] diagonal(Matrix a) {
      if (a.rows() != a.cols()) {
        throw Shapes.error(name(), "A is " + Shapes.dims(a) + " but must be square");
      }
      return MatMulKernels.diagonalPositions(a);
    }

    private static double primal(Matrix a, int[] diagonal) {
      if (a instanceof SparseMatrix s) {
        double t = 0.0;
        for (int k : diagonal) {
          t += s.storedValue(k);
        }
        return t;
      }
      return sumAt(((DenseMatrix) a).values(), diagonal);
    }

    private static double sumAt(double[] values, int[] positions) {
      double s = 0.0;
      for (int k : positions) {
        s += values[k];
      }
      return s;
    }
  }
}
