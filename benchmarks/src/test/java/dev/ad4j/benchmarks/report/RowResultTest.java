package dev.ad4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ratios of medians from fake results: no JMH here. */
class RowResultTest {
  static final Row P3 = Row.parse("P3 | R | n=1000 | ad4j / hand | <= 25 | ds, sg");

  static Results fake() {
    Results r = new Results();
    r.put("R", "ad4j", "n=1000", new Score(200, "ns/op", 4096));
    r.put("R", "hand", "n=1000", new Score(10, "ns/op", 0));
    r.put("R", "ds", "n=1000", new Score(50_000, "ns/op", 1e6));
    return r;
  }

  @Test
  void ratio_isNumeratorMedianOverDenominatorMedian() {
    RowResult r = RowResult.of(P3, fake());
    assertTrue(r.ran());
    assertEquals(20.0, r.ratio(), 0.0);
    assertTrue(r.met());
    assertEquals(5000.0, r.beside().get(0), 0.0);
    assertTrue(Double.isNaN(r.beside().get(1)), "sg did not run");
  }

  @Test
  void aRatioOverTheTarget_isNotMet() {
    Row strict = Row.parse("P3 | R | n=1000 | ad4j / hand | <= 5");
    assertFalse(RowResult.of(strict, fake()).met());
  }

  @Test
  void aMissingMethodOrParameter_isNotRun() {
    RowResult missing = RowResult.of(Row.parse("P3 | R | n=1000 | replay / hand | <= 5"), fake());
    assertFalse(missing.ran());
    assertFalse(missing.met());
    assertTrue(Double.isNaN(missing.ratio()));
    assertFalse(RowResult.of(Row.parse("P3 | R | n=10 | ad4j / hand | -"), fake()).ran());
  }

  @Test
  void differentUnits_areRefused() {
    Results r = fake();
    r.put("R", "us", "n=1000", new Score(1, "us/op", 0));
    Row row = Row.parse("P3 | R | n=1000 | us / hand | -");
    RowResult result = RowResult.of(row, r);
    assertThrows(IllegalArgumentException.class, result::ratio);
  }
}
