package dev.ad4j.engine;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Trace;
import java.util.Arrays;

/**
 * Reverse mode inside another differentiation: records each operation's operand slots and its
 * partials (outer Scalars) in flat arrays, then sweeps back from the result with outer arithmetic,
 * ā += p·ȳ, so the gradient it returns is made of outer Scalars.
 */
final class NestedReverseTrace extends NestedTrace {
  private int[] arg1 = new int[64];
  private int[] arg2 = new int[64];
  private Scalar[] partial1 = new Scalar[64];
  private Scalar[] partial2 = new Scalar[64];

  NestedReverseTrace(Trace enclosing) {
    super(enclosing);
  }

  @Override
  long bytesPerSlot() {
    return 4 + 4 + 8 + 8;
  }

  @Override
  void store(int slot, int a, Scalar da, int b, Scalar db) {
    if (slot == arg1.length) {
      arg1 = Arrays.copyOf(arg1, 2 * slot);
      arg2 = Arrays.copyOf(arg2, 2 * slot);
      partial1 = Arrays.copyOf(partial1, 2 * slot);
      partial2 = Arrays.copyOf(partial2, 2 * slot);
    }
    arg1[slot] = a;
    arg2[slot] = b;
    partial1[slot] = da;
    partial2[slot] = db;
  }

  /**
   * The adjoints of {@code inputs} (inner leaves) for the inner scalar {@code y}, as outer Scalars;
   * zero for an input that does not reach {@code y}. Skips operations whose adjoint is zero.
   */
  Scalar[] gradient(Scalar y, Scalar[] inputs) {
    Scalar[] adjoint = new Scalar[size()];
    int top = own(y);
    adjoint[top] = Scalar.constant(1.0);
    for (int i = top; i >= 0; i--) {
      Scalar g = adjoint[i];
      if (g == null || OuterMath.isZero(g)) {
        continue;
      }
      if (arg1[i] >= 0) {
        adjoint[arg1[i]] = OuterMath.add(adjoint[arg1[i]], OuterMath.times(partial1[i], g));
      }
      if (arg2[i] >= 0) {
        adjoint[arg2[i]] = OuterMath.add(adjoint[arg2[i]], OuterMath.times(partial2[i], g));
      }
    }
    Scalar[] gradient = new Scalar[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      Scalar a = adjoint[own(inputs[k])];
      gradient[k] = a == null ? Scalar.constant(0.0) : a;
    }
    return gradient;
  }

  @Override
  public String describe() {
    return "nested reverse trace@" + Integer.toHexString(System.identityHashCode(this));
  }
}
