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
import dev.ad4j.api.SparseMatrix.Kind;
import dev.ad4j.api.Vec;
import dev.ad4j.testkit.RuleTester;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests {@link Indexing} and its rules in {@link VectorBlocks} and {@link Reshape}. */
class IndexingTest {
  private final Random random = new Random(31);

  // gather

  @Test
  void gather_repeatedIndices_readsEachAndAddsTheirAdjointsTogether() {
    double[] x = {10, 20, 30};
    double[] dx = {1, 1, 1};
    Rule<?> rule = Indexing.gather(new int[] {2, 0, 2});
    Output out = reverse(rule, Config.reverse(), args(dup(x, dx)), new double[] {1, 2, 3});
    assertArrayEquals(new double[] {30, 10, 30}, out.vectorPrimal());
    assertArrayEquals(new double[] {1 + 2, 1, 1 + 1 + 3}, dx); // x̄[idx_k] += ȳ_k
  }

  @Test
  void gather_forward_readsTheTangentAtEachIndexInEachLane() {
    double[] x = {1, 2, 3};
    Rule<?> rule = Indexing.gather(new int[] {1, 1, 0});
    Output out =
        RuleCalls.forward(
            rule, Config.forward(2), args(dup(x, new double[] {4, 5, 6}, new double[] {7, 8, 9})));
    assertArrayEquals(new double[] {2, 2, 1}, out.vectorPrimal());
    assertArrayEquals(new double[] {5, 5, 4}, out.arrayTangent(0));
    assertArrayEquals(new double[] {8, 8, 7}, out.arrayTangent(1));
  }

  @Test
  void gather_constX_computesNothingAndSavesNothing() {
    double[] x = {1, 2, 3};
    Rule<?> rule = Indexing.gather(new int[] {0, 2});
    Config overwritten = Config.reverse().withOverwritten(0);
    assertNull(RuleCalls.saved(rule, overwritten, args(constant(x))));
    // A Const argument's shadow throws when requested: the reverse must not touch it.
    Output out = reverse(rule, overwritten, args(constant(x)), new double[] {5, 6});
    assertArrayEquals(new double[] {1, 3}, out.vectorPrimal());
    assertArrayEquals(new double[] {1, 2, 3}, x);
    Output fwd = RuleCalls.forward(rule, Config.forward(3), args(constant(x)));
    assertArrayEquals(new double[2], fwd.arrayTangent(2));
  }

  @Test
  void gather_activeX_savesNothingEvenWhenXIsOverwritten() {
    double[] dx = new double[3];
    Config overwritten = Config.reverse().withOverwritten(0);
    Rule<?> rule = Indexing.gather(new int[] {0});
    assertNull(RuleCalls.saved(rule, overwritten, args(dup(new double[3], dx))));
  }

  @Test
  void gather_indexBeyondX_throwsNamingPositionIndexAndLength() {
    Rule<?> rule = Indexing.gather(new int[] {0, 1, 3});
    assertMessage(
        "gather(x, idx[3]): idx[2] = 3 is out of range for x of length 3",
        () -> RuleCalls.forward(rule, Config.primalOnly(), args(constant(new double[3]))));
  }

  @Test
  void gather_negativeOrNullIndex_throwsAtConstruction() {
    assertMessage(
        "gather(x, idx): idx[1] = -2 is negative", () -> Indexing.gather(new int[] {0, -2}));
    assertMessage("gather(x, idx): idx must not be null", () -> Indexing.gather(null));
  }

  @Test
  void gather_copiesItsIndicesAndComparesByValue() {
    int[] idx = {2, 0, 2};
    Rule<?> rule = Indexing.gather(idx);
    idx[0] = 1;
    assertEquals(Indexing.gather(new int[] {2, 0, 2}), rule);
    assertEquals(Indexing.gather(new int[] {2, 0, 2}).hashCode(), rule.hashCode());
    assertNotEquals(Indexing.gather(new int[] {1, 0, 2}), rule);
    assertNotEquals(Indexing.scatterAdd(new int[] {2, 0, 2}), rule);
    assertEquals("gather(x, idx[3])", rule.name());
  }

  @Test
  void gather_passesRuleKit() {
    assertKit(Indexing.gather(new int[] {2, 0, 2, 1}), random(random, 3));
    assertKit(Indexing.gather(new int[] {3}), random(random, 5));
  }

  // scatterAdd

