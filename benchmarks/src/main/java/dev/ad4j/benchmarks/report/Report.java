package dev.ad4j.benchmarks.report;

import dev.ad4j.benchmarks.PeakMemory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One command for the benchmark report: a short JMH pass over every {@link #ROWS row}, the P1 peak
 * memory measurement, then {@code report.md} (the table) and {@code ratios.png} (the chart) in the
 * folder given as the only argument (default {@code benchmarks/report}).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ad4j.benchmarks.report.Report benchmarks/report
 * </pre>
 *
 * <p>To add a row, add one line to {@link #ROWS}: the problem, the benchmark class, every JMH
 * parameter of that class with one value, the numerator and denominator methods, the target, and
 * any methods to show beside ({@link Row#parse}). A row whose benchmark or method does not exist
 * yet prints "not run". The scores are short-run medians on a shared machine: read the ratios, and
 * rerun a row with JMH's own command line (benchmarks/README.md) before quoting it.
 */
public final class Report {
  /** The benchmark name of the rows measured by {@link PeakMemory} instead of JMH. */
  public static final String PEAK_MEMORY = "PeakMemory";

  /**
   * Every line of the report, in order; the benchmarks that run are exactly those named here. Each
   * is {@code problem | benchmark class | params | numerator / denominator | target [| beside,
   * ...]} ({@link Row#parse}).
   */
  static final List<Row> ROWS =
      Stream.of(
              "P1 xᵀPx | SparseQuadraticFormBenchmark | n=10000,p=PATTERN_CONST | ad4jGradient / handGradient | <= 1.3 | ad4jGradientTimes",
              "P1 xᵀPx | SparseQuadraticFormBenchmark | n=100000,p=PATTERN_CONST | ad4jGradient / handGradient | <= 1.3 | ad4jGradientTimes",
              "P1 xᵀPx | SparseQuadraticFormBenchmark | n=1000000,p=PATTERN_CONST | ad4jGradient / handGradient | <= 1.3 | ad4jGradientTimes",
              "P1 with dP | SparseQuadraticFormBenchmark | n=100000,p=DOUBLE_DUPLICATED | ad4jGradient / handGradient | -",
              "P1 memory | PeakMemory | n=1000000 | AD4J / HAND | <= 1.5",
              "P1 all-Const | SparseQuadraticFormBenchmark | n=100000,p=PATTERN_CONST | ad4jAllConst / primal | <= 1.2",
              "P1 all-Const | SparseQuadraticFormBenchmark | n=1000000,p=PATTERN_CONST | ad4jAllConst / primal | <= 1.2",
              "P2 logistic | LogisticRegressionBenchmark | size=100000x10000 | ad4jGradient / handGradient | <= 1.3",
              "P2 logistic | LogisticRegressionBenchmark | size=1000000x100000 | ad4jGradient / handGradient | <= 1.3",
              "P2 all-Const | LogisticRegressionBenchmark | size=100000x10000 | ad4jAllConst / primal | <= 1.2",
              "P2 all-Const | LogisticRegressionBenchmark | size=1000000x100000 | ad4jAllConst / primal | <= 1.2",
              "P3 Rosenbrock | RosenbrockBenchmark | n=10 | ad4jGradient / handGradient | - | derivativeStructureGradient, sparseGradientGradient",
              "P3 Rosenbrock | RosenbrockBenchmark | n=100 | ad4jGradient / handGradient | - | derivativeStructureGradient, sparseGradientGradient",
              "P3 Rosenbrock | RosenbrockBenchmark | n=1000 | ad4jGradient / handGradient | <= 25 | derivativeStructureGradient, sparseGradientGradient",
              "P3 replayed | RosenbrockBenchmark | n=1000 | ad4jReplayedGradient / handGradient | <= 5",
              "P3 vs DS | RosenbrockBenchmark | n=1000 | derivativeStructureGradient / ad4jGradient | >= 300",
              "P3 vs DS, replayed | RosenbrockBenchmark | n=1000 | derivativeStructureGradient / ad4jReplayedGradient | >= 300",
              "P3 all-Const | RosenbrockBenchmark | n=1000 | ad4jAllConst / primal | -",
              "GMM | GmmBenchmark | d=2 | ad4jGradient / plainObjective | -",
              "GMM | GmmBenchmark | d=10 | ad4jGradient / plainObjective | <= 5",
              "GMM | GmmBenchmark | d=20 | ad4jGradient / plainObjective | <= 5",
              "GMM | GmmBenchmark | d=64 | ad4jGradient / plainObjective | <= 5",
              "GMM all-Const | GmmBenchmark | d=64 | ad4jAllConst / plainObjective | -",
              "BA | BundleAdjustmentBenchmark | instance=ba1 | ad4jJacobian / plainObjective | <= 10",
              "BA | BundleAdjustmentBenchmark | instance=ba2 | ad4jJacobian / plainObjective | <= 10",
              "BA | BundleAdjustmentBenchmark | instance=ba3 | ad4jJacobian / plainObjective | <= 10",
              "BA | BundleAdjustmentBenchmark | instance=ba4 | ad4jJacobian / plainObjective | <= 10",
              "LSTM | LstmBenchmark | layers=2 | ad4jGradient / plainObjective | <= 4",
              "LSTM | LstmBenchmark | layers=4 | ad4jGradient / plainObjective | <= 4",
              "LSTM replayed | LstmBenchmark | layers=2 | ad4jReplayedGradient / plainObjective | <= 4",
              "LSTM replayed | LstmBenchmark | layers=4 | ad4jReplayedGradient / plainObjective | <= 4",
              "LSTM all-Const | LstmBenchmark | layers=4 | ad4jAllConst / plainObjective | -")
          .map(Row::parse)
          .toList();

  private Report() {}

  public static void main(String[] args) {
    Path folder = Path.of(args.length > 0 ? args[0] : "benchmarks/report");
    PrintStream log = System.out;
    long start = System.nanoTime();
    Results results = new Results();
    List<Row> jmhRows = new ArrayList<>();
    for (Row row : ROWS) {
      if (row.benchmark().equals(PEAK_MEMORY)) {
        measureMemory(row, results, log);
      } else {
        jmhRows.add(row);
      }
    }
    JmhPass.run(jmhRows, results, log);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<RowResult> rows = ROWS.stream().map(r -> RowResult.of(r, results)).toList();
    write(folder, rows, seconds);
    log.println();
    log.print(MarkdownTable.render(rows));
    log.printf(
        Locale.ROOT,
        "%nwrote %s and %s in %.0f s%n",
        folder.resolve("report.md"),
        folder.resolve("ratios.png"),
        seconds);
  }

  private static void measureMemory(Row row, Results results, PrintStream log) {
    int n = Integer.parseInt(row.paramMap().get("n"));
    PeakMemory.Comparison c = PeakMemory.compare(n, 10);
    log.println("  " + PeakMemory.describe(c));
    results.put(
        PEAK_MEMORY, "AD4J", row.params(), new Score(c.ad4j().mebibytes(), "MiB", Double.NaN));
    results.put(
        PEAK_MEMORY, "HAND", row.params(), new Score(c.hand().mebibytes(), "MiB", Double.NaN));
  }

  static void write(Path folder, List<RowResult> rows, double seconds) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("report.md"), markdown(rows, seconds));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report into " + folder, e);
    }
    RatioChart.write(
        rows, "ad4j benchmark ratios (medians of one short run)", folder.resolve("ratios.png"));
  }

  static String markdown(List<RowResult> rows, double seconds) {
    long met = rows.stream().filter(r -> r.ran() && !r.row().target().isNone() && r.met()).count();
    long targeted = rows.stream().filter(r -> r.ran() && !r.row().target().isNone()).count();
    return "# ad4j benchmark report\n\n"
        + String.format(
            Locale.ROOT,
            "%s, %d cores, Java %s; JMH: 1 fork, %d×%d ms warm-up, %d×%d ms measurement, -prof gc;"
                + " %.0f s in all.%n%n",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            JmhPass.WARMUPS,
            JmhPass.WARMUP_MILLIS,
            JmhPass.ITERATIONS,
            JmhPass.ITERATION_MILLIS,
            seconds)
        + "Ratios are medians of numerator ÷ denominator from the same run; lower is better except"
        + " for a ≥ target. P1 memory is the smallest -Xmx (MiB) at which each program runs"
        + " (dev.ad4j.benchmarks.PeakMemory). "
        + met
        + " of "
        + targeted
        + " targets that ran are met.\n\n"
        + MarkdownTable.render(rows)
        + "\n![ratios](ratios.png)\n";
  }
}
