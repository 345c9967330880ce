package dev.ad4j.engine.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The activity contract on random programs: no primal, constant or tangent is ever written, and a
 * {@code Duplicated} shadow only receives additions, so a pre-seeded shadow ends as seed +
 * gradient, bit for bit (the gradient taken with zero shadows).
 */
class ShadowContractPropertyTest {
  @Test
  void reverse_writesNoPrimalOrConstant_andAddsIntoShadows() {
    Trials.forAll(
        7003L,
        500,
        Cases::any,
        k -> {
          String before = k.toString();
          double[] x = k.x().clone();
          double[] a = k.aValues().clone();
          double[] seedX = seed(k.n());
          double[] seedA = seed(a.length);

          Runs.Gradient zero = Runs.reverse(k, new double[k.n()], new double[a.length]);
          Runs.Gradient seeded = Runs.reverse(k, seedX, seedA);

          assertArrayEquals(x, k.x(), "x was written");
          assertArrayEquals(a, k.aValues(), "A was written");
          assertEquals(before, k.toString(), "a constant of the program or the case was written");
          if (k.xActivity().isActive()) {
            assertArrayEquals(
                plus(seedX, zero.x()), seeded.x(), "x's shadow is not seed + gradient");
          }
          if (k.aActivity().isActive()) {
            assertArrayEquals(
                plus(seedA, zero.a()), seeded.a(), "A's shadow is not seed + gradient");
          }
        });
  }

  @Test
  void forward_writesNoPrimalConstantOrTangent() {
    Trials.forAll(
        7004L,
        500,
        Cases::any,
        k -> {
          String before = k.toString();
          double[] x = k.x().clone();
          double[] a = k.aValues().clone();
          double[] vx = k.vx();
          double[] va = k.va();

          Runs.forward(k, vx, va);

          assertArrayEquals(x, k.x(), "x was written");
          assertArrayEquals(a, k.aValues(), "A was written");
          assertArrayEquals(k.vx(), vx, "x's tangent was written");
          assertArrayEquals(k.va(), va, "A's tangent was written");
          assertEquals(before, k.toString(), "a constant of the program or the case was written");
        });
  }

  /** Distinct, exactly representable non-zero seeds: 0.25, -0.5, 0.75, -1, ... */
  private static double[] seed(int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = (i % 2 == 0 ? 0.25 : -0.25) * (i + 1);
    }
    return s;
  }

  private static double[] plus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }
}
