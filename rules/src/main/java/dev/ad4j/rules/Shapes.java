package dev.ad4j.rules;

import dev.ad4j.api.Matrix;

/** Shape checks for the rules' primals; each message names the rule and both shapes. */
final class Shapes {
  private Shapes() {}

  /** Throws unless the vectors {@code x} and {@code y} have the same length. */
  static void sameLength(String rule, double[] x, double[] y) {
    if (x.length != y.length) {
      throw error(rule, "x has length " + x.length + " but y has length " + y.length);
    }
  }

  /** The error for a call of {@code rule} whose shapes do not fit, described by {@code what}. */
  static IllegalArgumentException error(String rule, String what) {
    return new IllegalArgumentException(rule + ": " + what);
  }

  /** A matrix's dimensions for messages, such as {@code 2x3}. */
  static String dims(Matrix a) {
    return a.rows() + "x" + a.cols();
  }
}
