package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.dense;
import static dev.ad4j.rules.RuleCalls.plus;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.sparse;
import static dev.ad4j.rules.RuleCalls.times;
import static dev.ad4j.rules.RuleCalls.transposeTimes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrKernelsTest {
  private static final int ROWS = 5;
  private static final int COLS = 7;
  private static final double EPS = 1e-12;

  private final Random random = new Random(42);

  /** A 5x7 matrix with row 2 empty, so the loops also meet empty rows. */
  private SparseMatrix matrix(Kind kind) {
    SparseMatrix a = sparse(random, ROWS, COLS, kind, 0.4);
    int[] rp = a.rowPointers().clone();
    int[] ci = a.columnIndices();
    int from = rp[2];
    int to = rp[3];
    int[] keep = new int[ci.length - (to - from)];
    System.arraycopy(ci, 0, keep, 0, from);
    System.arraycopy(ci, to, keep, from, ci.length - to);
    for (int i = 3; i <= ROWS; i++) {
      rp[i] -= to - from;
    }
    Object values =
        kind == Kind.PATTERN
            ? null
            : kind == Kind.INTEGER
                ? drop(a.intValues(), from, to)
                : drop(a.doubleValues(), from, to);
    return SparseMatrix.csr(ROWS, COLS, rp, keep, kind, values);
  }

  private static int[] drop(int[] v, int from, int to) {
    int[] out = new int[v.length - (to - from)];
    System.arraycopy(v, 0, out, 0, from);
    System.arraycopy(v, to, out, from, v.length - to);
    return out;
  }

  private static double[] drop(double[] v, int from, int to) {
    double[] out = new double[v.length - (to - from)];
    System.arraycopy(v, 0, out, 0, from);
    System.arraycopy(v, to, out, from, v.length - to);
    return out;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void multAdd_addsAlphaTimesAxToY(Kind kind) {
    SparseMatrix a = matrix(kind);
    double[] x = random(random, COLS);
    double[] y = random(random, ROWS);
    double[] expected = plus(y, 0.5, times(dense(a), x));
    CsrKernels.multAdd(0.5, a, x, y);
    assertArrayEquals(expected, y, EPS);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void multTransAdd_addsAlphaTimesATransposeXToY(Kind kind) {
    SparseMatrix a = matrix(kind);
    double[] x = random(random, ROWS);
    double[] y = random(random, COLS);
    double[] expected = plus(y, -2.0, transposeTimes(dense(a), x, COLS));
    CsrKernels.multTransAdd(-2.0, a, x, y);
    assertArrayEquals(expected, y, EPS);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void bilinear_equalsXTransposeAY(Kind kind) {
    SparseMatrix a = matrix(kind);
    double[] x = random(random, ROWS);
    double[] y = random(random, COLS);
    assertEquals(RuleCalls.dot(x, times(dense(a), y)), CsrKernels.bilinear(x, a, y), EPS);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void bilinearAddProducts_returnsFormAndAddsBothProducts(Kind kind) {
    SparseMatrix a = matrix(kind);
    double[] x = random(random, ROWS);
    double[] y = random(random, COLS);
    double[] ay = random(random, ROWS);
    double[] atx = random(random, COLS);
    double[] expectedAy = plus(ay, 1.0, times(dense(a), y));
    double[] expectedAtx = plus(atx, 1.0, transposeTimes(dense(a), x, COLS));
    double value = CsrKernels.bilinearAddProducts(x, a, y, ay, atx);
    assertEquals(RuleCalls.dot(x, times(dense(a), y)), value, EPS);
    assertArrayEquals(expectedAy, ay, EPS);
    assertArrayEquals(expectedAtx, atx, EPS);
  }

  @Test
  void valuesOverloads_useTheGivenValuesOnThePattern() {
    SparseMatrix a = matrix(Kind.PATTERN);
    double[] w = random(random, a.nnz());
    double[][] v = dense(a.withValues(w));
    double[] x = random(random, COLS);
    double[] xr = random(random, ROWS);
    double[] y = new double[ROWS];
    double[] yt = new double[COLS];
    CsrKernels.multAdd(1.0, a, w, x, y);
    CsrKernels.multTransAdd(1.0, a, w, xr, yt);
    assertArrayEquals(times(v, x), y, EPS);
    assertArrayEquals(transposeTimes(v, xr, COLS), yt, EPS);
    assertEquals(RuleCalls.dot(xr, times(v, x)), CsrKernels.bilinear(xr, a, w, x), EPS);
  }

  @Test
  void addOuterOnPattern_addsXiYjAtStoredEntriesOnly() {
    SparseMatrix a = matrix(Kind.DOUBLE);
    double[] x = random(random, ROWS);
    double[] y = random(random, COLS);
    double[] da = random(random, a.nnz());
    double[] before = da.clone();
    CsrKernels.addOuterOnPattern(3.0, x, y, a, da);
    assertEquals(a.nnz(), da.length);
    int[] rp = a.rowPointers();
    for (int i = 0; i < ROWS; i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        assertEquals(before[k] + 3.0 * x[i] * y[a.columnIndices()[k]], da[k], EPS);
      }
    }
  }

  @Test
  void emptyMatrix_leavesOutputsUnchanged() {
    SparseMatrix a = SparseMatrix.pattern(3, 2, new int[0], new int[0]);
    double[] y = {1, 2, 3};
    CsrKernels.multAdd(1.0, a, new double[] {5, 6}, y);
    assertArrayEquals(new double[] {1, 2, 3}, y);
    assertEquals(0.0, CsrKernels.bilinear(new double[] {1, 1, 1}, a, new double[] {1, 1}));
  }
}
