package dev.ad4j.engine;

import static dev.ad4j.api.Arg.active;
import static dev.ad4j.api.Arg.batchActive;
import static dev.ad4j.api.Arg.batchDuplicated;
import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Dispatch;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Support;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;
import dev.ad4j.rules.Linalg;
import dev.ad4j.rules.Scalars;
import org.junit.jupiter.api.Test;

/** Vector forward mode: k directions in one sweep, equal to k separate forward calls. */
class BatchForwardTest {
  private static final double[] X = {0.5, -1.25, 2.0};

  /** Mixes scalar code, array rules and a scalar rule, so every kind of trace step is crossed. */
  private static Vec f(Vec x, Scalar s) {
    Scalar e = Scalars.exp(x.get(0).times(s));
    Vec y = Linalg.multiply(x, x);
    return Linalg.add(Linalg.scale(e, y), Linalg.map(Scalars.SIN, x));
  }

  @Test
  void batchOfThreeDirections_equalsThreeSeparateForwardCalls() {
    double[][] dirs = {{1, 0, 0}, {0.5, -1, 2}, {0, 0, 1}};
    double[] ds = {0.0, 1.0, -0.5};
    ForwardResult<Vec> batch =
        Autodiff.forward(
            BatchForwardTest::f,
            batchDuplicated(X, dirs[0], dirs[1], dirs[2]),
            batchActive(0.3, ds));
    assertEquals(3, batch.width());
    for (int lane = 0; lane < 3; lane++) {
      ForwardResult<Vec> one =
          Autodiff.forward(BatchForwardTest::f, duplicated(X, dirs[lane]), active(0.3, ds[lane]));
      assertArrayEquals(one.primal().value(), batch.primal().value());
      assertArrayEquals(one.tangent().value(), batch.tangent(lane).value(), 1e-15);
    }
  }

  @Test
  void identityDirections_giveTheJacobianColumnsOfAClosedForm() {
    // f(x) = x ⊙ x: J = diag(2x).
    ForwardResult<Vec> r =
        Autodiff.forward(
            (Vec v) -> Linalg.multiply(v, v),
            batchDuplicated(
                X, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}));
    for (int j = 0; j < 3; j++) {
      double[] column = r.tangent(j).value();
      for (int i = 0; i < 3; i++) {
        assertEquals(i == j ? 2 * X[i] : 0.0, column[i], 0.0);
      }
    }
  }

  @Test
  void differentNumbersOfDirections_areRefusedNamingBothArguments() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Autodiff.forward(
                    BatchForwardTest::f,
                    batchDuplicated(X, new double[3], new double[3]),
                    active(0.3, 1.0)));
    assertTrue(
        e.getMessage().contains("argument 0 (Vec(3) BatchDuplicated(2)) carries 2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("argument 1 (Scalar Active) carries 1"), e.getMessage());
  }

  @Test
  void batchDuplicatedInReverseMode_isRefusedWithTheFix() {
    double[] d0 = new double[3];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Autodiff.reverse((Vec v) -> Linalg.sum(v), batchDuplicated(X, d0, new double[3])));
    assertTrue(e.getMessage().contains("in reverse mode use duplicated(x, dx)"), e.getMessage());
    assertArrayEquals(new double[3], d0);
  }

  @Test
  void ruleDeclaringWidthOne_refusesABatchAndWorksOneDirectionAtATime() {
    Rule<Void> narrow = new SumOfLaneZero();
    UnsupportedActivityException e =
        assertThrows(
            UnsupportedActivityException.class,
            () ->
                Autodiff.forward(
                    (Vec v) -> Dispatch.scalar(narrow, v),
                    batchDuplicated(X, new double[] {1, 0, 0}, new double[] {0, 1, 0})));
    assertTrue(e.getMessage().contains("handles forward batch width 1 only"), e.getMessage());
    assertTrue(e.getMessage().contains("called with width 2"), e.getMessage());
    ForwardResult<Scalar> one =
        Autodiff.forward(
            (Vec v) -> Dispatch.scalar(narrow, v), duplicated(X, new double[] {0, 1, 0}));
    assertEquals(1.0, one.tangent().value());
  }

  /** Σ xᵢ written for one lane only, and declared so. */
  private static final class SumOfLaneZero implements Rule<Void> {
    @Override
    public String name() {
      return "sumOfLaneZero";
    }

    @Override
    public Support support() {
      return Support.builder()
          .forward(Support.Need.ANY)
          .reverse(Support.Need.ANY)
          .maxWidth(1)
          .build();
    }

    @Override
    public void forward(Config config, Args args, Output out) {
      VecArg x = args.vec(0);
      out.primal(sum(x.primal()));
      if (config.needsShadow()) {
        out.tangent(0, x.isConst() ? 0.0 : sum(x.shadow(0)));
      }
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      out.primal(sum(args.vec(0).primal()));
      return null;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      for (int i = 0; !x.isConst() && i < x.size(); i++) {
        x.shadow()[i] += out.scalarAdjoint();
      }
    }

    private static double sum(double[] v) {
      double s = 0;
      for (double d : v) {
        s += d;
      }
      return s;
    }
  }

  @Test
  void javadocExample_twoDirectionsOfXTimesX() {
    double[] x = {3, 4};
    ForwardResult<Vec> r =
        Autodiff.forward(
            (Vec v) -> Linalg.multiply(v, v),
            batchDuplicated(x, new double[] {1, 0}, new double[] {0, 1}));
    assertArrayEquals(new double[] {6, 0}, r.tangent(0).value());
    assertArrayEquals(new double[] {0, 8}, r.tangent(1).value());
  }
}
