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
