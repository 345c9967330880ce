package dev.ad4j.engine.reliability;

import static dev.ad4j.api.Arg.duplicated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.TapeLimit;
import dev.ad4j.engine.TapeTooLargeException;
import dev.ad4j.rules.Linalg;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recording that would not fit fails with a message naming its size, not an OutOfMemoryError. */
class TapeLimitTest {
  private static final long LIMIT = 100_000;
  private String saved;

  @BeforeEach
  void setSmallLimit() {
    saved = System.getProperty(TapeLimit.PROPERTY);
    System.setProperty(TapeLimit.PROPERTY, Long.toString(LIMIT));
  }

  @AfterEach
  void restoreLimit() {
    if (saved == null) {
      System.clearProperty(TapeLimit.PROPERTY);
    } else {
      System.setProperty(TapeLimit.PROPERTY, saved);
    }
  }

  /** 10,000 scalar instructions: about 250 KB of reverse tape, more than the 100 KB limit. */
  private static Scalar longChain(Vec x) {
    Scalar s = x.get(0);
    for (int i = 0; i < 10_000; i++) {
      s = s.times(1.0001).plus(x.get(1));
    }
    return s;
  }

  private static void assertNamesSizeLimitAndFix(TapeTooLargeException e) {
    String m = e.getMessage();
    assertTrue(m.contains("limit " + LIMIT + " bytes"), m);
    assertTrue(m.contains("instructions"), m);
    assertTrue(m.contains("-Xmx"), m);
    assertTrue(m.contains("-D" + TapeLimit.PROPERTY), m);
    assertTrue(m.contains("record less"), m);
    assertTrue(e.bytes() > LIMIT, "bytes " + e.bytes());
    assertEquals(LIMIT, e.limit());
  }

  private static TapeTooLargeException expectTooLarge(Supplier<?> call) {
    return assertThrows(TapeTooLargeException.class, call::get);
  }

  @Test
  void reverse_longScalarChain_failsNamingSizeLimitAndFix_shadowUnchanged() {
    double[] x = {1, 2};
    double[] dx = {5, 6};
    TapeTooLargeException e =
        expectTooLarge(() -> Autodiff.reverse((Vec v) -> longChain(v), duplicated(x, dx)));
    assertNamesSizeLimitAndFix(e);
    assertArrayEquals(new double[] {5, 6}, dx, 0.0);
    assertArrayEquals(new double[] {1, 2}, x, 0.0);
  }

  @Test
  void reverse_largeRuleOutputs_countTensorBuffers() {
    // 20 element-wise products of a 1,000-vector: 20 x 16 KB of outputs and adjoints, no scalars.
    double[] x = new double[1000];
    TapeTooLargeException e =
        expectTooLarge(
            () ->
                Autodiff.gradient(
                    v -> {
                      Vec p = v;
                      for (int k = 0; k < 20; k++) {
                        p = Linalg.multiply(p, v);
                      }
                      return Linalg.sumOfSquares(p);
                    },
                    x));
    assertNamesSizeLimitAndFix(e);
  }

  @Test
  void hessianVector_longScalarChain_failsNamingSizeLimitAndFix() {
    assertNamesSizeLimitAndFix(
        expectTooLarge(
            () ->
                Autodiff.hessianVector(
                    TapeLimitTest::longChain, new double[] {1, 2}, new double[] {1, 0})));
  }

  @Test
  void forward_longScalarChain_failsNamingSizeLimitAndFix() {
    assertNamesSizeLimitAndFix(
        expectTooLarge(
            () ->
                Autodiff.forward(
                    (Vec v) -> longChain(v),
                    duplicated(new double[] {1, 2}, new double[] {1, 0}))));
  }

  @Test
  void smallFunction_underTheLimit_stillDifferentiates() {
    double[] g = Autodiff.gradient(v -> v.get(0).times(v.get(1)), new double[] {3, 4});
    assertArrayEquals(new double[] {4, 3}, g, 0.0);
  }

  @Test
  void limit_propertyThatIsNotAPositiveNumber_isRejectedNamingIt() {
    System.setProperty(TapeLimit.PROPERTY, "lots");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Autodiff.gradient(v -> v.get(0).square(), new double[] {1}));
    assertTrue(e.getMessage().contains(TapeLimit.PROPERTY) && e.getMessage().contains("'lots'"));
  }

  @Test
  void limit_withoutProperty_isHalfTheMaximumHeap() {
    System.clearProperty(TapeLimit.PROPERTY);
    assertEquals(Runtime.getRuntime().maxMemory() / 2, TapeLimit.maxBytes());
  }
}
