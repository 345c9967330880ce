package dev.ad4j.gradbench;

import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import java.util.Map;

/**
 * lstm: {@code objective} {main_params:[2l][4b], extra_params:[3][b], state:[2l][b],
 * sequence:[c][b]} ↦ ADBench's LSTM loss ({@link LstmObjective}); {@code jacobian} its gradient
 * [8lb + 3b] by ad4j's reverse mode: main parameters then extra, row after row.
 */
final class LstmModule implements EvalModule {
  @Override
  public String name() {
    return "lstm";
  }

  @Override
  public Run prepare(String function, Object input) {
    Map<String, Object> in = Fields.object(input, "lstm input");
    int[] mainShape = new int[2];
    int[] extraShape = new int[2];
    int[] stateShape = new int[2];
    int[] sequenceShape = new int[2];
    double[] main = Fields.matrix(in, "main_params", mainShape);
    double[] extra = Fields.matrix(in, "extra_params", extraShape);
    double[] state = Fields.matrix(in, "state", stateShape);
    double[] sequence = Fields.matrix(in, "sequence", sequenceShape);
    int b = extraShape[1];
    int layers = mainShape[0] / 2;
    if (mainShape[1] != 4 * b
        || extraShape[0] != 3
        || stateShape[0] != 2 * layers
        || stateShape[1] != b
        || sequenceShape[1] != b
        || sequenceShape[0] < 2) {
      throw new JsonException(
          "lstm input shapes do not fit: main_params [2l][4b], extra_params [3][b], state [2l][b],"
              + " sequence [c >= 2][b]");
    }
    LstmObjective f =
        new LstmObjective(
            layers,
            b,
            Fields.rows(state, 0, 2 * layers, b),
            Fields.rows(sequence, 0, sequenceShape[0], b));
    double[] p = new double[main.length + extra.length];
    System.arraycopy(main, 0, p, 0, main.length);
    System.arraycopy(extra, 0, p, main.length, extra.length);
    return switch (function) {
      case "objective" -> () -> f.loss(Vec.constant(p)).value();
      case "jacobian" -> () -> Autodiff.gradient(f::loss, p);
      default -> throw new UnknownFunctionException(name(), function);
    };
  }
}
