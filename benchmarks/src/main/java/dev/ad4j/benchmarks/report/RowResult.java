package dev.ad4j.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Row} with its scores: the ratio of the medians, whether it meets the target, and the
 * ratios of the methods beside it over the same denominator (NaN where one did not run).
 */
public record RowResult(
    Row row, Optional<Score> numerator, Optional<Score> denominator, List<Double> beside) {

  /** Looks up the row's scores in {@code results}. */
  public static RowResult of(Row row, Results results) {
    Optional<Score> den = results.find(row.benchmark(), row.denominator(), row.params());
    List<Double> beside = new ArrayList<>();
    for (String method : row.beside()) {
      Optional<Score> s = results.find(row.benchmark(), method, row.params());
      beside.add(s.isPresent() && den.isPresent() ? ratio(s.get(), den.get()) : Double.NaN);
    }
    return new RowResult(
        row, results.find(row.benchmark(), row.numerator(), row.params()), den, beside);
  }

  /** Whether both the numerator and the denominator ran. */
  public boolean ran() {
    return numerator.isPresent() && denominator.isPresent();
  }

  /** numerator median ÷ denominator median; NaN when the row did not run. */
  public double ratio() {
    return ran() ? ratio(numerator.get(), denominator.get()) : Double.NaN;
  }

  /** Whether the row ran and its ratio meets the target (rows without a target always do). */
  public boolean met() {
    return ran() && row.target().metBy(ratio());
  }

  private static double ratio(Score top, Score bottom) {
    if (!top.unit().equals(bottom.unit())) {
      throw new IllegalArgumentException(
          "cannot divide "
              + top.unit()
              + " by "
              + bottom.unit()
              + "; compare methods of one class");
    }
    return top.median() / bottom.median();
  }
}
