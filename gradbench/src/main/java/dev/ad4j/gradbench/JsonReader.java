package dev.ad4j.gradbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for one protocol line.
 *
 * <h2>Data layout</h2>
 *
 * Objects become {@code LinkedHashMap<String, Object>}, strings {@code String}, {@code true}/{@code
 * false} {@code Boolean}, {@code null} {@code null}, and every number a {@code Double}. An array
 * whose elements are all numbers becomes a {@code double[]} (parsed without boxing: eval inputs are
 * mostly long arrays of numbers); any other array, including an empty one, a {@code List<Object>}.
 * So {@code [[1,2],[3,4]]} is a {@code List} of two {@code double[]}.
 *
 * <h2>Non-goals</h2>
 *
 * Streaming, duplicate-key detection (the last value wins), and numbers beyond double precision.
 */
public final class JsonReader {
  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  /** Parses one complete JSON value; trailing non-whitespace is an error. */
  public static Object parse(String text) {
    JsonReader r = new JsonReader(text);
    Object value = r.value();
    r.skipWhitespace();
    if (r.pos != text.length()) {
      throw r.error("trailing characters after the value");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      map.put(key, value());
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private Object array() {
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new ArrayList<>();
    }
    int start = pos;
    double[] numbers = numberArray();
    if (numbers != null) {
      return numbers;
    }
    pos = start;
    List<Object> list = new ArrayList<>();
    while (true) {
      list.add(value());
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  /** The rest of an array if it holds only numbers, else null (the caller rewinds). */
  private double[] numberArray() {
    double[] buffer = new double[16];
    int n = 0;
    while (true) {
      skipWhitespace();
      char c = peek();
      if (c != '-' && (c < '0' || c > '9')) {
        return null;
      }
      if (n == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, 2 * n);
      }
      buffer[n++] = number();
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return java.util.Arrays.copyOf(buffer, n);
      }
    }
  }

  /** A number by the JSON grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?, scanned without regex. */
  private double number() {
    int start = pos;
    if (pos < text.length() && text.charAt(pos) == '-') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '0') {
      pos++;
    } else if (digits() == 0) {
      pos = start;
      throw error(
          text.charAt(pos) == '-'
              ? "malformed number"
              : "unexpected character '" + text.charAt(pos) + "'");
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (digits() == 0) {
        throw error("malformed number: no digits after '.'");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw error("malformed number: no digits in the exponent");
      }
    }
    return Double.parseDouble(text.substring(start, pos));
  }

  private int digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private String string() {
    pos++;
    StringBuilder sb = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String tail = text.substring(start, pos++);
        return sb == null ? tail : sb.append(tail).toString();
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, start, pos);
        pos++;
        sb.append(escape());
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char escape() {
    char c = peek();
    pos++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (pos + 4 > text.length()) {
          throw error("truncated \\u escape");
        }
        try {
          char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
          pos += 4;
          return u;
        } catch (NumberFormatException e) {
          throw error("malformed \\u escape");
        }
      default:
        throw error("unknown escape '\\" + c + "'");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("expected '" + word + "'");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonException error(String what) {
    return new JsonException("JSON: " + what + " at character " + pos);
  }
}
