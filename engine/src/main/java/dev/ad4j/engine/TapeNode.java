package dev.ad4j.engine;

/** One array operation on a {@link ReverseTape}: a rule call or a pack of scalars. */
interface TapeNode {
  /**
   * Runs this node's reverse step. {@code g} is the adjoint of the node's instruction slot: the
   * output's adjoint when the output is a scalar, unused otherwise.
   */
  void reverse(ReverseTape tape, double g);
}
