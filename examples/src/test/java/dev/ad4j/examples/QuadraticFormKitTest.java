package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.SparseMatrix;
import dev.ad4j.testkit.Report;
import dev.ad4j.testkit.RuleTester;
import org.junit.jupiter.api.Test;

/** The README's test-kit example, verbatim: ReadmeTest checks that the two stay identical. */
class QuadraticFormKitTest {
  @Test
  void quadraticForm_passesTheKitAndRejectsAnActiveAInReverse() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 1, 2, 2}, new int[] {1, 1, 0, 2}, new double[] {0.5, -2, 1.5, 3});
    Report report = RuleTester.of(QuadraticForm.RULE).at(a, new double[] {1, -0.5, 2}).checkAll();
    // 4 activity combinations: forward at widths 1 and 3 each (8 cases), reverse with A Const
    // (2 cases), reverse with A Duplicated rejected as declared, with the documented message (2).
    assertEquals(12, report.cases());
    assertEquals(2, report.rejectedCases());
  }
}
