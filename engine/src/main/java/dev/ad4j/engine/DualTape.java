package dev.ad4j.engine;

import dev.ad4j.api.Arg;
import dev.ad4j.api.Arithmetic;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.Trace;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.UnsupportedActivityException;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forward over reverse for one evaluation: a reverse-mode tape whose every number carries a tangent
 * along one direction v. Recording propagates primal tangents as forward mode does and keeps,
 * beside each partial p, its tangent ṗ (from second derivatives); the sweep carries every adjoint ā
 * with its tangent ā̇, using ā += p·ȳ and ā̇ += ṗ·ȳ + p·ȳ̇. At the end an input's adjoint is the
 * gradient and its adjoint tangent the Hessian-vector product H·v.
 *
 * <p>Scalar instructions live in flat growable arrays (no object per operation); array rules are
 * {@link DualNode}s and must be {@link dev.ad4j.api.SecondOrderRule}s.
 */
final class DualTape implements Trace {
  static final byte LEAF = 0;
  static final byte UNARY = 1;
  static final byte BINARY = 2;
  static final byte ELEMENT = 3;
  static final byte NODE = 4;

  private byte[] code = new byte[256];
  private int[] arg1 = new int[256];
  private int[] arg2 = new int[256];
  private double[] partial1 = new double[256];
  private double[] partial2 = new double[256];
  private double[] partial1Dot = new double[256];
  private double[] partial2Dot = new double[256];
  private double[] tangent = new double[256];
  private int size;
  private double[] adjoint;
  private double[] adjointDot;

  private final List<DualNode<?>> nodes = new ArrayList<>();
  private final List<double[]> tensorTangent = new ArrayList<>();
  private final List<double[]> tensorAdjoint = new ArrayList<>();
  private final List<double[]> tensorAdjointDot = new ArrayList<>();
  private boolean[] touched;
  private boolean open = true;
  // Memory held by this tape, checked against the limit only when an array grows or is allocated.
  private static final long INSTRUCTION_BYTES = 1L + 4 + 4 + 5 * 8;
  private final long maxBytes = TapeLimit.maxBytes();
  private long bytes = 256 * INSTRUCTION_BYTES;

  /** The value a function receives for {@code arg}; its tangent is the direction's component. */
  Value input(Arg<?> arg, double[] direction, double scalarDirection) {
    Object primal = arg.primal();
    switch (arg.activity()) {
      case CONST:
        return Inputs.constant(primal);
      case ACTIVE:
        return Scalar.traced(
            (Double) primal, this, push(LEAF, -1, -1, 0, 0, 0, 0, scalarDirection));
      default:
        int id = newTensor(direction.clone(), false);
        return primal instanceof double[] v
            ? Vec.traced(v, this, id)
            : Mat.traced((Matrix) primal, this, id);
    }
  }

