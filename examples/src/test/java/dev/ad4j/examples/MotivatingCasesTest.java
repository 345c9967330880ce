package dev.ad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Mode;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.UnsupportedActivityException;
import org.junit.jupiter.api.Test;

/** The five motivating cases of the core issue, each against an independent reference. */
class MotivatingCasesTest {
  private static final SparseMatrix IDENTITY =
      SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});

  @Test
  void case1_dotWithSparseBooleanVector_givesTheIndicator() {
    assertArrayEquals(new double[] {1, 0}, MotivatingCases.sparseBooleanDot(new double[] {1, 0}));
    assertArrayEquals(new double[] {1, 0}, MotivatingCases.sparseBooleanDot(new double[] {-3, 5}));
  }

  @Test
  void case2_quadraticFormWithBooleanIdentity_givesTwoV() {
    double[] v = {1, 0};
    assertArrayEquals(new double[] {2, 0}, MotivatingCases.quadraticViaTimes(IDENTITY, v));
    assertArrayEquals(new double[] {2, 0}, MotivatingCases.quadraticViaDot3(IDENTITY, v));
  }

  @Test
  void case2_random1000BooleanP_matchesCentralDifferencesAndTheClosedForm() {
    int n = 1000;
    SparseMatrix p = RandomSparse.square(n, 10, SparseMatrix.Kind.PATTERN, 42);
    double[] x = RandomSparse.vector(n, 7);
    double[] viaDot3 = MotivatingCases.quadraticViaDot3(p, x);
    double[] viaTimes = MotivatingCases.quadraticViaTimes(p, x);
    double[] fd = FiniteDifferences.gradient(z -> QuadraticForms.value(p, z), x, 1e-6);
    double[] closed = QuadraticForms.gradient(p, x);
    assertArrayEquals(fd, viaDot3, 1e-7);
    assertArrayEquals(fd, viaTimes, 1e-7);
    assertArrayEquals(closed, viaDot3, 1e-12);
  }

  @Test
  void case3_userRuleWithConstA_givesAPlusATransposeX() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 2, 1, 0}, new double[] {2, 1, 3, -1});
    double[] x = {1, 2, 3};
    // A = [[2,0,1],[0,3,0],[-1,0,0]]; (A + Aᵀ) = [[4,0,0],[0,6,0],[0,0,0]].
    assertArrayEquals(new double[] {4, 12, 0}, MotivatingCases.customRuleConstA(a, x), 1e-15);
  }

  @Test
  void case3_userRuleWithDuplicatedA_namesRuleArgumentAndSupportedCombination() {
    SparseMatrix a = SparseMatrix.ofDoubles(2, 2, new int[] {0}, new int[] {1}, new double[] {1});
    UnsupportedActivityException e = MotivatingCases.customRuleActiveA(a, new double[] {1, 2});
    String m = e.getMessage();
    assertEquals("quadraticForm", e.ruleName());
    assertEquals(Mode.REVERSE, e.mode());
    assertTrue(m.contains("argument 0: SparseMatrix(DOUBLE, 2x2, nnz=1), Duplicated"), m);
    assertTrue(m.contains("(Const, Any)"), m);
    assertTrue(m.contains("argument 0 is Duplicated; pass it as Const"), m);
  }

  @Test
  void case4_millionSquaredBilinear_allActive_fitsInOneGigabyteAndKeepsThePattern() {
    int n = 1_000_000;
    SparseMatrix a = RandomSparse.square(n, 10, SparseMatrix.Kind.DOUBLE, 4);
    double[] x = RandomSparse.vector(n, 5);
    double[] y = RandomSparse.vector(n, 6);
    assertTrue(Runtime.getRuntime().maxMemory() <= (1L << 30) + (1L << 28), "run with -Xmx1g");
    MotivatingCases.Huge r = MotivatingCases.hugeBilinear(a, x, y);
    assertEquals(a.nnz(), r.dA().length);
    int[] rp = a.rowPointers();
    int[] ci = a.columnIndices();
    double[] av = a.doubleValues();
    for (int i = 0; i < n; i += 99_991) {
      double ay = 0;
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        assertEquals(x[i] * y[ci[k]], r.dA()[k], 0.0);
        ay += av[k] * y[ci[k]];
      }
      assertEquals(ay, r.dx()[i], 1e-12);
    }
    double[] aTx = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = rp[i]; k < rp[i + 1]; k++) {
        aTx[ci[k]] += av[k] * x[i];
      }
    }
    assertArrayEquals(aTx, r.dy(), 1e-12);
  }

  @Test
  void case5_booleanMatrixMarkedDuplicated_isRefusedNamingItAndConst() {
    String m = MotivatingCases.booleanMarkedDuplicated(IDENTITY).getMessage();
    assertTrue(m.contains("SparseMatrix(PATTERN, 2x2, nnz=2)"), m);
    assertTrue(m.contains("constant("), m);
  }
}
