package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.OpenMapRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void denseRealVector_roundTripsAsAFreshArray() {
    double[] v = {1, -2, 3};
    RealVector r = Vectors.toRealVector(v);
    v[0] = 9;
    assertEquals(1.0, r.getEntry(0));
    double[] back = Vectors.toArray(new ArrayRealVector(new double[] {4, 5}));
    assertArrayEquals(new double[] {4, 5}, back);
  }

  @Test
  void openMapRealVector_convertsToAFreshArray() {
    OpenMapRealVector s = new OpenMapRealVector(5);
    s.setEntry(1, 2.5);
    s.setEntry(4, -1.0);
    double[] out = Vectors.toArray(s);
    assertArrayEquals(new double[] {0, 2.5, 0, 0, -1}, out);
    assertNotSame(out, Vectors.toArray(s));
  }

  @Test
  void patternOf_marksTheNonZerosAsABooleanColumn() {
    SparseMatrix p = Vectors.patternOf(new ArrayRealVector(new double[] {0, 3, 0, 1}));
    assertEquals(SparseMatrix.Kind.PATTERN, p.kind());
    assertEquals(4, p.rows());
    assertArrayEquals(new int[] {0, 0, 1, 1, 2}, p.rowPointers());
  }
}