  // Trace: recording

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    double xDot = tangent[own(x)];
    double dxDot = xDot == 0.0 ? 0.0 : times(secondDerivative(op, x.value(), value), xDot);
    return Scalar.traced(value, this, push(UNARY, x.slot(), -1, dx, 0, dxDot, 0, times(dx, xDot)));
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    int sa = a.trace() == this ? own(a) : -1;
    int sb = b.trace() == this ? own(b) : -1;
    double aDot = sa < 0 ? 0.0 : tangent[sa];
    double bDot = sb < 0 ? 0.0 : tangent[sb];
    double x = a.value();
    double y = b.value();
    double daDot; // (∂z/∂a)˙ = ∂²z/∂a²·ȧ + ∂²z/∂a∂b·ḃ
    double dbDot; // (∂z/∂b)˙ = ∂²z/∂a∂b·ȧ + ∂²z/∂b²·ḃ
    if (op instanceof BinaryScalarRule rule) {
      // Each second partial only where a tangent needs it: nothing for a constant operand.
      double hxx = aDot == 0.0 ? 0.0 : rule.partialXX(x, y, value);
      double hyy = bDot == 0.0 ? 0.0 : rule.partialYY(x, y, value);
      double hxy = aDot == 0.0 && bDot == 0.0 ? 0.0 : rule.partialXY(x, y, value);
      daDot = times(hxx, aDot) + times(hxy, bDot);
      dbDot = times(hxy, aDot) + times(hyy, bDot);
    } else if (op == Arithmetic.MULTIPLY) {
      daDot = bDot;
      dbDot = aDot;
    } else if (op == Arithmetic.DIVIDE) {
      daDot = bDot == 0.0 ? 0.0 : -bDot / (y * y);
      dbDot = (aDot == 0.0 ? 0.0 : -aDot / (y * y)) + times(2 * x / (y * y * y), bDot);
    } else if (op == Arithmetic.ADD || op == Arithmetic.SUBTRACT) {
      daDot = 0.0;
      dbDot = 0.0;
    } else {
      throw UnsupportedActivityException.firstOrderOnly(
          op.name(), "use a BinaryScalarRule with second partials");
    }
    double t = (sa < 0 ? 0.0 : times(da, aDot)) + (sb < 0 ? 0.0 : times(db, bDot));
    return Scalar.traced(value, this, push(BINARY, sa, sb, da, db, daDot, dbDot, t));
  }

  @Override
  public Scalar element(Vec v, int index) {
    int id = own(v);
    double t = tensorTangent.get(id)[index];
    return Scalar.traced(v.value()[index], this, push(ELEMENT, id, index, 0, 0, 0, 0, t));
  }

  @Override
  public Vec pack(Scalar[] elements) {
    double[] value = new double[elements.length];
    double[] t = new double[elements.length];
    int[] slots = new int[elements.length];
    for (int k = 0; k < elements.length; k++) {
      value[k] = elements[k].value();
      slots[k] = elements[k].trace() == this ? own(elements[k]) : -1;
      t[k] = slots[k] < 0 ? 0.0 : tangent[slots[k]];
    }
    int out = newTensor(t, true);
    addNode(DualNode.pack(slots, out));
    return Vec.traced(value, this, out);
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    requireOpen();
    DualNode<?> node = DualNode.record(rule, inputs, this);
    int at = addNode(node);
    return node.output(this, at);
  }

  @Override
  public String describe() {
    return "forward-over-reverse tape@" + Integer.toHexString(System.identityHashCode(this));
  }

  // Sweep

  /** Propagates a unit adjoint (with zero tangent) from the scalar in {@code outputSlot}. */
  void backward(int outputSlot) {
    requireOpen();
    charge(16L * size);
    adjoint = new double[size];
    adjointDot = new double[size];
    touched = new boolean[tensorTangent.size()];
    adjoint[outputSlot] = 1.0;
    for (int at = outputSlot; at >= 0; at--) {
      double g = adjoint[at];
      double gDot = adjointDot[at];
      if (g == 0.0 && gDot == 0.0 && code[at] != NODE) {
        continue;
      }
      switch (code[at]) {
        case UNARY:
        case BINARY:
          propagate(arg1[at], partial1[at], partial1Dot[at], g, gDot);
          propagate(arg2[at], partial2[at], partial2Dot[at], g, gDot);
          break;
        case ELEMENT:
          tensorAdjoint(arg1[at])[arg2[at]] += g;
          tensorAdjointDot(arg1[at])[arg2[at]] += gDot;
          touched[arg1[at]] = true;
          break;
        case NODE:
          nodes.get(arg1[at]).reverse(this, g, gDot);
          break;
        default:
          break;
      }
    }
  }

  private void propagate(int slot, double p, double pDot, double g, double gDot) {
    if (slot >= 0) { // each term only for a non-zero factor: a zero adjoint never makes 0·∞
      if (g != 0.0) {
        adjoint[slot] += p * g; // ā += p·ȳ
        adjointDot[slot] += pDot * g; // ā̇ += ṗ·ȳ
      }
      if (gDot != 0.0) {
        adjointDot[slot] += p * gDot; // ā̇ += p·ȳ̇
      }
    }
  }

  /** After the sweep: the adjoint of an input tensor (zeros if unreached), a fresh array. */
  double[] gradientOf(Value input) {
    return copyIfTouched(input, tensorAdjoint);
  }

  /** After the sweep: the adjoint tangent of an input tensor: H·v for that input. */
  double[] hessianVectorOf(Value input) {
    return copyIfTouched(input, tensorAdjointDot);
  }

  void close() {
    open = false;
  }

  // Package-private plumbing for nodes

  /**
   * A new tensor with tangent {@code t}; its adjoint and adjoint tangent are allocated on first
   * use. {@code keepsPrimal} when the recording also keeps its primal alive (a rule's output).
   */
  int newTensor(double[] t, boolean keepsPrimal) {
    requireOpen();
    charge((keepsPrimal ? 32L : 24L) * t.length);
    tensorTangent.add(t);
    tensorAdjoint.add(null);
    tensorAdjointDot.add(null);
    return tensorTangent.size() - 1;
  }

  double scalarTangent(int slot) {
    return tangent[slot];
  }

  double[] tensorTangent(int id) {
    return tensorTangent.get(id);
  }

  double[] tensorAdjoint(int id) {
    return buffer(tensorAdjoint, id);
  }

  double[] tensorAdjointDot(int id) {
    return buffer(tensorAdjointDot, id);
  }

  boolean isTouched(int id) {
    return touched[id];
  }

  void touch(int id) {
    touched[id] = true;
  }

  void addAdjoint(int slot, double value, double dot) {
    adjoint[slot] += value;
    adjointDot[slot] += dot;
  }

  /** A scalar defined by a rule node at {@code at}, with its tangent. */
  void setScalarTangent(int at, double t) {
    tangent[at] = t;
  }

  int own(Value v) {
    requireOpen();
    if (v.trace() != this) {
      throw new IllegalStateException("value " + v + " does not belong to " + describe());
    }
    return v.slot();
  }

  private double[] buffer(List<double[]> list, int id) {
    double[] a = list.get(id);
    if (a == null) {
      a = new double[tensorTangent.get(id).length];
      list.set(id, a);
    }
    return a;
  }

  private double[] copyIfTouched(Value input, List<double[]> list) {
    int id = input.slot();
    if (!input.isActive() || touched == null || !touched[id] || list.get(id) == null) {
      return new double[tensorTangent.get(id).length];
    }
    return list.get(id).clone();
  }

  private int addNode(DualNode<?> node) {
    nodes.add(node);
    return push(NODE, nodes.size() - 1, -1, 0, 0, 0, 0, 0);
  }

  private int push(byte c, int a, int b, double p, double q, double pDot, double qDot, double t) {
    requireOpen();
    if (size == code.length) {
      charge(size * INSTRUCTION_BYTES);
      int n = 2 * size;
      code = Arrays.copyOf(code, n);
      arg1 = Arrays.copyOf(arg1, n);
      arg2 = Arrays.copyOf(arg2, n);
      partial1 = Arrays.copyOf(partial1, n);
      partial2 = Arrays.copyOf(partial2, n);
      partial1Dot = Arrays.copyOf(partial1Dot, n);
      partial2Dot = Arrays.copyOf(partial2Dot, n);
      tangent = Arrays.copyOf(tangent, n);
    }
    code[size] = c;
    arg1[size] = a;
    arg2[size] = b;
    partial1[size] = p;
    partial2[size] = q;
    partial1Dot[size] = pDot;
    partial2Dot[size] = qDot;
    tangent[size] = t;
    return size++;
  }

  /** a·b, but exactly 0 when either factor is exactly 0: a zero derivative never makes 0·∞. */
  private static double times(double a, double b) {
    return a == 0.0 || b == 0.0 ? 0.0 : a * b;
  }

  /** d(∂out/∂x)/dx for a one-input operation. */
  private static double secondDerivative(ScalarOp op, double x, double value) {
    if (op instanceof UnaryScalarRule rule) {
      return rule.secondDerivative(x, value);
    } else if (op == Arithmetic.SQUARE) {
      return 2.0;
    } else if (op instanceof Arithmetic) {
      return 0.0; // x ± c, c·x, x/c, −x: linear in x
    }
    throw UnsupportedActivityException.firstOrderOnly(
        op.name(), "use a UnaryScalarRule with a second derivative");
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