  @Test
  void scatterAdd_repeatedIndices_accumulateAndVGathersTheAdjoint() {
    double[] x = {1, 2, 3, 4};
    double[] v = {10, 20, 30};
    double[] dx = {1, 1, 1, 1};
    double[] dv = {1, 1, 1};
    double[] g = {5, 6, 7, 8};
    Rule<?> rule = Indexing.scatterAdd(new int[] {1, 3, 1});
    Output out = reverse(rule, Config.reverse(), args(dup(x, dx), dup(v, dv)), g);
    assertArrayEquals(new double[] {1, 2 + 10 + 30, 3, 4 + 20}, out.vectorPrimal());
    assertArrayEquals(new double[] {6, 7, 8, 9}, dx); // x̄ += ȳ
    assertArrayEquals(new double[] {1 + 6, 1 + 8, 1 + 6}, dv); // v̄_k += ȳ[idx_k]
  }

  @Test
  void scatterAdd_constX_touchesOnlyVsShadow() {
    double[] x = {1, 2};
    double[] dv = new double[2];
    Rule<?> rule = Indexing.scatterAdd(new int[] {1, 1});
    Config overwritten = Config.reverse().withOverwritten(0).withOverwritten(1);
    Args in = args(constant(x), dup(new double[] {3, 4}, dv));
    assertNull(RuleCalls.saved(rule, overwritten, in));
    reverse(rule, overwritten, in, new double[] {0.5, 2});
    assertArrayEquals(new double[] {2, 2}, dv);
    assertArrayEquals(new double[] {1, 2}, x);
  }

  @Test
  void scatterAdd_shapeErrors_nameTheLengths() {
    Rule<?> rule = Indexing.scatterAdd(new int[] {0, 2});
    assertMessage(
        "scatterAdd(x, idx[2], v): v has length 3 but idx has length 2",
        () -> primal(rule, args(constant(new double[3]), constant(new double[3]))));
    assertMessage(
        "scatterAdd(x, idx[2], v): idx[1] = 2 is out of range for x of length 2",
        () -> primal(rule, args(constant(new double[2]), constant(new double[2]))));
    assertMessage(
        "scatterAdd(x, idx, v): idx[0] = -1 is negative",
        () -> Indexing.scatterAdd(new int[] {-1}));
  }

  @Test
  void scatterAdd_passesRuleKit() {
    assertKit(Indexing.scatterAdd(new int[] {1, 3, 1}), random(random, 4), random(random, 3));
  }

  // slice

  @Test
  void slice_readsTheRangeAndAddsTheAdjointBackAtItsOffset() {
    double[] dx = {1, 1, 1, 1, 1};
    Rule<?> rule = Indexing.slice(1, 3);
    Output out =
        reverse(
            rule,
            Config.reverse(),
            args(dup(new double[] {1, 2, 3, 4, 5}, dx)),
            new double[] {7, 8});
    assertArrayEquals(new double[] {2, 3}, out.vectorPrimal());
    assertArrayEquals(new double[] {1, 8, 9, 1, 1}, dx);
    assertEquals("slice(x, 1:3)", rule.name());
  }

  @Test
  void slice_invalidRange_throws() {
    assertMessage("slice(x, from, to): from = -1 is negative", () -> Indexing.slice(-1, 2));
    assertMessage("slice(x, from, to): to = 1 is less than from = 2", () -> Indexing.slice(2, 1));
    assertMessage(
        "slice(x, 1:5): to = 5 is beyond x of length 4",
        () -> primal(Indexing.slice(1, 5), args(constant(new double[4]))));
  }

  @Test
  void slice_equalByRange() {
    assertEquals(Indexing.slice(1, 3), Indexing.slice(1, 3));
    assertEquals(Indexing.slice(1, 3).hashCode(), Indexing.slice(1, 3).hashCode());
    assertNotEquals(Indexing.slice(1, 3), Indexing.slice(0, 3));
  }

  @Test
  void slice_passesRuleKit() {
    assertKit(Indexing.slice(1, 3), random(random, 4));
    assertKit(Indexing.slice(0, 4), random(random, 4));
  }

  // concat

