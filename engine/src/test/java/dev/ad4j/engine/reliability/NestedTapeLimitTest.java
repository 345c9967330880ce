package dev.ad4j.engine.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Nested;
import dev.ad4j.engine.TapeLimit;
import dev.ad4j.engine.TapeTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nested traces count their memory against the same per-recording limit as the other tapes. */
class NestedTapeLimitTest {
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

  /** 20,000 inner operations: about 640 KB of nested reverse trace, over the 100 KB limit. */
  private static Scalar longChain(Vec x) {
    Scalar s = x.get(0);
    for (int i = 0; i < 10_000; i++) {
      s = s.times(1.0001).plus(x.get(1));
    }
    return s;
  }

  @Test
  void nestedGradient_longChain_failsNamingTheLimit() {
    TapeTooLargeException e =
        assertThrows(
            TapeTooLargeException.class,
            () ->
                Nested.gradient(
                    NestedTapeLimitTest::longChain, Scalar.constant(1), Scalar.constant(2)));
    assertEquals(LIMIT, e.limit());
    assertTrue(e.getMessage().contains("nested reverse trace"), e.getMessage());
  }

  @Test
  void nestedGradientForward_longChain_failsNamingTheLimit() {
    TapeTooLargeException e =
        assertThrows(
            TapeTooLargeException.class,
            () ->
                Nested.gradientForward(
                    NestedTapeLimitTest::longChain, Scalar.constant(1), Scalar.constant(2)));
    assertTrue(e.getMessage().contains("nested forward trace"), e.getMessage());
  }
}
