package dev.ad4j.engine;

import dev.ad4j.api.Value;

/** A function of two value(s) to be differentiated. */
@FunctionalInterface
public interface Fn2<A extends Value, B extends Value, R extends Value> {
  /** Computes the result from the arguments, using ad4j operations on them. */
  R apply(A a, B b);
}
