package dev.ad4j.engine;

import dev.ad4j.api.Trace;

/**
 * How much memory one recording may hold before it fails with a {@link TapeTooLargeException}
 * instead of an {@code OutOfMemoryError} somewhere deep in the engine.
 *
 * <p>The default is half the maximum heap ({@code Runtime.getRuntime().maxMemory() / 2}); the
 * system property {@value #PROPERTY} (a number of bytes, e.g. {@code
 * -Dad4j.tape.maxBytes=2000000000}) replaces it. The limit is read once when a tape is created, so
 * a change applies to the next differentiation.
 *
 * <h2>What is counted</h2>
 *
 * Every buffer a tape allocates as it grows: chunks of scalar instructions (25 bytes per
 * instruction on the reverse tape, 49 on the forward-over-reverse tape; 8 bytes per slot and lane
 * for forward tangents), per array value 8 bytes per element for its adjoint (or tangent) buffer
 * and, for values computed by rules, 8 more for the primal the recording keeps alive, and the
 * scalar adjoints of the sweep. Not counted: rules' saved data, and the {@code Scalar} handles the
 * function holds (about 32 bytes per scalar operation, garbage as soon as the function drops them).
 * The limit is per recording: concurrent differentiations each have their own.
 *
 * <h2>Performance</h2>
 *
 * The limit is checked only when a new chunk or buffer is allocated, never per instruction.
 */
public final class TapeLimit {
  /** The system property that overrides the default limit, in bytes. */
  public static final String PROPERTY = "ad4j.tape.maxBytes";

  private TapeLimit() {}

  /** The limit in force now: the property if set, otherwise half the maximum heap. */
  public static long maxBytes() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return Runtime.getRuntime().maxMemory() / 2;
    }
    try {
      long bytes = Long.parseLong(value.trim());
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below with the value that was given
    }
    throw new IllegalArgumentException(
        "system property "
            + PROPERTY
            + " is '"
            + value
            + "'; it must be a positive number of bytes, e.g. -D"
            + PROPERTY
            + "=2000000000, or unset for half the maximum heap");
  }

  static String describeSource() {
    return System.getProperty(PROPERTY) != null
        ? "from -D" + PROPERTY
        : "half the maximum heap; set -D" + PROPERTY + " to change it";
  }

  /**
   * Throws if a tape holding {@code held} bytes may not allocate {@code requested} more.
   *
   * @return the new total
   */
  static long charge(Trace trace, long held, long requested, long instructions, long limit) {
    if (held + requested > limit) {
      throw new TapeTooLargeException(trace.describe(), held, requested, instructions, limit);
    }
    return held + requested;
  }
}
