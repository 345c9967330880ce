package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.HessianVectorProduct;
import java.util.Arrays;

/**
 * kmeans: {points:[n][d], centroids:[k][d]}. {@code cost} ↦ Σᵢ minⱼ ‖cⱼ − pᵢ‖²; {@code dir} ↦ the
 * gradient divided elementwise by the Hessian diagonal, [k][d] (one Newton step's direction).
 *
 * <h2>How the derivatives are computed</h2>
 *
 * The minimum is taken on primal values (ties to the first centroid, as {@code Extrema.min} breaks
 * them) and only the winning ‖cⱼ − pᵢ‖² is recorded: the derivative of a min is that of its
 * minimizing term, so the tape holds n·d squared differences rather than n·k·d.
 *
 * <p>With the assignment fixed, the cost is a sum of terms (c_{j,l} − p_{i,l})², each depending on
 * a single centroid coordinate, so its Hessian is diagonal and H·1 is exactly the diagonal. {@code
 * dir} therefore runs one {@link Autodiff#hessianVector} (forward over reverse) along the all-ones
 * vector, which returns the gradient and H·1 together: one recording and one dual sweep, O(n·d),
 * instead of k·d Hessian-vector products. (KmeansTest checks the structure against {@link
 * Autodiff#hessian} and the diagonal against its closed form 2·|cluster j|.)
 *
 * <p>A centroid with no points has zero gradient and zero curvature; 0/0 is NaN, which JSON cannot
 * carry, so such an input is answered with {@code success:false}.
 */
final class KmeansModule implements EvalModule {
  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public Run prepare(String function, Object input) {
    var fields = Fields.object(input, "kmeans input");
    int[] pointShape = new int[2];
    int[] centroidShape = new int[2];
    double[] points = Fields.matrix(fields, "points", pointShape);
    double[] centroids = Fields.matrix(fields, "centroids", centroidShape);
    int d = centroidShape[1];
    if (pointShape[0] > 0 && pointShape[1] != d) {
      throw new IllegalArgumentException(
          "kmeans: points have " + pointShape[1] + " coordinates, centroids " + d);
    }
    return switch (function) {
      case "cost" -> () -> cost(Vec.constant(centroids), points, d).value();
      case "dir" -> () -> Fields.rows(direction(centroids, points, d), 0, centroidShape[0], d);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  static double[] direction(double[] centroids, double[] points, int d) {
    double[] ones = new double[centroids.length];
    Arrays.fill(ones, 1.0);
    HessianVectorProduct r = Autodiff.hessianVector(c -> cost(c, points, d), centroids, ones);
    double[] dir = new double[centroids.length];
    for (int i = 0; i < dir.length; i++) {
      dir[i] = r.gradient()[i] / r.hessianVector()[i];
    }
    return dir;
  }

  /** Σᵢ minⱼ ‖cⱼ − pᵢ‖², c and p row-major with d columns. */
  static Scalar cost(Vec c, double[] points, int d) {
    double[] cv = c.value();
    int k = d == 0 ? 0 : cv.length / d;
    Scalar total = Scalar.constant(0);
    for (int i = 0; d > 0 && i < points.length / d; i++) {
      int j = nearest(cv, k, points, i, d);
      for (int l = 0; l < d; l++) {
        total = total.plus(c.get(j * d + l).minus(points[i * d + l]).square());
      }
    }
    return total;
  }

  private static int nearest(double[] c, int k, double[] p, int i, int d) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double distance = 0;
      for (int l = 0; l < d; l++) {
        double diff = c[j * d + l] - p[i * d + l];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        best = j;
        bestDistance = distance;
      }
    }
    return best;
  }
}
