package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnaryScalarRule;

/**
 * Sums, value maps and scaling of a matrix's stored entries: {@link #SUM}, {@link #ROW_SUMS},
 * {@link #COLUMN_SUMS}, {@link #SCALE} and {@link #mapValues}.
 *
 * <h2>Sparse matrices</h2>
 *
 * Each rule reads a sparse matrix of any kind ({@code PATTERN} entries are 1, {@code INTEGER}
 * entries their value) and costs O(rows + nnz) for one: nothing is densified. A {@code DOUBLE}
 * matrix's tangent and adjoint live on its stored pattern ({@code double[nnz]}, CSR order); {@code
 * PATTERN} and {@code INTEGER} matrices are always {@code Const}. The sums and {@link #mapValues}
 * also accept a dense matrix (every element is stored).
 *
 * <h2>Structure of a sparse result</h2>
 *
 * {@link #SCALE} and {@link #mapValues} return a {@code DOUBLE} matrix on the input's pattern that
 * <em>shares</em> its row pointers and column indices ({@link SparseMatrix#withValues}): a sparse
 * matrix is immutable, so only the values are new, O(nnz), and the structure costs nothing.
 */
public final class SparseOps {
  private SparseOps() {}

  /** s = Σ Aₖ over the stored entries (a PATTERN counts them); Āₖ += s̄; ṡ = Σ Ȧₖ. */
  public static final Rule<?> SUM = new Sum();

  /** rᵢ = Σⱼ Aᵢⱼ; Āᵢⱼ += r̄ᵢ (on A's stored entries when sparse); ṙᵢ = Σⱼ Ȧᵢⱼ. */
  public static final Rule<?> ROW_SUMS = new AxisSums(true);

  /** cⱼ = Σᵢ Aᵢⱼ; Āᵢⱼ += c̄ⱼ (on A's stored entries when sparse); ċⱼ = Σᵢ Ȧᵢⱼ. */
  public static final Rule<?> COLUMN_SUMS = new AxisSums(false);

  /**
   * Y = α·A for a scalar α and a sparse A of any kind, Y a {@code DOUBLE} matrix on A's pattern; ᾱ
   * += Σₖ Ȳₖ·Aₖ, Āₖ += α·Ȳₖ; Ẏ = α̇·A + α·Ȧ. With α active, Y is differentiable even for a constant
   * {@code PATTERN} A (α·P). A dense A is rejected: scale it with {@code Linalg.scale}.
   */
  public static final Rule<?> SCALE = new Scale();

  /**
   * Y = f(A) on A's stored entries, for an easy-tier scalar rule f: Yₖ = f(Aₖ); Ẏₖ = f'(Aₖ)·Ȧₖ, Āₖ
   * += f'(Aₖ)·Ȳₖ, f' evaluated only when A is not {@code Const}. Structural zeros of a sparse A
   * stay zero even when f(0) ≠ 0 (Y keeps A's pattern); a dense A maps every element. A {@code
   * PATTERN} or {@code INTEGER} A gives a {@code DOUBLE} Y.
   *
   * <p>Each call returns a new rule; rules for the same {@code f} are {@link Object#equals equal}.
   */
  public static Rule<?> mapValues(UnaryScalarRule f) {
    if (f == null) {
      throw new IllegalArgumentException("mapValues(f, A): f must not be null");
    }
    return new SparseMapValues(f);
  }

