package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Fn1;
import dev.ad4j.rules.Scalars;

/**
 * particle: {w} ↦ the control w* that minimizes where a particle lands (Siskind and Pearlmutter's
 * charged-particle problem). A particle starts at (0, 8) with velocity (0.75, 0) and is accelerated
 * by −∇p, p(x) = Σ 1/|x − c| over charges at (10, 10 − w) and (10, 0); Euler steps of 0.1 run until
 * it would cross y = 0, and the cost is the square of its x where it does. {@link Descent} finds w*
 * from the input w. The functions rr, rf, fr, ff name the outer mode (the descent's gradient in w)
 * and the inner one (∇p inside every Euler step, by {@link dev.ad4j.engine.Nested}).
 */
final class ParticleModule implements EvalModule {
  static final double DT = 0.1;

  @Override
  public String name() {
    return "particle";
  }

  @Override
  public Run prepare(String function, Object input) {
    double w = Fields.number(Fields.object(input, "particle input"), "w");
    Descent.Modes modes = Descent.Modes.of(name(), function);
    return () -> argmin(modes, w);
  }

  /** The control w* found from {@code w0}. */
  static double argmin(Descent.Modes modes, double w0) {
    Descent.Gradient inner = modes.inner();
    Fn1<Vec, Scalar> cost = w -> landing(inner, w.get(0));
    return Descent.argmin(modes.outer(), cost, Descent.constants(new double[] {w0}))[0].value();
  }

  /** The squared x where the particle lands, for control {@code w}. */
  static Scalar landing(Descent.Gradient grad, Scalar w) {
    Scalar ten = Scalar.constant(10.0);
    Scalar[][] charges = {{ten, ten.minus(w)}, {ten, Scalar.constant(0.0)}};
    Fn1<Vec, Scalar> potential =
        x -> inverseDistance(x, charges[0]).plus(inverseDistance(x, charges[1]));
    Scalar[] x = Descent.constants(new double[] {0.0, 8.0});
    Scalar[] v = Descent.constants(new double[] {0.75, 0.0});
    while (true) {
      Scalar[] g = grad.at(potential, x);
      Scalar[] next = {x[0].plus(v[0].times(DT)), x[1].plus(v[1].times(DT))};
      if (!(next[1].value() > 0)) {
        break;
      }
      x = next;
      v = new Scalar[] {v[0].plus(g[0].negate().times(DT)), v[1].plus(g[1].negate().times(DT))};
    }
    Scalar t = x[1].negate().div(v[1]);
    return x[0].plus(t.times(v[0])).square();
  }

  /** 1/|x − c|. */
  private static Scalar inverseDistance(Vec x, Scalar[] c) {
    Scalar dx = x.get(0).minus(c[0]);
    Scalar dy = x.get(1).minus(c[1]);
    return Scalar.constant(1.0).div(Scalars.sqrt(dx.square().plus(dy.square())));
  }
}
