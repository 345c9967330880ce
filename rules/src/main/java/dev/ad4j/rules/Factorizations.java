package dev.ad4j.rules;

import static dev.ad4j.rules.FactorizationKernels.denseSquare;
import static dev.ad4j.rules.FactorizationKernels.lower;
import static dev.ad4j.rules.FactorizationKernels.mult;
import static dev.ad4j.rules.FactorizationKernels.multAdd;
import static dev.ad4j.rules.FactorizationKernels.phi;
import static dev.ad4j.rules.FactorizationKernels.solveLower;
import static dev.ad4j.rules.FactorizationKernels.solveLowerTranspose;
import static dev.ad4j.rules.FactorizationKernels.symmetricFromLower;
import static dev.ad4j.rules.FactorizationKernels.traceOfProduct;
import static dev.ad4j.rules.FactorizationKernels.transpose;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SecondOrderRule;
import dev.ad4j.rules.FactorizationKernels.Lu;

/**
 * Rules on a dense square A through a factorisation of it: {@link #SOLVE}, {@link #SOLVE_MATRIX},
 * {@link #CHOLESKY}, {@link #LOG_DET} and {@link #INVERSE}.
 *
 * <p>A is factorised once per call (LU from Commons Math, Cholesky by a small loop reading only the
 * lower triangle); the augmented primal keeps the factorisation or the output for the reverse pass,
 * never a copy of A, so an overwritten A costs nothing. With A {@code Const} nothing of Ā's
 * formulas is computed: a solve with a constant A and an active b costs one more solve with Aᵀ.
 *
 * <h2>Errors</h2>
 *
 * A sparse or non-square A, a mismatched right-hand side, a singular A (an LU pivot below 1e-11)
 * or, for {@link #CHOLESKY}, an A that is not positive definite throws {@link
 * IllegalArgumentException} naming the rule, before any derivative work.
 */
public final class Factorizations {
  private Factorizations() {}

  /** x = A⁻¹·b; z = A⁻ᵀ·x̄, b̄ += z, Ā −= z·xᵀ; ẋ = A⁻¹·(ḃ − Ȧ·x). */
  public static final Rule<?> SOLVE = new Solve(false);

  /** X = A⁻¹·B; Z = A⁻ᵀ·X̄, B̄ += Z, Ā −= Z·Xᵀ; Ẋ = A⁻¹·(Ḃ − Ȧ·X). */
  public static final Rule<?> SOLVE_MATRIX = new Solve(true);

  /**
   * L = chol(A), L·Lᵀ = A, from A's lower triangle; L̇ = L·Φ(L⁻¹·Ȧₛ·L⁻ᵀ), Ā from S =
   * L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹ folded onto the lower triangle (Murray 2016).
   */
  public static final Rule<?> CHOLESKY = new Cholesky();

  /** y = log|det A|; Ā += ȳ·A⁻ᵀ; ẏ = tr(A⁻¹·Ȧ). */
  public static final Rule<?> LOG_DET = new LogDet();

  /** Y = A⁻¹; Ā −= Yᵀ·Ȳ·Yᵀ; Ẏ = −Y·Ȧ·Y. */
  public static final Rule<?> INVERSE = new Inverse();

  /** What a solve keeps for reverse: the LU of A, and X when Ā is needed (else null). */
  record SolveSaved(Lu lu, double[] x) {}

  /**
   * X = A⁻¹·B for a vector b (m = 1) or a dense n×m B. Derivation: A·X = B gives Ȧ·X + A·Ẋ = Ḃ, so
   * Ẋ = A⁻¹·(Ḃ − Ȧ·X); transposing, ⟨X̄, Ẋ⟩ = ⟨Z, Ḃ⟩ − ⟨Z·Xᵀ, Ȧ⟩ with Z = A⁻ᵀ·X̄.
   */
  private static final class Solve implements SecondOrderRule<SolveSaved> {
    private final boolean matrix;

    Solve(boolean matrix) {
      this.matrix = matrix;
    }

