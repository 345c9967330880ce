package dev.ad4j.engine;

import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Vec;

/**
 * A scalar function of a vector recorded once and re-evaluated, value and gradient, at new points
 * without recording again and without allocating: for objectives that run the same operations at
 * every point, which is most of them. Made by {@link Autodiff#record}.
 *
 * <pre>{@code
 * Recording f = Autodiff.record(x -> x.get(0).times(x.get(1)).plus(x.get(1).square()), start);
 * double[] g = new double[2];
 * double value = f.valueAndGradient(new double[] {3, 4}, g); // 28; g is {4, 11}
 * }</pre>
 *
 * <h2>Branches</h2>
 *
 * A function may branch on its inputs only through the comparisons of {@link Scalar} ({@link
 * Scalar#lessThan(Scalar)} and its siblings): each one is kept with its outcome, and when it would
 * come out the other way at a new point the function is recorded again there, so the result is
 * always the one {@link Autodiff#gradient} gives. A branch on {@link Scalar#value()} is invisible
 * to the recording and replays the recorded path: compare the {@code Scalar}s instead. Scalar rules
 * with kinks ({@code abs}, {@code max}) need no guard: they are re-evaluated at each point.
 *
 * <h2>What can be recorded</h2>
 *
 * Scalar code: elements of the input vector, {@code Scalar} arithmetic, easy-tier scalar rules
 * ({@link UnaryScalarRule}, {@link BinaryScalarRule}, everything in {@code Scalars}) and
 * comparisons. A function that applies an array rule is refused with an {@link
 * UnsupportedOperationException} when recorded; use {@link Autodiff#gradient} for it.
 *
 * <p>Results are bit for bit those of {@link Autodiff#gradient} at the same point. A recording
 * holds buffers it reuses, so it is not thread-safe: give each thread its own.
 */
public final class Recording {
  private final Replay replay;

  Recording(Fn1<Vec, Scalar> function, double[] x) {
    this.replay = new Replay(function, x);
  }

  /** The function's value at {@code x} (not modified). */
  public double value(double[] x) {
    return replay.evaluate(x).output(0);
  }

  /**
   * The function's value at {@code x} (not modified); its gradient is written into {@code
   * gradient}, whose old contents are overwritten (not added to). If anything fails, {@code
   * gradient} is left as it was.
   */
  public double valueAndGradient(double[] x, double[] gradient) {
    int n = replay.inputs();
    if (gradient == null || gradient.length != n) {
      throw new IllegalArgumentException(
          "the gradient array is "
              + (gradient == null ? "null" : "of length " + gradient.length)
              + ", the point has length "
              + n
              + ": pass new double["
              + n
              + "]");
    }
    ReplayProgram program = replay.evaluate(x);
    program.gradient(0, gradient, 0);
    return program.output(0);
  }

  /** The length of the points this recording takes. */
  public int dimension() {
    return replay.inputs();
  }

  /**
   * How many times the function has been recorded: 1, plus one for each point where a recorded
   * branch would have gone the other way.
   */
  public int recordings() {
    return replay.recordings();
  }

  /** The number of recorded instructions (scalar operations, input reads and branch guards). */
  public int instructions() {
    return replay.program().tape.size;
  }
}
