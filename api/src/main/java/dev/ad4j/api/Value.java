package dev.ad4j.api;

/**
 * A value inside a differentiated function: a {@link Scalar}, a {@link Vec} or a {@link Mat}.
 *
 * <p>A value is either <em>constant</em> (it depends on no active input; {@link #trace()} is null)
 * or <em>active</em> (it belongs to one running differentiation, its {@link Trace}, at position
 * {@link #slot()}). Operations on constants run their primal and record nothing; see {@link
 * Dispatch}. Values are immutable.
 */
public abstract sealed class Value permits Scalar, Vec, Mat {
  private final Trace trace;
  private final int slot;

  Value(Trace trace, int slot) {
    this.trace = trace;
    this.slot = slot;
  }

  // API

  /** True when this value depends on an active input of the running differentiation. */
  public final boolean isActive() {
    return trace != null;
  }

  /** Which of the three shapes this is. */
  public abstract ValueKind kind();

  /** A short description for messages, such as {@code Vec(3)}. */
  public abstract String describe();

  // SPI: for engines implementing Trace.

  /** The differentiation this value belongs to, or null for a constant. */
  public final Trace trace() {
    return trace;
  }

  /** The engine's index of this value in its trace; -1 for a constant. */
  public final int slot() {
    return slot;
  }

  @Override
  public String toString() {
    return describe() + (isActive() ? " active" : " const");
  }
}
