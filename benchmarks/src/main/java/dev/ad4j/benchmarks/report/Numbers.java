package dev.ad4j.benchmarks.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** The one number format of the report: three significant digits, no exponent, no trailing 0. */
final class Numbers {
  private Numbers() {}

  /** 1.3 → "1.3", 0.012345 → "0.0123", 123456 → "123000", NaN → "–". */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
