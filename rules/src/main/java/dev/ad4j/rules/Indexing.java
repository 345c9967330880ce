package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.VecArg;
import java.util.Arrays;

/**
 * Moving elements around: {@link #gather}, {@link #scatterAdd}, {@link #slice}, {@link #CONCAT}
 * (and the n-ary {@link #concat(int)}), {@link #reshape} and {@link #FLATTEN} (in {@link Reshape}),
 * and the dense-matrix blocks {@link #row}, {@link #column}, {@link #rows}, {@link #block} (in
 * {@link MatrixSlices}).
 *
 * <p>All of them are linear in their arguments, so no reverse pass reads a primal: the augmented
 * primals save nothing, whatever is overwritten. Index arrays and sizes are not arguments but the
 * rule's configuration: each factory copies and validates them, and two rules with the same
 * configuration are equal. An index that only the argument's length can refute (too large) is
 * reported when the rule runs, naming the position, the index and the bound.
 *
 * <h2>Performance</h2>
 *
 * Each pass costs O(size of the output), plus O(n) for the copy of x in {@code scatterAdd}: {@code
 * gather} touches len(idx) elements of x̄, never all n, and a row of A touches one row of Ā.
 */
public final class Indexing {
  private Indexing() {}

  /** z = [x; y]; x̄ += z̄[0, n), ȳ += z̄[n, n + m); ż = [ẋ; ẏ]. */
  public static final Rule<?> CONCAT = new VectorBlocks.Concat(2);

  /** y = the row-major elements of a dense A; Ā += ȳ (same layout); ẏ = Ȧ. */
  public static final Rule<?> FLATTEN = Reshape.FLATTEN;

  /**
   * y_k = x[idx_k] (repeats allowed); x̄[idx_k] += ȳ_k; ẏ_k = ẋ[idx_k].
   *
   * @param idx the positions to read, each non-negative. Not modified (copied).
   * @throws IllegalArgumentException if {@code idx} is null or holds a negative index
   */
  public static Rule<?> gather(int[] idx) {
    return new Gather(checked("gather(x, idx)", idx));
  }

  /**
   * y = x with y[idx_k] += v_k (repeats accumulate); x̄ += ȳ, v̄_k += ȳ[idx_k]; ẏ = ẋ, ẏ[idx_k] +=
   * v̇_k.
   *
   * @param idx where each element of v is added, each non-negative. Not modified (copied).
   * @throws IllegalArgumentException if {@code idx} is null or holds a negative index
   */
  public static Rule<?> scatterAdd(int[] idx) {
    return new ScatterAdd(checked("scatterAdd(x, idx, v)", idx));
  }

  /**
   * y = x[from, to); x̄[from + i] += ȳ_i; ẏ = ẋ[from, to).
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to}
   */
  public static Rule<?> slice(int from, int to) {
    VectorBlocks.checkRange("slice(x, from, to)", from, to);
    return new VectorBlocks.Slice(from, to);
  }

  /**
   * z = [x_1; ...; x_count] for {@code count} vectors; x̄_j += its block of z̄; ż = [ẋ_1; ...].
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public static Rule<?> concat(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("concat(x1, ...): count must be at least 1, got " + count);
    }
    return count == 2 ? CONCAT : new VectorBlocks.Concat(count);
  }

  /**
   * Y = a dense rows×cols matrix holding the row-major elements of a dense matrix or a vector; Ā +=
   * Ȳ (same layout); Ẏ = Ȧ.
   *
   * @throws IllegalArgumentException if a dimension is negative
   */
  public static Rule<?> reshape(int rows, int cols) {
    return Reshape.to(rows, cols);
  }

  /**
   * y = row i of a dense A; Ā[i, j] += ȳ_j; ẏ = row i of Ȧ.
   *
   * @throws IllegalArgumentException if {@code i} is negative
   */
  public static Rule<?> row(int i) {
    nonNegative("row(a, i)", "i", i);
    return new MatrixSlices("row(a, " + i + ")", i, i + 1, 0, MatrixSlices.END, true);
  }

  /**
   * y = column j of a dense A; Ā[i, j] += ȳ_i; ẏ = column j of Ȧ.
   *
   * @throws IllegalArgumentException if {@code j} is negative
   */
  public static Rule<?> column(int j) {
    nonNegative("column(a, j)", "j", j);
    return new MatrixSlices("column(a, " + j + ")", 0, MatrixSlices.END, j, j + 1, true);
  }

  /**
   * Y = rows [from, to) of a dense A, a dense matrix; Ā[from + i, j] += Ȳ_ij; Ẏ = those rows of Ȧ.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to}
   */
  public static Rule<?> rows(int from, int to) {
    VectorBlocks.checkRange("rows(a, from, to)", from, to);
    String name = "rows(a, " + from + ":" + to + ")";
    return new MatrixSlices(name, from, to, 0, MatrixSlices.END, false);
  }

