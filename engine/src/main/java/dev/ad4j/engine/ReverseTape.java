package dev.ad4j.engine;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Arg;
import dev.ad4j.api.Mat;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.Trace;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reverse-mode tape of one evaluation: eager (define-by-run), recording only operations with an
 * active input.
 *
 * <h2>Layout</h2>
 *
 * Scalar instructions live in parallel arrays (struct of arrays, no object per operation): an
 * opcode, two argument slots and two partials. Instruction {@code i} defines the scalar in slot
 * {@code i}. The arrays are chunks of 256 instructions (6.4 KB), allocated on first use and never
 * copied when the tape grows. Arrays (vectors, matrices) are <em>tensors</em> with their own index;
 * each array rule call is one {@link TapeNode}, placed in the instruction stream by a {@code NODE}
 * instruction so the sweep visits everything in reverse recording order.
 *
 * <h2>Sweep</h2>
 *
 * {@link #backward(int)} starts at the output's slot (nothing recorded after it can reach it) and
 * skips instructions whose adjoint is zero and nodes whose output no adjoint reached. Tensor
 * adjoints are this tape's own buffers; the caller's shadows are written only by {@link
 * #addInto(Arg, Value)} after the whole sweep succeeded.
 */
final class ReverseTape implements Trace {
  static final byte LEAF = 0;
  static final byte UNARY = 1;
  static final byte BINARY = 2;
  static final byte ELEMENT = 3;
  static final byte NODE = 4;

  // Instruction i lives in chunk i >>> CHUNK_BITS at i & CHUNK_MASK: growing never copies.
  private static final int CHUNK_BITS = 8;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK - 1;

  private byte[][] code = new byte[4][];
  private int[][] arg1 = new int[4][];
  private int[][] arg2 = new int[4][];
  private double[][] partial1 = new double[4][];
  private double[][] partial2 = new double[4][];
  private int size;
  // The chunk being filled, and the next free position in it (CHUNK when full or none yet).
  private byte[] lastCode;
  private int[] lastArg1;
  private int[] lastArg2;
  private double[] lastPartial1;
  private double[] lastPartial2;
  private int free = CHUNK;
  private double[] adjoint;

  // Memory held by this tape, checked against the limit only when a chunk or buffer is allocated.
  private static final long CHUNK_BYTES = CHUNK * (1L + 4 + 4 + 8 + 8);
  private final long maxBytes = TapeLimit.maxBytes();
  private long bytes;

  private final List<TapeNode> nodes = new ArrayList<>();
  private final List<double[]> tensorAdjoints = new ArrayList<>();
  private final List<Activity> tensorActivity = new ArrayList<>();
  private final List<Integer> tensorSize = new ArrayList<>();
  private boolean[] touched;
  private boolean open = true;

  // Inputs

  /** The value a function receives for {@code arg}: a constant, or a leaf of this tape. */
  Value input(Arg<?> arg) {
    Object primal = arg.primal();
    switch (arg.activity()) {
      case CONST:
        return Inputs.constant(primal);
      case ACTIVE:
        return Scalar.traced((Double) primal, this, push(LEAF, -1, -1, 0.0, 0.0));
      default:
        int id = newTensor(Inputs.shadowSize(primal), arg.activity(), false);
        return primal instanceof double[] v
            ? Vec.traced(v, this, id)
            : Mat.traced((Matrix) primal, this, id);
    }
  }

  // Trace: recording

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    return Scalar.traced(value, this, push(UNARY, own(x), -1, dx, 0.0));
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    boolean ownA = a.trace() == this;
    boolean ownB = b.trace() == this;
    int slot =
        ownA && ownB
            ? push(BINARY, own(a), own(b), da, db)
            : ownA ? push(UNARY, own(a), -1, da, 0.0) : push(UNARY, own(b), -1, db, 0.0);
    return Scalar.traced(value, this, slot);
  }

  @Override
  public Scalar element(Vec v, int index) {
    return Scalar.traced(v.value()[index], this, push(ELEMENT, own(v), index, 0.0, 0.0));
  }

  @Override
  public Vec pack(Scalar[] elements) {
    double[] value = new double[elements.length];
    int[] slots = new int[elements.length];
    for (int k = 0; k < elements.length; k++) {
      value[k] = elements[k].value();
      slots[k] = elements[k].trace() == this ? elements[k].slot() : -1;
    }
    int out = newTensor(value.length, Activity.DUPLICATED, true);
    addNode(new PackNode(slots, out));
    return Vec.traced(value, this, out);
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    requireOpen();
    RuleNode<?> node = RuleNode.record(rule, inputs, this);
    int at = addNode(node);
    return node.output(this, at);
  }

  @Override
  public String describe() {
    return "reverse tape@" + Integer.toHexString(System.identityHashCode(this));
  }

  // Sweep

  /** Propagates a unit adjoint from the scalar in {@code outputSlot} back to every input. */
  void backward(int outputSlot) {
    requireOpen();
    charge(8L * size);
    adjoint = new double[size];
    touched = new boolean[tensorSize.size()];
    adjoint[outputSlot] = 1.0;
    for (int chunk = outputSlot >>> CHUNK_BITS; chunk >= 0; chunk--) {
      int top = chunk == outputSlot >>> CHUNK_BITS ? outputSlot & CHUNK_MASK : CHUNK_MASK;
      sweepChunk(chunk, top);
    }
  }

  /**
   * Propagates a unit adjoint from element {@code index} of the recorded tensor {@code output} back
   * to every input, starting every adjoint from zero, so one recording can be swept once per row of
   * a Jacobian. Rules' reverse bodies run once per sweep with the same saved state.
   */
  void backwardFromElement(int output, int index) {
    requireOpen();
    resetAdjoints();
    tensorAdjoint(output)[index] = 1.0;
    touched[output] = true;
    for (int chunk = (size - 1) >>> CHUNK_BITS; size > 0 && chunk >= 0; chunk--) {
      sweepChunk(chunk, chunk == (size - 1) >>> CHUNK_BITS ? (size - 1) & CHUNK_MASK : CHUNK_MASK);
    }
  }

  /** Zeroes every adjoint in place (rule arguments hold the tensor buffers by reference). */
  private void resetAdjoints() {
    if (adjoint == null || adjoint.length != size) {
      charge(8L * size);
      adjoint = new double[size];
    } else {
      Arrays.fill(adjoint, 0.0);
    }
    touched = new boolean[tensorSize.size()];
    for (double[] a : tensorAdjoints) {
      if (a != null) {
        Arrays.fill(a, 0.0);
      }
    }
  }

  /**
   * After a sweep: copies the adjoint of the tensor {@code input} into {@code to} at {@code
   * offset}, or leaves zeros there if no adjoint reached it.
   */
  void copyTensorAdjoint(Value input, double[] to, int offset) {
    if (input.isActive() && touched != null && touched[input.slot()]) {
      double[] a = tensorAdjoints.get(input.slot());
      System.arraycopy(a, 0, to, offset, a.length);
    }
  }

  private void sweepChunk(int chunk, int top) {
    byte[] c = code[chunk];
    int[] a = arg1[chunk];
    int[] b = arg2[chunk];
    double[] p = partial1[chunk];
    double[] q = partial2[chunk];
    int base = chunk << CHUNK_BITS;
    for (int at = top; at >= 0; at--) {
      double g = adjoint[base + at];
      switch (c[at]) {
        case UNARY:
          if (g != 0.0) {
            adjoint[a[at]] += p[at] * g;
          }
          break;
        case BINARY:
          if (g != 0.0) {
            adjoint[a[at]] += p[at] * g;
            adjoint[b[at]] += q[at] * g;
          }
          break;
        case ELEMENT:
          if (g != 0.0) {
            tensorAdjoint(a[at])[b[at]] += g;
            touched[a[at]] = true;
          }
          break;
        case NODE:
          nodes.get(a[at]).reverse(this, g);
          break;
        default:
          break;
      }
    }
  }

  /** After a successful sweep: the adjoint of an active scalar input. */
  double scalarAdjoint(Value input) {
    return adjoint == null || !input.isActive() ? 0.0 : adjoint[input.slot()];
  }

  /** After a successful sweep: adds the adjoint of a Duplicated input into the caller's shadow. */
  void addInto(Arg<?> arg, Value input) {
    if (touched == null || !input.isActive() || !touched[input.slot()]) {
      return;
    }
    double[] from = tensorAdjoints.get(input.slot());
    double[] to = arg.shadow();
    for (int k = 0; k < to.length; k++) {
      to[k] += from[k];
    }
  }

  /** Ends this tape: its values can no longer be used in operations. */
  void close() {
    open = false;
  }

  // Package-private plumbing for nodes

  /**
   * A new tensor whose adjoint buffer (allocated on first use) holds {@code shadowSize} doubles;
   * {@code keepsPrimal} when the recording also keeps its primal alive (a rule's output).
   */
  int newTensor(int shadowSize, Activity activity, boolean keepsPrimal) {
    requireOpen();
    charge((keepsPrimal ? 16L : 8L) * shadowSize);
    tensorAdjoints.add(null);
    tensorActivity.add(activity);
    tensorSize.add(shadowSize);
    return tensorSize.size() - 1;
  }

  Activity tensorActivity(int id) {
    return tensorActivity.get(id);
  }

  /** The adjoint buffer of tensor {@code id}, allocated (zeroed) on first use. */
  double[] tensorAdjoint(int id) {
    double[] a = tensorAdjoints.get(id);
    if (a == null) {
      a = new double[tensorSize.get(id)];
      tensorAdjoints.set(id, a);
    }
    return a;
  }

  /** Whether any adjoint reached tensor {@code id} in the running sweep. */
  boolean isTouched(int id) {
    return touched[id];
  }

  void touch(int id) {
    touched[id] = true;
  }

  void addAdjoint(int slot, double value) {
    adjoint[slot] += value;
  }

  int own(Value v) {
    requireOpen();
    if (v.trace() != this) {
      throw new IllegalStateException("value " + v + " does not belong to " + describe());
    }
    return v.slot();
  }

  private int addNode(TapeNode node) {
    nodes.add(node);
    return push(NODE, nodes.size() - 1, -1, 0.0, 0.0);
  }

  private int push(byte c, int a, int b, double p, double q) {
    requireOpen();
    if (free == CHUNK) {
      addChunk(size >>> CHUNK_BITS);
    }
    lastCode[free] = c;
    lastArg1[free] = a;
    lastArg2[free] = b;
    lastPartial1[free] = p;
    lastPartial2[free] = q;
    free++;
    return size++;
  }

  private void addChunk(int chunk) {
    charge(CHUNK_BYTES);
    if (chunk == code.length) {
      int n = 2 * code.length;
      code = Arrays.copyOf(code, n);
      arg1 = Arrays.copyOf(arg1, n);
      arg2 = Arrays.copyOf(arg2, n);
      partial1 = Arrays.copyOf(partial1, n);
      partial2 = Arrays.copyOf(partial2, n);
    }
    code[chunk] = lastCode = new byte[CHUNK];
    arg1[chunk] = lastArg1 = new int[CHUNK];
    arg2[chunk] = lastArg2 = new int[CHUNK];
    partial1[chunk] = lastPartial1 = new double[CHUNK];
    partial2[chunk] = lastPartial2 = new double[CHUNK];
    free = 0;
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
