package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Extrema;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordingTest {

  /** Extended Rosenbrock, the way a user writes it. */
  static Scalar rosenbrock(Vec x) {
    Scalar sum = Scalar.constant(0);
    for (int i = 0; i < x.size() - 1; i++) {
      Scalar a = x.get(i + 1).minus(x.get(i).square());
      Scalar b = x.get(i).minus(1);
      sum = sum.plus(a.square().times(100)).plus(b.square());
    }
    return sum;
  }

  /**
   * Every instruction kind: arithmetic of two values, with a constant on either side, unary and
   * binary rules with a constant on either side, negation and square.
   */
  static Scalar everyInstruction(Vec x) {
    Scalar a = x.get(0);
    Scalar b = x.get(1);
    Scalar c = x.get(2);
    Scalar one = Scalar.constant(1.5);
    Scalar t = a.plus(b).minus(c).times(a).div(b.square().plus(2)); // binary + constant forms
    t = t.plus(3).minus(0.5).times(2).div(4); // x op c
    t = t.plus(one.minus(a)).plus(one.div(c.square().plus(1))).plus(one.times(b)); // c op x
    t = t.plus(Scalars.exp(a.times(0.1))).plus(Scalars.sin(c)).minus(b.negate());
    t = t.plus(Scalars.pow(b.square().plus(1), Scalar.constant(0.7))); // binary rule, c as y
    t = t.plus(Scalars.pow(Scalar.constant(1.3), c)); // binary rule, c as x
    t = t.plus(Extrema.hypot(a, c)).plus(Extrema.max(a, b)); // binary rule of two values
    return t;
  }

  private static double[] point(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 4 * random.nextDouble() - 2;
    }
    return x;
  }

  @Test
  void replayedGradientIsBitForBitTheRecordedOne() {
    Random random = new Random(3);
    for (Fn1<Vec, Scalar> f :
        java.util.List.<Fn1<Vec, Scalar>>of(
            RecordingTest::rosenbrock, RecordingTest::everyInstruction)) {
      Recording r = Autodiff.record(f, point(random, 6));
      double[] g = new double[6];
      for (int trial = 0; trial < 20; trial++) {
        double[] x = point(random, 6);
        double value = r.valueAndGradient(x, g);
        assertEquals(Autodiff.reverse(f, dev.ad4j.api.Arg.constant(x)).value(), value, 0.0);
        assertArrayEquals(Autodiff.gradient(f, x), g, 0.0);
        assertEquals(value, r.value(x), 0.0);
      }
      assertEquals(1, r.recordings(), "no branch: recorded once");
    }
  }

  @Test
  void replayedGradientMatchesFiniteDifferences() {
    Random random = new Random(4);
    Recording r = Autodiff.record(RecordingTest::everyInstruction, point(random, 3));
    double[] x = point(random, 3);
    double[] g = new double[3];
    r.valueAndGradient(x, g);
    double h = 1e-6;
    for (int i = 0; i < 3; i++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (r.value(up) - r.value(down)) / (2 * h);
      assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "component " + i);
    }
  }

  @Test
  void rosenbrockGradientIsTheClosedForm() {
    double[] x = {-1.2, 1.0, 0.5};
    Recording r = Autodiff.record(RecordingTest::rosenbrock, new double[3]);
    double[] g = new double[3];
    double value = r.valueAndGradient(x, g);
    // f = 100(x1 − x0²)² + (x0 − 1)² + 100(x2 − x1²)² + (x1 − 1)²
    double a0 = x[1] - x[0] * x[0];
    double a1 = x[2] - x[1] * x[1];
    assertEquals(100 * a0 * a0 + 4.84 + 100 * a1 * a1 + 0.0, value, 1e-12);
    assertEquals(-400 * x[0] * a0 + 2 * (x[0] - 1), g[0], 1e-12);
    assertEquals(200 * a0 - 400 * x[1] * a1 + 2 * (x[1] - 1), g[1], 1e-12);
    assertEquals(200 * a1, g[2], 1e-12);
  }

  /** f(x) = x₀² where x₀ > 0, else −3x₀ (plus x₁): the branch is a comparison of Scalars. */
  static Scalar piecewise(Vec x) {
    Scalar x0 = x.get(0);
    Scalar branch = x0.greaterThan(0) ? x0.square() : x0.times(-3);
    return branch.plus(x.get(1));
  }

  @Test
  void aBranchThatFlipsIsRecordedAgainInsteadOfReturningTheOldPathsGradient() {
    Recording r = Autodiff.record(RecordingTest::piecewise, new double[] {1, 0});
    double[] g = new double[2];

    assertEquals(4.0, r.valueAndGradient(new double[] {2, 0}, g), 0.0);
    assertArrayEquals(new double[] {4, 1}, g, 0.0);
    assertEquals(1, r.recordings());

    assertEquals(6.0, r.valueAndGradient(new double[] {-2, 0}, g), 0.0);
    assertArrayEquals(new double[] {-3, 1}, g, 0.0, "the x0 <= 0 branch, recorded again");
    assertEquals(2, r.recordings());

    assertEquals(3.0, r.valueAndGradient(new double[] {-1, 0}, g), 0.0);
    assertEquals(2, r.recordings(), "same branch: replayed");
    assertEquals(9.0, r.value(new double[] {3, 0}), 0.0);
    assertEquals(3, r.recordings(), "value() guards too");
  }

  @Test
  void guardsCompareTwoValuesAndAConstantOnEitherSide() {
    Fn1<Vec, Scalar> f =
        x -> {
          Scalar a = x.get(0);
          Scalar b = x.get(1);
          Scalar y = a.lessThan(b) ? a : b; // min by a branch
          Scalar z = Scalar.constant(1).lessOrEqual(a) ? a.times(2) : a; // constant on the left
          return b.greaterOrEqual(0.5) ? y.plus(z) : y.minus(z);
        };
    Recording r = Autodiff.record(f, new double[] {0, 1});
    Random random = new Random(5);
    double[] g = new double[2];
    for (int trial = 0; trial < 40; trial++) {
      double[] x = point(random, 2);
      assertEquals(
          Autodiff.reverse(f, dev.ad4j.api.Arg.constant(x)).value(), r.valueAndGradient(x, g), 0.0);
      assertArrayEquals(Autodiff.gradient(f, x), g, 0.0, "at " + x[0] + ", " + x[1]);
    }
    assertTrue(r.recordings() > 1, "random points cross the branches");
  }

  @Test
  void aBranchOnValueIsInvisibleAndReplaysTheRecordedPath() {
    // Documented limitation: compare Scalars, not their values.
    Fn1<Vec, Scalar> f = x -> x.get(0).value() > 0 ? x.get(0).square() : x.get(0).times(-3);
    Recording r = Autodiff.record(f, new double[] {1});
    double[] g = new double[1];
    assertEquals(4.0, r.valueAndGradient(new double[] {-2}, g), 0.0, "(-2)², the recorded path");
    assertEquals(1, r.recordings());
  }

  @Test
  void kinksNeedNoGuard() {
    Fn1<Vec, Scalar> f = x -> Extrema.abs(x.get(0)).plus(Extrema.max(x.get(0), x.get(1)));
    Recording r = Autodiff.record(f, new double[] {1, 0});
    double[] g = new double[2];
    r.valueAndGradient(new double[] {-2, 1}, g);
    assertArrayEquals(new double[] {-1, 1}, g, 0.0);
    assertEquals(1, r.recordings());
  }

  @Test
  void aConstantResultHasAZeroGradient() {
    Recording r = Autodiff.record(x -> Scalar.constant(5), new double[] {1, 2});
    double[] g = {7, 7};
    assertEquals(5.0, r.valueAndGradient(new double[] {3, 4}, g), 0.0);
    assertArrayEquals(new double[] {0, 0}, g, 0.0);
  }

  @Test
  void anArrayRuleIsRefusedWithTheAlternative() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> Autodiff.record(x -> Linalg.sumOfSquares(x), new double[] {1, 2}));
    assertTrue(e.getMessage().contains("array rule 'sumOfSquares"), e.getMessage());
    assertTrue(e.getMessage().contains("differentiate it with Autodiff.gradient"), e.getMessage());
  }

  @Test
  void badInputIsRefusedAndLeavesTheGradientAlone() {
    Recording r = Autodiff.record(RecordingTest::rosenbrock, new double[3]);
    double[] g = {7, 8, 9};
    IllegalArgumentException shortX =
        assertThrows(IllegalArgumentException.class, () -> r.valueAndGradient(new double[2], g));
    assertEquals(
        "this recording takes points of length 3, x has length 2: record the function again with"
            + " Autodiff.record(f, x)",
        shortX.getMessage());
    IllegalArgumentException shortG =
        assertThrows(
            IllegalArgumentException.class, () -> r.valueAndGradient(new double[3], new double[2]));
    assertEquals(
        "the gradient array is of length 2, the point has length 3: pass new double[3]",
        shortG.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.valueAndGradient(null, g));
    assertThrows(IllegalArgumentException.class, () -> r.valueAndGradient(new double[3], null));
    assertThrows(IllegalArgumentException.class, () -> r.value(null));
    assertThrows(IllegalArgumentException.class, () -> Autodiff.record(null, new double[1]));
    assertThrows(IllegalArgumentException.class, () -> Autodiff.record(x -> x.get(0), null));
    assertArrayEquals(new double[] {7, 8, 9}, g, 0.0);
  }

  @Test
  void aFailingRuleLeavesTheGradientAlone() {
    UnaryScalarRule failing =
        UnaryScalarRule.of(
            "failsBelowZero",
            x -> {
              if (x < 0) {
                throw new ArithmeticException("below zero");
              }
              return x;
            },
            (x, y) -> 1);
    Recording r =
        Autodiff.record(x -> failing.apply(x.get(0)).times(x.get(1)), new double[] {1, 1});
    double[] g = {7, 8};
    assertThrows(ArithmeticException.class, () -> r.valueAndGradient(new double[] {-1, 1}, g));
    assertArrayEquals(new double[] {7, 8}, g, 0.0);
  }

  @Test
  void aFunctionWhoseBranchesChangeAtTheSamePointIsReported() {
    int[] calls = {0};
    UnaryScalarRule flaky =
        UnaryScalarRule.of("flaky", x -> calls[0]++ % 2 == 0 ? x : -x, (x, y) -> 1);
    Recording r =
        Autodiff.record(
            x -> flaky.apply(x.get(0)).greaterThan(0) ? x.get(0) : x.get(0).negate(),
            new double[] {1});
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> r.valueAndGradient(new double[] {1}, new double[1]));
    assertTrue(e.getMessage().contains("not deterministic"), e.getMessage());
  }

  @Test
  void valuesKeptFromTheRecordingCannotBeUsedLater() {
    Scalar[] kept = new Scalar[1];
    Autodiff.record(x -> kept[0] = x.get(0).square(), new double[] {1});
    assertThrows(IllegalStateException.class, () -> kept[0].plus(kept[0]));
  }

  @Test
  void replayAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter available");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
    double[] x = point(new Random(6), 1000);
    Recording r = Autodiff.record(RecordingTest::rosenbrock, x);
    double[] g = new double[x.length];
    for (int i = 0; i < 2000; i++) { // warm up (the JIT allocates nothing on this thread's count)
      r.valueAndGradient(x, g);
    }
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1000; i++) {
      x[i % x.length] += 1e-3;
      r.valueAndGradient(x, g);
    }
    long allocated = counter.getThreadAllocatedBytes(thread) - before;
    // A recorded call at this size allocates about 0.5 MB; 1000 replays allocate nothing.
    assertTrue(allocated < 1024, allocated + " bytes allocated by 1000 replays");
  }

  /** The example in {@link Recording}'s Javadoc. */
  @Test
  void recordingJavadocExample() {
    double[] start = {1, 1};
    Recording f = Autodiff.record(x -> x.get(0).times(x.get(1)).plus(x.get(1).square()), start);
    double[] g = new double[2];
    double value = f.valueAndGradient(new double[] {3, 4}, g);
    assertEquals(28.0, value, 0.0);
    assertArrayEquals(new double[] {4, 11}, g, 0.0);
    // x0, x1, x0·x1, x1 again, x1², the sum: each x.get(i) is an instruction
    assertEquals(6, f.instructions());
    assertEquals(2, f.dimension());
  }

  /** The example in {@link Autodiff#record}'s Javadoc. */
  @Test
  void autodiffRecordJavadocExample() {
    Recording r =
        Autodiff.record(x -> x.get(0).minus(1).square().plus(x.get(1).square()), new double[2]);
    double[] x = {0, 0};
    double[] g = new double[2];
    for (int step = 0; step < 100; step++) {
      r.valueAndGradient(x, g); // no tape, no allocation
      for (int i = 0; i < 2; i++) {
        x[i] -= 0.25 * g[i];
      }
    }
    assertArrayEquals(new double[] {1, 0}, x, 1e-12);
  }
}
