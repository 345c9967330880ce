package dev.ad4j.gradbench;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;

/**
 * llsq: {@code primal} {x:[m], n} ↦ ½ Σᵢ (sign(tᵢ) − Σⱼ xⱼ tᵢʲ)², tᵢ = −1 + 2i/(n−1), written as
 * ½‖b − T·x‖² with the constant n×m matrix Tᵢⱼ = tᵢʲ and bᵢ = sign(tᵢ) (0 at tᵢ = 0); {@code
 * gradient} by ad4j's reverse mode through {@code Linalg.times}, {@code subtract} and {@code
 * sumOfSquares}. T and b are built inside the timed function, as part of it.
 */
final class LlsqModule implements EvalModule {
  @Override
  public String name() {
    return "llsq";
  }

  @Override
  public Run prepare(String function, Object input) {
    var fields = Fields.object(input, "llsq input");
    double[] x = Fields.numbers(fields, "x");
    int n = Fields.integer(fields, "n");
    return switch (function) {
      case "primal" -> () -> objective(Vec.constant(x), n).value();
      case "gradient" -> () -> Autodiff.gradient(v -> objective(v, n), x);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }

  static Scalar objective(Vec x, int n) {
    int m = x.size();
    double[] t = new double[n * m];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      double ti = -1 + 2.0 * i / (n - 1);
      b[i] = Math.signum(ti);
      double power = 1;
      for (int j = 0; j < m; j++) {
        t[i * m + j] = power;
        power *= ti;
      }
    }
    Vec r = Linalg.subtract(Vec.constant(b), Linalg.times(DenseMatrix.wrap(n, m, t), x));
    return Linalg.sumOfSquares(r).times(0.5);
  }
}
