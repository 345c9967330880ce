package dev.ad4j.benchmarks.report;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks that a list of {@link Row}s needs, briefly, through JMH's Runner API.
 *
 * <p>Rows are grouped by benchmark class and parameters; each group is one JMH run of exactly the
 * methods its rows name, at exactly those parameters (one fork per method, {@value #WARMUPS}
 * warm-up iterations of {@value #WARMUP_MILLIS} ms, enough for the JIT to finish with ad4j's deeper
 * call chains (with 3 the P1 gradient at n = 10⁴ measured 2.2× the hand-written one, with 5 s of
 * warm-up 1.01×), and {@value #ITERATIONS} measurement iterations of {@value #ITERATION_MILLIS} ms,
 * with {@code -prof gc}). A call longer than an iteration still runs once per iteration. Methods
 * that do not exist yet are skipped, so their rows print "not run"; a group whose run fails is
 * reported and skipped the same way. The score kept is the median of the measurement iterations.
 */
final class JmhPass {
  static final String PACKAGE = "dev.ad4j.benchmarks";
  static final int WARMUPS = 6;
  static final int WARMUP_MILLIS = 500;
  static final int ITERATIONS = 3;
  static final int ITERATION_MILLIS = 400;

  private JmhPass() {}

  /** Measures what {@code rows} need into {@code results}; progress goes to {@code log}. */
  static void run(List<Row> rows, Results results, PrintStream log) {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    Map<String, Row> firstRow = new LinkedHashMap<>();
    for (Row row : rows) {
      String key = row.benchmark() + "|" + row.params();
      groups.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(row.methods());
      firstRow.putIfAbsent(key, row);
    }
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      Row row = firstRow.get(group.getKey());
      List<String> methods = existing(row.benchmark(), group.getValue());
      if (methods.isEmpty()) {
        log.println("  skipped " + row.benchmark() + ": no such benchmark yet");
        continue;
      }
      long start = System.nanoTime();
      try {
        for (RunResult r : runGroup(row, methods)) {
          record(r, results);
        }
        log.printf(
            "  %s %s %s: %d s%n",
            row.benchmark(),
            row.params(),
            methods,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
      } catch (RunnerException | RuntimeException e) {
        log.println("  FAILED " + row.benchmark() + " " + row.params() + ": " + e);
      }
    }
  }

  private static Collection<RunResult> runGroup(Row row, List<String> methods)
      throws RunnerException {
    String include =
        "^"
            + Pattern.quote(PACKAGE + "." + row.benchmark() + ".")
            + "("
            + String.join("|", methods)
            + ")$";
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(WARMUPS)
            .warmupTime(TimeValue.milliseconds(WARMUP_MILLIS))
            .measurementIterations(ITERATIONS)
            .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
    for (Map.Entry<String, String> p : row.paramMap().entrySet()) {
      options.param(p.getKey(), p.getValue());
    }
    return new Runner(options.build()).run();
  }

  /** The named methods that are {@code @Benchmark}s of the class; none if there is no class. */
  static List<String> existing(String benchmark, Set<String> methods) {
    Class<?> type;
    try {
      type = Class.forName(PACKAGE + "." + benchmark);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    Set<String> present = new LinkedHashSet<>();
    for (Method m : type.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        present.add(m.getName());
      }
    }
    List<String> out = new ArrayList<>(methods);
    out.retainAll(present);
    return out;
  }

  private static void record(RunResult run, Results results) {
    BenchmarkParams params = run.getParams();
    String full = params.getBenchmark();
    String method = full.substring(full.lastIndexOf('.') + 1);
    String benchmark = full.substring(PACKAGE.length() + 1, full.lastIndexOf('.'));
    String paramString =
        params.getParamsKeys().stream()
            .map(k -> k + "=" + params.getParam(k))
            .collect(Collectors.joining(","));
    Result<?> primary = run.getPrimaryResult();
    Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
    results.put(
        benchmark,
        method,
        paramString,
        new Score(
            primary.getStatistics().getPercentile(50),
            primary.getScoreUnit(),
            alloc == null ? Double.NaN : alloc.getScore()));
  }
}
