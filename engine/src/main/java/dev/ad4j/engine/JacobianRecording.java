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
  private final double[] point;

  JacobianRecording(Fn1<Vec, Vec> function, double[] x) {
    this.replay = new Replay(function, x);
    this.point = new double[x.length];
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

  /**
   * Evaluates at many points at once, which is faster than one call per point: each recorded
   * instruction is decoded once per batch of 64 points, and the points' arithmetic overlaps. {@code
   * points} holds the points one after another (count × n), {@code values} (may be null) receives
   * count × m values and {@code jacobians} count Jacobians of m × n, each row after row; the
   * results are the same bits as {@link #valueAndJacobian} at each point. A point whose branches
   * differ from the recording's is evaluated on its own, recording again there.
   *
   * <pre>{@code
   * double[] points = {3, 4, 1, 2}; // (3, 4) and (1, 2)
   * double[] values = new double[2 * 2];
   * double[] jacobians = new double[2 * 2 * 2];
   * f.valuesAndJacobians(points, values, jacobians); // f from the class example
   * // values is {12, 16, 2, 4}; jacobians is {4, 3, 0, 8, 2, 1, 0, 4}
   * }</pre>
   *
   * <p>Shapes are checked before anything is written. If a rule throws, the arrays may have been
   * partly written.
   */
  public void valuesAndJacobians(double[] points, double[] values, double[] jacobians) {
    int n = replay.inputs();
    int m = replay.outputs();
    if (points == null || points.length % n != 0) {
      throw new IllegalArgumentException(
          "the points array is "
              + (points == null ? "null" : "of length " + points.length)
              + "; pass count × "
              + n
              + " numbers, one point after another");
    }
    int count = points.length / n;
    if (values != null && values.length != count * m) {
      throw new IllegalArgumentException(
          "the values array has length "
              + values.length
              + "; pass new double["
              + count
              + " * "
              + m
              + "] (points × outputs)");
    }
    if (jacobians == null || jacobians.length != count * m * n) {
      throw new IllegalArgumentException(
          "the Jacobians array is "
              + (jacobians == null ? "null" : "of length " + jacobians.length)
              + "; pass new double["
              + count
              + " * "
              + m
              + " * "
              + n
              + "] (points × outputs × inputs)");
    }
    for (int first = 0; first < count; first += ReplayBatch.LANES) {
      int lanes = Math.min(ReplayBatch.LANES, count - first);
      ReplayBatch batch = replay.batch();
      batch.run(points, first, lanes);
      for (int k = 0; k < m; k++) {
        batch.gradient(k, lanes, jacobians, first * m * n + k * n, m * n);
      }
      for (int j = 0; j < lanes; j++) {
        int at = first + j;
        if (!batch.followed[j]) {
          System.arraycopy(points, at * n, point, 0, n);
          ReplayProgram program = replay.evaluate(point);
          for (int k = 0; k < m; k++) {
            program.gradient(k, jacobians, at * m * n + k * n);
          }
          if (values != null) {
            for (int k = 0; k < m; k++) {
              values[at * m + k] = program.output(k);
            }
          }
        } else if (values != null) {
          for (int k = 0; k < m; k++) {
            values[at * m + k] = batch.output(k, j);
          }
        }
      }
    }
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
