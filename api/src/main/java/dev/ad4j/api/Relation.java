package dev.ad4j.api;

/**
 * An order relation between two scalars, as tested by {@link Scalar#lessThan(Scalar)} and its
 * siblings. A comparison of active scalars is a <em>branch</em>: a trace that replays a recording
 * ({@code Autodiff.record}) keeps each one with its outcome and re-records when it would change.
 */
public enum Relation {
  /** {@code x < y}. */
  LESS {
    @Override
    public boolean holds(double x, double y) {
      return x < y;
    }
  },
  /** {@code x <= y}. */
  LESS_OR_EQUAL {
    @Override
    public boolean holds(double x, double y) {
      return x <= y;
    }
  },
  /** {@code x > y}. */
  GREATER {
    @Override
    public boolean holds(double x, double y) {
      return x > y;
    }
  },
  /** {@code x >= y}. */
  GREATER_OR_EQUAL {
    @Override
    public boolean holds(double x, double y) {
      return x >= y;
    }
  };

  /** Whether {@code x} and {@code y} are in this relation (false when either is NaN). */
  public abstract boolean holds(double x, double y);
}
