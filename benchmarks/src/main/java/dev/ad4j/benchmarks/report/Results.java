package dev.ad4j.benchmarks.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The scores measured in one report run, found by benchmark class, method and parameters. */
public final class Results {
  private final Map<String, Score> scores = new HashMap<>();

  /** Records a score; {@code params} as in {@link Row#params()}, in any order. */
  public void put(String benchmark, String method, String params, Score score) {
    scores.put(key(benchmark, method, params), score);
  }

  /** The score, or empty when that benchmark did not run. */
  public Optional<Score> find(String benchmark, String method, String params) {
    return Optional.ofNullable(scores.get(key(benchmark, method, params)));
  }

  public int size() {
    return scores.size();
  }

  private static String key(String benchmark, String method, String params) {
    return benchmark + "." + method + "|" + Row.canonical(params);
  }
}
