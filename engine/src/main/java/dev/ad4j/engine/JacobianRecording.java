package dev.ad4j.engine;

import dev.ad4j.api.Vec;

/**
 * A vector function of a vector recorded once and re-evaluated, value and Jacobian, at new points
 * without recording again and without allocating: the Jacobian counterpart of {@link Recording},
 * with the same rules for branches and for what can be recorded. Made by {@link
 * Autodiff#recordJacobian}.
 *
 * <pre>{@code
 * // f(x) = (x0·x1, x1²)
 * JacobianRecording f =
 *     Autodiff.recordJacobian(x -> Vec.of(x.get(0).times(x.get(1)), x.get(1).square()), start);
 * double[] value = new double[2];
 * double[] jacobian = new double[2 * 2]; // row-major: J[i][j] at i·n + j
 * f.valueAndJacobian(new double[] {3, 4}, value, jacobian);
 * // value is {12, 16}; jacobian is {4, 3, 0, 8}
 * }</pre>
 *
 * <p>Each evaluation runs the program forward once and sweeps back once per output (the Jacobian's
 * rows, as {@link JacobianMode#REVERSE}); the results are bit for bit {@link Autodiff#jacobian}'s
 * in that mode. Not thread-safe: give each thread its own.
 */
public final class JacobianRecording {
  private final Replay replay;

  JacobianRecording(Fn1<Vec, Vec> function, double[] x) {
    this.replay = new Replay(function, x);
  }

  /**
   * Evaluates at {@code x} (not modified): writes the m values into {@code value} (may be null when
   * only the Jacobian is wanted) and the m × n Jacobian, row after row, into {@code jacobian};
   * their old contents are overwritten. If anything fails, neither is modified.
   */
  public void valueAndJacobian(double[] x, double[] value, double[] jacobian) {
    int n = replay.inputs();
    int m = replay.outputs();
    if (value != null && value.length != m) {
      throw new IllegalArgumentException(
          "the value array has length " + value.length + ", the function has " + m + " outputs");
    }
    if (jacobian == null || jacobian.length != m * n) {
      throw new IllegalArgumentException(
          "the Jacobian array is "
              + (jacobian == null ? "null" : "of length " + jacobian.length)
              + "; pass new double["
              + m
              + " * "
              + n
              + "] (outputs × inputs, row after row)");
    }
    ReplayProgram program = replay.evaluate(x);
    if (value != null) {
      for (int k = 0; k < m; k++) {
        value[k] = program.output(k);
      }
    }
    program.jacobian(jacobian);
  }

  /** The function's values at {@code x} (not modified), into {@code value}. */
  public void value(double[] x, double[] value) {
    int m = replay.outputs();
    if (value == null || value.length != m) {
      throw new IllegalArgumentException(
          "the value array is "
              + (value == null ? "null" : "of length " + value.length)
              + "; pass new double["
              + m
              + "]");
    }
    ReplayProgram program = replay.evaluate(x);
    for (int k = 0; k < m; k++) {
      value[k] = program.output(k);
    }
  }

  /** The length of the points this recording takes (n, the Jacobian's columns). */
  public int inputs() {
    return replay.inputs();
  }

  /** The number of outputs (m, the Jacobian's rows). */
  public int outputs() {
    return replay.outputs();
  }

  /** The number of recorded instructions (scalar operations, input reads and branch guards). */
  public int instructions() {
    return replay.program().tape.size;
  }

  /** How many times the function has been recorded (see {@link Recording#recordings()}). */
  public int recordings() {
    return replay.recordings();
  }
}
