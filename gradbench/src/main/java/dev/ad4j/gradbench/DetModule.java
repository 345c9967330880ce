package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;

/**
 * det: {@code primal} {A:[ℓ²] row-major, ell} ↦ det A by expansion by minors, written as ad4j
 * scalar code; {@code gradient} its gradient [ℓ²] (the cofactor matrix) by ad4j's reverse mode.
 *
 * <p>The Laplace expansion runs along the rows, top to bottom: the minor of rows r…ℓ−1 and a set of
 * ℓ−r columns is Σₖ (−1)ᵏ A[r][cₖ]·minor(r+1, columns without cₖ), cₖ the k-th remaining column. A
 * minor depends only on its column set, so each is computed once and shared (memoized by a column
 * bitmask): ℓ·2^ℓ scalar operations instead of ℓ!, the same sums in the same order. Hence ℓ ≤
 * {@value #MAX_ELL}.
 */
final class DetModule implements EvalModule {
  static final int MAX_ELL = 24;

  @Override
  public String name() {
    return "det";
  }

  @Override
  public Run prepare(String function, Object input) {
    var fields = Fields.object(input, "det input");
    double[] a = Fields.numbers(fields, "A");
    int ell = Fields.integer(fields, "ell");
    if (ell < 0 || ell > MAX_ELL || a.length != ell * ell) {
      throw new IllegalArgumentException(
          "det: need 0 <= ell <= "
              + MAX_ELL
              + " and A of length ell², got ell = "
              + ell
              + " and "
              + a.length
              + " entries");
    }
    return switch (function) {
      case "primal" -> () -> det(Vec.constant(a), ell).value();
      case "gradient" -> () -> Autodiff.gradient(v -> det(v, ell), a);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  static Scalar det(Vec a, int ell) {
    return minor(a, ell, (1 << ell) - 1, new Scalar[1 << ell]);
  }

  /** The minor of the last bitCount(columns) rows and these columns. */
  private static Scalar minor(Vec a, int ell, int columns, Scalar[] memo) {
    if (columns == 0) {
      return Scalar.constant(1);
    }
    if (memo[columns] != null) {
      return memo[columns];
    }
    int row = ell - Integer.bitCount(columns);
    Scalar sum = null;
    int k = 0;
    for (int c = 0; c < ell; c++) {
      if ((columns & (1 << c)) == 0) {
        continue;
      }
      Scalar term = a.get(row * ell + c).times(minor(a, ell, columns & ~(1 << c), memo));
      sum = sum == null ? term : (k % 2 == 0 ? sum.plus(term) : sum.minus(term));
      k++;
    }
    memo[columns] = sum;
    return sum;
  }
}
