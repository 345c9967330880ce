package dev.ad4j.engine;

/** How {@link Autodiff#jacobian} computes a Jacobian of f: ℝⁿ → ℝᵐ. */
public enum JacobianMode {
  /**
   * {@link #FORWARD} when n ≤ m, else {@link #REVERSE}; m is learnt from one plain evaluation of
   * the function with a constant input (no recording).
   */
  AUTO,
  /** Columns by vector forward mode, {@value Autodiff#JACOBIAN_BATCH} directions per sweep. */
  FORWARD,
  /** Rows by reverse mode: the function is recorded once and the tape swept once per row. */
  REVERSE
}
