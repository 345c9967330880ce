package dev.ad4j.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's table in GitHub Markdown: one line per {@link RowResult}, "not run" where a
 * benchmark did not run.
 *
 * <p>Columns: problem, size (the JMH parameters), ratio (numerator ÷ denominator, medians), what is
 * divided, target, met?, the methods beside it (over the same denominator), the two raw medians and
 * the numerator's allocation per call.
 */
final class MarkdownTable {
  static final String HEADER =
      "| problem | size | ratio | numerator ÷ denominator | target | met? | beside (÷ same"
          + " denominator) | numerator | denominator | numerator alloc/op |";

  private MarkdownTable() {}

  static String render(List<RowResult> results) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("|---|---|---:|---|---|---|---|---:|---:|---:|\n");
    for (RowResult r : results) {
      out.append(line(r)).append('\n');
    }
    return out.toString();
  }

  static String line(RowResult r) {
    Row row = r.row();
    List<String> cells = new ArrayList<>();
    cells.add(row.problem());
    cells.add(row.params().isEmpty() ? "–" : row.params().replace(",", ", "));
    cells.add(r.ran() ? "**" + Numbers.format(r.ratio()) + "**" : "not run");
    cells.add("`" + row.numerator() + "` ÷ `" + row.denominator() + "`");
    cells.add(row.target().toString());
    cells.add(met(r));
    cells.add(beside(r));
    cells.add(score(r.numerator()));
    cells.add(score(r.denominator()));
    cells.add(r.numerator().map(s -> bytes(s.allocatedBytesPerOp())).orElse("–"));
    return "| " + String.join(" | ", cells) + " |";
  }

  private static String met(RowResult r) {
    if (!r.ran()) {
      return "not run";
    }
    if (r.row().target().isNone()) {
      return "–";
    }
    return r.met() ? "yes" : "**no**";
  }

  private static String beside(RowResult r) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < r.beside().size(); i++) {
      double v = r.beside().get(i);
      parts.add(r.row().beside().get(i) + " " + (Double.isNaN(v) ? "not run" : Numbers.format(v)));
    }
    return parts.isEmpty() ? "–" : String.join("; ", parts);
  }

  private static String score(Optional<Score> s) {
    return s.map(v -> Numbers.format(v.median()) + " " + v.unit()).orElse("not run");
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "–" : Numbers.format(b) + " B";
  }
}
