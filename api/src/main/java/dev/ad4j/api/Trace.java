package dev.ad4j.api;

/**
 * SPI: one running differentiation, as seen by values and by {@link Dispatch}. Implemented by the
 * engine (a reverse-mode tape, a forward-mode tangent store); users never call it.
 *
 * <p>{@link Dispatch} calls these methods only when at least one input belongs to this trace, and
 * passes partial derivatives only for inputs that do. A trace records what reverse mode needs, or
 * propagates tangents at once in forward mode, and returns the active result.
 */
public interface Trace {
  /**
   * Records {@code out = op(x)} with {@code ∂out/∂x = dx}; {@code x} belongs to this trace.
   *
   * @param op the operation, kept so later passes (replay, nesting) can re-evaluate it
   */
  Scalar unary(ScalarOp op, double value, Scalar x, double dx);

  /**
   * Records {@code out = op(x, c)} for arithmetic with a constant second operand ({@code x + c},
   * {@code x - c}, {@code x · c}, {@code x / c}) with {@code ∂out/∂x = dx}. Traces that re-evaluate
   * operations (replay, nesting) need {@code c}; the default records it as {@link #unary(ScalarOp,
   * double, Scalar, double)}.
   */
  default Scalar unary(ScalarOp op, double value, Scalar x, double dx, double c) {
    return unary(op, value, x, dx);
  }

  /**
   * Records {@code out = op(a, b)}. At least one of {@code a}, {@code b} belongs to this trace; the
   * partial of an operand that does not is meaningless and must be ignored.
   */
  Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db);

  /**
   * Notes that a comparison of scalars, at least one of which belongs to this trace, came out as
   * {@code outcome}: the function branched on its inputs. {@code a} or {@code b} is null where that
   * side was the constant {@code c}. Traces that only differentiate this one evaluation ignore it
   * (the default); a replayed recording keeps it as a guard.
   */
  default void branch(Relation relation, Scalar a, Scalar b, double c, boolean outcome) {}

  /** Element {@code index} of the active vector {@code v}, as an active scalar. */
  Scalar element(Vec v, int index);

  /** The vector of {@code elements}, at least one of which belongs to this trace. */
  Vec pack(Scalar[] elements);

  /**
   * Applies an array rule to inputs of which at least one belongs to this trace; the others are
   * constant. Checks the rule's declared {@link Support} before any work.
   */
  Value apply(Rule<?> rule, Value[] inputs);

  /**
   * Nesting: true when this trace runs inside the differentiation {@code outer}, so that a value of
   * {@code outer} is a constant for this trace's derivatives (it still carries {@code outer}'s).
   * {@link Dispatch} asks when values of two traces meet and hands the operation to the inner one.
   * A nested trace that has not met an enclosing trace yet may take {@code outer} as its own here.
   * Top-level traces are inside nothing and keep this default.
   */
  default boolean isNestedIn(Trace outer) {
    return false;
  }

  /** A short name for messages, such as {@code reverse tape #3}. */
  String describe();
}
