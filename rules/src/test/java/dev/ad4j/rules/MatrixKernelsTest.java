package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixKernelsTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(29);

  @Test
  void denseAndSparseOfSameMatrix_giveSameResults() {
    SparseMatrix s = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    DenseMatrix d = DenseMatrix.of(s.toArray());
    double[] x = random(random, 3);
    double[] y = random(random, 4);
    assertEquals(MatrixKernels.bilinear(x, d, y), MatrixKernels.bilinear(x, s, y), EPS);
    double[] fromDense = new double[3];
    double[] fromSparse = new double[3];
    MatrixKernels.multAdd(1.0, d, y, fromDense);
    MatrixKernels.multAdd(1.0, s, y, fromSparse);
    assertArrayEquals(fromDense, fromSparse, EPS);
    double[] tDense = new double[4];
    double[] tSparse = new double[4];
    MatrixKernels.multTransAdd(1.0, d, x, tDense);
    MatrixKernels.multTransAdd(1.0, s, x, tSparse);
    assertArrayEquals(tDense, tSparse, EPS);
  }

  @Test
  void addOuter_sparseTouchesOnlyStoredEntries() {
    SparseMatrix s =
        SparseMatrix.ofDoubles(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {5, 6});
    double[] ds = new double[2];
    MatrixKernels.addOuter(1.0, new double[] {1, 2}, new double[] {3, 4}, s, ds);
    assertArrayEquals(new double[] {1 * 4, 2 * 3}, ds);
  }

  @Test
  void copyOf_isUnaffectedByLaterWritesToTheOriginal() {
    double[] values = {1, 2};
    Matrix dense = MatrixKernels.copyOf(DenseMatrix.wrap(1, 2, values));
    SparseMatrix s = SparseMatrix.ofDoubles(1, 2, new int[] {0}, new int[] {1}, new double[] {3});
    Matrix sparseCopy = MatrixKernels.copyOf(s);
    SparseMatrix ints = SparseMatrix.ofIntegers(1, 2, new int[] {0}, new int[] {0}, new int[] {7});
    Matrix intCopy = MatrixKernels.copyOf(ints);
    Arrays.fill(values, Double.NaN);
    s.doubleValues()[0] = Double.NaN;
    ints.intValues()[0] = -1;
    assertArrayEquals(new double[] {1, 2}, ((DenseMatrix) dense).values());
    assertEquals(3.0, ((SparseMatrix) sparseCopy).get(0, 1));
    assertEquals(7.0, ((SparseMatrix) intCopy).get(0, 0));
    assertNotSame(s, sparseCopy);
  }

  @Test
  void copyOf_patternReturnsSameMatrix() {
    SparseMatrix p = SparseMatrix.columnVector(3, 1);
    assertSame(p, MatrixKernels.copyOf(p));
  }
}
