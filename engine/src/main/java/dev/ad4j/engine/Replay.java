package dev.ad4j.engine;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;

/**
 * A function of a vector with its current {@link ReplayProgram}: records it, replays it, and
 * records it again where a guarded branch would flip. Shared by {@link Recording} (a scalar result)
 * and {@link JacobianRecording} (a vector result).
 */
final class Replay {
  private final Fn1<Vec, ? extends Value> function;
  private final int n;
  private final int m;
  private ReplayProgram program;
  private int recordings;
  private ReplayBatch batch;

  Replay(Fn1<Vec, ? extends Value> function, double[] x) {
    this.function = function;
    this.n = x.length;
    this.program = record(x);
    this.m = program.outputs.length;
  }

  int inputs() {
    return n;
  }

  int outputs() {
    return m;
  }

  int recordings() {
    return recordings;
  }

  ReplayProgram program() {
    return program;
  }

  /** The lanes for running the current program at many points, made on first use. */
  ReplayBatch batch() {
    if (batch == null || batch.program != program) {
      batch = new ReplayBatch(program);
    }
    return batch;
  }

  /** Runs the program at {@code x}, recording again first if a guard fails. */
  ReplayProgram evaluate(double[] x) {
    check(x);
    if (!program.run(x)) {
      ReplayProgram again = record(x);
      if (again.outputs.length != m) {
        throw new IllegalStateException(
            "the function returned "
                + again.outputs.length
                + " values at this point and "
                + m
                + " where it was recorded; a recording needs a fixed output length");
      }
      program = again;
      if (!program.run(x)) {
        throw new IllegalStateException(
            "a branch of the function came out differently when replayed at the point where it"
                + " was just recorded: the function is not deterministic; make it a pure function"
                + " of x");
      }
    }
    return program;
  }

  private ReplayProgram record(double[] x) {
    ReplayTape tape = new ReplayTape(n);
    try {
      Value y = function.apply(tape.input(x));
      int[] slots;
      double[] constants;
      if (y instanceof Vec v) {
        if (v.trace() != null && v.trace() != tape) {
          throw Autodiff.foreign(v);
        }
        slots = new int[v.size()];
        constants = new double[v.size()];
        for (int k = 0; k < slots.length; k++) {
          Scalar s = v.get(k);
          slots[k] = s.trace() == tape ? s.slot() : -1;
          constants[k] = s.value();
        }
      } else {
        Scalar s = Autodiff.scalarResult(y, tape);
        slots = new int[] {s.trace() == tape ? s.slot() : -1};
        constants = new double[] {s.value()};
      }
      recordings++;
      return new ReplayProgram(tape, n, slots, constants);
    } finally {
      tape.close();
    }
  }

  private void check(double[] x) {
    if (x == null) {
      throw new IllegalArgumentException("the point x is null; pass a double[" + n + "]");
    }
    if (x.length != n) {
      throw new IllegalArgumentException(
          "this recording takes points of length "
              + n
              + ", x has length "
              + x.length
              + ": record the function again with Autodiff.record(f, x)");
    }
  }
}
