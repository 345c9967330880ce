package dev.ad4j.api;

/** The three shapes a value can take: a {@link Scalar}, a {@link Vec} or a {@link Mat}. */
public enum ValueKind {
  SCALAR,
  VECTOR,
  MATRIX
}
