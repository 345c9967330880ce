package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.reverse;
import static dev.ad4j.rules.RuleCalls.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.testkit.RuleTester;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests {@link MatrixSlices}, built by {@link Indexing#row} and its siblings. */
class MatrixSlicesTest {
  /** 3x4, element (i, j) = 10·i + j. */
  private static final DenseMatrix A =
      DenseMatrix.of(new double[][] {{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}});

  private final Random random = new Random(37);

  @Test
  void row_readsRowIAndAddsTheAdjointIntoThatRowOnly() {
    double[] da = new double[12];
    Arrays.fill(da, 1);
    Output out =
        reverse(Indexing.row(1), Config.reverse(), args(dup(A, da)), new double[] {1, 2, 3, 4});
    assertArrayEquals(new double[] {10, 11, 12, 13}, out.vectorPrimal());
    assertArrayEquals(new double[] {1, 1, 1, 1, 2, 3, 4, 5, 1, 1, 1, 1}, da);
  }

  @Test
  void column_readsColumnJAndAddsTheAdjointIntoThatColumnOnly() {
    double[] da = new double[12];
    Output out =
        reverse(Indexing.column(2), Config.reverse(), args(dup(A, da)), new double[] {1, 2, 3});
    assertArrayEquals(new double[] {2, 12, 22}, out.vectorPrimal());
    assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0}, da);
  }

  @Test
  void rowsAndBlock_giveDenseMatricesOfTheBlock() {
    DenseMatrix rows = (DenseMatrix) primal(Indexing.rows(1, 3), args(constant(A))).matrixPrimal();
    assertArrayEquals(new double[][] {{10, 11, 12, 13}, {20, 21, 22, 23}}, rows.toArray());
    double[] da = new double[12];
    Output out =
        reverse(
            Indexing.block(0, 2, 1, 3),
            Config.reverse(),
            args(dup(A, da)),
            new double[] {1, 2, 3, 4});
    assertArrayEquals(
        new double[][] {{1, 2}, {11, 12}}, ((DenseMatrix) out.matrixPrimal()).toArray());
    assertArrayEquals(new double[] {0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}, da);
  }

  @Test
  void constA_savesNothingAndGivesZeroTangent() {
    Args in = args(constant(A));
    assertNull(RuleCalls.saved(Indexing.row(0), Config.reverse().withOverwritten(0), in));
    Output out = RuleCalls.forward(Indexing.column(0), Config.forward(2), in);
    assertArrayEquals(new double[3], out.arrayTangent(1));
  }

  @Test
  void blockBeyondA_throwsNamingBothShapes() {
    assertMessage(
        "row(a, 3): a is 3x4 but the block spans rows 3:4, columns 0:4",
        () -> primal(Indexing.row(3), args(constant(A))));
    assertMessage(
        "block(a, 0:1, 2:5): a is 3x4 but the block spans rows 0:1, columns 2:5",
        () -> primal(Indexing.block(0, 1, 2, 5), args(constant(A))));
  }

  @Test
  void negativeOrReversedBounds_throwAtConstruction() {
    assertMessage("row(a, i): i = -1 is negative", () -> Indexing.row(-1));
    assertMessage("column(a, j): j = -2 is negative", () -> Indexing.column(-2));
    assertMessage("rows(a, from, to): to = 0 is less than from = 1", () -> Indexing.rows(1, 0));
    assertMessage(
        "block(a, r0, r1, c0, c1): from = -1 is negative", () -> Indexing.block(0, 1, -1, 2));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sparseA_throwsSayingSlicingIsForDenseMatrices(Kind kind) {
    SparseMatrix s = sparse(random, 2, 2, kind, 0.6);
    assertMessage(
        "row(a, 0): slicing is for dense matrices; a is " + s.describe(),
        () -> primal(Indexing.row(0), args(constant(s))));
  }

  @Test
  void factories_equalByConfiguration() {
    assertEquals(Indexing.row(1), Indexing.row(1));
    assertEquals(Indexing.block(0, 1, 2, 3).hashCode(), Indexing.block(0, 1, 2, 3).hashCode());
    assertNotEquals(Indexing.row(1), Indexing.row(2));
    assertNotEquals(Indexing.row(1), Indexing.rows(1, 2));
    assertNotEquals(Indexing.row(0), Indexing.column(0));
    assertEquals("rows(a, 1:3)", Indexing.rows(1, 3).name());
  }

  @Test
  void eachSlice_passesRuleKit() {
    DenseMatrix a = DenseMatrix.wrap(3, 4, random(random, 12));
    for (Rule<?> rule :
        new Rule<?>[] {
          Indexing.row(2), Indexing.column(1), Indexing.rows(1, 3), Indexing.block(0, 2, 1, 4)
        }) {
      assertTrue(RuleTester.of(rule).at(a).checkAll().cases() > 0, rule.name());
    }
  }

  @Test
  void facade_constantInput_computesPrimalsAndStaysConstant() {
    Mat a = Mat.constant(A);
    assertArrayEquals(new double[] {20, 21, 22, 23}, Linalg.row(a, 2).value());
    assertArrayEquals(new double[] {3, 13, 23}, Linalg.column(a, 3).value());
    assertEquals(2, Linalg.rows(a, 0, 2).rows());
    Mat b = Linalg.block(a, 1, 2, 1, 3);
    assertArrayEquals(new double[] {11, 12}, ((DenseMatrix) b.value()).values());
    assertFalse(b.isActive());
    assertFalse(Linalg.row(a, 0).isActive());
  }

  @Test
  void facade_handsRowAndColumnToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Mat a = Mat.traced(A, t, 0);
    Linalg.row(a, 1);
    assertEquals(Indexing.row(1), t.rule);
    assertSame(a, t.inputs[0]);
    Linalg.column(a, 0);
    assertEquals(Indexing.column(0), t.rule);
    assertTrue(Linalg.rows(a, 0, 1).isActive());
    assertEquals(Indexing.rows(0, 1), t.rule);
    assertTrue(Linalg.block(a, 0, 1, 0, 1).isActive());
    assertEquals(Indexing.block(0, 1, 0, 1), t.rule);
    assertTrue(Linalg.reshape(a, a.cols(), a.rows()).isActive());
    assertEquals(Indexing.reshape(a.cols(), a.rows()), t.rule);
  }

  private static Output primal(Rule<?> rule, Args args) {
    return RuleCalls.forward(rule, Config.primalOnly(), args);
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
