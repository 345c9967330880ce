package dev.ad4j.engine;

import dev.ad4j.api.Value;

/** A function of three value(s) to be differentiated. */
@FunctionalInterface
public interface Fn3<A extends Value, B extends Value, C extends Value, R extends Value> {
  /** Computes the result from the arguments, using ad4j operations on them. */
  R apply(A a, B b, C c);
}
