package dev.ad4j.engine;

import dev.ad4j.api.DenseMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The result of {@link Autodiff#jacobian}: the value f(x) and J = ∂f/∂x, an m×n dense matrix with
 * J[i][j] = ∂fᵢ/∂xⱼ.
 *
 * @param value f(x), of length m
 * @param matrix J, row-major m×n
 * @param mode how J was computed ({@link JacobianMode#FORWARD} or {@link JacobianMode#REVERSE})
 */
public record Jacobian(double[] value, DenseMatrix matrix, JacobianMode mode) {
  /** ∂fᵢ/∂xⱼ. */
  public double get(int i, int j) {
    return matrix.get(i, j);
  }

  /** J as a Commons Math matrix (an {@code Array2DRowRealMatrix}, a copy). */
  public RealMatrix toRealMatrix() {
    return matrix.toRealMatrix();
  }
}
