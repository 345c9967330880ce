package dev.ad4j.api;

/** The direction of a differentiation sweep. */
public enum Mode {
  /** Tangents flow from inputs to outputs alongside the primal (Jacobian-vector products). */
  FORWARD,
  /**
   * Adjoints flow from outputs back to inputs after a recorded primal (vector-Jacobian products).
   */
  REVERSE
}
