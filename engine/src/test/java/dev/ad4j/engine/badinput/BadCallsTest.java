package dev.ad4j.engine.badinput;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.ForwardResult;
import dev.ad4j.engine.ReverseResult;
import dev.ad4j.rules.Linalg;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Catalogue, calls: arguments whose shapes do not fit each other, two {@code Duplicated} arguments
 * sharing one shadow (allowed), and functions whose result is not derived from their inputs.
 */
class BadCallsTest {
  private final double[] x = {1, 2, 3};
  private final double[] dx = {0.5, -0.25, 8};
  private final double[] y = {4, 5};
  private final double[] dy = {-3, 0.125};

  @Test
  void dotOfVectorsOfDifferentLengths_namesBothLengthsInEitherMode() {
    Unchanged before = Unchanged.of(x, dx, y, dy);
    String message = "dot(x, y): x has length 3 but y has length 2";
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Autodiff.reverse(
                        (Vec a, Vec b) -> Linalg.dot(a, b), duplicated(x, dx), duplicated(y, dy)))
            .getMessage());
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Autodiff.forward(
                        (Vec a, Vec b) -> Linalg.dot(a, b), duplicated(x, dx), constant(y)))
            .getMessage());
    before.verify();
  }

  @Test
  void matrixTimesVectorOfTheWrongLength_saysWhatTheLengthMustEqual() {
    double[] values = {1, 2, 3, 4};
    double[] dA = {1, 1, 1, 1};
    DenseMatrix a = DenseMatrix.wrap(2, 2, values);
    Unchanged before = Unchanged.of(values, dA, x, dx);
    String message = "times(A, x): A is 2x2 but x has length 3 (must equal A's number of columns)";
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Autodiff.reverse(
                        (Mat m, Vec v) -> Linalg.sum(Linalg.times(m, v)),
                        duplicated(a, dA),
                        duplicated(x, dx)))
            .getMessage());
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class, () -> Autodiff.jacobian(v -> Linalg.times(a, v), x))
            .getMessage());
    before.verify();
  }

  @Test
  void twoDuplicatedArgumentsSharingOneShadow_getTheSumOfTheirAdjoints() {
    double[] u = {1, -2, 3};
    double[] w = {0.5, 4, -1};
    double[] seed = {0.25, -1, 2};
    // f(u, w) = u·w + Σu²: ∂f/∂u = w + 2u, ∂f/∂w = u
    double[] du = new double[3];
    double[] dw = new double[3];
    Autodiff.reverse(
        (Vec a, Vec b) -> Linalg.dot(a, b).plus(Linalg.sumOfSquares(a)),
        duplicated(u, du),
        duplicated(w, dw));
    assertArrayEquals(new double[] {2.5, 0, 5}, du);
    assertArrayEquals(new double[] {1, -2, 3}, dw);

    double[] shared = seed.clone();
    Autodiff.reverse(
        (Vec a, Vec b) -> Linalg.dot(a, b).plus(Linalg.sumOfSquares(a)),
        duplicated(u, shared),
        duplicated(w, shared));
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      expected[i] = seed[i] + du[i] + dw[i];
    }
    assertArrayEquals(expected, shared);
  }

  @Test
  void constantResult_givesZeroDerivativesInBothModes() {
    Unchanged before = Unchanged.of(x, dx);
    ReverseResult r =
        Autodiff.reverse((Vec v, Scalar t) -> Scalar.constant(7), duplicated(x, dx), active(2));
    assertEquals(7.0, r.value());
    assertEquals(0.0, r.adjoint(1));
    before.verify(); // += 0 leaves the pre-seeded shadow as it was
    ForwardResult<Scalar> f = Autodiff.forward((Vec v) -> Scalar.constant(7), duplicated(x, dx));
    assertEquals(7.0, f.primal().value());
    assertEquals(0.0, f.tangent().value());
    before.verify();
  }

  @Test
  void resultComputedFromConstArgumentsOnly_givesZeroDerivatives() {
    double[] c = {3, 4};
    Unchanged before = Unchanged.of(x, dx, c);
    ReverseResult r =
        Autodiff.reverse((Vec v, Vec k) -> Linalg.sumOfSquares(k), duplicated(x, dx), constant(c));
    assertEquals(25.0, r.value());
    before.verify();
    ForwardResult<Vec> f =
        Autodiff.forward((Vec v, Vec k) -> Linalg.multiply(k, k), duplicated(x, dx), constant(c));
    assertArrayEquals(new double[] {9, 16}, f.primal().value());
    assertArrayEquals(new double[2], f.tangent().value());
  }

  @Test
  void resultKeptFromAnEarlierCall_isRefusedSayingValuesMustNotBeKept() {
    AtomicReference<Scalar> kept = new AtomicReference<>();
    Autodiff.reverse(
        (Vec v) -> {
          kept.set(Linalg.sum(v));
          return kept.get();
        },
        duplicated(x, new double[3]));
    Unchanged before = Unchanged.of(x, dx);
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Autodiff.reverse((Vec v) -> kept.get(), duplicated(x, dx)))
            .getMessage();
    assertTrue(m.startsWith("the function returned a value of another differentiation ("), m);
    assertTrue(m.endsWith("); values must not be kept across calls"), m);
    before.verify();
  }

  @Test
  void nullResult_saysWhatToReturn() {
    Unchanged before = Unchanged.of(x, dx);
    assertEquals(
        "the function returned null; return a Scalar",
        assertThrows(
                IllegalArgumentException.class,
                () -> Autodiff.reverse((Vec v) -> null, duplicated(x, dx)))
            .getMessage());
    assertEquals(
        "the function returned null; return an ad4j value",
        assertThrows(
                IllegalArgumentException.class,
                () -> Autodiff.forward((Vec v) -> (Vec) null, duplicated(x, dx)))
            .getMessage());
    before.verify();
  }
}
