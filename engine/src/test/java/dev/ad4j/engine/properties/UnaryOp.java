package dev.ad4j.engine.properties;

import dev.ad4j.api.Scalar;
import dev.ad4j.rules.Extrema;
import dev.ad4j.rules.Scalars;
import dev.ad4j.rules.Special;
import dev.ad4j.rules.Trig;
import java.util.function.UnaryOperator;

/**
 * The unary scalar functions a program may apply, each composed with a guard that keeps its
 * argument inside the function's smooth domain, so that every generated program is finite and
 * differentiable almost everywhere: {@code pos(u) = u² + 0.5} for functions that need a positive
 * argument, {@code sin(u)} for functions that grow fast or have poles beyond ±1, {@code
 * 0.9·tanh(u)} for asin/acos. The guard is part of the printed program.
 */
enum UnaryOp {
  NEGATE("-(%s)", Scalar::negate),
  SQUARE("sq(%s)", Scalar::square),
  SIN("sin(%s)", Scalars::sin),
  COS("cos(%s)", Scalars::cos),
  TANH("tanh(%s)", Scalars::tanh),
  ATAN("atan(%s)", Trig::atan),
  SIGMOID("sigmoid(%s)", Special::sigmoid),
  SOFTPLUS("softplus(%s)", Special::softplus),
  ERF("erf(%s)", Special::erf),
  ABS("abs(%s)", Extrema::abs),
  LOG("log(pos(%s))", u -> Scalars.log(pos(u))),
  LOG1P("log1p(pos(%s))", u -> Scalars.log1p(pos(u))),
  SQRT("sqrt(pos(%s))", u -> Scalars.sqrt(pos(u))),
  CBRT("cbrt(pos(%s))", u -> Scalars.cbrt(pos(u))),
  LGAMMA("lgamma(pos(%s))", u -> Special.lgamma(pos(u))),
  POW("pow(pos(%s), 1.5)", u -> Scalars.pow(pos(u), 1.5)),
  EXP("exp(sin(%s))", u -> Scalars.exp(Scalars.sin(u))),
  EXPM1("expm1(sin(%s))", u -> Scalars.expm1(Scalars.sin(u))),
  SINH("sinh(sin(%s))", u -> Trig.sinh(Scalars.sin(u))),
  COSH("cosh(sin(%s))", u -> Trig.cosh(Scalars.sin(u))),
  TAN("tan(sin(%s))", u -> Trig.tan(Scalars.sin(u))),
  ASIN("asin(0.9*tanh(%s))", u -> Trig.asin(Scalars.tanh(u).times(0.9))),
  ACOS("acos(0.9*tanh(%s))", u -> Trig.acos(Scalars.tanh(u).times(0.9)));

  private final String format;
  private final UnaryOperator<Scalar> f;

  UnaryOp(String format, UnaryOperator<Scalar> f) {
    this.format = format;
    this.f = f;
  }

  /** {@code u² + 0.5}: positive, smooth, and printed as {@code pos(u)}. */
  static Scalar pos(Scalar u) {
    return u.square().plus(0.5);
  }

  Scalar apply(Scalar a) {
    return f.apply(a);
  }

  String show(String a) {
    return String.format(format, a);
  }
}
