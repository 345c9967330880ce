package dev.ad4j.api;

/**
 * The output of one rule call: the rule sets its primal and tangents; in reverse mode the engine
 * seeds its adjoint and the rule reads it.
 *
 * <p>Shapes are checked: a tangent must have the primal's shadow size ({@link #checkForward(Rule,
 * Config)} reports a rule that breaks this, as {@link RuleContractException}).
 */
public final class Output {
  private final int width;
  private ValueKind kind;
  private double scalar;
  private double[] vector;
  private Matrix matrix;
  private final double[] scalarTangents;
  private final double[][] tangents;
  private final boolean[] tangentSet;
  private double scalarAdjoint;
  private double[] adjoint;

  /** An empty output with {@code width} tangent lanes. */
  public Output(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, got " + width);
    }
    this.width = width;
    this.scalarTangents = new double[width];
    this.tangents = new double[width][];
    this.tangentSet = new boolean[width];
  }

  // API: set by the rule

  /** Sets a scalar primal. */
  public void primal(double value) {
    setKind(ValueKind.SCALAR);
    scalar = value;
  }

  /** Sets a vector primal (kept, not copied: do not modify it afterwards). */
  public void primal(double[] value) {
    setKind(ValueKind.VECTOR);
    vector = requireNonNull(value, "primal");
  }

  /** Sets a matrix primal. */
  public void primal(Matrix value) {
    setKind(ValueKind.MATRIX);
    matrix = requireNonNull(value, "primal");
  }

  /** Sets the scalar tangent of lane 0. */
  public void tangent(double value) {
    tangent(0, value);
  }

  /** Sets the scalar tangent of {@code lane}. */
  public void tangent(int lane, double value) {
    checkLane(lane);
    scalarTangents[lane] = value;
    tangentSet[lane] = true;
  }

  /** Sets the vector or matrix tangent of lane 0 (in the primal's shadow layout). */
  public void tangent(double[] value) {
    tangent(0, value);
  }

  /** Sets the vector or matrix tangent of {@code lane}. */
  public void tangent(int lane, double[] value) {
    checkLane(lane);
    tangents[lane] = requireNonNull(value, "tangent");
    tangentSet[lane] = true;
  }

  // API: read by the rule

  /** The scalar primal. */
  public double scalarPrimal() {
    requireKind(ValueKind.SCALAR);
    return scalar;
  }

  /** The vector primal. Do not modify. */
  public double[] vectorPrimal() {
    requireKind(ValueKind.VECTOR);
    return vector;
  }

  /** The matrix primal. */
  public Matrix matrixPrimal() {
    requireKind(ValueKind.MATRIX);
    return matrix;
  }

  /** Reverse mode: the adjoint of a scalar output. */
  public double scalarAdjoint() {
    requireKind(ValueKind.SCALAR);
    return scalarAdjoint;
  }

  /**
   * Reverse mode: the adjoint of a vector or matrix output, in its shadow layout. Do not modify.
   */
  public double[] adjoint() {
    if (adjoint == null) {
      throw new IllegalStateException("no adjoint was seeded; adjoints exist in reverse mode only");
    }
    return adjoint;
  }

  // SPI: for engines and the test kit

  /** The kind the rule set, or null before it set a primal. */
  public ValueKind kind() {
    return kind;
  }

  /** The number of tangent lanes. */
  public int width() {
    return width;
  }

  /** The shadow size of the primal: 1 for a scalar, the length or the matrix shadow size. */
  public int shadowSize() {
    requirePrimal();
    switch (kind) {
      case SCALAR:
        return 1;
      case VECTOR:
        return vector.length;
      default:
        return matrix.shadowSize();
    }
  }

  /** The scalar tangent of {@code lane}. */
  public double scalarTangent(int lane) {
    checkLane(lane);
    return scalarTangents[lane];
  }

  /** The vector or matrix tangent of {@code lane}. */
  public double[] arrayTangent(int lane) {
    checkLane(lane);
    return tangents[lane];
  }

  /** Seeds the adjoint of a scalar output. */
  public void seedAdjoint(double value) {
    scalarAdjoint = value;
  }

  /** Seeds the adjoint of a vector or matrix output (kept, not copied). */
  public void seedAdjoint(double[] value) {
    if (value.length != shadowSize()) {
      throw new IllegalArgumentException(
          "adjoint has length " + value.length + ", the output's shadow needs " + shadowSize());
    }
    adjoint = value;
  }

  /** Checks that the rule set a primal and, if needed, a tangent of the right shape per lane. */
  public void checkForward(Rule<?> rule, Config config) {
    if (kind == null) {
      throw new RuleContractException(rule, config.mode(), "set no primal; call out.primal(..)");
    }
    if (config.mode() != Mode.FORWARD || !config.needsShadow()) {
      return;
    }
    for (int lane = 0; lane < config.width(); lane++) {
      if (!tangentSet[lane]) {
        throw new RuleContractException(
            rule, Mode.FORWARD, "set no tangent for lane " + lane + "; call out.tangent(..)");
      }
      if (kind != ValueKind.SCALAR && tangents[lane] == null) {
        throw new RuleContractException(
            rule, Mode.FORWARD, "set a scalar tangent for a " + kind + " output");
      }
      if (kind != ValueKind.SCALAR && tangents[lane].length != shadowSize()) {
        throw new RuleContractException(
            rule,
            Mode.FORWARD,
            "returned a tangent of length "
                + tangents[lane].length
                + " for an output whose shadow has length "
                + shadowSize());
      }
    }
  }

  private void setKind(ValueKind k) {
    if (kind != null && kind != k) {
      throw new IllegalStateException("output is already a " + kind + "; cannot set a " + k);
    }
    kind = k;
  }

  private void requireKind(ValueKind k) {
    requirePrimal();
    if (kind != k) {
      throw new IllegalStateException("output is a " + kind + ", not a " + k);
    }
  }

  private void requirePrimal() {
    if (kind == null) {
      throw new IllegalStateException("the rule has not set the output's primal yet");
    }
  }

  private void checkLane(int lane) {
    if (lane < 0 || lane >= width) {
      throw new IndexOutOfBoundsException("lane " + lane + " outside width " + width);
    }
  }

  private static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }
}
