package dev.ad4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JacobianRecordingTest {

  /** Four outputs: every instruction kind, a branch, a constant, and an element of x itself. */
  static Vec f(Vec x) {
    Scalar a = x.get(0);
    Scalar b = x.get(1);
    Scalar kink = a.greaterThan(b) ? a.minus(b).square() : Scalars.sin(a.times(b));
    return Vec.of(
        RecordingTest.everyInstruction(x), kink, Scalar.constant(2.5), x.get(2).div(b.plus(3)));
  }

  private static double[] point(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 4 * random.nextDouble() - 2;
    }
    return x;
  }

  @Test
  void replayedJacobianIsBitForBitTheReverseModeJacobian() {
    Random random = new Random(8);
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, point(random, 3));
    assertEquals(3, r.inputs());
    assertEquals(4, r.outputs());
    double[] value = new double[4];
    double[] jacobian = new double[12];
    for (int trial = 0; trial < 30; trial++) {
      double[] x = point(random, 3);
      r.valueAndJacobian(x, value, jacobian);
      Jacobian expected = Autodiff.jacobian(JacobianRecordingTest::f, x, JacobianMode.REVERSE);
      assertArrayEquals(expected.value(), value, 0.0);
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(expected.get(i, j), jacobian[i * 3 + j], 0.0, "J[" + i + "][" + j + "]");
        }
      }
    }
    assertTrue(r.recordings() > 1, "random points cross the branch");
  }

  @Test
  void replayedJacobianMatchesFiniteDifferences() {
    double[] x = {0.3, -0.7, 1.1};
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, x);
    double[] jacobian = new double[12];
    r.valueAndJacobian(x, null, jacobian);
    double h = 1e-6;
    double[] up = new double[4];
    double[] down = new double[4];
    for (int j = 0; j < 3; j++) {
      double[] xu = x.clone();
      double[] xd = x.clone();
      xu[j] += h;
      xd[j] -= h;
      r.value(xu, up);
      r.value(xd, down);
      for (int i = 0; i < 4; i++) {
        double fd = (up[i] - down[i]) / (2 * h);
        assertEquals(fd, jacobian[i * 3 + j], 1e-6 * Math.max(1, Math.abs(fd)), i + "," + j);
      }
    }
  }

  @Test
  void theIdentityIsItsOwnRecording() {
    JacobianRecording r = Autodiff.recordJacobian(x -> x, new double[] {1, 2});
    double[] value = new double[2];
    double[] jacobian = new double[4];
    r.valueAndJacobian(new double[] {5, 6}, value, jacobian);
    assertArrayEquals(new double[] {5, 6}, value, 0.0);
    assertArrayEquals(new double[] {1, 0, 0, 1}, jacobian, 0.0);
  }

  @Test
  void anOutputLengthThatChangesWithABranchIsRefused() {
    JacobianRecording r =
        Autodiff.recordJacobian(
            x -> x.get(0).greaterThan(0) ? Vec.of(x.get(0)) : Vec.of(x.get(0), x.get(0)),
            new double[] {1});
    double[] jacobian = {7};
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> r.valueAndJacobian(new double[] {-1}, null, jacobian));
    assertEquals(
        "the function returned 2 values at this point and 1 where it was recorded; a recording"
            + " needs a fixed output length",
        e.getMessage());
    assertArrayEquals(new double[] {7}, jacobian, 0.0);
  }

  @Test
  void badInputIsRefusedAndLeavesTheArraysAlone() {
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, new double[3]);
    double[] value = {1, 2, 3, 4};
    double[] jacobian = new double[12];
    jacobian[0] = 9;
    IllegalArgumentException shortJ =
        assertThrows(
            IllegalArgumentException.class,
            () -> r.valueAndJacobian(new double[3], value, new double[11]));
    assertEquals(
        "the Jacobian array is of length 11; pass new double[4 * 3] (outputs × inputs, row after"
            + " row)",
        shortJ.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> r.valueAndJacobian(new double[3], value, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> r.valueAndJacobian(new double[3], new double[3], jacobian));
    assertThrows(
        IllegalArgumentException.class, () -> r.valueAndJacobian(new double[2], value, jacobian));
    assertThrows(IllegalArgumentException.class, () -> r.value(new double[3], null));
    assertThrows(
        IllegalArgumentException.class, () -> Autodiff.recordJacobian(null, new double[1]));
    assertThrows(IllegalArgumentException.class, () -> Autodiff.recordJacobian(x -> x, null));
    assertArrayEquals(new double[] {1, 2, 3, 4}, value, 0.0);
    assertEquals(9.0, jacobian[0], 0.0);
  }

  @Test
  void anArrayRuleIsRefusedWithTheAlternatives() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> Autodiff.recordJacobian(x -> Linalg.multiply(x, x), new double[] {1, 2}));
    assertTrue(e.getMessage().contains("Autodiff.gradient or Autodiff.jacobian"), e.getMessage());
  }

  @Test
  void replayAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter available");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
    double[] x = {0.5, -0.25, 1.5};
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, x);
    double[] value = new double[4];
    double[] jacobian = new double[12];
    for (int i = 0; i < 20_000; i++) {
      r.valueAndJacobian(x, value, jacobian);
    }
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      x[0] = 0.5 + 1e-4 * i; // stays on the x0 > x1 branch
      r.valueAndJacobian(x, value, jacobian);
    }
    long allocated = counter.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < 1024, allocated + " bytes allocated by 10,000 replays");
    assertEquals(1, r.recordings());
  }

  @Test
  void manyPointsAtOnceGiveTheBitsOfOnePointAtATime() {
    Random random = new Random(9);
    int count = 200; // three full batches and a partial one; random points cross the branch
    double[] points = point(random, 3 * count);
    JacobianRecording batch = Autodiff.recordJacobian(JacobianRecordingTest::f, new double[3]);
    JacobianRecording single = Autodiff.recordJacobian(JacobianRecordingTest::f, new double[3]);
    double[] values = new double[4 * count];
    double[] jacobians = new double[12 * count];
    batch.valuesAndJacobians(points, values, jacobians);
    double[] value = new double[4];
    double[] jacobian = new double[12];
    for (int j = 0; j < count; j++) {
      single.valueAndJacobian(
          java.util.Arrays.copyOfRange(points, 3 * j, 3 * j + 3), value, jacobian);
      assertArrayEquals(
          value, java.util.Arrays.copyOfRange(values, 4 * j, 4 * j + 4), 0.0, "point " + j);
      assertArrayEquals(
          jacobian,
          java.util.Arrays.copyOfRange(jacobians, 12 * j, 12 * j + 12),
          0.0,
          "point " + j);
    }
    assertTrue(batch.recordings() > 1, "some points took the other branch");
  }

  @Test
  void manyPointsWithBadShapesAreRefusedBeforeAnythingIsWritten() {
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, new double[3]);
    double[] values = new double[8];
    double[] jacobians = new double[24];
    jacobians[0] = 5;
    IllegalArgumentException ragged =
        assertThrows(
            IllegalArgumentException.class,
            () -> r.valuesAndJacobians(new double[7], values, jacobians));
    assertEquals(
        "the points array is of length 7; pass count × 3 numbers, one point after another",
        ragged.getMessage());
    IllegalArgumentException shortJ =
        assertThrows(
            IllegalArgumentException.class,
            () -> r.valuesAndJacobians(new double[6], values, new double[23]));
    assertEquals(
        "the Jacobians array is of length 23; pass new double[2 * 4 * 3] (points × outputs ×"
            + " inputs)",
        shortJ.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> r.valuesAndJacobians(new double[6], new double[7], jacobians));
    assertThrows(
        IllegalArgumentException.class, () -> r.valuesAndJacobians(null, values, jacobians));
    assertEquals(5.0, jacobians[0], 0.0);
  }

  @Test
  void manyPointsAllocateNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter available");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
    int count = 100;
    double[] points = new double[3 * count];
    for (int j = 0; j < count; j++) {
      points[3 * j] = 0.5 + 1e-3 * j; // x0 > x1: one branch for all
      points[3 * j + 1] = -0.25;
      points[3 * j + 2] = 1.5;
    }
    JacobianRecording r = Autodiff.recordJacobian(JacobianRecordingTest::f, new double[] {1, 0, 1});
    double[] values = new double[4 * count];
    double[] jacobians = new double[12 * count];
    for (int i = 0; i < 2000; i++) {
      r.valuesAndJacobians(points, values, jacobians);
    }
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1000; i++) {
      r.valuesAndJacobians(points, values, jacobians);
    }
    long allocated = counter.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < 1024, allocated + " bytes allocated by 1000 batches of 100 points");
  }

  /** The example in {@link JacobianRecording#valuesAndJacobians}'s Javadoc. */
  @Test
  void valuesAndJacobiansJavadocExample() {
    JacobianRecording f =
        Autodiff.recordJacobian(
            x -> Vec.of(x.get(0).times(x.get(1)), x.get(1).square()), new double[] {1, 1});
    double[] points = {3, 4, 1, 2};
    double[] values = new double[2 * 2];
    double[] jacobians = new double[2 * 2 * 2];
    f.valuesAndJacobians(points, values, jacobians);
    assertArrayEquals(new double[] {12, 16, 2, 4}, values, 0.0);
    assertArrayEquals(new double[] {4, 3, 0, 8, 2, 1, 0, 4}, jacobians, 0.0);
  }

  /** The example in {@link JacobianRecording}'s Javadoc. */
  @Test
  void javadocExample() {
    double[] start = {1, 1};
    JacobianRecording f =
        Autodiff.recordJacobian(x -> Vec.of(x.get(0).times(x.get(1)), x.get(1).square()), start);
    double[] value = new double[2];
    double[] jacobian = new double[2 * 2];
    f.valueAndJacobian(new double[] {3, 4}, value, jacobian);
    assertArrayEquals(new double[] {12, 16}, value, 0.0);
    assertArrayEquals(new double[] {4, 3, 0, 8}, jacobian, 0.0);
    // x0, x1, x0·x1, x1 again, x1²; Vec.of records nothing
    assertEquals(5, f.instructions());
  }
}
