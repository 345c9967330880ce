package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.args;
import static dev.ad4j.rules.RuleCalls.constant;
import static dev.ad4j.rules.RuleCalls.dup;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.ScalarArg;
import org.junit.jupiter.api.Test;

class SavedTest {
  private final double[] x = {1, 2};
  private final double[] y = {3, 4};
  private final Args in = args(constant(x), dup(y, new double[2]), ScalarArg.reverse(5));

  @Test
  void of_nothingOverwritten_returnsNull() {
    assertNull(Saved.of(Config.reverse(), in, true, true, true));
  }

  @Test
  void of_overwrittenButNotRead_returnsNull() {
    assertNull(Saved.of(Config.reverse().withOverwritten(0), in, false, true, true));
  }

  @Test
  void of_overwrittenAndRead_copiesOnlyThatArgument() {
    Saved saved = Saved.of(Config.reverse().withOverwritten(0), in, true, true, false);
    assertTrue(saved.holds(0));
    assertFalse(saved.holds(1));
    x[0] = Double.NaN;
    assertArrayEquals(new double[] {1, 2}, Saved.vec(saved, in, 0));
    assertSame(y, Saved.vec(saved, in, 1));
  }

  @Test
  void of_scalarOverwritten_isNeverCopied() {
    assertNull(Saved.of(Config.reverse().withOverwritten(2), in, false, false, true));
  }
}
