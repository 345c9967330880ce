package dev.ad4j.gradbench;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.ForwardResult;
import java.util.List;
import java.util.Map;

/**
 * ht: {@code {theta:[26], us:[N][2] or [], data:{model:{…}, correspondences:[N], points:[N][3]}}}
 * (the model as {@link HandModel} reads it; this is how GradBench's eval, {@code
 * python/gradbench/gradbench/evals/ht/run.py} with {@code io.py}, serializes ADBench's files) ↦
 * {@code objective}: the 3N residuals of {@link HandObjective}, the complicated variant when {@code
 * us} is not empty; {@code jacobian}: their Jacobian as 3N rows of 26 columns (θ), or of 28 columns
 * [∂/∂u₀, ∂/∂u₁, θ (26)] in the complicated variant, row-major as GradBench's {@code
 * cpp/gradbench/evals/ht.hpp} writes it.
 *
 * <p>The Jacobian is ad4j's vector forward mode, all 26 or 28 directions in one sweep. Residual i
 * depends on its own u only, so the 2N u-columns compress into two: one direction sets every u₀ to
 * 1, another every u₁ (ADBench's compressed layout, computed rather than assembled).
 */
final class HtModule implements EvalModule {
  private static final int THETA = 26;

  @Override
  public String name() {
    return "ht";
  }

  @Override
  public Run prepare(String function, Object input) {
    Map<String, Object> in = Fields.object(input, "ht input");
    double[] theta = Fields.numbers(in, "theta");
    if (theta.length != THETA) {
      throw new JsonException("field 'theta' must hold 26 numbers, got " + theta.length);
    }
    HandModel model = HandModel.parse(Fields.field(in, "data"));
    double[] us = us(in, model.size());
    boolean complicated = us.length > 0;
    requireIndices(model, complicated);
    HandObjective f = new HandObjective(model);
    return switch (function) {
      case "objective" ->
          complicated
              ? () -> f.complicated(Vec.constant(theta), Vec.constant(us)).value()
              : () -> f.simple(Vec.constant(theta)).value();
      case "jacobian" -> complicated ? () -> complicated(f, theta, us) : () -> simple(f, theta);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  private static double[][] simple(HandObjective f, double[] theta) {
    double[][] directions = new double[THETA][THETA];
    for (int k = 0; k < THETA; k++) {
      directions[k][k] = 1;
    }
    return rows(Autodiff.forward(f::simple, Arg.batchDuplicated(theta, directions)));
  }

  private static double[][] complicated(HandObjective f, double[] theta, double[] us) {
    int lanes = THETA + 2;
    double[][] thetaDirections = new double[lanes][THETA];
    double[][] usDirections = new double[lanes][us.length];
    for (int i = 0; i < us.length; i++) {
      usDirections[i % 2][i] = 1;
    }
    for (int k = 0; k < THETA; k++) {
      thetaDirections[2 + k][k] = 1;
    }
    return rows(
        Autodiff.forward(
            f::complicated,
            Arg.batchDuplicated(theta, thetaDirections),
            Arg.batchDuplicated(us, usDirections)));
  }

  /** The Jacobian row-major: entry [i][lane] is lane's tangent of residual i. */
  private static double[][] rows(ForwardResult<Vec> r) {
    int m = r.primal().size();
    double[][] out = new double[m][r.width()];
    for (int lane = 0; lane < r.width(); lane++) {
      double[] column = r.tangent(lane).value();
      for (int i = 0; i < m; i++) {
        out[i][lane] = column[i];
      }
    }
    return out;
  }

  /** us flattened to 2N, or empty for the simple variant. */
  private static double[] us(Map<String, Object> in, int n) {
    Object value = Fields.field(in, "us");
    if (value instanceof double[] flat && flat.length == 0
        || value instanceof List<?> list && list.isEmpty()) {
      return new double[0];
    }
    int[] shape = new int[2];
    double[] us = Fields.matrix(in, "us", shape);
    if (shape[0] != n || shape[1] != 2) {
      throw new JsonException(
          "field 'us' is " + shape[0] + "x" + shape[1] + ", expected " + n + "x2 or empty");
    }
    return us;
  }

  private static void requireIndices(HandModel model, boolean complicated) {
    int limit = complicated ? model.triangles().length / 3 : model.vertices();
    for (int c : model.correspondences()) {
      if (c < 0 || c >= limit) {
        throw new JsonException(
            "ht: correspondence "
                + c
                + " is not a "
                + (complicated ? "triangle" : "vertex")
                + " index below "
                + limit);
      }
    }
    for (int v : model.triangles()) {
      if (v < 0 || v >= model.vertices()) {
        throw new JsonException("ht: triangle vertex " + v + " is not below " + model.vertices());
      }
    }
  }
}
