package dev.ad4j.api;

/** A vector argument: its primal and, unless {@code Const}, one shadow per lane. */
public final class VecArg extends ArrayArg {
  private final double[] primal;

  private VecArg(Activity activity, double[] primal, double[][] shadows) {
    super(activity, requirePrimal(primal).length, "Vec(" + primal.length + ")", shadows);
    this.primal = primal;
  }

  /** A {@code Const} vector. */
  public static VecArg constant(double[] primal) {
    return new VecArg(Activity.CONST, primal, null);
  }

  /** A {@code Duplicated} (or {@code DuplicatedNoNeed}) vector with one shadow per lane. */
  public static VecArg of(Activity activity, double[] primal, double[]... shadows) {
    return new VecArg(activity, primal, shadows);
  }

  /** The primal values. Do not modify. */
  public double[] primal() {
    return primal;
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

  private static double[] requirePrimal(double[] primal) {
    if (primal == null) {
      throw new IllegalArgumentException("a vector argument needs a non-null primal");
    }
    return primal;
  }
}
