package dev.ad4j.engine;

import dev.ad4j.api.Arithmetic;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.UnaryScalarRule;

/**
 * One scalar operation of a nested (inner) function, evaluated again on the values of the enclosing
 * differentiation: its result and its partials as <em>outer</em> {@link Scalar}s, computed with
 * ordinary Scalar arithmetic so that the outer trace records them. With every outer operand
 * constant, nothing is re-evaluated: the inner trace's doubles are wrapped as constants.
 *
 * <p>A partial of an easy-tier rule is itself an easy-tier rule (value f′, derivative f″), so a
 * rule used under nesting needs its second derivatives, and the outer trace asks for them only when
 * an outer operand is active.
 */
final class OuterOps {
  private static final Scalar ONE = Scalar.constant(1.0);
  private static final Scalar MINUS_ONE = Scalar.constant(-1.0);

  private OuterOps() {}

  /**
   * An operation's result and partials on the outer trace; a partial is null where the inner
   * operand is not active.
   */
  record Step(Scalar value, Scalar da, Scalar db) {}

  /** {@code out = op(x)}, given the outer {@code x}, the inner result and partial. */
  static Step unary(ScalarOp op, double value, Scalar x, double dx) {
    if (!x.isActive()) {
      return new Step(Scalar.constant(value), Scalar.constant(dx), null);
    }
    if (op instanceof UnaryScalarRule rule) {
      return new Step(rule.apply(x), new Derivative(rule).apply(x), null);
    } else if (op == Arithmetic.NEGATE) {
      return new Step(x.negate(), MINUS_ONE, null);
    } else if (op == Arithmetic.SQUARE) {
      return new Step(x.square(), x.times(2.0), null);
    }
    throw UnsupportedNestingException.scalarOp(String.valueOf(op));
  }

  /** {@code out = op(x, c)} for arithmetic with a constant: the partial is a constant. */
  static Step unary(ScalarOp op, double value, Scalar x, double dx, double c) {
    Scalar d = Scalar.constant(dx);
    if (!x.isActive()) {
      return new Step(Scalar.constant(value), d, null);
    } else if (op == Arithmetic.ADD) {
      return new Step(x.plus(c), d, null);
    } else if (op == Arithmetic.SUBTRACT) {
      return new Step(x.minus(c), d, null);
    } else if (op == Arithmetic.MULTIPLY) {
      return new Step(x.times(c), d, null);
    } else if (op == Arithmetic.DIVIDE) {
      return new Step(x.div(c), d, null);
    }
    throw UnsupportedNestingException.scalarOp(String.valueOf(op));
  }

  /**
   * {@code out = op(a, b)}, given the outer operands; {@code needA}/{@code needB} say which
   * operands are inner values, whose partials are wanted.
   */
  static Step binary(
      ScalarOp op,
      double value,
      Scalar a,
      double da,
      boolean needA,
      Scalar b,
      double db,
      boolean needB) {
    if (!a.isActive() && !b.isActive()) {
      return new Step(
          Scalar.constant(value),
          needA ? Scalar.constant(da) : null,
          needB ? Scalar.constant(db) : null);
    }
    if (op instanceof BinaryScalarRule rule) {
      return new Step(
          rule.apply(a, b),
          needA ? new PartialX(rule).apply(a, b) : null,
          needB ? new PartialY(rule).apply(a, b) : null);
    } else if (op == Arithmetic.ADD) {
      return new Step(a.plus(b), ONE, ONE);
    } else if (op == Arithmetic.SUBTRACT) {
      return new Step(a.minus(b), ONE, MINUS_ONE);
    } else if (op == Arithmetic.MULTIPLY) {
      return new Step(a.times(b), b, a);
    } else if (op == Arithmetic.DIVIDE) {
      Scalar q = a.div(b);
      return new Step(q, needA ? ONE.div(b) : null, needB ? q.div(b).negate() : null);
    }
    throw UnsupportedNestingException.scalarOp(String.valueOf(op));
  }

  /** f′ of a unary rule as a rule: value f′(x), derivative f″(x). */
  private record Derivative(UnaryScalarRule rule) implements UnaryScalarRule {
    @Override
    public String name() {
      return rule.name() + "'";
    }

    @Override
    public double value(double x) {
      return rule.derivative(x, rule.value(x));
    }

    @Override
    public double derivative(double x, double y) {
      return rule.secondDerivative(x, rule.value(x));
    }
  }

  /** ∂z/∂x of a binary rule as a rule: partials ∂²z/∂x², ∂²z/∂x∂y. */
  private record PartialX(BinaryScalarRule rule) implements BinaryScalarRule {
    @Override
    public String name() {
      return rule.name() + "_x";
    }

    @Override
    public double value(double x, double y) {
      return rule.partialX(x, y, rule.value(x, y));
    }

    @Override
    public double partialX(double x, double y, double z) {
      return rule.partialXX(x, y, rule.value(x, y));
    }

    @Override
    public double partialY(double x, double y, double z) {
      return rule.partialXY(x, y, rule.value(x, y));
    }
  }

  /** ∂z/∂y of a binary rule as a rule: partials ∂²z/∂x∂y, ∂²z/∂y². */
  private record PartialY(BinaryScalarRule rule) implements BinaryScalarRule {
    @Override
    public String name() {
      return rule.name() + "_y";
    }

    @Override
    public double value(double x, double y) {
      return rule.partialY(x, y, rule.value(x, y));
    }

    @Override
    public double partialX(double x, double y, double z) {
      return rule.partialXY(x, y, rule.value(x, y));
    }

    @Override
    public double partialY(double x, double y, double z) {
      return rule.partialYY(x, y, rule.value(x, y));
    }
  }
}
