package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.VecArg;

/**
 * What an augmented primal keeps for its reverse: a copy of each argument primal that the reverse
 * reads <em>and</em> that may be overwritten in between ({@link Config#overwritten(int)}). Nothing
 * else is copied; with nothing to copy, {@link #of} returns null and the rule saves nothing.
 *
 * <pre>{@code
 * // dot(x, y): x̄ reads y, ȳ reads x.
 * Saved saved = Saved.of(config, args, !y.isConst(), !x.isConst());
 * ...
 * double[] yPrimal = Saved.vec(saved, args, 1); // the copy, or the live primal
 * }</pre>
 */
final class Saved {
  private final Object[] copies;

  private Saved(Object[] copies) {
    this.copies = copies;
  }

  /**
   * Copies argument {@code k} when {@code readInReverse[k]} and it may be overwritten; null when
   * nothing needs copying. Scalars are immutable and never copied.
   */
  static Saved of(Config config, Args args, boolean... readInReverse) {
    Object[] copies = null;
    for (int k = 0; k < readInReverse.length; k++) {
      Object copy = readInReverse[k] && config.overwritten(k) ? copy(args.get(k)) : null;
      if (copy != null) {
        copies = copies == null ? new Object[readInReverse.length] : copies;
        copies[k] = copy;
      }
    }
    return copies == null ? null : new Saved(copies);
  }

  /** The primal of vector argument {@code k} as the augmented primal saw it. */
  static double[] vec(Saved saved, Args args, int k) {
    Object copy = saved == null ? null : saved.copies[k];
    return copy != null ? (double[]) copy : args.vec(k).primal();
  }

  /** The primal of matrix argument {@code k} as the augmented primal saw it. */
  static Matrix mat(Saved saved, Args args, int k) {
    Object copy = saved == null ? null : saved.copies[k];
    return copy != null ? (Matrix) copy : args.mat(k).primal();
  }

  /** Whether argument {@code k} was copied. */
  boolean holds(int k) {
    return k < copies.length && copies[k] != null;
  }

  private static Object copy(RuleArg arg) {
    if (arg instanceof VecArg v) {
      return v.primal().clone();
    } else if (arg instanceof MatArg m) {
      return MatrixKernels.copyOf(m.primal());
    }
    return null;
  }
}
