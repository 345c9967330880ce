package dev.ad4j.engine.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Running the same program on the same inputs twice gives identical bits: value, gradient (every
 * shadow and the scalar adjoint) and tangent. {@code DuplicatedNoNeed} gives the same bits as
 * {@code Duplicated}: saving a copy of an input the caller gives up changes no arithmetic.
 */
class DeterminismPropertyTest {
  @Test
  void rerunningReverseAndForward_givesIdenticalBits() {
    Trials.forAll(
        7005L,
        500,
        Cases::any,
        k -> {
          Runs.Gradient g1 = reverse(k);
          Runs.Gradient g2 = reverse(k);
          Runs.Tangent t1 = Runs.forward(k, k.vx(), k.va());
          Runs.Tangent t2 = Runs.forward(k, k.vx(), k.va());

          assertBits(g1, g2);
          assertEquals(bits(t1.value()), bits(t2.value()), "forward value");
          assertEquals(bits(t1.tangent()), bits(t2.tangent()), "forward tangent");
        });
  }

  @Test
  void duplicatedNoNeed_givesTheBitsOfDuplicated() {
    Trials.forAll(
        7006L,
        300,
        Cases::any,
        k -> {
          Case dup = withoutNoNeed(k);
          assertBits(reverse(dup), reverse(k));
        });
  }

  private static Case withoutNoNeed(Case k) {
    return new Case(
        k.program(),
        k.x(),
        k.a(),
        k.c(),
        k.xActivity().isActive() ? Annotation.DUPLICATED : Annotation.CONST,
        k.aActivity().isActive() ? Annotation.DUPLICATED : Annotation.CONST,
        k.cActive(),
        k.vxRaw(),
        k.vaRaw(),
        k.vcRaw());
  }

  private static Runs.Gradient reverse(Case k) {
    return Runs.reverse(k, new double[k.n()], new double[k.aValues().length]);
  }

  private static void assertBits(Runs.Gradient expected, Runs.Gradient actual) {
    assertEquals(bits(expected.value()), bits(actual.value()), "value");
    assertEquals(bits(expected.c()), bits(actual.c()), "adjoint of c");
    assertArrayEquals(bits(expected.x()), bits(actual.x()), "shadow of x");
    assertArrayEquals(bits(expected.a()), bits(actual.a()), "shadow of A");
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static long[] bits(double[] v) {
    return v == null ? null : Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
