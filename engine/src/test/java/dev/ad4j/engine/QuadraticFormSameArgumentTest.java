package dev.ad4j.engine;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.api.Test;

/**
 * {@code dot(x, A, x)} with x passed twice: the rule keeps A·x + Aᵀ·x in one buffer. Checked
 * against the closed forms for a non-symmetric A (where A·x and Aᵀ·x differ).
 */
class QuadraticFormSameArgumentTest {
  private static final double[][] A = {{1, 2, 0}, {-3, 0.5, 4}, {0, 1, -2}};
  private static final double[] X = {0.7, -1.1, 2.0};

  private static double[] symmetricTimes(double[] v) {
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[i] += (A[i][j] + A[j][i]) * v[j];
      }
    }
    return out;
  }

  @Test
  void gradientIsASymmetrisedTimesX_dense() {
    DenseMatrix a = DenseMatrix.of(A);
    double[] dx = new double[3];
    double value =
        Autodiff.reverse((Vec x, Mat m) -> Linalg.dot(x, m, x), duplicated(X, dx), constant(a))
            .value();
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        expected += X[i] * A[i][j] * X[j];
      }
    }
    assertEquals(expected, value, 1e-12);
    assertArrayEquals(symmetricTimes(X), dx, 1e-12);
  }

  @Test
  void gradientOfXAndOfTheStoredEntries_sparseDuplicated() {
    // The stored entries of A: (0,0) 1, (0,1) 2, (1,0) -3, (1,1) .5, (1,2) 4, (2,1) 1, (2,2) -2.
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3,
            3,
            new int[] {0, 0, 1, 1, 1, 2, 2},
            new int[] {0, 1, 0, 1, 2, 1, 2},
            new double[] {1, 2, -3, 0.5, 4, 1, -2});
    double[] dx = new double[3];
    double[] da = new double[7];
    Autodiff.reverse((Vec x, Mat m) -> Linalg.dot(x, m, x), duplicated(X, dx), duplicated(a, da));
    assertArrayEquals(symmetricTimes(X), dx, 1e-12);
    int[] rows = {0, 0, 1, 1, 1, 2, 2};
    int[] cols = {0, 1, 0, 1, 2, 1, 2};
    for (int k = 0; k < 7; k++) {
      assertEquals(X[rows[k]] * X[cols[k]], da[k], 1e-12, "dA at stored entry " + k);
    }
  }

  @Test
  void hessianVectorProductIsASymmetrised() {
    DenseMatrix a = DenseMatrix.of(A);
    double[] v = {1, -2, 0.5};
    HessianVectorProduct hv = Autodiff.hessianVector(x -> Linalg.dot(x, a, x), X, v);
    assertArrayEquals(symmetricTimes(X), hv.gradient(), 1e-12);
    assertArrayEquals(symmetricTimes(v), hv.hessianVector(), 1e-12);
  }
}
