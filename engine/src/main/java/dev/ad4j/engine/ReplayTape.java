package dev.ad4j.engine;

import dev.ad4j.api.Arithmetic;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Relation;
import dev.ad4j.api.Rule;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.ScalarOp;
import dev.ad4j.api.Trace;
import dev.ad4j.api.UnaryScalarRule;
import dev.ad4j.api.Value;
import dev.ad4j.api.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records scalar code as a program that {@link Recording} re-evaluates at new points: unlike {@link
 * ReverseTape}, which keeps the partials of one evaluation, each instruction keeps its operation,
 * its operand slots and its constant operand, and each comparison of active values is kept with its
 * outcome as a guard.
 *
 * <p>Instruction {@code i} defines the scalar in slot {@code i}: flat arrays of opcodes, two
 * operand slots, a constant and an operation index (a rule, or a guard's relation and outcome).
 * Only scalar code is recorded: elements of the input vector, {@link Scalar} arithmetic, easy-tier
 * scalar rules and comparisons. Array rules are refused when applied.
 */
final class ReplayTape implements Trace {
  static final byte INPUT = 0;
  static final byte ADD = 1;
  static final byte SUBTRACT = 2;
  static final byte MULTIPLY = 3;
  static final byte DIVIDE = 4;
  static final byte NEGATE = 5;
  static final byte SQUARE = 6;
  static final byte ADD_CONSTANT = 7;
  static final byte SUBTRACT_CONSTANT = 8;
  static final byte CONSTANT_MINUS = 9;
  static final byte MULTIPLY_CONSTANT = 10;
  static final byte DIVIDE_CONSTANT = 11;
  static final byte CONSTANT_OVER = 12;
  static final byte UNARY_RULE = 13;
  static final byte BINARY_RULE = 14;
  static final byte BINARY_RULE_CONSTANT_Y = 15;
  static final byte BINARY_RULE_CONSTANT_X = 16;
  static final byte GUARD = 17;

  byte[] code = new byte[64];
  int[] first = new int[64];
  int[] second = new int[64];
  double[] constant = new double[64];
  int[] operation = new int[64];
  int size;

  final List<UnaryScalarRule> unaryRules = new ArrayList<>();
  final List<BinaryScalarRule> binaryRules = new ArrayList<>();
  private final Map<ScalarOp, Integer> ruleIndex = new IdentityHashMap<>();
  private final int inputSize;
  // The slots of each vector built from scalars (tensor k + 1), -1 for a constant element.
  private final List<int[]> packs = new ArrayList<>();
  private boolean open = true;

  ReplayTape(int inputSize) {
    this.inputSize = inputSize;
  }

  /** The function's argument: a vector every element of which is an input of this recording. */
  Vec input(double[] x) {
    return Vec.traced(x.clone(), this, 0);
  }

  void close() {
    open = false;
  }

  // Trace

  @Override
  public Scalar element(Vec v, int index) {
    int tensor = own(v);
    if (tensor > 0) {
      int slot = packs.get(tensor - 1)[index];
      double value = v.value()[index];
      return slot < 0 ? Scalar.constant(value) : Scalar.traced(value, this, slot);
    }
    if (index < 0 || index >= inputSize) {
      throw new IndexOutOfBoundsException("element " + index + " of a vector of " + inputSize);
    }
    return record(INPUT, v.value()[index], index, -1, 0.0, 0);
  }

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    int slot = own(x);
    if (op == Arithmetic.NEGATE) {
      return record(NEGATE, value, slot, -1, 0.0, 0);
    }
    if (op == Arithmetic.SQUARE) {
      return record(SQUARE, value, slot, -1, 0.0, 0);
    }
    if (op instanceof UnaryScalarRule) {
      return record(UNARY_RULE, value, slot, -1, 0.0, indexOf(op, unaryRules));
    }
    throw unsupported("the scalar operation '" + op.name() + "'");
  }

  @Override
  public Scalar unary(ScalarOp op, double value, Scalar x, double dx, double c) {
    return record(constantCode(op, true), value, own(x), -1, c, 0);
  }

  @Override
  public Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    boolean ownA = a.trace() == this;
    boolean ownB = b.trace() == this;
    if (op instanceof BinaryScalarRule) {
      int rule = indexOf(op, binaryRules);
      return ownA && ownB
          ? record(BINARY_RULE, value, own(a), own(b), 0.0, rule)
          : ownA
              ? record(BINARY_RULE_CONSTANT_Y, value, own(a), -1, b.value(), rule)
              : record(BINARY_RULE_CONSTANT_X, value, own(b), -1, a.value(), rule);
    }
    if (ownA && ownB) {
      return record(arithmeticCode(op), value, own(a), own(b), 0.0, 0);
    }
    return ownA
        ? record(constantCode(op, true), value, own(a), -1, b.value(), 0)
        : record(constantCode(op, false), value, own(b), -1, a.value(), 0);
  }

  @Override
  public void branch(Relation relation, Scalar a, Scalar b, double c, boolean outcome) {
    int left = a != null && a.trace() == this ? own(a) : -1;
    int right = b != null && b.trace() == this ? own(b) : -1;
    double constantSide =
        a != null && left < 0 ? a.value() : b != null && right < 0 ? b.value() : c;
    record(GUARD, 0.0, left, right, constantSide, 2 * relation.ordinal() + (outcome ? 1 : 0));
  }

  /** A vector of scalars is a list of their slots: it records no instruction. */
  @Override
  public Vec pack(Scalar[] elements) {
    double[] value = new double[elements.length];
    int[] slots = new int[elements.length];
    for (int k = 0; k < elements.length; k++) {
      value[k] = elements[k].value();
      slots[k] = elements[k].trace() == this ? own(elements[k]) : -1;
    }
    packs.add(slots);
    return Vec.traced(value, this, packs.size());
  }

  @Override
  public Value apply(Rule<?> rule, Value[] inputs) {
    throw unsupported("the array rule '" + rule.name() + "'");
  }

  @Override
  public String describe() {
    return "replay recording@" + Integer.toHexString(System.identityHashCode(this));
  }

  // Recording

  private byte arithmeticCode(ScalarOp op) {
    if (op == Arithmetic.ADD) {
      return ADD;
    } else if (op == Arithmetic.SUBTRACT) {
      return SUBTRACT;
    } else if (op == Arithmetic.MULTIPLY) {
      return MULTIPLY;
    } else if (op == Arithmetic.DIVIDE) {
      return DIVIDE;
    }
    throw unsupported("the scalar operation '" + op.name() + "'");
  }

  /** The opcode of {@code x op c} ({@code traced} first) or {@code c op x}. */
  private byte constantCode(ScalarOp op, boolean tracedFirst) {
    if (op == Arithmetic.ADD) {
      return ADD_CONSTANT;
    } else if (op == Arithmetic.SUBTRACT) {
      return tracedFirst ? SUBTRACT_CONSTANT : CONSTANT_MINUS;
    } else if (op == Arithmetic.MULTIPLY) {
      return MULTIPLY_CONSTANT;
    } else if (op == Arithmetic.DIVIDE) {
      return tracedFirst ? DIVIDE_CONSTANT : CONSTANT_OVER;
    }
    throw unsupported("the scalar operation '" + op.name() + "' with a constant operand");
  }

  @SuppressWarnings("unchecked")
  private <R extends ScalarOp> int indexOf(ScalarOp op, List<R> rules) {
    Integer index = ruleIndex.get(op);
    if (index == null) {
      index = rules.size();
      rules.add((R) op);
      ruleIndex.put(op, index);
    }
    return index;
  }

  private Scalar record(byte c, double value, int a, int b, double k, int op) {
    if (size == code.length) {
      int n = 2 * size;
      code = Arrays.copyOf(code, n);
      first = Arrays.copyOf(first, n);
      second = Arrays.copyOf(second, n);
      constant = Arrays.copyOf(constant, n);
      operation = Arrays.copyOf(operation, n);
    }
    code[size] = c;
    first[size] = a;
    second[size] = b;
    constant[size] = k;
    operation[size] = op;
    return Scalar.traced(value, this, size++);
  }

  int own(Value v) {
    if (!open) {
      throw new IllegalStateException(
          "this value belongs to a recording that has finished ("
              + describe()
              + "); do not keep values across calls: compute them inside the function");
    }
    if (v.trace() != this) {
      throw new IllegalStateException("value " + v + " does not belong to " + describe());
    }
    return v.slot();
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(
        "Autodiff.record replays scalar code only (elements of x, Scalar arithmetic, scalar rules,"
            + " comparisons, Vec.of), and the function used "
            + what
            + ": differentiate it with Autodiff.gradient or Autodiff.jacobian, which record each call");
  }
}
