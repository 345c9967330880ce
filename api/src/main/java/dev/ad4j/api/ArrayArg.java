package dev.ad4j.api;

/**
 * An array argument ({@link VecArg} or {@link MatArg}): unless {@code Const}, one shadow per lane
 * in the primal's shadow layout (tangents in forward mode, adjoint accumulators in reverse mode).
 */
public abstract sealed class ArrayArg extends RuleArg permits VecArg, MatArg {
  private final double[][] shadows;

  ArrayArg(Activity activity, int size, String type, double[][] shadows) {
    super(activity);
    if (activity == Activity.ACTIVE) {
      throw new IllegalArgumentException(
          "Active is for immutable scalars; a "
              + type
              + " is Duplicated (its adjoint is added to a shadow)");
    }
    this.shadows = checkShadows(activity, size, type, shadows);
  }

  /** The shadow of lane 0. */
  public final double[] shadow() {
    return shadow(0);
  }

  /** The shadow of {@code lane}: read it in forward mode, add into it in reverse mode. */
  public final double[] shadow(int lane) {
    requireNotConst("shadow");
    if (lane < 0 || lane >= shadows.length) {
      throw new IndexOutOfBoundsException(
          "lane " + lane + " outside width " + shadows.length + " of " + describe());
    }
    return shadows[lane];
  }

  /** The number of shadow lanes (0 when {@code Const}). */
  public final int width() {
    return shadows == null ? 0 : shadows.length;
  }
}
