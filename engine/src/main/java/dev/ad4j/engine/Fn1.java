package dev.ad4j.engine;

import dev.ad4j.api.Value;

/** A function of one value(s) to be differentiated. */
@FunctionalInterface
public interface Fn1<A extends Value, R extends Value> {
  /** Computes the result from the arguments, using ad4j operations on them. */
  R apply(A a);
}
