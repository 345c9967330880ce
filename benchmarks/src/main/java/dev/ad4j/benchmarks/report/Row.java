package dev.ad4j.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One line of the report: {@code numerator ÷ denominator} of one benchmark class at one parameter
 * combination, its target, and other methods of the same class and parameters shown beside it, each
 * over the same denominator.
 *
 * @param problem the problem's short name, e.g. {@code "P1 xᵀPx"}
 * @param benchmark the benchmark class's simple name in {@code dev.ad4j.benchmarks}, e.g. {@code
 *     SparseQuadraticFormBenchmark}; {@value Report#PEAK_MEMORY} for {@link
 *     dev.ad4j.benchmarks.PeakMemory}'s measurement
 * @param params JMH parameters, {@code name=value} joined by commas, e.g. {@code
 *     "n=10000,p=PATTERN_CONST"}; empty for none
 * @param numerator the method whose cost the row is about (usually ad4j's)
 * @param denominator the method it is measured against (the hand-written or plain code)
 * @param target the goal for the ratio
 * @param beside other methods of the same benchmark and parameters, as ratios over the denominator
 */
public record Row(
    String problem,
    String benchmark,
    String params,
    String numerator,
    String denominator,
    Target target,
    List<String> beside) {

  public Row {
    beside = List.copyOf(beside);
    params = canonical(params);
  }

  /** A row; {@code beside} may be empty. */
  public static Row of(
      String problem,
      String benchmark,
      String params,
      String numerator,
      String denominator,
      Target target,
      String... beside) {
    return new Row(problem, benchmark, params, numerator, denominator, target, List.of(beside));
  }

  /**
   * A row from one line of text: {@code problem | benchmark | params | numerator / denominator |
   * target [| beside, beside, ...]}, e.g. {@code "P3 Rosenbrock | RosenbrockBenchmark | n=1000 |
   * ad4jGradient / handGradient | <= 25 | derivativeStructureGradient"}. {@code params} lists every
   * JMH parameter of the benchmark with one value ({@code -} for none); the target is {@code <= b},
   * {@code >= b} or {@code -}.
   *
   * @throws IllegalArgumentException naming the line and the malformed part
   */
  public static Row parse(String line) {
    String[] cells = line.split("\\|");
    if (cells.length < 5 || cells.length > 6) {
      throw new IllegalArgumentException(
          "row '"
              + line
              + "' has "
              + cells.length
              + " cells; write problem | benchmark | params"
              + " | numerator / denominator | target [| beside, ...]");
    }
    String[] ratio = cells[3].split("/");
    if (ratio.length != 2) {
      throw new IllegalArgumentException(
          "row '" + line + "': '" + cells[3].trim() + "' is not numerator / denominator");
    }
    String params = cells[2].trim().equals("-") ? "" : cells[2];
    List<String> beside = new ArrayList<>();
    if (cells.length == 6) {
      for (String method : cells[5].split(",")) {
        beside.add(method.trim());
      }
    }
    return new Row(
        cells[0].trim(),
        cells[1].trim(),
        params,
        ratio[0].trim(),
        ratio[1].trim(),
        Target.parse(cells[4], line),
        beside);
  }

  /** The parameters as a map sorted by name. */
  public Map<String, String> paramMap() {
    return parseParams(params);
  }

  /** Every method this row needs measured: numerator, denominator, beside. */
  public List<String> methods() {
    List<String> all = new ArrayList<>();
    all.add(numerator);
    all.add(denominator);
    all.addAll(beside);
    return all;
  }

  /** The parameters sorted by name, so that rows and results find each other. */
  static String canonical(String params) {
    return parseParams(params).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static Map<String, String> parseParams(String params) {
    Map<String, String> map = new TreeMap<>();
    if (params == null || params.isBlank()) {
      return map;
    }
    for (String raw : params.split(",")) {
      String pair = raw.trim();
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "parameter '" + pair + "' is not name=value; write e.g. \"n=1000,p=PATTERN_CONST\"");
      }
      map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return map;
  }
}
