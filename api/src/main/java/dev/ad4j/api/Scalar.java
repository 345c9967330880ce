package dev.ad4j.api;

/**
 * A scalar inside a differentiated function, with arithmetic that records itself when active.
 *
 * <pre>{@code
 * Scalar f = x.minus(1).times(x.minus(1)).plus(y.times(y).times(100));
 * }</pre>
 *
 * <p>Elementary functions ({@code exp}, {@code log}, ...) live in {@code dev.ad4j.rules.Scalars};
 * your own are one line with {@link UnaryScalarRule}. Arithmetic with a constant operand records a
 * single-input operation; arithmetic on constants records nothing.
 */
public final class Scalar extends Value {
  private final double value;

  private Scalar(double value, Trace trace, int slot) {
    super(trace, slot);
    this.value = value;
  }

  /** A constant scalar. */
  public static Scalar constant(double value) {
    return new Scalar(value, null, -1);
  }

  /** SPI: an active scalar at {@code slot} of {@code trace}. Engines only. */
  public static Scalar traced(double value, Trace trace, int slot) {
    if (trace == null) {
      throw new IllegalArgumentException("a traced scalar needs a trace; use Scalar.constant");
    }
    return new Scalar(value, trace, slot);
  }

  /** The primal value. */
  public double value() {
    return value;
  }

  /** {@code this + b}; ∂/∂this = 1, ∂/∂b = 1. */
  public Scalar plus(Scalar b) {
    return Dispatch.binary(Arithmetic.ADD, value + b.value, this, 1.0, b, 1.0);
  }

  /** {@code this + c}. */
  public Scalar plus(double c) {
    return Dispatch.unary(Arithmetic.ADD, value + c, this, 1.0, c);
  }

  /** {@code this - b}; ∂/∂this = 1, ∂/∂b = -1. */
  public Scalar minus(Scalar b) {
    return Dispatch.binary(Arithmetic.SUBTRACT, value - b.value, this, 1.0, b, -1.0);
  }

  /** {@code this - c}. */
  public Scalar minus(double c) {
    return Dispatch.unary(Arithmetic.SUBTRACT, value - c, this, 1.0, c);
  }

  /** {@code this · b}; ∂/∂this = b, ∂/∂b = this. */
  public Scalar times(Scalar b) {
    return Dispatch.binary(Arithmetic.MULTIPLY, value * b.value, this, b.value, b, value);
  }

  /** {@code this · c}. */
  public Scalar times(double c) {
    return Dispatch.unary(Arithmetic.MULTIPLY, value * c, this, c, c);
  }

  /** {@code this / b}; ∂/∂this = 1/b, ∂/∂b = -this/b². */
  public Scalar div(Scalar b) {
    double q = value / b.value;
    return Dispatch.binary(Arithmetic.DIVIDE, q, this, 1.0 / b.value, b, -q / b.value);
  }

  /** {@code this / c}. */
  public Scalar div(double c) {
    return Dispatch.unary(Arithmetic.DIVIDE, value / c, this, 1.0 / c, c);
  }

  /** {@code -this}; ∂/∂this = -1. */
  public Scalar negate() {
    return Dispatch.unary(Arithmetic.NEGATE, -value, this, -1.0);
  }

  /** {@code this²}; ∂/∂this = 2·this. */
  public Scalar square() {
    return Dispatch.unary(Arithmetic.SQUARE, value * value, this, 2.0 * value);
  }

  // Comparisons: branches on active values go through these so a replayed recording can guard them.

  /** {@code this < b}. Branch on this, not on {@link #value()}, when {@code this} may be active. */
  public boolean lessThan(Scalar b) {
    return Dispatch.compare(Relation.LESS, this, operand(b), 0.0);
  }

  /** {@code this < c}. */
  public boolean lessThan(double c) {
    return Dispatch.compare(Relation.LESS, this, null, c);
  }

  /** {@code this <= b}. */
  public boolean lessOrEqual(Scalar b) {
    return Dispatch.compare(Relation.LESS_OR_EQUAL, this, operand(b), 0.0);
  }

  /** {@code this <= c}. */
  public boolean lessOrEqual(double c) {
    return Dispatch.compare(Relation.LESS_OR_EQUAL, this, null, c);
  }

  /** {@code this > b}. */
  public boolean greaterThan(Scalar b) {
    return Dispatch.compare(Relation.GREATER, this, operand(b), 0.0);
  }

  /** {@code this > c}. */
  public boolean greaterThan(double c) {
    return Dispatch.compare(Relation.GREATER, this, null, c);
  }

  /** {@code this >= b}. */
  public boolean greaterOrEqual(Scalar b) {
    return Dispatch.compare(Relation.GREATER_OR_EQUAL, this, operand(b), 0.0);
  }

  /** {@code this >= c}. */
  public boolean greaterOrEqual(double c) {
    return Dispatch.compare(Relation.GREATER_OR_EQUAL, this, null, c);
  }

  private static Scalar operand(Scalar b) {
    if (b == null) {
      throw new IllegalArgumentException("cannot compare with null; pass a Scalar or a double");
    }
    return b;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.SCALAR;
  }

  @Override
  public String describe() {
    return "Scalar";
  }
}
