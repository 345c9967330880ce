package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Output;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.VecArg;

/**
 * The arguments and outputs of the {@link Elementwise} rules: vectors or dense matrices. Both keep
 * their values in one {@code double[]} (row-major for a matrix), and their shadows have the same
 * layout, so one loop over that array serves both kinds. Nothing here copies: each method hands out
 * the primal's own array (not modified) or wraps a fresh one.
 *
 * <p>A sparse matrix is refused: its shadow lives on its stored entries only, and an elementwise
 * {@code f(0) ≠ 0} would fill it in.
 */
final class ElementwiseArrays {
  private ElementwiseArrays() {}

  /** Argument {@code i} of {@code rule}, which must be a vector or a dense matrix. */
  static ArrayArg array(String rule, Args args, int i) {
    if (!(args.get(i) instanceof ArrayArg a)) {
      throw Shapes.error(
          rule, "argument " + i + " is a scalar; elementwise rules take vectors or dense matrices");
    }
    if (a instanceof MatArg m && !(m.primal() instanceof DenseMatrix)) {
      throw Shapes.error(
          rule,
          "argument "
              + i
              + " is a "
              + m.primal().describe()
              + " but elementwise rules take dense matrices;"
              + " for a sparse matrix use Linalg.mapValues or Linalg.scaleStored");
    }
    return a;
  }

  /** The primal values of a vector or dense matrix, row-major. Not a copy: do not modify. */
  static double[] values(ArrayArg a) {
    return a instanceof VecArg v ? v.primal() : ((DenseMatrix) ((MatArg) a).primal()).values();
  }

  /**
   * The values of array argument {@code k} as the augmented primal saw them (see {@link Saved}).
   */
  static double[] saved(Saved saved, Args args, int k) {
    return args.get(k) instanceof VecArg
        ? Saved.vec(saved, args, k)
        : ((DenseMatrix) Saved.mat(saved, args, k)).values();
  }

  /** Throws unless {@code x} and {@code y} are both vectors, or both matrices, of one shape. */
  static void sameShape(String rule, ArrayArg x, ArrayArg y) {
    if (x instanceof VecArg vx && y instanceof VecArg vy) {
      Shapes.sameLength(rule, vx.primal(), vy.primal());
      return;
    }
    String sx = shape(x);
    String sy = shape(y);
    if (!sx.equals(sy)) {
      throw Shapes.error(rule, "x is " + sx + " but y is " + sy + " (shapes must match)");
    }
  }

  /** Sets {@code values} as the output: a vector, or a dense matrix shaped like {@code like}. */
  static void setPrimal(Output out, ArrayArg like, double[] values) {
    if (like instanceof MatArg m) {
      out.primal(DenseMatrix.wrap(m.primal().rows(), m.primal().cols(), values));
    } else {
      out.primal(values);
    }
  }

  /** The output's primal values, row-major when it is a matrix. Do not modify. */
  static double[] outputValues(Output out) {
    return out.kind() == ValueKind.VECTOR
        ? out.vectorPrimal()
        : ((DenseMatrix) out.matrixPrimal()).values();
  }

  private static String shape(ArrayArg a) {
    if (a instanceof VecArg v) {
      return "a vector of length " + v.size();
    }
    return "a " + Shapes.dims(((MatArg) a).primal()) + " matrix";
  }
}