  /** Σ of the stored entries: linear, so nothing is saved. */
  private static final class Sum implements SecondOrderRule<Void> {
    @Override
    public String name() {
      return "sum(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      out.primal(StoredKernels.sum(a.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, a.isConst() ? 0.0 : DenseKernels.sum(a.shadow(lane))); // Σ Ȧₖ
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      out.primal(StoredKernels.sum(args.mat(0).primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        double g = out.scalarAdjoint();
        double[] da = a.shadow();
        for (int k = 0; k < da.length; k++) {
          da[k] += g; // Āₖ += s̄
        }
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
      // Linear in A: the reverse does not depend on the primal.
    }
  }

  /** Row sums ({@code rows}) or column sums: linear, so nothing is saved. */
  private static final class AxisSums implements SecondOrderRule<Void> {
    private final boolean rows;

    AxisSums(boolean rows) {
      this.rows = rows;
    }

    @Override
    public String name() {
      return rows ? "rowSums(A)" : "columnSums(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      out.primal(primal(a.primal()));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[rows ? a.primal().rows() : a.primal().cols()];
        if (!a.isConst()) {
          addSums(a.primal(), a.shadow(lane), t); // ṙᵢ = Σⱼ Ȧᵢⱼ, ċⱼ = Σᵢ Ȧᵢⱼ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      out.primal(primal(args.mat(0).primal()));
      return null; // reverse reads only A's structure, which never changes
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        addBroadcast(a.primal(), out.adjoint(), a.shadow()); // Āᵢⱼ += r̄ᵢ, Āᵢⱼ += c̄ⱼ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Void saved) {
      // Linear in A: the reverse does not depend on the primal.
    }

    private double[] primal(Matrix a) {
      return rows ? StoredKernels.rowSums(a) : StoredKernels.columnSums(a);
    }

    /** out += the row (or column) sums of V, V in A's layout. */
    private void addSums(Matrix a, double[] values, double[] out) {
      if (rows) {
        StoredKernels.addRowSums(a, values, out);
      } else {
        StoredKernels.addColumnSums(a, values, out);
      }
    }

    /** dA += g broadcast along the rows (or columns) onto A's stored entries. */
    private void addBroadcast(Matrix a, double[] g, double[] da) {
      if (rows) {
        StoredKernels.addRowBroadcast(a, g, da);
      } else {
        StoredKernels.addColumnBroadcast(a, g, da);
      }
    }
  }

  /** α·A on A's pattern; the reverse reads A only for ᾱ. */
  private static final class Scale implements SecondOrderRule<Saved> {
    @Override
    public String name() {
      return "scaleStored(alpha, A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      ScalarArg alpha = args.scalar(0);
      MatArg a = args.mat(1);
      SparseMatrix s = sparse(a.primal());
      out.primal(scaled(alpha.primal(), s));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[s.nnz()];
        if (!alpha.isConst()) {
          StoredKernels.addScaled(alpha.tangent(lane), s, t); // Ẏ += α̇·A
        }
        if (!a.isConst()) {
          DenseKernels.addScaled(alpha.primal(), a.shadow(lane), t); // Ẏ += α·Ȧ
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public Saved augmentedPrimal(Config config, Args args, Output out) {
      ScalarArg alpha = args.scalar(0);
      out.primal(scaled(alpha.primal(), sparse(args.mat(1).primal())));
      return Saved.of(config, args, false, !alpha.isConst()); // ᾱ reads A; Ā reads only α
    }

    @Override
    public void reverse(Config config, Args args, Output out, Saved saved) {
      ScalarArg alpha = args.scalar(0);
      MatArg a = args.mat(1);
      double[] g = out.adjoint();
      if (!alpha.isConst()) {
        SparseMatrix s = (SparseMatrix) Saved.mat(saved, args, 1);
        alpha.addAdjoint(StoredKernels.dot(s, g)); // ᾱ += Σₖ Ȳₖ·Aₖ
      }
      if (!a.isConst()) {
        DenseKernels.addScaled(alpha.primal(), g, a.shadow()); // Āₖ += α·Ȳₖ
      }
    }

    /** Bilinear in (α, A): ᾱ˙ += Σₖ Ȳₖ·Ȧₖ and Ā˙ₖ += α̇·Ȳₖ, when both are non-Const. */
    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Saved saved) {
      ScalarArg alpha = adjointTangents.scalar(0);
      MatArg a = adjointTangents.mat(1);
      if (!alpha.isConst() && !a.isConst()) {
        double[] g = out.adjoint();
        alpha.addAdjoint(DenseKernels.dot(g, tangents.mat(1).shadow()));
        DenseKernels.addScaled(tangents.scalar(0).tangent(0), g, a.shadow());
      }
    }

    private SparseMatrix sparse(Matrix a) {
      if (a instanceof SparseMatrix s) {
        return s;
      }
      throw Shapes.error(
          name(),
          "A is a "
              + a.describe()
              + " but scaleStored scales the stored entries of a sparse matrix;"
              + " scale a dense matrix with Linalg.scale(alpha, A)");
    }

    private static SparseMatrix scaled(double alpha, SparseMatrix a) {
      double[] values = new double[a.nnz()];
      StoredKernels.addScaled(alpha, a, values);
      return a.withValues(values);
    }
  }
}
