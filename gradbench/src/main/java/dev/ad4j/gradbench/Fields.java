package dev.ad4j.gradbench;

import java.util.List;
import java.util.Map;

/** Typed access to the parsed JSON of an eval input; a missing or mistyped field is named. */
final class Fields {
  private Fields() {}

  static Map<String, Object> object(Object json, String what) {
    if (!(json instanceof Map<?, ?> map)) {
      throw new JsonException(what + " must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return typed;
  }

  static Object field(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      throw new JsonException("missing field '" + name + "'");
    }
    return value;
  }

  static double number(Map<String, Object> object, String name) {
    if (!(field(object, name) instanceof Double d)) {
      throw new JsonException("field '" + name + "' must be a number");
    }
    return d;
  }

  static int integer(Map<String, Object> object, String name) {
    double d = number(object, name);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new JsonException("field '" + name + "' must be an integer, not " + d);
    }
    return (int) d;
  }

  /** A number array; an empty JSON array parses as a list and reads as length 0. */
  static double[] numbers(Map<String, Object> object, String name) {
    Object value = field(object, name);
    if (value instanceof double[] a) {
      return a;
    }
    if (value instanceof List<?> list && list.isEmpty()) {
      return new double[0];
    }
    throw new JsonException("field '" + name + "' must be an array of numbers");
  }

  /** An array of equal-length number arrays, as a row-major flat array of rows × cols. */
  static double[] matrix(Map<String, Object> object, String name, int[] shapeOut) {
    Object value = field(object, name);
    if (!(value instanceof List<?> rows)) {
      throw new JsonException("field '" + name + "' must be an array of arrays of numbers");
    }
    int cols = rows.isEmpty() ? 0 : row(rows.get(0), name).length;
    double[] flat = new double[rows.size() * cols];
    for (int i = 0; i < rows.size(); i++) {
      double[] r = row(rows.get(i), name);
      if (r.length != cols) {
        throw new JsonException("field '" + name + "': row " + i + " has length " + r.length);
      }
      System.arraycopy(r, 0, flat, i * cols, cols);
    }
    shapeOut[0] = rows.size();
    shapeOut[1] = cols;
    return flat;
  }

  private static double[] row(Object value, String name) {
    if (value instanceof List<?> empty && empty.isEmpty()) {
      return new double[0];
    }
    if (!(value instanceof double[] r)) {
      throw new JsonException("field '" + name + "' must be an array of arrays of numbers");
    }
    return r;
  }

  /** Rows × cols entries of {@code flat} from {@code offset}, as rows (for outputs). */
  static double[][] rows(double[] flat, int offset, int rows, int cols) {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      int from = offset + i * cols;
      out[i] = java.util.Arrays.copyOfRange(flat, from, from + cols);
    }
    return out;
  }
}
