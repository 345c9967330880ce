package dev.ad4j.api;

/**
 * A vector argument: its primal and, unless {@code Const}, one shadow per lane (tangents in forward
 * mode, adjoint accumulators in reverse mode).
 */
public final class VecArg extends RuleArg {
  private final double[] primal;
  private final double[][] shadows;

  private VecArg(Activity activity, double[] primal, double[][] shadows) {
    super(activity);
    if (primal == null) {
      throw new IllegalArgumentException("a vector argument needs a non-null primal");
    }
    this.primal = primal;
    this.shadows = checkShadows(activity, primal.length, "Vec(" + primal.length + ")", shadows);
  }

  /** A {@code Const} vector. */
  public static VecArg constant(double[] primal) {
    return new VecArg(Activity.CONST, primal, null);
  }

  /** A {@code Duplicated} (or {@code DuplicatedNoNeed}) vector with one shadow per lane. */
  public static VecArg of(Activity activity, double[] primal, double[]... shadows) {
    if (activity == Activity.ACTIVE) {
      throw new IllegalArgumentException(
          "Active is for immutable scalars; a vector is Duplicated (its adjoint is added to a shadow)");
    }
    return new VecArg(activity, primal, shadows);
  }

  /** The primal values. Do not modify. */
  public double[] primal() {
    return primal;
  }

  /** The shadow of lane 0. */
  public double[] shadow() {
    return shadow(0);
  }

  /** The shadow of {@code lane}: read it in forward mode, add into it in reverse mode. */
  public double[] shadow(int lane) {
    requireNotConst("shadow");
    return lane(shadows, lane, describe());
  }

  /** The number of shadow lanes (0 when {@code Const}). */
  public int width() {
    return shadows == null ? 0 : shadows.length;
  }

  /** The number of elements. */
  public int size() {
    return primal.length;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.VECTOR;
  }

  @Override
  public String describe() {
    return "Vec(" + primal.length + ")";
  }
}
