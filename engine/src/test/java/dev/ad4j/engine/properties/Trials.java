package dev.ad4j.engine.properties;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over generated cases: a fixed seed, a number of tries, and cases the property
 * rejects with {@link #assume} (kinks, non-finite values) counted rather than failed. A failure is
 * reported with the seed, the try and the whole case, which prints as the program it runs, so it
 * can be replayed by hand.
 *
 * <p>ad4j's own runner rather than a property-testing library: jqwik, which the issue names, prints
 * at run time that AI agents must not use it, and this code is written by one. Cases stay small
 * (vectors of 2–4, programs of depth ≤ 3) in place of shrinking.
 */
final class Trials {
  private Trials() {}

  /** Rejects the current case: the property says nothing at this point. */
  static void assume(boolean condition) {
    if (!condition) {
      throw new Rejected();
    }
  }

  /**
   * Checks {@code property} on {@code tries} cases from {@code generator}; fails if more than half
   * are rejected (the generator would then test too little).
   */
  static void forAll(
      long seed, int tries, Function<SplittableRandom, Case> generator, Consumer<Case> property) {
    SplittableRandom random = new SplittableRandom(seed);
    int rejected = 0;
    for (int t = 0; t < tries; t++) {
      Case k = generator.apply(random);
      try {
        property.accept(k);
      } catch (Rejected r) {
        rejected++;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "property failed at seed " + seed + ", try " + t + ":\n" + k + "\n" + e.getMessage(),
            e);
      }
    }
    if (rejected > tries / 2) {
      throw new AssertionError(rejected + " of " + tries + " cases rejected at seed " + seed);
    }
  }

  /** Thrown by {@link #assume}; carries no stack trace, as it is control flow. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super("rejected", null, false, false);
    }
  }
}
