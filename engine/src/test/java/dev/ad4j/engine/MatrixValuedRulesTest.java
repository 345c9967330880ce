package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Rules whose outputs are matrices, chained through the engine in both modes. */
class MatrixValuedRulesTest {
  private static final DenseMatrix A =
      DenseMatrix.of(new double[][] {{4, 1, -2}, {0.5, -3, 1}, {1, 2, 5}});
  private static final double[] B = {1, -2, 0.5};

  @Test
  void logDetOfInverse_reverseGivesMinusAInverseTransposed() {
    // log|det A⁻¹| = −log|det A|, so the gradient is −A⁻ᵀ: two matrix-valued nodes in a chain.
    double[] da = new double[9];
    ReverseResult r =
        Autodiff.reverse((Mat a) -> Linalg.logDet(Linalg.inverse(a)), duplicated(A, da));
    RealMatrix inverse = new LUDecomposition(A.toRealMatrix()).getSolver().getInverse();
    assertEquals(-Math.log(77.5), r.value(), 1e-12);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(-inverse.getEntry(j, i), da[i * 3 + j], 1e-12, "dA[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void logDetOfInverse_forwardGivesMinusTraceOfAInverseADot() {
    double[] aDot = {1, 0, 0.5, -1, 2, 0, 0, 0.25, 1};
    ForwardResult<Scalar> r =
        Autodiff.forward((Mat a) -> Linalg.logDet(Linalg.inverse(a)), duplicated(A, aDot));
    RealMatrix product =
        new LUDecomposition(A.toRealMatrix())
            .getSolver()
            .getInverse()
            .multiply(DenseMatrix.wrap(3, 3, aDot).toRealMatrix());
    assertEquals(-product.getTrace(), r.tangent().value(), 1e-12);
  }

  @Test
  void sumOfSquaresOfSolve_matchesFiniteDifferencesInAAndB() {
    double[] da = new double[9];
    double[] db = new double[3];
    Autodiff.reverse(
        (Mat a, Vec b) -> Linalg.sumOfSquares(Linalg.solve(a, b)),
        duplicated(A, da),
        duplicated(B, db));
    double h = 1e-6;
    for (int k = 0; k < 9; k++) {
      double[] plus = A.values().clone();
      double[] minus = A.values().clone();
      plus[k] += h;
      minus[k] -= h;
      double fd = (solveNorm(plus, B) - solveNorm(minus, B)) / (2 * h);
      assertEquals(fd, da[k], 1e-7, "dA[" + k + "]");
    }
    for (int k = 0; k < 3; k++) {
      double[] plus = B.clone();
      double[] minus = B.clone();
      plus[k] += h;
      minus[k] -= h;
      double fd = (solveNorm(A.values(), plus) - solveNorm(A.values(), minus)) / (2 * h);
      assertEquals(fd, db[k], 1e-7, "db[" + k + "]");
    }
  }

  @Test
  void scaledBooleanMatrix_isADifferentiableSparseOutputWhoseSumHasGradientNnz() {
    SparseMatrix p = SparseMatrix.pattern(3, 3, new int[] {0, 1, 2, 2}, new int[] {1, 1, 0, 2});
    ReverseResult r =
        Autodiff.reverse(
            (Scalar alpha, Mat m) -> Linalg.sum(Linalg.scaleStored(alpha, m)),
            active(2.5),
            constant(p));
    assertEquals(10.0, r.value());
    assertEquals(4.0, r.adjoint(0));
    ForwardResult<Mat> f =
        Autodiff.forward((Scalar alpha) -> Linalg.scaleStored(alpha, p), active(2.5, 1.0));
    assertArrayEquals(
        new double[] {1, 1, 1, 1}, ((SparseMatrix) f.tangent().value()).doubleValues());
  }

  private static double solveNorm(double[] a, double[] b) {
    double[] x =
        new LUDecomposition(DenseMatrix.wrap(3, 3, a).toRealMatrix())
            .getSolver()
            .solve(new org.apache.commons.math3.linear.ArrayRealVector(b))
            .toArray();
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }
}
