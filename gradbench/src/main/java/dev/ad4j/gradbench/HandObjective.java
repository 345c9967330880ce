package dev.ad4j.gradbench;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Linalg;
import java.util.Arrays;

/**
 * ADBench's hand tracking (HT) residuals as ad4j code: 26 pose parameters θ pose a skinned hand
 * model ({@link HandModel}), and each observed point is compared with its vertex (simple variant)
 * or with a point u₀·a + u₁·b + (1 − u₀ − u₁)·c of its triangle (complicated variant, two more
 * unknowns per point).
 *
 * <h2>The model, as ADBench computes it</h2>
 *
 * θ = [global rotation (3, angle-axis), global translation (3), then for each of the 5 fingers 4
 * angles: two for its first driven bone, one for each of the next two]. Bone i is posed by the
 * Euler rotation of its angles ({@link HandPose}); its absolute transform is its parent's times its
 * rest transform times that rotation, and its skinning transform Tᵢ is that times its inverse
 * absolute rest transform. Each vertex is Σᵢ wᵢ·(Tᵢ·x)[0..2] over its rest position x (linear blend
 * skinning), mirrored if the model says so, then rotated by the global rotation and translated.
 *
 * <h2>How it is written</h2>
 *
 * The 22 small transforms are 4×4 ad4j matrix products (one tape node each). Skinning is one matrix
 * product: the v×(4b) constant matrix of weighted rest positions [w₀x … w_{b−1}x] (per vertex)
 * times the (4b)×3 stack of the transposed top rows of the Tᵢ; it has ADBench's b·3·4·v
 * multiply-adds. The global rotation is a 3×3 product, and the observed vertices are a gather.
 *
 * <p>Immutable; the weighted rest positions are formed on every call, inside any timing.
 */
final class HandObjective {
  private final HandModel model;

  HandObjective(HandModel model) {
    this.model = model;
  }

  /** The 3N residuals point − vertex at θ (26), as [x₀, y₀, z₀, x₁, …]. */
  Vec simple(Vec theta) {
    Vec world = world(theta);
    int[] idx = new int[3 * model.size()];
    for (int i = 0; i < model.size(); i++) {
      for (int j = 0; j < 3; j++) {
        idx[3 * i + j] = 3 * model.correspondences()[i] + j;
      }
    }
    Vec vertices = Linalg.add(Linalg.gather(world, idx), translation(theta));
    return Linalg.subtract(Vec.constant(model.points()), vertices);
  }

  /**
   * The 3N residuals point − (u₀·a + u₁·b + (1 − u₀ − u₁)·c) at θ (26) and us (2N: u₀, u₁ per
   * point), where a, b, c are the posed vertices of the point's triangle.
   */
  Vec complicated(Vec theta, Vec us) {
    Vec world = world(theta);
    Vec t = translation(theta);
    int n = model.size();
    Vec[] corners = new Vec[3];
    for (int k = 0; k < 3; k++) {
      int[] idx = new int[3 * n];
      for (int i = 0; i < n; i++) {
        int vertex = model.triangles()[3 * model.correspondences()[i] + k];
        for (int j = 0; j < 3; j++) {
          idx[3 * i + j] = 3 * vertex + j;
        }
      }
      corners[k] = Linalg.add(Linalg.gather(world, idx), t);
    }
    Vec u0 = Linalg.gather(us, repeatedThrice(n, 0));
    Vec u1 = Linalg.gather(us, repeatedThrice(n, 1));
    double[] ones = new double[3 * n];
    Arrays.fill(ones, 1.0);
    Vec u2 = Linalg.subtract(Linalg.subtract(Vec.constant(ones), u0), u1);
    Vec hand =
        Linalg.add(
            Linalg.add(Linalg.multiply(u0, corners[0]), Linalg.multiply(u1, corners[1])),
            Linalg.multiply(u2, corners[2]));
    return Linalg.subtract(Vec.constant(model.points()), hand);
  }

  /** Indices 2i + k, each three times: u_k of point i for its x, y and z residual. */
  private static int[] repeatedThrice(int n, int k) {
    int[] idx = new int[3 * n];
    for (int i = 0; i < 3 * n; i++) {
      idx[i] = 2 * (i / 3) + k;
    }
    return idx;
  }

  /** θ[3..5], repeated for every point. */
  private Vec translation(Vec theta) {
    int[] idx = new int[3 * model.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = 3 + i % 3;
    }
    return Linalg.gather(theta, idx);
  }

  /** Every skinned, mirrored and rotated vertex (not yet translated), flat v×3 row-major. */
  private Vec world(Vec theta) {
    int b = model.bones();
    Mat[] absolutes = new Mat[b];
    Vec[] tops = new Vec[b];
    for (int i = 0; i < b; i++) {
      Mat posed = Linalg.times(model.baseRelatives()[i], HandPose.boneRotation(theta, i));
      int parent = model.parents()[i];
      absolutes[i] = parent < 0 ? posed : Linalg.times(absolutes[parent], posed);
      Mat skinning = Linalg.times(absolutes[i], Mat.constant(model.inverseBaseAbsolutes()[i]));
      tops[i] = Linalg.flatten(Linalg.transpose(Linalg.rows(skinning, 0, 3)));
    }
    Mat stack = Linalg.reshape(Linalg.concat(tops), 4 * b, 3);
    Mat skinned = Linalg.times(weightedRestPositions(), stack);
    Mat global = HandPose.globalRotationTransposed(theta, model.mirrored());
    return Linalg.flatten(Linalg.times(skinned, global));
  }

  /**
   * Row v: [w_{v,0}·x_v, …, w_{v,b−1}·x_v] with x_v the homogeneous rest position; v×(4b), sparse:
   * only the bones with a non-zero weight on the vertex are stored (a handful of b).
   */
  private SparseMatrix weightedRestPositions() {
    int v = model.vertices();
    int b = model.bones();
    double[] x = model.basePositions();
    double[] w = model.weights();
    int nnz = 0;
    for (double weight : w) {
      nnz += weight != 0 ? 4 : 0;
    }
    int[] rowPointers = new int[v + 1];
    int[] columns = new int[nnz];
    double[] values = new double[nnz];
    int at = 0;
    for (int vertex = 0; vertex < v; vertex++) {
      for (int bone = 0; bone < b; bone++) {
        double weight = w[vertex * b + bone];
        for (int k = 0; weight != 0 && k < 4; k++, at++) {
          columns[at] = 4 * bone + k;
          values[at] = weight * x[vertex * 4 + k];
        }
      }
      rowPointers[vertex + 1] = at;
    }
    return SparseMatrix.csr(v, 4 * b, rowPointers, columns, SparseMatrix.Kind.DOUBLE, values);
  }

  /** A 3×3 or 4×4 matrix of scalars, row-major, as an ad4j matrix. */
  static Mat matrix(int size, Scalar... entries) {
    return Linalg.reshape(Vec.of(entries), size, size);
  }
}