  @Test
  void concat_joinsAndSplitsTheAdjointBetweenItsArguments() {
    double[] dx = {1, 1};
    double[] dy = new double[3];
    Args in = args(dup(new double[] {1, 2}, dx), dup(new double[] {3, 4, 5}, dy));
    Output out = reverse(Indexing.CONCAT, Config.reverse(), in, new double[] {6, 7, 8, 9, 10});
    assertArrayEquals(new double[] {1, 2, 3, 4, 5}, out.vectorPrimal());
    assertArrayEquals(new double[] {7, 8}, dx);
    assertArrayEquals(new double[] {8, 9, 10}, dy);
  }

  @Test
  void concat_constX_touchesOnlyYsShadow() {
    double[] dy = new double[1];
    Args in = args(constant(new double[] {1, 2}), dup(new double[] {3}, dy));
    Output fwd = RuleCalls.forward(Indexing.CONCAT, Config.forward(1), in);
    assertArrayEquals(new double[] {0, 0, 0}, fwd.arrayTangent(0));
    reverse(Indexing.CONCAT, Config.reverse(), in, new double[] {6, 7, 8});
    assertArrayEquals(new double[] {8}, dy);
  }

  @Test
  void concat_ofCount_isCheckedAndTwoGivesConcat() {
    assertSame(Indexing.CONCAT, Indexing.concat(2));
    assertEquals(Indexing.concat(3), Indexing.concat(3));
    assertEquals("concat(3 vectors)", Indexing.concat(3).name());
    assertMessage("concat(x1, ...): count must be at least 1, got 0", () -> Indexing.concat(0));
    assertMessage(
        "concat(3 vectors): expects 3 vectors but got 2",
        () -> primal(Indexing.concat(3), args(constant(new double[1]), constant(new double[1]))));
  }

  @Test
  void concat_passesRuleKit() {
    assertKit(Indexing.CONCAT, random(random, 3), random(random, 2));
    assertKit(Indexing.concat(3), random(random, 2), random(random, 1), random(random, 3));
  }

  // reshape and flatten

  @Test
  void reshape_keepsRowMajorOrderAndPassesTheAdjointThrough() {
    DenseMatrix a = DenseMatrix.wrap(3, 2, new double[] {1, 2, 3, 4, 5, 6});
    double[] da = {1, 1, 1, 1, 1, 1};
    Rule<?> rule = Indexing.reshape(2, 3);
    Output out = reverse(rule, Config.reverse(), args(dup(a, da)), new double[] {1, 2, 3, 4, 5, 6});
    DenseMatrix y = (DenseMatrix) out.matrixPrimal();
    assertEquals(2, y.rows());
    assertEquals(3, y.cols());
    assertEquals(4.0, y.get(1, 0));
    assertArrayEquals(new double[] {2, 3, 4, 5, 6, 7}, da);
    assertFalse(y.values() == a.values(), "the output must not alias the input");
    assertEquals("reshape(a, 2x3)", rule.name());
  }

  @Test
  void reshape_ofVector_givesConsecutiveRuns() {
    Output out = primal(Indexing.reshape(2, 2), args(constant(new double[] {1, 2, 3, 4})));
    assertArrayEquals(
        new double[][] {{1, 2}, {3, 4}}, ((DenseMatrix) out.matrixPrimal()).toArray());
  }

