package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dense;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static dev.ad4j.rules.RuleCalls.saved;
import static dev.ad4j.rules.RuleCalls.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.api.Vec;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MatMulTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(29);

  // times

  @Test
  void times_dense3x4By4x2_passesRuleKit() {
    assertTrue(
        RuleTester.of(MatMul.TIMES).at(denseRandom(3, 4), denseRandom(4, 2)).checkAll().cases()
            > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void times_sparse3x4ByDense4x2_passesRuleKit(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    assertTrue(RuleTester.of(MatMul.TIMES).at(a, denseRandom(4, 2)).checkAll().cases() > 0);
  }

  @Test
  void times_dense_primalAndAccumulatedAdjointsMatchCommonsMath() {
    DenseMatrix a = denseRandom(3, 4);
    DenseMatrix b = denseRandom(4, 2);
    double[] g = random(random, 6);
    double[] da = random(random, 12);
    double[] db = random(random, 8);
    double[] da0 = da.clone();
    double[] db0 = db.clone();
    Output out = reverse(MatMul.TIMES, Config.reverse(), args(dup(a, da), dup(b, db)), g);
    RealMatrix am = a.toRealMatrix();
    RealMatrix bm = b.toRealMatrix();
    RealMatrix gm = new Array2DRowRealMatrix(rows(g, 3, 2));
    assertArrayEquals(flat(am.multiply(bm)), values(out.matrixPrimal()), EPS);
    assertArrayEquals(RuleCalls.plus(da0, 1.0, flat(gm.multiply(bm.transpose()))), da, EPS);
    assertArrayEquals(RuleCalls.plus(db0, 1.0, flat(am.transpose().multiply(gm))), db, EPS);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void times_sparseConstA_primalAndDBMatchCommonsMath(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    DenseMatrix b = denseRandom(4, 2);
    double[] g = random(random, 6);
    double[] db = new double[8];
    Output out = reverse(MatMul.TIMES, Config.reverse(), args(constant(a), dup(b, db)), g);
    RealMatrix am = new Array2DRowRealMatrix(dense(a));
    RealMatrix gm = new Array2DRowRealMatrix(rows(g, 3, 2));
    assertArrayEquals(flat(am.multiply(b.toRealMatrix())), values(out.matrixPrimal()), EPS);
    assertArrayEquals(flat(am.transpose().multiply(gm)), db, EPS);
  }

  @Test
  void times_sparseDoubleActive_dAHasNnzEntriesOfGBTransposeOnPattern() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    DenseMatrix b = denseRandom(4, 2);
    double[] g = random(random, 6);
    double[] da = new double[a.nnz()];
    reverse(MatMul.TIMES, Config.reverse(), args(dup(a, da), constant(b)), g);
    double[][] expected =
        new Array2DRowRealMatrix(rows(g, 3, 2)).multiply(b.toRealMatrix().transpose()).getData();
    assertEquals(a.nnz(), da.length);
    for (int i = 0; i < 3; i++) {
      for (int k = a.rowPointers()[i]; k < a.rowPointers()[i + 1]; k++) {
        assertEquals(expected[i][a.columnIndices()[k]], da[k], EPS);
      }
    }
  }

  @Test
  void forward_bothActiveWidthTwo_givesADotBPlusABDotPerLane() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
    DenseMatrix b = DenseMatrix.of(new double[][] {{5}, {6}});
    Args in =
        args(
            dup(a, new double[] {1, 0, 0, 0}, new double[4]),
            dup(b, new double[] {0, 1}, new double[] {1, 0}));
    Output out = RuleCalls.forward(MatMul.TIMES, Config.forward(2), in);
    assertArrayEquals(new double[] {17, 39}, values(out.matrixPrimal()));
    assertArrayEquals(new double[] {5 + 2, 4}, out.arrayTangent(0)); // Ȧ·B + A·Ḃ
    assertArrayEquals(new double[] {1, 3}, out.arrayTangent(1));
  }

  @Test
  void augmentedPrimal_aConstBDuplicated_savesNothing() {
    Args in = args(constant(denseRandom(2, 2)), dup(denseRandom(2, 2), new double[4]));
    assertNull(saved(MatMul.TIMES, Config.reverse(), in));
    assertNull(saved(MatMul.TIMES, Config.reverse().withOverwritten(1), in)); // Ā not needed
  }

  @Test
  void augmentedPrimal_aOverwrittenBDuplicated_copiesOnlyA() {
    Args in = args(constant(denseRandom(2, 2)), dup(denseRandom(2, 2), new double[4]));
    Saved s =
        (Saved) saved(MatMul.TIMES, Config.reverse().withOverwritten(0).withOverwritten(1), in);
    assertTrue(s.holds(0));
    assertFalse(s.holds(1));
  }

  @Test
  void reverse_aConst_neverReadsBPrimal() {
    double[] bValues = {1, 2, 3, 4};
    double[] db = new double[4];
    Args in =
        args(
            constant(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}})),
            dup(DenseMatrix.wrap(2, 2, bValues), db));
    reverse(
        MatMul.TIMES,
        Config.reverse(),
        in,
        new double[] {1, 0, 0, 0},
        () -> Arrays.fill(bValues, Double.NaN));
    assertArrayEquals(new double[] {1, 0, 2, 0}, db); // Aᵀ·C̄, B's NaN primal never read
  }

  @Test
  void times_innerDimensionsDiffer_throwsNamingBothShapes() {
    Args in = args(constant(denseRandom(3, 4)), constant(denseRandom(3, 2)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(MatMul.TIMES, Config.primalOnly(), in));
    assertTrue(e.getMessage().startsWith("times(A, B): A is 3x4 but B is 3x2"), e.getMessage());
  }

  @Test
  void times_sparseB_throwsAskingForDenseB() {
    Args in = args(constant(denseRandom(2, 2)), constant(sparse(random, 2, 2, Kind.DOUBLE, 0.5)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(MatMul.TIMES, Config.primalOnly(), in));
    assertTrue(
        e.getMessage().startsWith("times(A, B): B must be dense, got SparseMatrix(DOUBLE, 2x2"),
        e.getMessage());
  }

  // transpose

  @Test
  void transpose_dense3x4_passesRuleKit() {
    assertTrue(RuleTester.of(MatMul.TRANSPOSE).at(denseRandom(3, 4)).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void transpose_sparse3x4_passesRuleKit(Kind kind) {
    assertTrue(
        RuleTester.of(MatMul.TRANSPOSE).at(sparse(random, 3, 4, kind, 0.5)).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void transpose_sparse_isSparseOfTheSameKindHoldingATranspose(Kind kind) {
    SparseMatrix a = sparse(random, 3, 4, kind, 0.5);
    Output out = RuleCalls.forward(MatMul.TRANSPOSE, Config.primalOnly(), args(constant(a)));
    SparseMatrix t = (SparseMatrix) out.matrixPrimal();
    assertEquals(kind, t.kind());
    assertEquals(a.nnz(), t.nnz());
    assertArrayEquals(new Array2DRowRealMatrix(dense(a)).transpose().getData(), t.toArray());
  }

  @Test
  void transpose_sparseDouble_adjointMapsEntryByEntry() {
    SparseMatrix a = sparse(random, 3, 4, Kind.DOUBLE, 0.5);
    double[] g = random(random, a.nnz());
    double[] da = new double[a.nnz()];
    Output out = reverse(MatMul.TRANSPOSE, Config.reverse(), args(dup(a, da)), g);
    SparseMatrix t = (SparseMatrix) out.matrixPrimal();
    for (int i = 0; i < 3; i++) {
      for (int k = a.rowPointers()[i]; k < a.rowPointers()[i + 1]; k++) {
        int j = a.columnIndices()[k];
        int kk =
            Arrays.binarySearch(t.columnIndices(), t.rowPointers()[j], t.rowPointers()[j + 1], i);
        assertEquals(g[kk], da[k], 0.0); // Ā(i, j) = Ȳ(j, i)
      }
    }
  }

  @Test
  void transpose_dense_addsGTransposeIntoShadow() {
    double[] da = {1, 1, 1, 1, 1, 1};
    reverse(
        MatMul.TRANSPOSE,
        Config.reverse(),
        args(dup(denseRandom(2, 3), da)),
        new double[] {1, 2, 3, 4, 5, 6});
    assertArrayEquals(new double[] {2, 4, 6, 3, 5, 7}, da); // Ȳ is 3x2, Ā += Ȳᵀ
  }

  @Test
  void transpose_aConst_savesNothing() {
    assertNull(
        saved(
            MatMul.TRANSPOSE,
            Config.reverse().withOverwritten(0),
            args(constant(sparse(random, 3, 3, Kind.DOUBLE, 0.5)))));
  }

  // outer

  @Test
  void outer_passesRuleKit() {
    assertTrue(
        RuleTester.of(MatMul.OUTER).at(random(random, 3), random(random, 4)).checkAll().cases()
            > 0);
  }

  @Test
  void outer_primalAndAdjointsMatchCommonsMath() {
    double[] x = random(random, 3);
    double[] y = random(random, 4);
    double[] g = random(random, 12);
    double[] dx = new double[3];
    double[] dy = new double[4];
    Output out = reverse(MatMul.OUTER, Config.reverse(), args(dup(x, dx), dup(y, dy)), g);
    RealMatrix gm = new Array2DRowRealMatrix(rows(g, 3, 4));
    assertArrayEquals(
        flat(new ArrayRealVector(x).outerProduct(new ArrayRealVector(y))),
        values(out.matrixPrimal()),
        EPS);
    assertArrayEquals(gm.operate(y), dx, EPS); // Ȳ·y
    assertArrayEquals(gm.preMultiply(x), dy, EPS); // Ȳᵀ·x
  }

  @Test
  void outer_xConst_copiesNothingEvenIfYOverwritten() {
    Args in = args(constant(new double[2]), dup(new double[3], new double[3]));
    assertNull(saved(MatMul.OUTER, Config.reverse().withOverwritten(1), in));
  }

  // trace

  @Test
  void trace_dense3x3_passesRuleKit() {
    assertTrue(RuleTester.of(MatMul.TRACE).at(denseRandom(3, 3)).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void trace_sparse4x4_passesRuleKit(Kind kind) {
    assertTrue(
        RuleTester.of(MatMul.TRACE).at(sparse(random, 4, 4, kind, 0.6)).checkAll().cases() > 0);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void trace_sparse_primalMatchesCommonsMath(Kind kind) {
    SparseMatrix a = sparse(random, 4, 4, kind, 0.6);
    Output out = RuleCalls.forward(MatMul.TRACE, Config.primalOnly(), args(constant(a)));
    assertEquals(new Array2DRowRealMatrix(dense(a)).getTrace(), out.scalarPrimal(), EPS);
  }

  @Test
  void trace_sparseDouble_addsAdjointOnStoredDiagonalEntriesOnly() {
    // entries (0,0) (0,2) (1,0) (2,2): no stored (1,1)
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 2, 0, 2}, new double[] {1, 2, 3, 4});
    double[] da = {1, 1, 1, 1};
    Output out = reverse(MatMul.TRACE, Config.reverse(), args(dup(a, da)), 0.5);
    assertEquals(5.0, out.scalarPrimal());
    assertArrayEquals(new double[] {1.5, 1, 1, 1.5}, da);
  }

  @Test
  void trace_dense_primalAndAdjointMatchCommonsMath() {
    DenseMatrix a = denseRandom(3, 3);
    double[] da = new double[9];
    Output out = reverse(MatMul.TRACE, Config.reverse(), args(dup(a, da)), 2.0);
    assertEquals(a.toRealMatrix().getTrace(), out.scalarPrimal(), EPS);
    assertArrayEquals(new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, da);
  }

  @Test
  void trace_nonSquare_throwsNamingShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RuleCalls.forward(
                    MatMul.TRACE, Config.primalOnly(), args(constant(denseRandom(2, 3)))));
    assertEquals("trace(A): A is 2x3 but must be square", e.getMessage());
  }

  // Linalg facade

  @Test
  void facade_constantInputs_computePrimalsAndStayConstant() {
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {1, 1});
    Mat b = Mat.constant(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}}));
    Mat c = Linalg.times(p, b);
    assertFalse(c.isActive());
    assertArrayEquals(new double[] {3, 4, 3, 4}, values(c.value()));
    assertArrayEquals(new double[] {1, 3, 2, 4}, values(Linalg.transpose(b).value()));
    assertFalse(Linalg.transpose(b).isActive());
    Mat o = Linalg.outer(Vec.constant(new double[] {1, 2}), Vec.constant(new double[] {3, 4, 5}));
    assertFalse(o.isActive());
    assertArrayEquals(new double[] {3, 4, 5, 6, 8, 10}, values(o.value()));
    assertEquals(5.0, Linalg.trace(b).value());
    assertFalse(Linalg.trace(b).isActive());
  }

  @Test
  void facade_eachMethod_handsItsRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Mat a = Mat.traced(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}}), t, 0);
    Linalg.times(a, a);
    assertSame(MatMul.TIMES, t.rule);
    Linalg.times(DenseMatrix.wrap(1, 2, new double[] {1, 1}), a);
    assertSame(MatMul.TIMES, t.rule);
    assertFalse(((Mat) t.inputs[0]).isActive());
    Linalg.transpose(a);
    assertSame(MatMul.TRANSPOSE, t.rule);
    Linalg.outer(Vec.traced(new double[] {1}, t, 1), Vec.constant(new double[] {2}));
    assertSame(MatMul.OUTER, t.rule);
    Linalg.trace(a);
    assertSame(MatMul.TRACE, t.rule);
    assertSame(a, t.inputs[0]);
  }

  // helpers

  private DenseMatrix denseRandom(int rows, int cols) {
    return DenseMatrix.wrap(rows, cols, random(random, rows * cols));
  }

  private static double[] values(Matrix m) {
    return ((DenseMatrix) m).values();
  }

  private static double[] flat(RealMatrix m) {
    return DenseMatrix.from(m).values();
  }

  private static double[][] rows(double[] rowMajor, int rows, int cols) {
    return DenseMatrix.wrap(rows, cols, rowMajor).toArray();
  }
}
