package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;

/**
 * A stand-in for the engine's traces (rules cannot depend on the engine): records the last call the
 * facades made, so tests can check which rule or partial they handed over. Array rules run their
 * primal (all arguments Const) so the result has the right kind.
 */
final class RecordingTrace implements Trace {
  ScalarOp op;
  double value;
  double partial;
  double partialB;
  Rule<?> rule;
  Value[] inputs;

  /** An active scalar of this trace. */
  Scalar scalar(double x) {
    return Scalar.traced(x, this, 0);
  }

  /** An active matrix of this trace. */
  Mat mat(dev.ad4j.api.Matrix m) {
    return Mat.traced(m, this, 0);
  }

  /** An active vector of this trace. */
  Vec vec(double... x) {
    return Vec.traced(x, this, 0);
  }

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    this.op = op;
    this.value = value;
    this.partial = dx;
    return Scalar.traced(value, this, 1);
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    this.op = op;
    this.value = value;
    this.partial = da;
    this.partialB = db;
    return Scalar.traced(value, this, 1);
  }

  @Override
  public Scalar element(Vec v, int index) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Vec pack(Scalar[] elements) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    this.rule = rule;
    this.inputs = inputs.clone();
    Output out = new Output(1);
    rule.forward(Config.primalOnly(), Args.constants(inputs), out);
    switch (out.kind()) {
      case SCALAR:
        return Scalar.traced(out.scalarPrimal(), this, 1);
      case VECTOR:
        return Vec.traced(out.vectorPrimal(), this, 1);
      default:
        return out.matrixPrimal().isDifferentiable()
            ? Mat.traced(out.matrixPrimal(), this, 1)
            : Mat.constant(out.matrixPrimal());
    }
  }

  @Override
  public String describe() {
    return "recording trace";
  }
}
