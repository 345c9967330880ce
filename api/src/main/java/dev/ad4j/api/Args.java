package dev.ad4j.api;

import java.util.List;

/**
 * The arguments of one rule call, in order, each with its activity. Typed accessors say what the
 * rule expects and fail with a clear message when the engine passed something else.
 */
public final class Args {
  private final RuleArg[] args;

  private Args(RuleArg[] args) {
    this.args = args;
  }

  /** The given arguments, in order. */
  public static Args of(RuleArg... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        throw new IllegalArgumentException("argument " + i + " is null");
      }
    }
    return new Args(args.clone());
  }

  /** All-{@code Const} arguments holding the primals of {@code values}. */
  public static Args constants(Value... values) {
    RuleArg[] args = new RuleArg[values.length];
    for (int i = 0; i < values.length; i++) {
      args[i] = constant(values[i]);
    }
    return new Args(args);
  }

  /** The {@code Const} rule argument holding a value's primal. */
  public static RuleArg constant(Value value) {
    if (value instanceof Scalar s) {
      return ScalarArg.constant(s.value());
    } else if (value instanceof Vec v) {
      return VecArg.constant(v.value());
    } else if (value instanceof Mat m) {
      return MatArg.constant(m.value());
    }
    throw new IllegalArgumentException("argument is null");
  }

  /** The number of arguments. */
  public int size() {
    return args.length;
  }

  /** Argument {@code i}, whatever its kind. */
  public RuleArg get(int i) {
    checkIndex(i);
    return args[i];
  }

  /** Argument {@code i}, which must be a scalar. */
  public ScalarArg scalar(int i) {
    return as(i, ScalarArg.class);
  }

  /** Argument {@code i}, which must be a vector. */
  public VecArg vec(int i) {
    return as(i, VecArg.class);
  }

  /** Argument {@code i}, which must be a matrix. */
  public MatArg mat(int i) {
    return as(i, MatArg.class);
  }

  /** The activity of argument {@code i}. */
  public Activity activity(int i) {
    return get(i).activity();
  }

  /** True when every argument is {@code Const}. */
  public boolean allConst() {
    for (RuleArg a : args) {
      if (!a.isConst()) {
        return false;
      }
    }
    return true;
  }

  /** The arguments as an unmodifiable list. */
  public List<RuleArg> asList() {
    return List.of(args);
  }

  /** One line per argument: position, type and activity. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      out.append("  argument ")
          .append(i)
          .append(": ")
          .append(args[i].describe())
          .append(", ")
          .append(args[i].activity().label())
          .append('\n');
    }
    return out.toString();
  }

  private <T extends RuleArg> T as(int i, Class<T> type) {
    RuleArg a = get(i);
    if (!type.isInstance(a)) {
      throw new IllegalArgumentException(
          "argument "
              + i
              + " is a "
              + a.describe()
              + " but the rule reads it as a "
              + type.getSimpleName()
              + "; check the argument order");
    }
    return type.cast(a);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= args.length) {
      throw new IndexOutOfBoundsException(
          "argument " + i + " requested but the rule was called with " + args.length);
    }
  }
}