  @Test
  void reshape_elementCountMismatchOrNegativeDimension_throws() {
    assertMessage(
        "reshape(a, 2x2): a has 6 elements (DenseMatrix(2x3)) but a 2x2 matrix holds 4",
        () ->
            primal(Indexing.reshape(2, 2), args(constant(DenseMatrix.wrap(2, 3, new double[6])))));
    assertMessage(
        "reshape(a, rows, cols): dimensions must be non-negative, got -1x3",
        () -> Indexing.reshape(-1, 3));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void reshapeAndFlatten_sparse_throwSayingTheyAreForDenseMatrices(Kind kind) {
    var a = sparse(random, 2, 2, kind, 0.6);
    assertMessage(
        "reshape(a, 1x4): reshape is for dense matrices; a is " + a.describe(),
        () -> primal(Indexing.reshape(1, 4), args(constant(a))));
    assertMessage(
        "flatten(a): flatten is for dense matrices; a is " + a.describe(),
        () -> primal(Indexing.FLATTEN, args(constant(a))));
  }

  @Test
  void flatten_givesRowMajorVectorAndPassesTheAdjointThrough() {
    DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    double[] da = new double[6];
    Output out =
        reverse(
            Indexing.FLATTEN, Config.reverse(), args(dup(a, da)), new double[] {6, 5, 4, 3, 2, 1});
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, out.vectorPrimal());
    assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, da);
    assertMessage(
        "flatten(a): a is a Vec(2); expected a dense matrix",
        () -> primal(Indexing.FLATTEN, args(constant(new double[2]))));
  }

  @Test
  void reshape_constA_savesNothingAndGivesZeroTangent() {
    Args in = args(constant(DenseMatrix.wrap(2, 2, new double[] {1, 2, 3, 4})));
    assertNull(RuleCalls.saved(Indexing.reshape(4, 1), Config.reverse().withOverwritten(0), in));
    Output out = RuleCalls.forward(Indexing.reshape(4, 1), Config.forward(2), in);
    assertArrayEquals(new double[4], out.arrayTangent(1));
  }

  @Test
  void reshape_equalByDimensions() {
    assertEquals(Indexing.reshape(2, 3), Indexing.reshape(2, 3));
    assertEquals(Indexing.reshape(2, 3).hashCode(), Indexing.reshape(2, 3).hashCode());
    assertNotEquals(Indexing.reshape(3, 2), Indexing.reshape(2, 3));
    assertNotEquals(Indexing.FLATTEN, Indexing.reshape(2, 3));
  }

  @Test
  void reshapeAndFlatten_passRuleKit() {
    assertKit(Indexing.reshape(2, 3), DenseMatrix.wrap(3, 2, random(random, 6)));
    assertKit(Indexing.reshape(2, 3), random(random, 6));
    assertKit(Indexing.FLATTEN, DenseMatrix.wrap(2, 3, random(random, 6)));
  }

  // Linalg facade

  @Test
  void facade_constantInputs_computePrimalsAndStayConstant() {
    Vec x = Vec.constant(new double[] {1, 2, 3});
    Vec v = Vec.constant(new double[] {10});
    DenseMatrix a = DenseMatrix.wrap(2, 2, new double[] {1, 2, 3, 4});
    assertArrayEquals(new double[] {3, 1, 3}, Linalg.gather(x, 2, 0, 2).value());
    assertArrayEquals(new double[] {1, 12, 3}, Linalg.scatterAdd(x, new int[] {1}, v).value());
    assertArrayEquals(new double[] {2, 3}, Linalg.slice(x, 1, 3).value());
    assertArrayEquals(new double[] {1, 2, 3, 10}, Linalg.concat(x, v).value());
    assertArrayEquals(new double[] {10, 1, 2, 3, 10}, Linalg.concat(v, x, v).value());
    Mat r = Linalg.reshape(a, 1, 4);
    assertArrayEquals(new double[] {1, 2, 3, 4}, ((DenseMatrix) r.value()).values());
    assertEquals(1, r.rows());
    assertEquals(4, Linalg.reshape(Mat.constant(a), 4, 1).rows());
    assertEquals(3, Linalg.reshape(x, 3, 1).rows());
    assertArrayEquals(new double[] {1, 2, 3, 4}, Linalg.flatten(a).value());
    assertFalse(Linalg.gather(x, 0).isActive());
    assertFalse(Linalg.concat(x, v).isActive());
    assertFalse(r.isActive());
  }

  @Test
  void facade_handsEachRuleToTheTrace() {
    RecordingTrace t = new RecordingTrace();
    Vec x = t.vec(1, 2, 3);
    Linalg.gather(x, 2, 2);
    assertEquals(Indexing.gather(new int[] {2, 2}), t.rule);
    assertSame(x, t.inputs[0]);
    Linalg.scatterAdd(x, new int[] {0}, Vec.constant(new double[] {1}));
    assertEquals(Indexing.scatterAdd(new int[] {0}), t.rule);
    Linalg.slice(x, 0, 2);
    assertEquals(Indexing.slice(0, 2), t.rule);
    Linalg.concat(x, x);
    assertSame(Indexing.CONCAT, t.rule);
    Linalg.concat(x, x, x);
    assertEquals(Indexing.concat(3), t.rule);
    Linalg.flatten(Mat.traced(DenseMatrix.wrap(1, 2, new double[2]), t, 0));
    assertSame(Indexing.FLATTEN, t.rule);
  }

  private static Output primal(Rule<?> rule, Args args) {
    return RuleCalls.forward(rule, Config.primalOnly(), args);
  }

  private static void assertKit(Rule<?> rule, Object... samples) {
    assertTrue(RuleTester.of(rule).at(samples).checkAll().cases() > 0, rule.name());
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
