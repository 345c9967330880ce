package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;
import org.junit.jupiter.api.Test;

class DescentTest {
  /** (x0 − 3)² + 2(x1 + 1)²: minimum 0 at (3, −1). */
  private static Scalar bowl(Vec v) {
    return v.get(0).minus(3).square().plus(v.get(1).plus(1).square().times(2));
  }

  @Test
  void argmin_reachesTheMinimumWithinTheStoppingTolerance() {
    for (String modes : new String[] {"rr", "ff"}) {
      Descent.Modes m = Descent.Modes.of("test", modes);
      Scalar[] x = Descent.argmin(m.outer(), DescentTest::bowl, Descent.constants(new double[2]));
      // stops when |∇f| ≤ 1e-5 or a step is shorter than 1e-5: within about 1e-4 of (3, −1)
      assertEquals(3.0, x[0].value(), 1e-4, modes);
      assertEquals(-1.0, x[1].value(), 1e-4, modes);
      assertFalse(x[0].isActive());
    }
  }

  @Test
  void maxAndArgmax_ofTheNegatedBowl() {
    Descent.Modes m = Descent.Modes.of("test", "rr");
    Fn1<Vec, Scalar> cap = v -> bowl(v).negate().plus(5);
    Scalar[] start = Descent.constants(new double[] {1, 1});
    Scalar[] x = Descent.argmax(m.outer(), cap, start);
    assertEquals(3.0, x[0].value(), 1e-4);
    assertEquals(-1.0, x[1].value(), 1e-4);
    assertEquals(5.0, Descent.max(m.outer(), cap, start).value(), 1e-8);
  }

  @Test
  void unknownFunctionName_isRefused() {
    assertThrows(UnknownFunctionException.class, () -> Descent.Modes.of("particle", "rx"));
  }
}
