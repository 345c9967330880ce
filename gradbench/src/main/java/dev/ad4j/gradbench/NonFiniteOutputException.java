package dev.ad4j.gradbench;

/**
 * An output holds NaN or ±Infinity, which JSON cannot carry: the tool answers {@code success:false}
 * with this message instead of sending an invalid or rounded number.
 */
public final class NonFiniteOutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonFiniteOutputException(String message) {
    super(message);
  }
}
