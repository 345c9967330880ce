package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class SparseMatrixTest {
  @Test
  void pattern_fromCoordinates_sortsRowsAndColumnsAndMergesDuplicates() {
    SparseMatrix p =
        SparseMatrix.pattern(3, 4, new int[] {2, 0, 0, 2, 0}, new int[] {1, 3, 0, 1, 2});
    assertArrayEquals(new int[] {0, 3, 3, 4}, p.rowPointers());
    assertArrayEquals(new int[] {0, 2, 3, 1}, p.columnIndices());
    assertEquals(SparseMatrix.Kind.PATTERN, p.kind());
    assertEquals(1.0, p.get(2, 1));
    assertEquals(0.0, p.get(1, 1));
    assertFalse(p.isDifferentiable());
  }

  @Test
  void doubles_fromCoordinates_sumDuplicates() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            2, 2, new int[] {1, 0, 1}, new int[] {0, 1, 0}, new double[] {1, 2, 3});
    assertEquals(2, a.nnz());
    assertEquals(4.0, a.get(1, 0));
    assertEquals(2.0, a.get(0, 1));
    assertTrue(a.isDifferentiable());
  }

  @Test
  void integers_areReadAsDoublesButNeverDifferentiable() {
    SparseMatrix a =
        SparseMatrix.ofIntegers(1, 3, new int[] {0, 0}, new int[] {2, 0}, new int[] {5, -1});
    assertArrayEquals(new int[] {-1, 5}, a.intValues());
    assertEquals(5.0, a.storedValue(1));
    assertFalse(a.isDifferentiable());
    assertThrows(IllegalStateException.class, a::doubleValues);
  }

  @Test
  void malformedCsr_isRefusedNamingTheProblem() {
    String unsorted =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SparseMatrix.csr(
                        1, 3, new int[] {0, 2}, new int[] {2, 1}, SparseMatrix.Kind.PATTERN, null))
            .getMessage();
    assertTrue(unsorted.contains("strictly increasing"), unsorted);
    String range =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SparseMatrix.csr(
                        1, 3, new int[] {0, 1}, new int[] {3}, SparseMatrix.Kind.PATTERN, null))
            .getMessage();
    assertTrue(range.contains("column index 3 of entry 0 is outside [0, 3)"), range);
    String sum =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SparseMatrix.csr(
                        2,
                        3,
                        new int[] {0, 1, 3},
                        new int[] {0, 1},
                        SparseMatrix.Kind.PATTERN,
                        null))
            .getMessage();
    assertTrue(sum.contains("must equal the number of stored entries"), sum);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SparseMatrix.csr(
                1, 3, new int[] {0, 1}, new int[] {0}, SparseMatrix.Kind.DOUBLE, new double[2]));
    assertThrows(
        IllegalArgumentException.class,
        () -> SparseMatrix.pattern(2, 2, new int[] {0, 2}, new int[] {0, 0}));
  }

  @Test
  void openMapRealMatrix_isConvertedToCsrAndBack() {
    OpenMapRealMatrix m = new OpenMapRealMatrix(3, 3);
    m.setEntry(0, 2, 1.5);
    m.setEntry(2, 0, -2.0);
    SparseMatrix s = SparseMatrix.from(m);
    assertEquals(2, s.nnz());
    assertEquals(SparseMatrix.Kind.DOUBLE, s.kind());
    assertEquals(1.5, s.get(0, 2));
    RealMatrix back = s.toRealMatrix();
    assertEquals(-2.0, back.getEntry(2, 0));
    assertEquals(0.0, back.getEntry(1, 1));
    assertArrayEquals(m.getData()[2], s.toArray()[2]);
  }

  @Test
  void denseRealMatrix_convertsKeepingOnlyNonZeros() {
    RealMatrix m = new Array2DRowRealMatrix(new double[][] {{0, 1}, {2, 0}});
    SparseMatrix s = SparseMatrix.from(m);
    assertArrayEquals(new int[] {1, 0}, s.columnIndices());
    assertArrayEquals(new double[] {1, 2}, s.doubleValues());
  }

  @Test
  void withValues_keepsThePattern() {
    SparseMatrix p = SparseMatrix.columnVector(3, 0, 2);
    SparseMatrix d = p.withValues(new double[] {4, 5});
    assertEquals(5.0, d.get(2, 0));
    assertSame(p.columnIndices(), d.columnIndices());
    assertThrows(IllegalArgumentException.class, () -> p.withValues(new double[3]));
  }

  private static void assertSame(Object a, Object b) {
    org.junit.jupiter.api.Assertions.assertSame(a, b);
  }
}
