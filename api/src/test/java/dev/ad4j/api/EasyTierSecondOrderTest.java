package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The easy tier's optional second derivatives, and the error of a first-order rule. */
class EasyTierSecondOrderTest {
  @Test
  void unaryWithSecondDerivative_returnsIt() {
    UnaryScalarRule sin = UnaryScalarRule.of("sin", Math::sin, (x, y) -> Math.cos(x), (x, y) -> -y);
    assertEquals(-Math.sin(0.3), sin.secondDerivative(0.3, Math.sin(0.3)));
  }

  @Test
  void firstOrderUnary_refusesNestingNamingTheRuleAndTheFix() {
    UnaryScalarRule f = UnaryScalarRule.of("softplus", x -> x, (x, y) -> 1);
    UnsupportedActivityException e =
        assertThrows(UnsupportedActivityException.class, () -> f.secondDerivative(1, 1));
    assertEquals("softplus", e.ruleName());
    assertTrue(e.getMessage().contains("rule 'softplus' is first-order only"), e.getMessage());
    assertTrue(e.getMessage().contains("UnaryScalarRule.of(name, f, f', f'')"), e.getMessage());
  }

  @Test
  void binaryWithSecondPartials_returnsThemAndFirstOrderRefuses() {
    BinaryScalarRule product =
        BinaryScalarRule.of(
            "product",
            (x, y) -> x * y,
            (x, y, z) -> y,
            (x, y, z) -> x,
            (x, y, z) -> 0,
            (x, y, z) -> 1,
            (x, y, z) -> 0);
    assertEquals(1.0, product.partialXY(2, 3, 6));
    assertEquals(0.0, product.partialYY(2, 3, 6));
    BinaryScalarRule firstOrder =
        BinaryScalarRule.of("product", (x, y) -> x * y, (x, y, z) -> y, (x, y, z) -> x);
    UnsupportedActivityException e =
        assertThrows(UnsupportedActivityException.class, () -> firstOrder.partialXX(2, 3, 6));
    assertTrue(e.getMessage().contains("fxx, fxy, fyy"), e.getMessage());
  }
}
