package dev.ad4j.api;

/**
 * A matrix argument: its primal (dense or sparse) and, unless {@code Const}, one shadow per lane in
 * the primal's layout (row-major when dense, one entry per stored element when sparse).
 */
public final class MatArg extends RuleArg {
  private final Matrix primal;
  private final double[][] shadows;

  private MatArg(Activity activity, Matrix primal, double[][] shadows) {
    super(activity);
    if (primal == null) {
      throw new IllegalArgumentException("a matrix argument needs a non-null primal");
    }
    if (!activity.isConst() && !primal.isDifferentiable()) {
      throw new IllegalArgumentException(
          primal.describe()
              + " is never differentiable (its elements are booleans or integers) but was "
              + activity.label()
              + "; pass it as Const");
    }
    this.primal = primal;
    this.shadows = checkShadows(activity, primal.shadowSize(), primal.describe(), shadows);
  }

  /** A {@code Const} matrix. */
  public static MatArg constant(Matrix primal) {
    return new MatArg(Activity.CONST, primal, null);
  }

  /** A {@code Duplicated} (or {@code DuplicatedNoNeed}) matrix with one shadow per lane. */
  public static MatArg of(Activity activity, Matrix primal, double[]... shadows) {
    if (activity == Activity.ACTIVE) {
      throw new IllegalArgumentException(
          "Active is for immutable scalars; a matrix is Duplicated (its adjoint is added to a shadow)");
    }
    return new MatArg(activity, primal, shadows);
  }

  /** The primal matrix. */
  public Matrix primal() {
    return primal;
  }

  /** The shadow of lane 0. */
  public double[] shadow() {
    return shadow(0);
  }

  /** The shadow of {@code lane}, in the primal's layout. */
  public double[] shadow(int lane) {
    requireNotConst("shadow");
    return lane(shadows, lane, describe());
  }

  /** The number of shadow lanes (0 when {@code Const}). */
  public int width() {
    return shadows == null ? 0 : shadows.length;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.MATRIX;
  }

  @Override
  public String describe() {
    return primal.describe();
  }
}
