package dev.ad4j.gradbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ba: {@code {n, m, p, cam:[11], x:[3], w, feat:[2]}}, replicated as ADBench does ({@link
 * BaObjective}).
 *
 * <ul>
 *   <li>{@code objective} ↦ {@code {"reproj_error":{"elements":[e0,e1],"repeated":p},
 *       "w_err":{"element":1−w²,"repeated":p}}}: all p observations are computed (plain Java), and
 *       the first one is sent with the count.
 *   <li>{@code jacobian} ↦ {@code {"rows":[31],"cols":[31],"vals":[31]}}: the whole CSR Jacobian is
 *       computed by ad4j ({@link BaObjective#jacobian()}), and each of its three arrays is sent as
 *       its first 30 entries followed by its last entry.
 * </ul>
 *
 * <p>Where the truncation comes from: GradBench's C++ side of this eval, {@code
 * cpp/gradbench/evals/ba.hpp} in github.com/gradbench/gradbench ({@code to_json} of the Jacobian,
 * used by its reference tool {@code tools/manual/ba.cpp}), copies {@code 2·(11 + 4) = 30} leading
 * entries of each of {@code rows}, {@code cols} and {@code vals} and appends {@code .back()} of the
 * same array. Since the first two rows of the CSR hold 15 entries each, the 30 leading values are
 * exactly observation 0's two reprojection rows and the last value is −2w of the last weight row;
 * the 30 leading row pointers are 0, 15, …, 435 and the last one is the entry count 31p; the last
 * column is 11n + 3m + p − 1. The eval ({@code python/gradbench/gradbench/evals/ba/run.py})
 * compares these outputs with its golden ones as JSON objects.
 */
final class BaModule implements EvalModule {
  /** Leading entries sent of each CSR array, before its last entry. */
  private static final int SENT = 2 * (BaObjective.CAMERA + 4);

  @Override
  public String name() {
    return "ba";
  }

  @Override
  public Run prepare(String function, Object input) {
    Map<String, Object> in = Fields.object(input, "ba input");
    int p = Fields.integer(in, "p");
    BaObjective f =
        new BaObjective(
            Fields.integer(in, "n"),
            Fields.integer(in, "m"),
            p,
            Fields.numbers(in, "cam"),
            Fields.numbers(in, "x"),
            Fields.number(in, "w"),
            Fields.numbers(in, "feat"));
    return switch (function) {
      case "objective" -> () -> objective(f, p);
      case "jacobian" -> () -> truncated(f.jacobian());
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  private static Map<String, Object> objective(BaObjective f, int p) {
    double[] reproj = new double[2 * p];
    double[] weight = new double[p];
    f.objective(reproj, weight);
    Map<String, Object> reprojError = new LinkedHashMap<>();
    reprojError.put("elements", new double[] {reproj[0], reproj[1]});
    reprojError.put("repeated", p);
    Map<String, Object> weightError = new LinkedHashMap<>();
    weightError.put("element", weight[0]);
    weightError.put("repeated", p);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reproj_error", reprojError);
    out.put("w_err", weightError);
    return out;
  }

  private static Map<String, Object> truncated(BaObjective.SparseJacobian j) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", firstAndLast(j.rows()));
    out.put("cols", firstAndLast(j.cols()));
    double[] all = j.vals();
    double[] vals = new double[SENT + 1];
    System.arraycopy(all, 0, vals, 0, SENT);
    vals[SENT] = all[all.length - 1];
    out.put("vals", vals);
    return out;
  }

  /**
   * The first {@link #SENT} entries and the last, as JSON integers; the whole array when it is not
   * longer than that (row pointers of p &lt; 10 observations, where GradBench's C++ would read past
   * the end).
   */
  private static List<Integer> firstAndLast(int[] a) {
    int lead = Math.min(SENT, a.length - 1);
    List<Integer> out = new ArrayList<>(lead + 1);
    for (int i = 0; i < lead; i++) {
      out.add(a[i]);
    }
    out.add(a[a.length - 1]);
    return out;
  }
}
