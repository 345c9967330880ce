package dev.ad4j.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import org.junit.jupiter.api.Test;

class LinalgTest {
  private static final SparseMatrix P =
      SparseMatrix.pattern(2, 3, new int[] {0, 1, 1}, new int[] {0, 0, 2});
  private static final Vec X = Vec.constant(new double[] {1, 2});
  private static final Vec Y = Vec.constant(new double[] {3, 4, 5});

  @Test
  void constantInputs_computePrimalsAndStayConstant() {
    Scalar d = Linalg.dot(X, P, Y);
    assertFalse(d.isActive());
    assertEquals(1 * 3 + 2 * (3 + 5), d.value());
    assertArrayEquals(new double[] {3, 8}, Linalg.times(P, Y).value());
    assertArrayEquals(new double[] {3, 0, 2}, Linalg.transposeTimes(P, X).value());
    assertEquals(11.0, Linalg.dot(X, Vec.constant(new double[] {3, 4})).value());
    assertEquals(5.0, Linalg.dot(SparseMatrix.columnVector(3, 2), Y).value());
    assertEquals(3.0, Linalg.sum(X).value());
    assertEquals(5.0, Linalg.sumOfSquares(X).value());
    assertArrayEquals(new double[] {2, 4}, Linalg.scale(2.0, X).value());
    assertArrayEquals(new double[] {2, 4}, Linalg.add(X, X).value());
    assertArrayEquals(new double[] {1, 4}, Linalg.multiply(X, X).value());
  }

  @Test
  void constantInputs_newReductionsAndElementwiseRules_computePrimals() {
    Vec z = Vec.constant(new double[] {3, -4});
    assertEquals(1.5, Linalg.mean(X).value());
    assertEquals(Math.log(Math.exp(1) + Math.exp(2)), Linalg.logSumExp(X).value(), 1e-15);
    assertEquals(5.0, Linalg.norm2(z).value());
    assertEquals(3.0, Linalg.max(z).value());
    assertArrayEquals(new double[] {-2, 6}, Linalg.subtract(X, z).value());
    assertArrayEquals(new double[] {3, -2}, Linalg.divide(z, X).value());
    assertArrayEquals(
        new double[] {Math.exp(1), Math.exp(2)}, Linalg.map(Scalars.EXP, X).value(), 1e-15);
    assertFalse(Linalg.map(Scalars.EXP, X).isActive());
  }

  @Test
  void eachNewFacadeMethod_handsItsRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Vec v = t.vec(1, 2);
    Linalg.mean(v);
    assertSame(Reductions.MEAN, t.rule);
    Linalg.logSumExp(v);
    assertSame(Reductions.LOG_SUM_EXP, t.rule);
    Linalg.norm2(v);
    assertSame(Reductions.NORM2, t.rule);
    Linalg.max(v);
    assertSame(Reductions.MAX, t.rule);
    Linalg.subtract(v, v);
    assertSame(Elementwise.SUBTRACT, t.rule);
    Linalg.divide(v, v);
    assertSame(Elementwise.DIVIDE, t.rule);
    Linalg.map(Scalars.EXP, v);
    assertEquals(Elementwise.map(Scalars.EXP), t.rule);
    assertSame(v, t.inputs[0]);
  }

  @Test
  void dotWithConstantMatrix_handsDot3TheMatrixAsConstMat() {
    RecordingTrace trace = new RecordingTrace();
    Vec x = trace.vec(1, 2);
    Linalg.dot(x, P, Y);
    assertSame(Bilinear.DOT3, trace.rule);
    assertSame(x, trace.inputs[0]);
    assertTrue(trace.inputs[1] instanceof Mat m && !m.isActive() && m.value() == P);
    assertSame(Y, trace.inputs[2]);
  }

  @Test
  void eachFacadeMethod_handsItsRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Vec v = t.vec(1, 2);
    Linalg.dot(v, v);
    assertSame(Dot.DOT, t.rule);
    Linalg.dot(Mat.constant(SparseMatrix.columnVector(2, 0)), v);
    assertSame(Dot.SPARSE_DOT, t.rule);
    Linalg.times(DenseMatrix.wrap(2, 2, new double[4]), v);
    assertSame(MatVec.TIMES, t.rule);
    Linalg.transposeTimes(DenseMatrix.wrap(2, 2, new double[4]), v);
    assertSame(MatVec.TRANSPOSE_TIMES, t.rule);
    Linalg.sum(v);
    assertSame(Reductions.SUM, t.rule);
    Linalg.sumOfSquares(v);
    assertSame(Reductions.SUM_OF_SQUARES, t.rule);
    Linalg.scale(t.scalar(2), v);
    assertSame(Elementwise.SCALE, t.rule);
    Linalg.add(v, v);
    assertSame(Elementwise.ADD, t.rule);
    Linalg.multiply(v, v);
    assertSame(Elementwise.MULTIPLY, t.rule);
  }

  @Test
  void mismatchedShapes_throwNamingTheOperationAndBothShapes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Linalg.dot(Y, P, Y));
    assertEquals("dot(x, A, y): x has length 3 but A is 2x3 (rows must match)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Linalg.times(P, X));
    assertTrue(
        e.getMessage().startsWith("times(A, x): A is 2x3 but x has length 2"), e.getMessage());
  }
}
