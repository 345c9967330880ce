package dev.ad4j.engine;

import dev.ad4j.api.Activity;

/**
 * The result of {@link Autodiff#reverse}: the primal value and the adjoint of each {@code Active}
 * argument. {@code Duplicated} arguments got theirs added into their shadows.
 */
public final class ReverseResult {
  private final double value;
  private final Activity[] activities;
  private final double[] adjoints;

  ReverseResult(double value, Activity[] activities, double[] adjoints) {
    this.value = value;
    this.activities = activities;
    this.adjoints = adjoints;
  }

  /** The function's value. */
  public double value() {
    return value;
  }

  /** The adjoint (∂value/∂argument) of the {@code Active} scalar argument at {@code position}. */
  public double adjoint(int position) {
    if (position < 0 || position >= activities.length) {
      throw new IndexOutOfBoundsException(
          "argument " + position + " requested, the function has " + activities.length);
    }
    if (activities[position] != Activity.ACTIVE) {
      throw new IllegalArgumentException(
          "argument "
              + position
              + " is "
              + activities[position].label()
              + (activities[position].isConst()
                  ? ", so no adjoint was computed; annotate it active(x)"
                  : "; its adjoint was added into the shadow you passed"));
    }
    return adjoints[position];
  }

  @Override
  public String toString() {
    return "ReverseResult(value=" + value + ")";
  }
}
