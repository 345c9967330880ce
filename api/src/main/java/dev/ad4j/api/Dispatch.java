package dev.ad4j.api;

/**
 * The one place that decides activity. Every operation on {@link Value}s goes through here: if no
 * input belongs to a running differentiation, the operation runs its primal and records nothing;
 * otherwise it is handed to the inputs' {@link Trace}, which sees each input's true activity.
 *
 * <p>Facades such as {@code Linalg} call {@link #apply(Rule, Value...)}; scalar functions call
 * {@link #apply(UnaryScalarRule, Scalar)}. Users rarely call this class directly.
 */
public final class Dispatch {
  private Dispatch() {}

  /**
   * The trace of the active values, or null when all are constant. When values of nested
   * differentiations meet, the innermost trace is the one (see {@link Trace#isNestedIn}).
   */
  public static Trace traceOf(Value a, Value b) {
    return innermost(a.trace(), b.trace());
  }

  /** {@link #traceOf(Value, Value)} for any number of values. */
  public static Trace traceOf(Value... values) {
    Trace found = null;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new IllegalArgumentException("input " + i + " is null");
      }
      found = innermost(found, values[i].trace());
    }
    return found;
  }

  /** The inner of two traces (either may be null); unrelated traces are an error. */
  private static Trace innermost(Trace a, Trace b) {
    if (a == null || a == b) {
      return b;
    }
    if (b == null || a.isNestedIn(b)) {
      return a;
    }
    if (b.isNestedIn(a)) {
      return b;
    }
    throw mixed(a, b);
  }

  /** {@code out = op(x)} with {@code ∂out/∂x = dx}: recorded only if {@code x} is active. */
  public static Scalar unary(ScalarOp op, double value, Scalar x, double dx) {
    Trace t = x.trace();
    return t == null ? Scalar.constant(value) : t.unary(op, value, x, dx);
  }

  /**
   * {@code out = op(x, c)} for arithmetic with the constant second operand {@code c}, with {@code
   * ∂out/∂x = dx}: recorded only if {@code x} is active.
   */
  public static Scalar unary(ScalarOp op, double value, Scalar x, double dx, double c) {
    Trace t = x.trace();
    return t == null ? Scalar.constant(value) : t.unary(op, value, x, dx, c);
  }

  /** {@code out = op(a, b)}: recorded only if an operand is active. */
  public static Scalar binary(ScalarOp op, double value, Scalar a, double da, Scalar b, double db) {
    Trace t = traceOf(a, b);
    return t == null ? Scalar.constant(value) : t.binary(op, value, a, da, b, db);
  }

  /**
   * Tests {@code a relation b}, where {@code a} or {@code b} is null for the constant {@code c}; an
   * active operand's trace is told the outcome ({@link Trace#branch}).
   */
  public static boolean compare(Relation relation, Scalar a, Scalar b, double c) {
    double x = a == null ? c : a.value();
    double y = b == null ? c : b.value();
    boolean outcome = relation.holds(x, y);
    Trace t = a == null ? b.trace() : b == null ? a.trace() : traceOf(a, b);
    if (t != null) {
      t.branch(relation, a, b, c, outcome);
    }
    return outcome;
  }

  /** Applies an easy-tier rule; its derivative is evaluated only when {@code x} is active. */
  public static Scalar apply(UnaryScalarRule rule, Scalar x) {
    double y = rule.value(x.value());
    Trace t = x.trace();
    return t == null ? Scalar.constant(y) : t.unary(rule, y, x, rule.derivative(x.value(), y));
  }

  /** Applies an easy-tier rule; each partial is evaluated only when its operand is active. */
  public static Scalar apply(BinaryScalarRule rule, Scalar a, Scalar b) {
    double x = a.value();
    double y = b.value();
    double z = rule.value(x, y);
    Trace t = traceOf(a, b);
    if (t == null) {
      return Scalar.constant(z);
    }
    double da = a.isActive() ? rule.partialX(x, y, z) : 0.0;
    double db = b.isActive() ? rule.partialY(x, y, z) : 0.0;
    return t.binary(rule, z, a, da, b, db);
  }

  /**
   * Applies an array rule. With every input constant, or for a rule whose output is {@linkplain
   * Support#nonDifferentiable() never differentiable}, runs the rule's forward body for the primal
   * only ({@link Config#primalOnly()}), records nothing and returns a constant.
   */
  public static Value apply(Rule<?> rule, Value... inputs) {
    Trace t = traceOf(inputs);
    if (t != null && rule.support().isDifferentiable()) {
      return t.apply(rule, inputs);
    }
    Output out = new Output(1);
    Config config = Config.primalOnly();
    rule.forward(config, Args.constants(inputs), out);
    out.checkForward(rule, config);
    switch (out.kind()) {
      case SCALAR:
        return Scalar.constant(out.scalarPrimal());
      case VECTOR:
        return Vec.constant(out.vectorPrimal());
      default:
        return Mat.constant(out.matrixPrimal());
    }
  }

  /** {@link #apply(Rule, Value...)} for a rule whose output is a scalar. */
  public static Scalar scalar(Rule<?> rule, Value... inputs) {
    return as(Scalar.class, rule, apply(rule, inputs));
  }

  /** {@link #apply(Rule, Value...)} for a rule whose output is a vector. */
  public static Vec vec(Rule<?> rule, Value... inputs) {
    return as(Vec.class, rule, apply(rule, inputs));
  }

  /** {@link #apply(Rule, Value...)} for a rule whose output is a matrix. */
  public static Mat mat(Rule<?> rule, Value... inputs) {
    return as(Mat.class, rule, apply(rule, inputs));
  }

  private static <T extends Value> T as(Class<T> type, Rule<?> rule, Value value) {
    if (!type.isInstance(value)) {
      throw new RuleContractException(
          rule,
          "returned a "
              + value.kind()
              + " where its caller expected a "
              + type.getSimpleName()
              + "; make the rule's out.primal(..) match, or call Dispatch.apply and check the"
              + " kind");
    }
    return type.cast(value);
  }

  private static IllegalArgumentException mixed(Trace a, Trace b) {
    return new IllegalArgumentException(
        "values from two differentiations are mixed ("
            + a.describe()
            + " and "
            + b.describe()
            + "): a value captured from one evaluation cannot be used in another; compute it"
            + " inside the function, or pass it in as an argument");
  }
}
