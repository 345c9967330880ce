package dev.ad4j.engine;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Arg;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Mat;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.Support;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.Vec;
import dev.ad4j.api.VecArg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forward mode for one evaluation: tangents propagate as the primal runs; nothing is recorded for
 * later. Scalar tangents live in one flat array ({@code width} lanes per slot, no object per
 * operation); each active array keeps one tangent array per lane.
 */
final class ForwardTrace implements Trace {
  private final int width;
  private double[] tangents;
  private int size;
  private final List<double[][]> tensorTangents = new ArrayList<>();
  private final List<Activity> tensorActivity = new ArrayList<>();
  private boolean open = true;
  // Tangent memory held by this trace, checked only when a buffer is allocated or grows.
  private final long maxBytes = TapeLimit.maxBytes();
  private long bytes;

  ForwardTrace(int width) {
    this.width = width;
  }

  /**
   * The value a function receives for {@code arg}. Forward mode reads shadows, never writes them.
   */
  Value input(Arg<?> arg, int position) {
    Object primal = arg.primal();
    switch (arg.activity()) {
      case CONST:
        return Inputs.constant(primal);
      case ACTIVE:
        if (!arg.hasTangent()) {
          throw new IllegalArgumentException(
              "argument "
                  + position
                  + " is an Active scalar without a tangent; forward mode needs one: use"
                  + " active(x, dx)");
        }
        int slot = next();
        for (int lane = 0; lane < width; lane++) {
          tangents[slot * width + lane] = arg.tangent(lane);
        }
        return Scalar.traced((Double) primal, this, slot);
      default:
        double[][] lanes = new double[width][];
        for (int lane = 0; lane < width; lane++) {
          lanes[lane] = arg.shadow(lane);
        }
        int id = newTensor(lanes, arg.activity());
        return primal instanceof double[] v
            ? Vec.traced(v, this, id)
            : Mat.traced((Matrix) primal, this, id);
    }
  }

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    int from = own(x) * width;
    int slot = next();
    for (int lane = 0; lane < width; lane++) {
      tangents[slot * width + lane] = dx * tangents[from + lane];
    }
    return Scalar.traced(value, this, slot);
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    boolean ownA = a.trace() == this;
    boolean ownB = b.trace() == this;
    int slot = next();
    for (int lane = 0; lane < width; lane++) {
      double t = ownA ? da * tangents[a.slot() * width + lane] : 0.0;
      tangents[slot * width + lane] = t + (ownB ? db * tangents[b.slot() * width + lane] : 0.0);
    }
    return Scalar.traced(value, this, slot);
  }

  @Override
  public Scalar element(Vec v, int index) {
    double[][] from = tensorTangents.get(own(v));
    int slot = next();
    for (int lane = 0; lane < width; lane++) {
      tangents[slot * width + lane] = from[lane][index];
    }
    return Scalar.traced(v.value()[index], this, slot);
  }

  @Override
  public Vec pack(Scalar[] elements) {
    double[] value = new double[elements.length];
    double[][] t = new double[width][elements.length];
    for (int k = 0; k < elements.length; k++) {
      value[k] = elements[k].value();
      for (int lane = 0; lane < width && elements[k].trace() == this; lane++) {
        t[lane][k] = tangents[elements[k].slot() * width + lane];
      }
    }
    return Vec.traced(value, this, newTensor(t, Activity.DUPLICATED));
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    requireOpen();
    RuleArg[] list = new RuleArg[inputs.length];
    Config config = Config.forward(width);
    for (int k = 0; k < inputs.length; k++) {
      Value v = inputs[k];
      if (v.trace() != this) {
        list[k] = Args.constant(v);
      } else if (v instanceof Scalar s) {
        list[k] = ScalarArg.forward(s.value(), scalarTangents(s.slot()));
      } else {
        Activity activity = tensorActivity.get(v.slot());
        config = activity == Activity.DUPLICATED_NO_NEED ? config.withOverwritten(k) : config;
        double[][] t = tensorTangents.get(v.slot());
        list[k] =
            v instanceof Vec vec
                ? VecArg.of(activity, vec.value(), t)
                : MatArg.of(activity, ((Mat) v).value(), t);
      }
    }
    Args args = Args.of(list);
    Support.check(rule, config, args);
    Output out = new Output(width);
    RuleChecks.forward(rule, config, args, out);
    return output(out);
  }

  @Override
  public String describe() {
    return "forward trace@" + Integer.toHexString(System.identityHashCode(this));
  }

  /** The tangent lanes of an active scalar. */
  double[] scalarTangents(int slot) {
    return Arrays.copyOfRange(tangents, slot * width, (slot + 1) * width);
  }

  void close() {
    open = false;
  }

  private Value output(Output out) {
    if (out.kind() == ValueKind.SCALAR) {
      int slot = next();
      for (int lane = 0; lane < width; lane++) {
        tangents[slot * width + lane] = out.scalarTangent(lane);
      }
      return Scalar.traced(out.scalarPrimal(), this, slot);
    }
    if (out.kind() == ValueKind.MATRIX && !out.matrixPrimal().isDifferentiable()) {
      return Mat.constant(out.matrixPrimal());
    }
    double[][] t = new double[width][];
    for (int lane = 0; lane < width; lane++) {
      t[lane] = out.arrayTangent(lane);
    }
    int id = newTensor(t, Activity.DUPLICATED);
    return out.kind() == ValueKind.VECTOR
        ? Vec.traced(out.vectorPrimal(), this, id)
        : Mat.traced(out.matrixPrimal(), this, id);
  }

  /** A constant value holding the tangent in {@code lane} of {@code result}, zero if constant. */
  Value tangentOf(Value result, int lane) {
    boolean own = result.trace() == this;
    if (result instanceof Scalar s) {
      return Scalar.constant(own ? tangents[s.slot() * width + lane] : 0.0);
    } else if (result instanceof Vec v) {
      return Vec.constant(own ? tensorTangents.get(v.slot())[lane] : new double[v.size()]);
    }
    Matrix m = ((Mat) result).value();
    double[] t = own ? tensorTangents.get(result.slot())[lane] : new double[m.shadowSize()];
    return Mat.constant(
        m instanceof SparseMatrix sp ? sp.withValues(t) : DenseMatrix.wrap(m.rows(), m.cols(), t));
  }

  private int newTensor(double[][] t, Activity activity) {
    requireOpen();
    charge(8L * t.length * (t.length == 0 || t[0] == null ? 0 : t[0].length));
    tensorTangents.add(t);
    tensorActivity.add(activity);
    return tensorTangents.size() - 1;
  }

  private int own(Value v) {
    requireOpen();
    if (v.trace() != this) {
      throw new IllegalStateException("value " + v + " does not belong to " + describe());
    }
    return v.slot();
  }

  private int next() {
    requireOpen();
    if (tangents == null) {
      charge(8L * 256 * width);
      tangents = new double[256 * width]; // only once something is active
    } else if ((size + 1) * width > tangents.length) {
      charge(8L * tangents.length);
      tangents = Arrays.copyOf(tangents, tangents.length * 2);
    }
    return size++;
  }

  private void charge(long requested) {
    bytes = TapeLimit.charge(this, bytes, requested, size, maxBytes);
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException(
          "this value belongs to a differentiation that has finished ("
              + describe()
              + "); do not keep values across calls: compute them inside the function");
    }
  }
}