    @Override
    public String name() {
      return matrix ? "solve(A, B)" : "solve(A, b)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      ArrayArg b = (ArrayArg) args.get(1);
      Lu lu = factor(args);
      int m = columns(args);
      double[] x = lu.solve(rightHandSide(args), m);
      setPrimal(out, x, lu.n(), m);
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] r = b.isConst() ? new double[x.length] : b.shadow(lane).clone(); // Ḃ
        if (!a.isConst()) {
          multAdd(-1.0, lu.n(), lu.n(), m, a.shadow(lane), x, r); // − Ȧ·X
        }
        out.tangent(lane, lu.solve(r, m)); // Ẋ = A⁻¹·(Ḃ − Ȧ·X)
      }
    }

    @Override
    public SolveSaved augmentedPrimal(Config config, Args args, Output out) {
      Lu lu = factor(args);
      double[] x = lu.solve(rightHandSide(args), columns(args));
      setPrimal(out, x, lu.n(), columns(args));
      if (args.allConst()) {
        return null;
      }
      return new SolveSaved(lu, args.mat(0).isConst() ? null : x); // Ā reads X, the output
    }

    @Override
    public void reverse(Config config, Args args, Output out, SolveSaved saved) {
      if (saved == null) {
        return; // every argument is Const
      }
      MatArg a = args.mat(0);
      ArrayArg b = (ArrayArg) args.get(1);
      int n = saved.lu().n();
      int m = columns(args);
      double[] z = saved.lu().solveTranspose(out.adjoint(), m); // Z = A⁻ᵀ·X̄
      if (!b.isConst()) {
        DenseKernels.addScaled(1.0, z, b.shadow()); // B̄ += Z
      }
      if (!a.isConst()) {
        double[] xt = transpose(n, m, saved.x());
        multAdd(-1.0, n, m, n, z, xt, a.shadow()); // Ā −= Z·Xᵀ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, SolveSaved saved) {
      MatArg a = adjointTangents.mat(0);
      ArrayArg b = (ArrayArg) adjointTangents.get(1);
      if (saved == null || a.isConst()) {
        return; // with A Const, B̄ = A⁻ᵀ·X̄ does not move
      }
      double[] bDot = b.isConst() ? null : ((ArrayArg) tangents.get(1)).shadow();
      FactorizationSecondOrder.solve(
          saved.lu(),
          columns(adjointTangents),
          saved.x(),
          out.adjoint(),
          tangents.mat(0).shadow(),
          bDot,
          a.shadow(),
          b.isConst() ? null : b.shadow());
    }

    /** The LU of A, after every shape check. */
    private Lu factor(Args args) {
      DenseMatrix a = denseSquare(name(), args.mat(0).primal());
      rightHandSide(args);
      return Lu.of(name(), a);
    }

    /** B's row-major values, after checking that B has A's number of rows. */
    private double[] rightHandSide(Args args) {
      Matrix a = args.mat(0).primal();
      if (!matrix) {
        double[] b = args.vec(1).primal();
        if (b.length != a.rows()) {
          throw Shapes.error(
              name(),
              "A is "
                  + Shapes.dims(a)
                  + " but b has length "
                  + b.length
                  + " (must equal A's number of rows)");
        }
        return b;
      }
      Matrix b = args.mat(1).primal();
      if (!(b instanceof DenseMatrix d) || b.rows() != a.rows()) {
        throw Shapes.error(
            name(),
            "A is "
                + Shapes.dims(a)
                + " but B is "
                + b.describe()
                + " (must be dense with A's number of rows)");
      }
      return d.values();
    }

    private int columns(Args args) {
      return matrix ? args.mat(1).primal().cols() : 1;
    }

    private void setPrimal(Output out, double[] x, int n, int m) {
      if (matrix) {
        out.primal(DenseMatrix.wrap(n, m, x));
      } else {
        out.primal(x);
      }
    }
  }

  /**
   * A = L·Lᵀ from the lower triangle of A; the upper triangle is never read, so its derivative is
   * 0. Forward (Murray 2016, "Differentiation of the Cholesky decomposition"): with Ȧₛ the
   * symmetric matrix built from the lower triangle of Ȧ, L̇ = L·Φ(L⁻¹·Ȧₛ·L⁻ᵀ), Φ keeping the lower
   * triangle and halving the diagonal. Reverse, by transposing each linear step (Φ is
   * self-adjoint): P = Φ(Lᵀ·L̄) with L̄ lower, S = L⁻ᵀ·P·L⁻¹, and ⟨S, Ȧₛ⟩ = Σ_{i>j} (Sᵢⱼ + Sⱼᵢ)·Ȧᵢⱼ
   * + Σᵢ Sᵢᵢ·Ȧᵢᵢ gives Ā on the lower triangle.
   */
  private static final class Cholesky implements SecondOrderRule<double[]> {
    @Override
    public String name() {
      return "cholesky(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      double[] l = factor(a.primal());
      int n = a.primal().rows();
      out.primal(DenseMatrix.wrap(n, n, l));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        out.tangent(lane, a.isConst() ? new double[n * n] : tangent(n, l, a.shadow(lane)));
      }
    }

    @Override
    public double[] augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      double[] l = factor(a.primal());
      int n = a.primal().rows();
      out.primal(DenseMatrix.wrap(n, n, l));
      return a.isConst() ? null : l; // Ā reads L, the output
    }

    @Override
    public void reverse(Config config, Args args, Output out, double[] l) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        addAdjoint(a.primal().rows(), l, out.adjoint(), a.shadow());
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, double[] l) {
      MatArg a = adjointTangents.mat(0);
      if (!a.isConst()) {
        int n = a.primal().rows();
        double[] lDot = tangent(n, l, tangents.mat(0).shadow());
        FactorizationSecondOrder.cholesky(n, l, lDot, out.adjoint(), a.shadow());
      }
    }

    private double[] factor(Matrix a) {
      DenseMatrix d = denseSquare(name(), a);
      double[] l = FactorizationKernels.cholesky(d.rows(), d.values());
      if (l == null) {
        throw Shapes.error(
            name(),
            "A ("
                + Shapes.dims(d)
                + ", read from its lower triangle) is not symmetric positive definite");
      }
      return l;
    }

    /** L̇ = L·Φ(L⁻¹·Ȧₛ·L⁻ᵀ). */
    private static double[] tangent(int n, double[] l, double[] da) {
      double[] m = symmetricFromLower(n, da);
      solveLower(n, l, m, n); // L⁻¹·Ȧₛ
      m = transpose(n, n, m);
      solveLower(n, l, m, n); // L⁻¹·(L⁻¹·Ȧₛ)ᵀ
      phi(n, m); // symmetric, so no transpose back
      return mult(n, n, n, l, m);
    }

    /** Ā += fold(S), S = L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹, reading only the lower triangle of L̄. */
    private static void addAdjoint(int n, double[] l, double[] lBar, double[] aBar) {
      double[] s = mult(n, n, n, transpose(n, n, l), lower(n, lBar));
      phi(n, s); // P
      solveLowerTranspose(n, l, s, n); // L⁻ᵀ·P
      s = transpose(n, n, s);
      solveLowerTranspose(n, l, s, n); // Sᵀ = L⁻ᵀ·(L⁻ᵀ·P)ᵀ
      fold(n, s, aBar);
    }
  }

  /** Ā += S folded onto the lower triangle: Sᵢⱼ + Sⱼᵢ below the diagonal, Sᵢᵢ on it. */
  static void fold(int n, double[] s, double[] aBar) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        aBar[i * n + j] += s[i * n + j] + s[j * n + i];
      }
      aBar[i * n + i] += s[i * n + i];
    }
  }

  /** y = log|det A| via LU (the sign is ignored). Jacobi's formula: ẏ = tr(A⁻¹·Ȧ). */
  private static final class LogDet implements SecondOrderRule<Lu> {
    @Override
    public String name() {
      return "logDet(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      Lu lu = Lu.of(name(), denseSquare(name(), a.primal()));
      out.primal(lu.logAbsDet());
      double[] inverse = config.needsShadow() && !a.isConst() ? lu.inverse() : null;
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        // tr(A⁻¹·Ȧ) = ⟨A⁻ᵀ, Ȧ⟩
        out.tangent(lane, a.isConst() ? 0.0 : traceOfProduct(lu.n(), inverse, a.shadow(lane)));
      }
    }

    @Override
    public Lu augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      Lu lu = Lu.of(name(), denseSquare(name(), a.primal()));
      out.primal(lu.logAbsDet());
      return a.isConst() ? null : lu;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Lu lu) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        double[] inverseT = transpose(lu.n(), lu.n(), lu.inverse());
        DenseKernels.addScaled(out.scalarAdjoint(), inverseT, a.shadow()); // Ā += ȳ·A⁻ᵀ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, Lu lu) {
      MatArg a = adjointTangents.mat(0);
      if (!a.isConst()) {
        FactorizationSecondOrder.logDet(
            lu, out.scalarAdjoint(), tangents.mat(0).shadow(), a.shadow());
      }
    }
  }

  /** Y = A⁻¹ via LU. Differentiating A·Y = I: Ẏ = −Y·Ȧ·Y, whose transpose gives Ā −= Yᵀ·Ȳ·Yᵀ. */
  private static final class Inverse implements SecondOrderRule<double[]> {
    @Override
    public String name() {
      return "inverse(A)";
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      double[] y = invert(a.primal());
      int n = a.primal().rows();
      out.primal(DenseMatrix.wrap(n, n, y));
      for (int lane = 0; config.needsShadow() && lane < config.width(); lane++) {
        double[] t = new double[n * n];
        if (!a.isConst()) {
          double[] yda = mult(n, n, n, y, a.shadow(lane));
          multAdd(-1.0, n, n, n, yda, y, t); // Ẏ = −Y·Ȧ·Y
        }
        out.tangent(lane, t);
      }
    }

    @Override
    public double[] augmentedPrimal(Config config, Args args, Output out) {
      MatArg a = args.mat(0);
      double[] y = invert(a.primal());
      out.primal(DenseMatrix.wrap(a.primal().rows(), a.primal().rows(), y));
      return a.isConst() ? null : y; // Ā reads Y, the output
    }

    @Override
    public void reverse(Config config, Args args, Output out, double[] y) {
      MatArg a = args.mat(0);
      if (!a.isConst()) {
        int n = a.primal().rows();
        double[] yt = transpose(n, n, y);
        double[] ytg = mult(n, n, n, yt, out.adjoint());
        multAdd(-1.0, n, n, n, ytg, yt, a.shadow()); // Ā −= Yᵀ·Ȳ·Yᵀ
      }
    }

    @Override
    public void reverseSecondOrder(
        Config config, Args adjointTangents, Args tangents, Output out, double[] y) {
      MatArg a = adjointTangents.mat(0);
      if (!a.isConst()) {
        int n = a.primal().rows();
        FactorizationSecondOrder.inverse(n, y, out.adjoint(), tangents.mat(0).shadow(), a.shadow());
      }
    }

    private double[] invert(Matrix a) {
      return Lu.of(name(), denseSquare(name(), a)).inverse();
    }
  }
}
