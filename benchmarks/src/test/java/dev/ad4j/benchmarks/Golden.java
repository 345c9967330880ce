package dev.ad4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADBench's golden values: the "objective" number and the "gradient" array of a golden JSON. */
record Golden(double objective, double[] gradient) {
  private static final Pattern OBJECTIVE = Pattern.compile("\"objective\"\\s*:\\s*([-+0-9.eE]+)");
  private static final Pattern GRADIENT = Pattern.compile("\"gradient\"\\s*:\\s*\\[([^\\]]*)\\]");

  static Golden read(String resource) {
    String json;
    try (InputStream in = Golden.class.getResourceAsStream(resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher objective = OBJECTIVE.matcher(json);
    Matcher gradient = GRADIENT.matcher(json);
    if (!objective.find() || !gradient.find()) {
      throw new IllegalArgumentException(resource + " has no objective or gradient");
    }
    double[] g =
        Arrays.stream(gradient.group(1).split(","))
            .map(String::trim)
            .mapToDouble(Double::parseDouble)
            .toArray();
    return new Golden(Double.parseDouble(objective.group(1)), g);
  }

  /** ADBench's criterion for every element: |x − y| / max(1, |x| + |y|) &lt; 1e-8. */
  static boolean close(double expected, double actual) {
    return Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual)) < 1e-8;
  }
}
