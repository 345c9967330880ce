package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.testkit.Report;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;

/** The user's rule passes the test kit; its declared reverse limitation is checked too. */
class QuadraticFormTest {
  @Test
  void sparseA_passesTheKitAndRejectsActiveAInReverse() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 1, 2, 2}, new int[] {1, 1, 0, 2}, new double[] {0.5, -2, 1.5, 3});
    Report report = RuleTester.of(QuadraticForm.RULE).at(a, new double[] {1, -0.5, 2}).checkAll();
    // 4 combinations: forward at widths 1 and 3 each (8), reverse for Const A (2), rejected (2).
    assertEquals(12, report.cases());
    assertEquals(2, report.rejectedCases());
  }

  @Test
  void booleanA_isConstOnlyAndPassesTheKit() {
    SparseMatrix p = SparseMatrix.pattern(3, 3, new int[] {0, 2}, new int[] {2, 1});
    Report report = RuleTester.of(QuadraticForm.RULE).at(p, new double[] {1, 2, 3}).checkAll();
    assertEquals(6, report.cases());
    assertEquals(0, report.rejectedCases());
  }

  @Test
  void denseA_passesTheKit() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
    assertEquals(
        12, RuleTester.of(QuadraticForm.RULE).at(a, new double[] {0.3, -0.7}).checkAll().cases());
  }
}
