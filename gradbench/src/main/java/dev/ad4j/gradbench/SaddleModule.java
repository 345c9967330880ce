package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;

/**
 * saddle: {start:[2]} ↦ the saddle point [r1, r2] (flattened, 4 numbers) of f(p1, p2) = |p1|² −
 * |p2|² by Siskind and Pearlmutter's nested descent: r1 minimizes max over p2 of f(p1, p2), r2
 * maximizes f(r1, p2), every descent from start ({@link Descent}). The inner maximum is
 * differentiated inside the outer gradient: rr, rf, fr, ff name the outer mode (the gradient in p1)
 * and the inner one (the gradient in p2, by {@link dev.ad4j.engine.Nested}).
 */
final class SaddleModule implements EvalModule {
  @Override
  public String name() {
    return "saddle";
  }

  @Override
  public Run prepare(String function, Object input) {
    double[] start = Fields.numbers(Fields.object(input, "saddle input"), "start");
    if (start.length != 2) {
      throw new JsonException("saddle: field 'start' must have 2 numbers, not " + start.length);
    }
    Descent.Modes modes = Descent.Modes.of(name(), function);
    return () -> saddle(modes, start);
  }

  /** [r1, r2] flattened. */
  static double[] saddle(Descent.Modes modes, double[] start) {
    Descent.Gradient outer = modes.outer();
    Descent.Gradient inner = modes.inner();
    Scalar[] from = Descent.constants(start);
    Fn1<Vec, Scalar> r1Cost = p1 -> Descent.max(inner, p2 -> f(p1, p2), from);
    Scalar[] r1 = Descent.argmin(outer, r1Cost, from);
    Vec r1Vec = Vec.of(r1);
    Scalar[] r2 = Descent.argmax(outer, p2 -> f(r1Vec, p2), from);
    return new double[] {r1[0].value(), r1[1].value(), r2[0].value(), r2[1].value()};
  }

  /** f(p1, p2) = (x1² + y1²) − (x2² + y2²). */
  static Scalar f(Vec p1, Vec p2) {
    return p1.get(0)
        .square()
        .plus(p1.get(1).square())
        .minus(p2.get(0).square().plus(p2.get(1).square()));
  }
}
