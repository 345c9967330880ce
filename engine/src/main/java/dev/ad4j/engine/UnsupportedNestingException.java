package dev.ad4j.engine;

/**
 * An operation that a nested differentiation ({@link Nested}) cannot differentiate: an array rule
 * applied to a value of the inner function, or a scalar operation the inner trace cannot
 * re-evaluate on the outer differentiation's values. The message names the operation and the fix.
 */
public final class UnsupportedNestingException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  UnsupportedNestingException(String message) {
    super(message);
  }

  static UnsupportedNestingException arrayRule(String rule, String trace) {
    return new UnsupportedNestingException(
        "rule '"
            + rule
            + "' was applied to a value of a nested differentiation ("
            + trace
            + "); nesting supports scalar code: Scalar arithmetic, UnaryScalarRule and"
            + " BinaryScalarRule functions (dev.ad4j.rules.Scalars), Vec.get and Vec.of\nfix: write"
            + " the inner function with scalars, e.g. a loop over v.get(i) instead of"
            + " Linalg.sum(v)");
  }

  static UnsupportedNestingException scalarOp(String op) {
    return new UnsupportedNestingException(
        "the scalar operation '"
            + op
            + "' cannot be re-evaluated on the values of the outer differentiation\nfix: express"
            + " it with Scalar arithmetic or as a UnaryScalarRule / BinaryScalarRule with second"
            + " derivatives");
  }
}
