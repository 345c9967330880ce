package dev.ad4j.engine;

/** {@code out = [s_0, ..., s_k]}: reverse adds each output adjoint to its scalar. */
final class PackNode implements TapeNode {
  private final int[] slots;
  private final int out;

  PackNode(int[] slots, int out) {
    this.slots = slots;
    this.out = out;
  }

  @Override
  public void reverse(ReverseTape tape, double g) {
    if (!tape.isTouched(out)) {
      return;
    }
    double[] adjoint = tape.tensorAdjoint(out);
    for (int k = 0; k < slots.length; k++) {
      if (slots[k] >= 0) {
        tape.addAdjoint(slots[k], adjoint[k]);
      }
    }
  }
}
