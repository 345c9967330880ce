package dev.ad4j.gradbench;

/**
 * One GradBench eval (a "module" in the protocol): turns an {@code evaluate} message's function
 * name and parsed input into a {@link Run} that the protocol times.
 */
public interface EvalModule {
  /** The module name the eval sends in {@code define} and {@code evaluate}. */
  String name();

  /**
   * Reads the input (not modified) and returns the work to time. Parsing and any setup that is not
   * the function itself happen here, outside the timings.
   *
   * @throws UnknownFunctionException if this module has no such function
   */
  Run prepare(String function, Object input);

  /** The timed part of one evaluation: a function of the prepared input, run once per timing. */
  @FunctionalInterface
  interface Run {
    /** Computes the output: a Double, double[], double[][] or a Map of those. */
    Object run();
  }
}
