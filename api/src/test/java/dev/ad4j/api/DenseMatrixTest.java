package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

class DenseMatrixTest {
  @Test
  void of_copiesRowsIntoRowMajorValues() {
    double[][] rows = {{1, 2, 3}, {4, 5, 6}};
    DenseMatrix m = DenseMatrix.of(rows);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.values());
    rows[0][0] = 9;
    assertEquals(1.0, m.get(0, 0));
    assertEquals(6.0, m.get(1, 2));
  }

  @Test
  void roundTripsThroughCommonsMath() {
    DenseMatrix m = DenseMatrix.from(new Array2DRowRealMatrix(new double[][] {{1, 2}, {3, 4}}));
    assertEquals(3.0, m.toRealMatrix().getEntry(1, 0));
    assertArrayEquals(new double[] {3, 4}, m.toArray()[1]);
  }

  @Test
  void wrongShapes_areRefused() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> DenseMatrix.wrap(2, 2, new double[3]))
            .getMessage();
    assertTrue(m.contains("needs 4 row-major values, got 3"), m);
    assertThrows(
        IllegalArgumentException.class, () -> DenseMatrix.of(new double[][] {{1, 2}, {3}}));
  }
}
