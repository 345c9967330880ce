package dev.ad4j.api;

/**
 * A matrix argument: its primal (dense or sparse) and, unless {@code Const}, one shadow per lane in
 * the primal's layout (row-major when dense, one entry per stored element when sparse).
 */
public final class MatArg extends ArrayArg {
  private final Matrix primal;

  private MatArg(Activity activity, Matrix primal, double[][] shadows) {
    super(activity, checked(activity, primal).shadowSize(), primal.describe(), shadows);
    this.primal = primal;
  }

  /** A {@code Const} matrix. */
  public static MatArg constant(Matrix primal) {
    return new MatArg(Activity.CONST, primal, null);
  }

  /** A {@code Duplicated} (or {@code DuplicatedNoNeed}) matrix with one shadow per lane. */
  public static MatArg of(Activity activity, Matrix primal, double[]... shadows) {
    return new MatArg(activity, primal, shadows);
  }

  /** The primal matrix. */
  public Matrix primal() {
    return primal;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.MATRIX;
  }

  @Override
  public String describe() {
    return primal.describe();
  }

  private static Matrix checked(Activity activity, Matrix primal) {
    if (primal == null) {
      throw new IllegalArgumentException("a matrix argument needs a non-null primal");
    }
    if (activity != null && !activity.isConst() && !primal.isDifferentiable()) {
      throw new IllegalArgumentException(
          primal.describe()
              + " is never differentiable (its elements are booleans or integers) but was "
              + activity.label()
              + "; pass it as Const");
    }
    return primal;
  }
}
