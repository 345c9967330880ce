package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalarComparisonTest {
  private static final Scalar ONE = Scalar.constant(1);
  private static final Scalar TWO = Scalar.constant(2);

  @Test
  void comparisonsOfConstantsAreTheOrderOfTheirValues() {
    assertTrue(ONE.lessThan(TWO));
    assertFalse(TWO.lessThan(TWO));
    assertTrue(TWO.lessOrEqual(TWO));
    assertFalse(TWO.lessOrEqual(1.5));
    assertTrue(TWO.greaterThan(ONE));
    assertFalse(ONE.greaterThan(1));
    assertTrue(ONE.greaterOrEqual(1));
    assertFalse(ONE.greaterOrEqual(TWO));
    assertTrue(ONE.lessThan(1.5));
    assertTrue(TWO.greaterThan(1.5));
  }

  @Test
  void nanIsInNoRelation() {
    Scalar nan = Scalar.constant(Double.NaN);
    for (Relation r : Relation.values()) {
      assertFalse(r.holds(Double.NaN, 1), r.name());
      assertFalse(r.holds(1, Double.NaN), r.name());
    }
    assertFalse(nan.lessThan(ONE));
    assertFalse(nan.greaterOrEqual(ONE));
  }

  @Test
  void comparingWithNullIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ONE.lessThan((Scalar) null));
    assertEquals("cannot compare with null; pass a Scalar or a double", e.getMessage());
  }
}