  /**
   * Y = A[r0:r1, c0:c1] of a dense A, a dense matrix; Ā[r0 + i, c0 + j] += Ȳ_ij; Ẏ = Ȧ[r0:r1,
   * c0:c1].
   *
   * @throws IllegalArgumentException unless {@code 0 <= r0 <= r1} and {@code 0 <= c0 <= c1}
   */
  public static Rule<?> block(int r0, int r1, int c0, int c1) {
    VectorBlocks.checkRange("block(a, r0, r1, c0, c1)", r0, r1);
    VectorBlocks.checkRange("block(a, r0, r1, c0, c1)", c0, c1);
    String name = "block(a, " + r0 + ":" + r1 + ", " + c0 + ":" + c1 + ")";
    return new MatrixSlices(name, r0, r1, c0, c1, false);
  }

  private static void nonNegative(String rule, String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(rule + ": " + what + " = " + value + " is negative");
    }
  }

  /** A copy of {@code idx} after checking it is non-null and non-negative. */
  private static int[] checked(String rule, int[] idx) {
    if (idx == null) {
      throw new IllegalArgumentException(rule + ": idx must not be null");
    }
    int[] copy = idx.clone();
    for (int k = 0; k < copy.length; k++) {
      if (copy[k] < 0) {
        throw new IllegalArgumentException(rule + ": idx[" + k + "] = " + copy[k] + " is negative");
      }
    }
    return copy;
  }

  /**
   * Throws unless every index is below {@code n}, the length of x. Takes the rule, not its name, so
   * the name is built only for the message.
   */
  private static void checkRange(Rule<?> rule, int[] idx, int n) {
    for (int k = 0; k < idx.length; k++) {
      if (idx[k] >= n) {
        throw Shapes.error(
            rule.name(), "idx[" + k + "] = " + idx[k] + " is out of range for x of length " + n);
      }
    }
  }

  /** y_k = x[idx_k]. */
  private static double[] gathered(int[] idx, double[] x) {
    double[] y = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      y[k] = x[idx[k]];
    }
    return y;
  }

  /** y[idx_k] += v_k. */
  private static void addScattered(int[] idx, double[] v, double[] y) {
    for (int k = 0; k < idx.length; k++) {
      y[idx[k]] += v[k];
    }
  }

  /** y_k = x[idx_k]: a linear map whose adjoint scatters ȳ back into x̄. */
  private static final class Gather extends Linear {
    private final int[] idx;

    Gather(int[] idx) {
      this.idx = idx;
    }

    @Override
    public String name() {
      return "gather(x, idx[" + idx.length + "])";
    }

    @Override
    double[] primal(Args args) {
      double[] x = args.vec(0).primal();
      checkRange(this, idx, x.length);
      return gathered(idx, x);
    }

    @Override
    double[] tangent(Args args, int lane) {
      VecArg x = args.vec(0);
      return x.isConst() ? new double[idx.length] : gathered(idx, x.shadow(lane)); // ẏ_k = ẋ[idx_k]
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        addScattered(idx, out.adjoint(), x.shadow()); // x̄[idx_k] += ȳ_k
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Gather g && Arrays.equals(idx, g.idx);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(idx);
    }
  }

  /** y = x, y[idx_k] += v_k; ∂y/∂x = I and ∂y/∂v scatters, so v̄ gathers ȳ. */
  private static final class ScatterAdd extends Linear {
    private final int[] idx;

    ScatterAdd(int[] idx) {
      this.idx = idx;
    }

    @Override
    public String name() {
      return "scatterAdd(x, idx[" + idx.length + "], v)";
    }

    @Override
    double[] primal(Args args) {
      double[] x = args.vec(0).primal();
      double[] v = args.vec(1).primal();
      if (v.length != idx.length) {
        throw Shapes.error(
            name(), "v has length " + v.length + " but idx has length " + idx.length);
      }
      checkRange(this, idx, x.length);
      double[] y = x.clone();
      addScattered(idx, v, y);
      return y;
    }

    @Override
    double[] tangent(Args args, int lane) {
      VecArg x = args.vec(0);
      VecArg v = args.vec(1);
      double[] t = x.isConst() ? new double[x.size()] : x.shadow(lane).clone(); // ẏ = ẋ
      if (!v.isConst()) {
        addScattered(idx, v.shadow(lane), t); // ẏ[idx_k] += v̇_k
      }
      return t;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      VecArg v = args.vec(1);
      double[] g = out.adjoint();
      if (!x.isConst()) {
        DenseKernels.addScaled(1.0, g, x.shadow()); // x̄ += ȳ
      }
      if (!v.isConst()) {
        double[] dv = v.shadow();
        for (int k = 0; k < idx.length; k++) {
          dv[k] += g[idx[k]]; // v̄_k += ȳ[idx_k]
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ScatterAdd s && Arrays.equals(idx, s.idx);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(idx) + 1;
    }
  }
}
