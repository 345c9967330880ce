package dev.ad4j.engine.properties;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import java.util.function.Function;

/** The vector reductions of {@link Linalg} a program may apply. */
enum Reduction {
  SUM("sum", Linalg::sum),
  MEAN("mean", Linalg::mean),
  SUM_OF_SQUARES("sumOfSquares", Linalg::sumOfSquares),
  LOG_SUM_EXP("logSumExp", Linalg::logSumExp),
  NORM2("norm2", Linalg::norm2),
  MAX("max", Linalg::max);

  private final String label;
  private final Function<Vec, Scalar> f;

  Reduction(String label, Function<Vec, Scalar> f) {
    this.label = label;
    this.f = f;
  }

  Scalar apply(Vec v) {
    return f.apply(v);
  }

  String label() {
    return label;
  }
}
