package dev.ad4j.gradbench;

import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link JsonReader} produces, plus {@code double[][]}, {@code long}/{@code
 * Integer}, as one line of JSON.
 *
 * <p>JSON has no NaN or Infinity: a non-finite double is a {@link NonFiniteOutputException} naming
 * where it was, and nothing is written (the caller builds the line in memory first). Doubles are
 * written by {@link Double#toString(double)}, which round-trips exactly; integral longs as
 * integers.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** The JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, "output");
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value, String path) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof RawJson raw) {
      sb.append(raw.json());
    } else if (value instanceof Double d) {
      number(sb, d, path);
    } else if (value instanceof Long || value instanceof Integer) {
      sb.append(value);
    } else if (value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof double[] a) {
      numbers(sb, a, path);
    } else if (value instanceof double[][] rows) {
      sb.append('[');
      for (int i = 0; i < rows.length; i++) {
        sb.append(i == 0 ? "" : ",");
        numbers(sb, rows[i], path + "[" + i + "]");
      }
      sb.append(']');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(sb, list.get(i), path + "[" + i + "]");
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        string(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue(), path + "." + e.getKey());
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("JSON: cannot write a " + value.getClass().getName());
    }
  }

  private static void numbers(StringBuilder sb, double[] a, String path) {
    sb.append('[');
    for (int i = 0; i < a.length; i++) {
      sb.append(i == 0 ? "" : ",");
      if (!Double.isFinite(a[i])) {
        number(sb, a[i], path + "[" + i + "]");
      }
      sb.append(a[i]);
    }
    sb.append(']');
  }

  private static void number(StringBuilder sb, double d, String path) {
    if (!Double.isFinite(d)) {
      throw new NonFiniteOutputException(path + " is " + d + ", which JSON cannot carry");
    }
    sb.append(d);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
