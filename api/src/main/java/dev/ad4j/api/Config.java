package dev.ad4j.api;

/**
 * What the caller of a rule body needs: the mode, whether the primal and the shadow of the output
 * are needed, the batch width, and which arguments may be overwritten between the augmented primal
 * and the reverse pass (by argument index, not Enzyme's off-by-one positional tuple).
 */
public final class Config {
  private static final Config PRIMAL_ONLY = new Config(Mode.FORWARD, true, false, 1, 0L);
  private static final Config FORWARD = new Config(Mode.FORWARD, true, true, 1, 0L);
  private static final Config REVERSE = new Config(Mode.REVERSE, true, true, 1, 0L);

  private final Mode mode;
  private final boolean needsPrimal;
  private final boolean needsShadow;
  private final int width;
  private final long overwritten;

  private Config(Mode mode, boolean needsPrimal, boolean needsShadow, int width, long overwritten) {
    this.mode = mode;
    this.needsPrimal = needsPrimal;
    this.needsShadow = needsShadow;
    this.width = width;
    this.overwritten = overwritten;
  }

  /** Forward mode computing only the primal: every argument is {@code Const}. */
  public static Config primalOnly() {
    return PRIMAL_ONLY;
  }

  /** Forward mode with {@code width} tangent lanes, primal and tangents needed. */
  public static Config forward(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("batch width must be at least 1, got " + width);
    }
    return width == 1 ? FORWARD : new Config(Mode.FORWARD, true, true, width, 0L);
  }

  /** Reverse mode, primal and adjoints needed, nothing overwritten. */
  public static Config reverse() {
    return REVERSE;
  }

  /** A copy that declares argument {@code index} may change between the two reverse halves. */
  public Config withOverwritten(int index) {
    if (index < 0 || index >= Long.SIZE) {
      throw new IllegalArgumentException("argument index " + index + " outside [0, 64)");
    }
    return new Config(mode, needsPrimal, needsShadow, width, overwritten | (1L << index));
  }

  /** A copy with {@link #needsPrimal()} set as given. */
  public Config withNeedsPrimal(boolean needed) {
    return new Config(mode, needed, needsShadow, width, overwritten);
  }

  /** The sweep this body is part of. */
  public Mode mode() {
    return mode;
  }

  /** Whether the rule must set the output's primal. */
  public boolean needsPrimal() {
    return needsPrimal;
  }

  /** Whether the rule must produce the output's tangent (forward) or can be asked for adjoints. */
  public boolean needsShadow() {
    return needsShadow;
  }

  /** The number of tangent lanes in forward mode (1 unless batched). */
  public int width() {
    return width;
  }

  /**
   * Whether argument {@code index} may be overwritten after {@link Rule#augmentedPrimal}: if so, a
   * rule that reads its primal in {@link Rule#reverse} must save a copy.
   */
  public boolean overwritten(int index) {
    return index < Long.SIZE && (overwritten & (1L << index)) != 0;
  }

  @Override
  public String toString() {
    return mode
        + "(primal="
        + needsPrimal
        + ", shadow="
        + needsShadow
        + ", width="
        + width
        + ", overwritten="
        + Long.toBinaryString(overwritten)
        + ")";
  }
}
