package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static dev.ad4j.rules.RuleCalls.reverse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.testkit.RuleTester;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link ElementwiseMap2}: binary easy-tier rules over vectors and dense matrices. */
class ElementwiseMap2Test {
  private static final double[] X = {0.5, 1.25, 2.0, 0.75, 1.5, 3.0};
  private static final double[] Y = {1.5, -0.75, 0.5, 2.0, -1.0, 0.25};

  static Stream<BinaryScalarRule> rules() {
    return Stream.of(Scalars.POW, Trig.ATAN2, Extrema.MIN, Extrema.MAX, Extrema.HYPOT);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void map2_passesRuleKitOnVectorsAndDenseMatrices(BinaryScalarRule f) {
    Rule<?> rule = Elementwise.map2(f);
    // 4 combinations x (forward widths 1 and 3, reverse) + second order for the 3 active ones.
    assertEquals(15, RuleTester.of(rule).at(X, Y).checkAll().cases());
    DenseMatrix a = DenseMatrix.wrap(2, 3, X.clone());
    DenseMatrix b = DenseMatrix.wrap(2, 3, Y.clone());
    assertEquals(15, RuleTester.of(rule).at(a, b).checkAll().cases());
  }

  @Test
  void pow_reverse_addsYXPowYMinusOneAndZLogX() {
    double[] dx = {1, 1, 1, 1, 1, 1};
    double[] dy = new double[6];
    double[] g = {1, 2, 3, -1, 0.5, 2};
    Output out =
        reverse(
            new ElementwiseMap2(Scalars.POW), Config.reverse(), args(dup(X, dx), dup(Y, dy)), g);
    for (int i = 0; i < X.length; i++) {
      double z = Math.pow(X[i], Y[i]);
      assertEquals(z, out.vectorPrimal()[i], 1e-15 * Math.abs(z));
      assertEquals(1 + g[i] * Y[i] * Math.pow(X[i], Y[i] - 1), dx[i], 1e-13);
      assertEquals(g[i] * z * Math.log(X[i]), dy[i], 1e-13);
    }
  }

  @Test
  void denseMatrices_giveADenseMatrixOfTheSameShape() {
    DenseMatrix a = DenseMatrix.wrap(3, 2, X.clone());
    DenseMatrix b = DenseMatrix.wrap(3, 2, Y.clone());
    Output out =
        RuleCalls.forward(
            new ElementwiseMap2(Extrema.MAX), Config.primalOnly(), args(constant(a), constant(b)));
    DenseMatrix m = (DenseMatrix) out.matrixPrimal();
    assertEquals(3, m.rows());
    assertEquals(2, m.cols());
    assertArrayEquals(new double[] {1.5, 1.25, 2.0, 2.0, 1.5, 3.0}, m.values());
  }

  @Test
  void constY_neverEvaluatesThePartialForY() {
    AtomicInteger partialY = new AtomicInteger();
    BinaryScalarRule product =
        BinaryScalarRule.of(
            "product",
            (x, y) -> x * y,
            (x, y, z) -> y,
            (x, y, z) -> {
              partialY.incrementAndGet();
              return x;
            });
    ElementwiseMap2 rule = new ElementwiseMap2(product);
    double[] dx = new double[6];
    reverse(rule, Config.reverse(), args(dup(X, dx), constant(Y)), new double[] {1, 1, 1, 1, 1, 1});
    RuleCalls.forward(
        rule, Config.forward(2), args(dup(X, new double[6], new double[6]), constant(Y)));
    assertArrayEquals(Y, dx);
    assertEquals(0, partialY.get());
  }

  @Test
  void augmentedPrimal_bothConstOrNothingOverwritten_savesNothing() {
    ElementwiseMap2 rule = new ElementwiseMap2(Scalars.POW);
    assertNull(RuleCalls.saved(rule, Config.reverse(), args(dup(X, new double[6]), constant(Y))));
    assertNull(
        RuleCalls.saved(
            rule,
            Config.reverse().withOverwritten(0).withOverwritten(1),
            args(constant(X), constant(Y))));
  }

  @Test
  void mismatchedShapes_throwNamingBoth() {
    ElementwiseMap2 rule = new ElementwiseMap2(Scalars.POW);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RuleCalls.forward(
                    rule,
                    Config.primalOnly(),
                    args(constant(X), constant(DenseMatrix.wrap(2, 3, Y.clone())))));
    assertTrue(
        e.getMessage()
            .startsWith("map2(pow, x, y): x is a vector of length 6 but y is a 2x3 matrix"),
        e.getMessage());
  }

  @Test
  void sparseOrScalarArgument_isRejectedWithAHint() {
    ElementwiseMap2 rule = new ElementwiseMap2(Scalars.POW);
    SparseMatrix s = SparseMatrix.ofDoubles(1, 6, new int[] {0}, new int[] {2}, new double[] {1});
    IllegalArgumentException sparse =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleCalls.forward(rule, Config.primalOnly(), args(constant(s), constant(s))));
    assertTrue(
        sparse.getMessage().contains("elementwise rules take dense matrices"), sparse.getMessage());
    IllegalArgumentException scalar =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RuleCalls.forward(
                    rule, Config.primalOnly(), args(ScalarArg.constant(1.0), constant(X))));
    assertTrue(scalar.getMessage().contains("argument 0 is a scalar"), scalar.getMessage());
  }

  @Test
  void facade_constantsComputeThePrimalAndTracedInputsHandOverTheRule() {
    Vec z = Linalg.map2(Extrema.MAX, Vec.constant(X), Vec.constant(Y));
    assertArrayEquals(new double[] {1.5, 1.25, 2.0, 2.0, 1.5, 3.0}, z.value());
    RecordingTrace trace = new RecordingTrace();
    Vec x = trace.vec(X);
    Linalg.map2(Scalars.POW, x, Vec.constant(Y));
    assertEquals(Elementwise.map2(Scalars.POW), trace.rule);
    Mat m = trace.mat(DenseMatrix.wrap(2, 3, X.clone()));
    assertTrue(Linalg.map2(Trig.ATAN2, m, m).isActive());
    assertEquals(Elementwise.map2(Trig.ATAN2), trace.rule);
  }
}
