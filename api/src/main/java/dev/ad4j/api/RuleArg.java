package dev.ad4j.api;

/**
 * One argument as a rule body sees it: its activity, its primal and, unless {@code Const}, its
 * shadow. Reading the shadow of a {@code Const} argument throws {@link IllegalStateException}: a
 * rule must check {@link #isConst()} first.
 */
public abstract sealed class RuleArg permits ScalarArg, ArrayArg {
  private final Activity activity;

  RuleArg(Activity activity) {
    if (activity == null) {
      throw new IllegalArgumentException("activity must not be null");
    }
    this.activity = activity;
  }

  /** This argument's activity. */
  public final Activity activity() {
    return activity;
  }

  /** True when nothing of this argument's derivative may be touched. */
  public final boolean isConst() {
    return activity.isConst();
  }

  /** The shape of this argument. */
  public abstract ValueKind kind();

  /** Its type for messages, such as {@code Vec(3)}. */
  public abstract String describe();

  final void requireNotConst(String what) {
    if (isConst()) {
      throw new IllegalStateException(
          "a rule asked for the "
              + what
              + " of a Const "
              + describe()
              + "; check isConst() first: nothing of a Const argument's derivative may be touched");
    }
  }

  static double[][] checkShadows(Activity activity, int size, String type, double[][] shadows) {
    if (activity.isConst()) {
      if (shadows != null && shadows.length > 0) {
        throw new IllegalArgumentException("a Const " + type + " has no shadow; pass none");
      }
      return null;
    }
    if (shadows == null || shadows.length == 0) {
      throw new IllegalArgumentException(
          "a " + activity.label() + " " + type + " needs a shadow of length " + size);
    }
    for (int lane = 0; lane < shadows.length; lane++) {
      if (shadows[lane] == null || shadows[lane].length != size) {
        throw new IllegalArgumentException(
            "shadow "
                + lane
                + " of "
                + type
                + " has length "
                + (shadows[lane] == null ? "null" : shadows[lane].length)
                + ", expected "
                + size);
      }
    }
    return shadows;
  }
}
