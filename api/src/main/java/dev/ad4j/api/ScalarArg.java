package dev.ad4j.api;

/**
 * A scalar argument: its primal, and when {@code Active} its tangent (forward mode) or an adjoint
 * accumulator (reverse mode, {@link #addAdjoint}).
 */
public final class ScalarArg extends RuleArg {
  private final double primal;
  private final Mode mode;
  private final double[] tangents;
  private double adjoint;

  private ScalarArg(Activity activity, double primal, Mode mode, double[] tangents) {
    super(activity);
    this.primal = primal;
    this.mode = mode;
    this.tangents = tangents;
  }

  /** A {@code Const} scalar. */
  public static ScalarArg constant(double primal) {
    return new ScalarArg(Activity.CONST, primal, null, null);
  }

  /** An {@code Active} scalar in forward mode, with one tangent per lane. */
  public static ScalarArg forward(double primal, double... tangents) {
    if (tangents == null || tangents.length == 0) {
      throw new IllegalArgumentException("an Active scalar in forward mode needs a tangent");
    }
    return new ScalarArg(Activity.ACTIVE, primal, Mode.FORWARD, tangents);
  }

  /** An {@code Active} scalar in reverse mode; its adjoint starts at zero. */
  public static ScalarArg reverse(double primal) {
    return new ScalarArg(Activity.ACTIVE, primal, Mode.REVERSE, null);
  }

  /** The primal value. */
  public double primal() {
    return primal;
  }

  /** The tangent of lane 0 (forward mode). */
  public double tangent() {
    return tangent(0);
  }

  /** The tangent of {@code lane} (forward mode). */
  public double tangent(int lane) {
    requireNotConst("tangent");
    if (mode != Mode.FORWARD) {
      throw new IllegalStateException("a tangent exists in forward mode only; this is " + mode);
    }
    if (lane < 0 || lane >= tangents.length) {
      throw new IndexOutOfBoundsException("lane " + lane + " outside width " + tangents.length);
    }
    return tangents[lane];
  }

  /** Reverse mode: {@code adjoint += value}. */
  public void addAdjoint(double value) {
    requireNotConst("adjoint");
    if (mode != Mode.REVERSE) {
      throw new IllegalStateException("adjoints exist in reverse mode only; this is " + mode);
    }
    adjoint += value;
  }

  /** The number of tangent lanes (forward mode), 0 otherwise. */
  public int width() {
    return tangents == null ? 0 : tangents.length;
  }

  /** SPI: the adjoint accumulated so far. */
  public double adjoint() {
    return adjoint;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.SCALAR;
  }

  @Override
  public String describe() {
    return "Scalar";
  }
}
