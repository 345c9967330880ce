package dev.ad4j.api;

/** The arithmetic of {@link Scalar}: the tape's built-in scalar instructions. */
public enum Arithmetic implements ScalarOp {
  ADD,
  SUBTRACT,
  MULTIPLY,
  DIVIDE,
  NEGATE,
  SQUARE
}
