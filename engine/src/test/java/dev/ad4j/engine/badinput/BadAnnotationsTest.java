package dev.ad4j.engine.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Arg;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Catalogue, annotations: each wrong activity or shadow is an {@link IllegalArgumentException}
 * naming the argument and the fix, thrown before anything runs, so the caller's primal and its
 * pre-seeded shadow are bit-identical afterwards. {@code ArgTest} covers the factories alone; here
 * each one is passed to {@link Autodiff} as a user would.
 */
class BadAnnotationsTest {
  private final double[] x = {1, 2, 3};
  private final double[] dx = {0.5, -0.25, 8};
  private final SparseMatrix pattern =
      SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {1, 0});
  private final SparseMatrix integers =
      SparseMatrix.ofIntegers(2, 2, new int[] {0, 1}, new int[] {1, 0}, new int[] {3, 4});

  /** Runs {@code call}, expects the message, and checks x and dx did not change. */
  private void refused(String message, Executable call) {
    Unchanged before = Unchanged.of(x, dx);
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    before.verify();
  }

  @Test
  void activeOnAnArray_saysToUseDuplicated() {
    refused(
        "Active is for immutable scalars, but the argument is a Vec(3); use duplicated(x, dx) so"
            + " its adjoint is added into the shadow dx",
        () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.of(Activity.ACTIVE, x, null)));
  }

  @Test
  void duplicatedOnAScalar_saysToUseActive() {
    refused(
        "Duplicated is for arrays and matrices; a scalar is immutable, so use active(x) and read"
            + " its adjoint from the result",
        () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.of(Activity.DUPLICATED, 2.0, dx)));
  }

  @Test
  void activeOnBooleanOrIntegerSparse_saysToUseDuplicatedWhichItThenRefuses() {
    for (SparseMatrix m : new SparseMatrix[] {pattern, integers}) {
      refused(
          "Active is for immutable scalars, but the argument is a "
              + m.describe()
              + "; use duplicated(x, dx) so its adjoint is added into the shadow dx",
          () -> Autodiff.reverse((Mat a) -> Linalg.sum(a), Arg.of(Activity.ACTIVE, m, null)));
    }
  }

  @Test
  void duplicatedOnBooleanOrIntegerSparse_saysToPassItAsConstant() {
    for (SparseMatrix m : new SparseMatrix[] {pattern, integers}) {
      for (Activity a : new Activity[] {Activity.DUPLICATED, Activity.DUPLICATED_NO_NEED}) {
        refused(
            m.describe()
                + " holds booleans or integers and is never differentiable, but was annotated "
                + a.label()
                + "; pass it as constant(..)",
            () -> Autodiff.reverse((Mat p) -> Linalg.sum(p), Arg.of(a, m, new double[2])));
      }
      refused(
          m.describe()
              + " holds booleans or integers and is never differentiable, but was annotated"
              + " BatchDuplicated; pass it as constant(..)",
          () -> Autodiff.forward((Mat p) -> Linalg.sum(p), Arg.batchDuplicated(m, dx)));
    }
  }

  @Test
  void shadowShorterOrLongerThanItsPrimal_namesBothLengthsAndTheAllocation() {
    for (int n : new int[] {2, 4}) {
      double[] wrong = new double[n];
      refused(
          "the shadow of Vec(3) has length " + n + " but must have 3; allocate it as new double[3]",
          () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.duplicated(x, wrong)));
    }
    SparseMatrix a =
        SparseMatrix.ofDoubles(3, 3, new int[] {0, 2}, new int[] {1, 0}, new double[] {1, 2});
    refused(
        "the shadow of "
            + a.describe()
            + " has length 3 but must have 2 (one entry per stored element); allocate it as new"
            + " double[2]",
        () -> Autodiff.reverse((Mat m) -> Linalg.sum(m), Arg.duplicated(a, dx)));
  }

  @Test
  void primalAliasedWithItsOwnShadow_asksForASeparateArray() {
    refused(
        "the shadow of Vec(3) is the same array as its primal; the adjoint would overwrite the"
            + " values: pass a separate array",
        () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.duplicated(x, x)));
    double[] values = {1, 2, 3, 4};
    DenseMatrix m = DenseMatrix.wrap(2, 2, values);
    Unchanged matrix = Unchanged.of(values);
    assertThrows(
        IllegalArgumentException.class,
        () -> Autodiff.reverse((Mat a) -> Linalg.sum(a), Arg.duplicated(m, values)));
    matrix.verify();
  }

  @Test
  void nullArgument_saysHowToAnnotateIt() {
    refused(
        "argument 1 is null; annotate it with constant(..), active(..) or duplicated(..)",
        () ->
            Autodiff.reverse(
                (Vec v, Vec w) -> Linalg.dot(v, w), Arg.duplicated(x, dx), (Arg<Vec>) null));
    refused(
        "argument 0 is null; annotate it with constant(..), active(..) or duplicated(..)",
        () -> Autodiff.forward((Vec v) -> Linalg.sum(v), (Arg<Vec>) null));
  }

  @Test
  void nullPrimalOrShadow_namesWhatToPass() {
    refused(
        "Duplicated argument is null; pass a double, a double[] or a Matrix",
        () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.duplicated((double[]) null, dx)));
    refused(
        "Const argument is null; pass a double, a double[] or a Matrix",
        () -> Autodiff.forward((Vec v) -> Linalg.sum(v), Arg.constant((double[]) null)));
    refused(
        "Duplicated Vec(3) needs a shadow; pass new double[3]",
        () -> Autodiff.reverse((Vec v) -> Linalg.sum(v), Arg.duplicated(x, null)));
  }

  @Test
  void nullFunctionOrPoint_isRefusedBeforeAnythingRuns() {
    String reverse =
        "reverse(f, ..): the function f is null; pass a lambda such as (Vec x) -> Linalg.sum(x)";
    refused(reverse, () -> Autodiff.reverse((Fn1<Vec, Scalar>) null, Arg.duplicated(x, dx)));
    refused(
        reverse.replace("reverse", "forward"),
        () -> Autodiff.forward((Fn1<Vec, Vec>) null, Arg.duplicated(x, dx)));
    refused(reverse.replace("reverse", "gradient"), () -> Autodiff.gradient(null, x));
    refused(reverse.replace("reverse", "hessian"), () -> Autodiff.hessian(null, x));
    refused(
        "gradient(f, x): the point x is null; pass a double[]",
        () -> Autodiff.gradient(v -> Linalg.sum(v), null));
    refused("jacobian(f, x, mode): no argument may be null", () -> Autodiff.jacobian(null, x));
    refused(
        "hessianVector(f, x, v): no argument may be null",
        () -> Autodiff.hessianVector(v -> Linalg.sum(v), x, null));
  }
}
