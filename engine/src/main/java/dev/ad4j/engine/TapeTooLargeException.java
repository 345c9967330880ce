package dev.ad4j.engine;

/**
 * A recording would grow past the tape memory limit ({@link TapeLimit}), so the differentiation was
 * stopped before the JVM ran out of memory. The caller's inputs and shadows are unchanged: nothing
 * is added into them before a sweep has succeeded.
 *
 * <p>The message names how much the tape held, the request that did not fit, the limit and where it
 * came from, and the three ways out: raise {@code -Xmx}, raise the limit with the system property
 * {@value TapeLimit#PROPERTY}, or record less (differentiate a smaller piece, or keep constant work
 * constant).
 */
public final class TapeTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long bytes;
  private final long limit;

  TapeTooLargeException(String trace, long held, long requested, long instructions, long limit) {
    super(
        trace
            + " would exceed its memory limit: it holds "
            + held
            + " bytes ("
            + instructions
            + " instructions) and needs "
            + requested
            + " more, limit "
            + limit
            + " bytes ("
            + TapeLimit.describeSource()
            + "); fix: raise -Xmx, or raise the limit with -D"
            + TapeLimit.PROPERTY
            + "=<bytes>, or record less (differentiate a smaller function, pass inputs that need"
            + " no derivative as constant(..))");
    this.bytes = held + requested;
    this.limit = limit;
  }

  /** The bytes the tape would have held had the allocation gone ahead. */
  public long bytes() {
    return bytes;
  }

  /** The limit in bytes that was in force. */
  public long limit() {
    return limit;
  }
}
