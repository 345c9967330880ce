package dev.ad4j.api;

/**
 * How an argument takes part in differentiation. See {@link Arg} for the user-facing factories and
 * the package documentation for the contract every rule and engine keeps.
 */
public enum Activity {
  /** No derivative is read, computed, stored or returned. Any value may be constant. */
  CONST("Const"),
  /** An immutable scalar whose derivative is returned to the caller (reverse mode). */
  ACTIVE("Active"),
  /** An array with a shadow: reverse mode adds the adjoint into it, forward mode reads it. */
  DUPLICATED("Duplicated"),
  /**
   * As {@link #DUPLICATED}, and the caller gives up the primal: it may be overwritten between the
   * forward and the reverse pass, so a rule that needs it in reverse must save a copy.
   */
  DUPLICATED_NO_NEED("DuplicatedNoNeed"),
  /**
   * Forward mode only: an array with k shadows, one per direction, so one sweep propagates k
   * tangents (vector forward mode, batch width k). Rules see it as a non-{@code Const} argument
   * with {@link Config#width()} lanes.
   */
  BATCH_DUPLICATED("BatchDuplicated");

  private final String label;

  Activity(String label) {
    this.label = label;
  }

  /** True for {@link #CONST}: nothing of this argument's derivative may be touched. */
  public boolean isConst() {
    return this == CONST;
  }

  /** The name used in messages and in the README, e.g. {@code DuplicatedNoNeed}. */
  public String label() {
    return label;
  }
}
