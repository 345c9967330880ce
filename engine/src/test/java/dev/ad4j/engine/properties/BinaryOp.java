package dev.ad4j.engine.properties;

import dev.ad4j.api.Scalar;
import dev.ad4j.rules.Extrema;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Trig;
import java.util.function.BinaryOperator;

/**
 * The binary scalar functions a program may apply, with domain guards as in {@link UnaryOp}: a
 * divisor is {@code pos(b) = b² + 0.5}, a power's base is {@code pos(a)} and its exponent {@code
 * sin(b)}, atan2's first argument is {@code pos(a)}, so the point stays off atan2's singularity at
 * the origin (its partials there are 0/0) and off its branch cut.
 */
enum BinaryOp {
  PLUS("(%s + %s)", Scalar::plus),
  MINUS("(%s - %s)", Scalar::minus),
  TIMES("(%s * %s)", Scalar::times),
  DIV("(%s / pos(%s))", (a, b) -> a.div(UnaryOp.pos(b))),
  POW("pow(pos(%s), sin(%s))", (a, b) -> Scalars.pow(UnaryOp.pos(a), Scalars.sin(b))),
  ATAN2("atan2(pos(%s), %s)", (a, b) -> Trig.atan2(UnaryOp.pos(a), b)),
  HYPOT("hypot(%s, %s)", Extrema::hypot),
  MIN("min(%s, %s)", Extrema::min),
  MAX("max(%s, %s)", Extrema::max);

  private final String format;
  private final BinaryOperator<Scalar> f;

  BinaryOp(String format, BinaryOperator<Scalar> f) {
    this.format = format;
    this.f = f;
  }

  Scalar apply(Scalar a, Scalar b) {
    return f.apply(a, b);
  }

  String show(String a, String b) {
    return String.format(format, a, b);
  }
}
