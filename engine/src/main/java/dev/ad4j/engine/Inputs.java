package dev.ad4j.engine;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;

/** Turns annotated primals into values; shared by the traces. */
final class Inputs {
  private Inputs() {}

  static Value constant(Object primal) {
    if (primal instanceof Double d) {
      return Scalar.constant(d);
    } else if (primal instanceof double[] v) {
      return Vec.constant(v);
    }
    return Mat.constant((Matrix) primal);
  }

  static int shadowSize(Object primal) {
    return primal instanceof double[] v ? v.length : ((Matrix) primal).shadowSize();
  }
}
