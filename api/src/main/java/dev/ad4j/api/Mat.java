package dev.ad4j.api;

/**
 * A matrix inside a differentiated function: its primal is a {@link DenseMatrix} or a {@link
 * SparseMatrix}. A sparse matrix whose elements are booleans or integers is always constant.
 */
public final class Mat extends Value {
  private final Matrix value;

  private Mat(Matrix value, Trace trace, int slot) {
    super(trace, slot);
    if (value == null) {
      throw new IllegalArgumentException("a Mat needs a non-null Matrix");
    }
    this.value = value;
  }

  /** A constant matrix. */
  public static Mat constant(Matrix value) {
    return new Mat(value, null, -1);
  }

  /** SPI: an active matrix at {@code slot} of {@code trace}. Engines only. */
  public static Mat traced(Matrix value, Trace trace, int slot) {
    if (trace == null) {
      throw new IllegalArgumentException("a traced matrix needs a trace; use Mat.constant");
    }
    if (!value.isDifferentiable()) {
      throw new IllegalArgumentException(
          value.describe() + " is not differentiable and cannot be active");
    }
    return new Mat(value, trace, slot);
  }

  /** The primal matrix. */
  public Matrix value() {
    return value;
  }

  /** Number of rows. */
  public int rows() {
    return value.rows();
  }

  /** Number of columns. */
  public int cols() {
    return value.cols();
  }

  @Override
  public ValueKind kind() {
    return ValueKind.MATRIX;
  }

  @Override
  public String describe() {
    return "Mat[" + value.describe() + "]";
  }
}
