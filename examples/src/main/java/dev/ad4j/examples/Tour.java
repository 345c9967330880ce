package dev.ad4j.examples;

import dev.ad4j.api.SparseMatrix;
import java.util.Arrays;

/**
 * The examples tour, the project's main job: runs the motivating cases and prints their results.
 * Run it with the command at the top of the README (it forks a JVM with {@code -Xmx1g}).
 */
public final class Tour {
  private Tour() {}

  /** Prints every case; exits non-zero if one fails. */
  public static void main(String[] args) {
    System.out.println(
        "ad4j examples tour (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)\n");
    caseOne();
    caseTwo();
    caseThree();
    caseFour();
    caseFive();
    System.out.println(
        "\n6. L2-regularised logistic regression, 100,000 x 10,000 sparse boolean X,"
            + " Commons Math non-linear conjugate gradient");
    LogisticRegressionExample.run(System.out, 100_000, 10_000, 100);
    System.out.println(
        "\n7. curve fit y = a e^(-bt) + c e^(-dt), 100,000 noisy samples, Levenberg-Marquardt");
    CurveFitExample.run(System.out, 100_000);
    System.out.println(
        "\n8. Newton-CG on the logistic regression of 6: CG on H p = -g with Hessian-vector"
            + " products (forward over reverse)");
    NewtonCgExample.run(
        System.out, LogisticRegressionExample.generate(100_000, 10_000, 2026), 20, 1e-8);
  }

  private static void caseOne() {
    System.out.println(
        "1. gradient of v -> dot(s, v), s = sparse boolean [true; false], at v = [1, 0]");
    double[] g = MotivatingCases.sparseBooleanDot(new double[] {1, 0});
    System.out.println(
        "   gradient "
            + Arrays.toString(g)
            + "   (Zygote crashes here; nothing is computed for s)\n");
  }

  private static void caseTwo() {
    SparseMatrix identity = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
    double[] v = {1, 0};
    System.out.println(
        "2. gradient of v -> v'(P v) and of v -> dot(v, P, v), P = 2x2 sparse boolean identity, at [1, 0]");
    System.out.println(
        "   v'(P v):       " + Arrays.toString(MotivatingCases.quadraticViaTimes(identity, v)));
    System.out.println(
        "   dot(v, P, v):  " + Arrays.toString(MotivatingCases.quadraticViaDot3(identity, v)));
    int n = 1000;
    SparseMatrix p = RandomSparse.square(n, 10, SparseMatrix.Kind.PATTERN, 42);
    double[] x = RandomSparse.vector(n, 7);
    double[] g = MotivatingCases.quadraticViaDot3(p, x);
    double[] fd = FiniteDifferences.gradient(z -> QuadraticForms.value(p, z), x, 1e-6);
    System.out.printf(
        "   random %dx%d boolean P, %d stored: max |ad4j - central differences| = %.2e over %d coordinates%n%n",
        n, n, p.nnz(), FiniteDifferences.maxAbsDifference(g, fd), n);
  }

  private static void caseThree() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(
            3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 2, 1, 0}, new double[] {2, 1, 3, -1});
    double[] x = {1, 2, 3};
    System.out.println("3. a user's rule q(A, x) = x'Ax whose reverse supports only a constant A");
    System.out.println(
        "   A Const:      gradient (A + A')x = "
            + Arrays.toString(MotivatingCases.customRuleConstA(a, x)));
    String message = MotivatingCases.customRuleActiveA(a, x).getMessage();
    System.out.println(
        "   A Duplicated: UnsupportedActivityException:\n     "
            + message.replace("\n", "\n     ").strip()
            + "\n");
  }

  private static void caseFour() {
    int n = 1_000_000;
    SparseMatrix a = RandomSparse.square(n, 10, SparseMatrix.Kind.DOUBLE, 4);
    double[] x = RandomSparse.vector(n, 5);
    double[] y = RandomSparse.vector(n, 6);
    System.out.printf(
        "4. dot(x, A, y), A %,d x %,d sparse doubles with %,d stored, x, A and y all active%n",
        n, n, a.nnz());
    MotivatingCases.Huge r = MotivatingCases.hugeBilinear(a, x, y);
    System.out.printf(
        "   gradient in %.3f s; dA has %,d entries, exactly A's pattern (a dense dA would need %.0f TB); heap used %d MiB of %d%n%n",
        r.seconds(),
        r.dA().length,
        8.0 * n * n / 1e12,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void caseFive() {
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
    System.out.println("5. marking a boolean sparse matrix Duplicated");
    System.out.println(
        "   IllegalArgumentException: " + MotivatingCases.booleanMarkedDuplicated(p).getMessage());
  }
}
