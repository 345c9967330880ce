package dev.ad4j.api;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;

/**
 * Conversions between {@code double[]}, the vector primal of ad4j, and Commons Math vectors.
 *
 * <pre>{@code
 * double[] g = Autodiff.gradient(f, Vectors.toArray(point));   // from a RealVector
 * RealVector direction = Vectors.toRealVector(g).mapMultiply(-1);
 * }</pre>
 */
public final class Vectors {
  private Vectors() {}

  /**
   * A fresh {@code double[]} with the elements of {@code v} (any implementation, sparse ones too).
   */
  public static double[] toArray(RealVector v) {
    return v.toArray();
  }

  /** A Commons Math copy of {@code v}. */
  public static RealVector toRealVector(double[] v) {
    return new ArrayRealVector(v, true);
  }

  /**
   * A boolean column vector (n×1 {@link SparseMatrix.Kind#PATTERN}) of the non-zeros of {@code v}.
   */
  public static SparseMatrix patternOf(RealVector v) {
    double[] values = toArray(v);
    int count = 0;
    for (double x : values) {
      count += x != 0.0 ? 1 : 0;
    }
    int[] indices = new int[count];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (values[i] != 0.0) {
        indices[k++] = i;
      }
    }
    return SparseMatrix.columnVector(values.length, indices);
  }
}
