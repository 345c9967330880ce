package dev.ad4j.gradbench;

import dev.ad4j.api.DenseMatrix;
import java.util.List;
import java.util.Map;

/**
 * ADBench's hand model and observations as GradBench's ht eval sends them: {@code data} of the
 * input, {@code {model:{bone_names, parents, base_relatives:[b][4][4], inverse_base_absolutes:
 * [b][4][4], base_positions:[v][4], weights:[v][b], triangles:[t][3], is_mirrored},
 * correspondences:[N], points:[N][3]}}. Matrices are row-major as sent (GradBench's {@code
 * cpp/gradbench/evals/ht.hpp} reads them the same way); a bone's parent comes before it.
 *
 * @param parents the parent bone of each bone, −1 for a root
 * @param baseRelatives each bone's 4×4 rest transform relative to its parent
 * @param inverseBaseAbsolutes each bone's inverse 4×4 absolute rest transform
 * @param basePositions the v rest vertices, homogeneous, v×4 row-major
 * @param weights the skinning weights, v×b row-major
 * @param triangles the t triangles, three vertex indices each, t×3
 * @param mirrored whether the x coordinate of every skinned vertex is negated
 * @param correspondences the vertex (simple) or triangle (complicated) of each observed point
 * @param points the N observed points, N×3 row-major
 */
record HandModel(
    int[] parents,
    DenseMatrix[] baseRelatives,
    DenseMatrix[] inverseBaseAbsolutes,
    double[] basePositions,
    double[] weights,
    int[] triangles,
    boolean mirrored,
    int[] correspondences,
    double[] points) {
  /** The bones the 26 pose parameters address: the wrist, and 4 per finger for 5 fingers. */
  static final int BONES = 22;

  /** The number of bones. */
  int bones() {
    return parents.length;
  }

  /** The number of vertices. */
  int vertices() {
    return basePositions.length / 4;
  }

  /** The number of observed points, N. */
  int size() {
    return correspondences.length;
  }

  /** Reads {@code data} of an ht input; a missing, mistyped or inconsistent field is named. */
  static HandModel parse(Object data) {
    Map<String, Object> d = Fields.object(data, "ht data");
    Map<String, Object> model = Fields.object(Fields.field(d, "model"), "ht data.model");
    int[] parents = indices(Fields.numbers(model, "parents"), "parents");
    int b = parents.length;
    int[] shape = new int[2];
    double[] positions = Fields.matrix(model, "base_positions", shape);
    requireShape(shape, shape[0], 4, "base_positions");
    int v = shape[0];
    double[] weights = Fields.matrix(model, "weights", shape);
    requireShape(shape, v, b, "weights");
    int[] triangles = indices(Fields.matrix(model, "triangles", shape), "triangles");
    requireShape(shape, shape[0], 3, "triangles");
    int[] correspondences = indices(Fields.numbers(d, "correspondences"), "correspondences");
    double[] points = Fields.matrix(d, "points", shape);
    requireShape(shape, correspondences.length, 3, "points");
    if (!(Fields.field(model, "is_mirrored") instanceof Boolean mirrored)) {
      throw new JsonException("field 'is_mirrored' must be true or false");
    }
    if (b < BONES) {
      throw new JsonException("ht: the model has " + b + " bones; the pose needs " + BONES);
    }
    for (int i = 0; i < b; i++) {
      if (parents[i] >= i) {
        throw new JsonException("ht: bone " + i + " has parent " + parents[i] + ", not before it");
      }
    }
    return new HandModel(
        parents,
        transforms(model, "base_relatives", b),
        transforms(model, "inverse_base_absolutes", b),
        positions,
        weights,
        triangles,
        mirrored,
        correspondences,
        points);
  }

  private static DenseMatrix[] transforms(Map<String, Object> model, String name, int bones) {
    if (!(Fields.field(model, name) instanceof List<?> list) || list.size() != bones) {
      throw new JsonException("field '" + name + "' must hold one 4x4 matrix per bone");
    }
    DenseMatrix[] out = new DenseMatrix[bones];
    int[] shape = new int[2];
    for (int i = 0; i < bones; i++) {
      double[] m = Fields.matrix(Map.of(name, list.get(i)), name, shape);
      requireShape(shape, 4, 4, name + "[" + i + "]");
      out[i] = DenseMatrix.wrap(4, 4, m);
    }
    return out;
  }

  private static int[] indices(double[] values, String name) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
        throw new JsonException("field '" + name + "' must hold integers, not " + values[i]);
      }
      out[i] = (int) values[i];
    }
    return out;
  }

  private static void requireShape(int[] shape, int rows, int cols, String name) {
    if (shape[0] != rows || (rows > 0 && shape[1] != cols)) {
      throw new JsonException(
          "field '"
              + name
              + "' is "
              + shape[0]
              + "x"
              + shape[1]
              + ", expected "
              + rows
              + "x"
              + cols);
    }
  }
}
