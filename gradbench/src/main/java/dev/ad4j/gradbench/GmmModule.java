package dev.ad4j.gradbench;

import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * gmm: {@code objective} {d,k,n,x:[n][d],m,gamma,alpha:[k],mu:[k][d],q:[k][d],l:[k][d(d−1)/2]} ↦
 * the log posterior of {@link GmmObjective} with GradBench's prior sign; {@code jacobian} ↦ its
 * gradient by ad4j's reverse mode, as {"alpha":[k],"mu":[k][d],"q":[k][d],"l":[k][d(d−1)/2]}.
 */
final class GmmModule implements EvalModule {
  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public Run prepare(String function, Object input) {
    var fields = Fields.object(input, "gmm input");
    int d = Fields.integer(fields, "d");
    int k = Fields.integer(fields, "k");
    int n = Fields.integer(fields, "n");
    int[] shape = new int[2];
    double[] x = Fields.matrix(fields, "x", shape);
    check(shape, n, d, "x");
    GmmObjective f =
        new GmmObjective(d, k, n, x, Fields.number(fields, "gamma"), Fields.integer(fields, "m"));
    double[] theta = new double[f.parameters()];
    System.arraycopy(Fields.numbers(fields, "alpha"), 0, theta, 0, k);
    copy(fields, "mu", k, d, theta, k);
    copy(fields, "q", k, d, theta, k + k * d);
    copy(fields, "l", k, f.lengthL(), theta, k + 2 * k * d);
    return switch (function) {
      case "objective" -> () -> f.apply(Vec.constant(theta), GmmObjective.GRADBENCH_PRIOR).value();
      case "jacobian" ->
          () -> split(Autodiff.gradient(t -> f.apply(t, GmmObjective.GRADBENCH_PRIOR), theta), f);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  private static void copy(
      Map<String, Object> fields, String name, int rows, int cols, double[] theta, int offset) {
    int[] shape = new int[2];
    double[] values = Fields.matrix(fields, name, shape);
    check(shape, rows, cols, name);
    System.arraycopy(values, 0, theta, offset, values.length);
  }

  private static void check(int[] shape, int rows, int cols, String name) {
    if (shape[0] != rows || (rows > 0 && shape[1] != cols)) {
      throw new IllegalArgumentException(
          "gmm: " + name + " is " + shape[0] + "x" + shape[1] + ", expected " + rows + "x" + cols);
    }
  }

  private static Map<String, Object> split(double[] g, GmmObjective f) {
    int k = f.k;
    int d = f.d;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alpha", java.util.Arrays.copyOf(g, k));
    out.put("mu", Fields.rows(g, k, k, d));
    out.put("q", Fields.rows(g, k + k * d, k, d));
    out.put("l", Fields.rows(g, k + 2 * k * d, k, f.lengthL()));
    return out;
  }
}
