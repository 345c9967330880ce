package dev.ad4j.gradbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Builds GradBench ht inputs from ADBench's files the way GradBench's eval does ({@code
 * python/gradbench/gradbench/evals/ht/io.py}): bones.txt lines "name:parent:16 relative:16 inverse
 * absolute" (row-major 4×4), vertices.txt lines "x:y:z:…(5 more):count:bone:weight:…",
 * triangles.txt lines "a:b:c"; the instance file "N 26", N lines "vertex x y z", (complicated) N
 * lines "u0 u1", then 26 lines of θ.
 */
final class HandInputs {
  static final Path HAND = Path.of("src", "test", "resources", "adbench", "data", "hand");

  private HandInputs() {}

  /** The input JSON for this instance file (test.txt or hand_complicated.txt). */
  static String json(String instance, boolean complicated) throws IOException {
    List<String> lines = Files.readAllLines(HAND.resolve(instance));
    String[] header = lines.get(0).trim().split("\\s+");
    int n = Integer.parseInt(header[0]);
    int thetaCount = Integer.parseInt(header[1]);
    StringBuilder correspondences = new StringBuilder("[");
    StringBuilder points = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      String[] atoms = lines.get(1 + i).trim().split("\\s+");
      correspondences.append(i == 0 ? "" : ",").append(atoms[0]);
      points.append(i == 0 ? "[" : ",[").append(String.join(",", atoms[1], atoms[2], atoms[3]));
      points.append(']');
    }
    int at = 1 + n;
    StringBuilder us = new StringBuilder("[");
    if (complicated) {
      for (int i = 0; i < n; i++) {
        String[] atoms = lines.get(at++).trim().split("\\s+");
        us.append(i == 0 ? "[" : ",[").append(atoms[0]).append(',').append(atoms[1]).append(']');
      }
    }
    double[] theta = new double[thetaCount];
    for (int k = 0; k < thetaCount; k++) {
      theta[k] = Double.parseDouble(lines.get(at++).trim());
    }
    return "{\"theta\":"
        + JsonWriter.write(theta)
        + ",\"us\":"
        + us
        + "],\"data\":{\"model\":"
        + model()
        + ",\"correspondences\":"
        + correspondences
        + "],\"points\":"
        + points
        + "]}}";
  }

  private static String model() throws IOException {
    List<String> bones = Files.readAllLines(HAND.resolve("model/bones.txt"));
    int b = bones.size();
    StringBuilder names = new StringBuilder("[");
    StringBuilder parents = new StringBuilder("[");
    StringBuilder relatives = new StringBuilder("[");
    StringBuilder inverses = new StringBuilder("[");
    for (int i = 0; i < b; i++) {
      String[] atoms = bones.get(i).split(":");
      String sep = i == 0 ? "" : ",";
      names.append(sep).append('"').append(atoms[0]).append('"');
      parents.append(sep).append(atoms[1]);
      relatives.append(sep).append(matrix4(atoms, 2));
      inverses.append(sep).append(matrix4(atoms, 18));
    }
    List<String> vertices = Files.readAllLines(HAND.resolve("model/vertices.txt"));
    StringBuilder positions = new StringBuilder("[");
    StringBuilder weights = new StringBuilder("[");
    for (int v = 0; v < vertices.size(); v++) {
      String[] atoms = vertices.get(v).split(":");
      String sep = v == 0 ? "" : ",";
      positions.append(sep).append('[').append(String.join(",", atoms[0], atoms[1], atoms[2]));
      positions.append(",1.0]");
      double[] w = new double[b];
      for (int k = 0; k < Integer.parseInt(atoms[8]); k++) {
        w[Integer.parseInt(atoms[9 + 2 * k])] = Double.parseDouble(atoms[10 + 2 * k]);
      }
      weights.append(sep).append(JsonWriter.write(w));
    }
    StringBuilder triangles = new StringBuilder("[");
    List<String> tri = Files.readAllLines(HAND.resolve("model/triangles.txt"));
    for (int t = 0; t < tri.size(); t++) {
      triangles.append(t == 0 ? "[" : ",[").append(tri.get(t).trim().replace(':', ',')).append(']');
    }
    return "{\"bone_count\":"
        + b
        + ",\"bone_names\":"
        + names
        + "],\"parents\":"
        + parents
        + "],\"base_relatives\":"
        + relatives
        + "],\"inverse_base_absolutes\":"
        + inverses
        + "],\"base_positions\":"
        + positions
        + "],\"weights\":"
        + weights
        + "],\"triangles\":"
        + triangles
        + "],\"is_mirrored\":false}";
  }

  /** 16 values from atoms[from] as a row-major [[4],[4],[4],[4]]. */
  private static String matrix4(String[] atoms, int from) {
    double[][] m = new double[4][];
    for (int r = 0; r < 4; r++) {
      m[r] =
          Arrays.stream(atoms, from + 4 * r, from + 4 * r + 4)
              .mapToDouble(Double::parseDouble)
              .toArray();
    }
    return JsonWriter.write(m);
  }
}
