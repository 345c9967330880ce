package dev.ad4j.api;

/**
 * An argument of a differentiated function, annotated with its {@link Activity}. The type parameter
 * is the value the function receives ({@link Scalar}, {@link Vec} or {@link Mat}), so the compiler
 * checks that each annotated argument matches the parameter it feeds.
 *
 * <pre>{@code
 * import static dev.ad4j.api.Arg.*;
 *
 * Arg<Vec> x = duplicated(v, dv);   // reverse mode adds the gradient into dv
 * Arg<Mat> p = constant(P);         // nothing is computed for P
 * Arg<Scalar> t = active(0.5);      // the derivative comes back in the result
 * }</pre>
 *
 * <h2>Checked at construction</h2>
 *
 * {@code Active} on an array, {@code Duplicated} on a scalar, a shadow whose shape differs from its
 * primal, a primal that is the same array as its shadow, and a non-{@code Const} boolean or integer
 * sparse matrix are each an {@link IllegalArgumentException} naming the problem and the fix. The
 * typed factories make most of these impossible; {@link #of} checks them at run time for generic
 * code.
 */
public final class Arg<H extends Value> {
  private final Activity activity;
  private final Object primal;
  private final double[] shadow;
  private final double tangent;

  private Arg(Activity activity, Object primal, double[] shadow, double tangent) {
    this.activity = activity;
    this.primal = primal;
    this.shadow = shadow;
    this.tangent = tangent;
  }

  // Const

  /** A constant scalar. */
  public static Arg<Scalar> constant(double x) {
    return of(Activity.CONST, x, null);
  }

  /** A constant vector (never written). */
  public static Arg<Vec> constant(double[] x) {
    return of(Activity.CONST, x, null);
  }

  /** A constant matrix, of any kind. */
  public static Arg<Mat> constant(Matrix x) {
    return of(Activity.CONST, x, null);
  }

  // Active

  /**
   * An active scalar: reverse mode returns its adjoint; forward mode needs {@link #active(double,
   * double)}.
   */
  public static Arg<Scalar> active(double x) {
    return new Arg<>(Activity.ACTIVE, x, null, Double.NaN);
  }

  /** An active scalar with a forward-mode tangent {@code dx}. */
  public static Arg<Scalar> active(double x, double dx) {
    return new Arg<>(Activity.ACTIVE, x, null, dx);
  }

  // Duplicated

  /** A vector with its shadow {@code dx}: reverse adds the adjoint into it, forward reads it. */
  public static Arg<Vec> duplicated(double[] x, double[] dx) {
    return of(Activity.DUPLICATED, x, dx);
  }

  /**
   * A matrix with its shadow in the matrix's layout (for a sparse matrix: one entry per stored
   * element).
   */
  public static Arg<Mat> duplicated(Matrix x, double[] dx) {
    return of(Activity.DUPLICATED, x, dx);
  }

  /**
   * As {@link #duplicated(double[], double[])}; the caller gives up the primal (see {@link
   * Activity}).
   */
  public static Arg<Vec> duplicatedNoNeed(double[] x, double[] dx) {
    return of(Activity.DUPLICATED_NO_NEED, x, dx);
  }

  /** As {@link #duplicated(Matrix, double[])}; the caller gives up the primal. */
  public static Arg<Mat> duplicatedNoNeed(Matrix x, double[] dx) {
    return of(Activity.DUPLICATED_NO_NEED, x, dx);
  }

  /**
   * The generic, run-time-checked factory: {@code primal} is a {@code Double}, a {@code double[]}
   * or a {@link Matrix}; {@code shadow} is null unless the activity is {@code Duplicated}.
   */
  @SuppressWarnings("unchecked")
  public static <H extends Value> Arg<H> of(Activity activity, Object primal, double[] shadow) {
    if (activity == null) {
      throw new IllegalArgumentException("activity must not be null");
    }
    if (primal == null) {
      throw new IllegalArgumentException(
          activity.label() + " argument is null; pass a double, a double[] or a Matrix");
    }
    boolean scalar = primal instanceof Double;
    if (!scalar && !(primal instanceof double[]) && !(primal instanceof Matrix)) {
      throw new IllegalArgumentException(
          "unsupported argument type "
              + primal.getClass().getSimpleName()
              + "; pass a double, a double[] or a Matrix (convert RealVector with toArray(),"
              + " RealMatrix with DenseMatrix.from or SparseMatrix.from)");
    }
    switch (activity) {
      case CONST:
        if (shadow != null) {
          throw new IllegalArgumentException(
              "a Const " + describe(primal) + " has no shadow; pass null");
        }
        break;
      case ACTIVE:
        if (!scalar) {
          throw new IllegalArgumentException(
              "Active is for immutable scalars, but the argument is a "
                  + describe(primal)
                  + "; use duplicated(x, dx) so its adjoint is added into the shadow dx");
        }
        break;
      default:
        checkDuplicated(activity, primal, shadow, scalar);
    }
    return new Arg<>(activity, primal, shadow, Double.NaN);
  }

  /** Checks a Duplicated annotation; messages are built only on failure. */
  private static void checkDuplicated(
      Activity activity, Object primal, double[] shadow, boolean scalar) {
    if (scalar) {
      throw new IllegalArgumentException(
          activity.label()
              + " is for arrays and matrices; a scalar is immutable, so use active(x) and read"
              + " its adjoint from the result");
    }
    if (primal instanceof Matrix m && !m.isDifferentiable()) {
      throw new IllegalArgumentException(
          describe(primal)
              + " holds booleans or integers and is never differentiable, but was annotated "
              + activity.label()
              + "; pass it as constant(..)");
    }
    if (shadow == null) {
      throw new IllegalArgumentException(
          activity.label()
              + " "
              + describe(primal)
              + " needs a shadow; pass new double["
              + size(primal)
              + "]");
    }
    if (shadow.length != size(primal)) {
      throw new IllegalArgumentException(
          "the shadow of "
              + describe(primal)
              + " has length "
              + shadow.length
              + " but must have "
              + size(primal)
              + (primal instanceof SparseMatrix ? " (one entry per stored element)" : "")
              + "; allocate it as new double["
              + size(primal)
              + "]");
    }
    Object values = primal instanceof DenseMatrix d ? d.values() : primal;
    if (values == shadow) {
      throw new IllegalArgumentException(
          "the shadow of "
              + describe(primal)
              + " is the same array as its primal; the adjoint would overwrite the values: pass a"
              + " separate array");
    }
  }

  // Accessors, for engines

  /** The activity. */
  public Activity activity() {
    return activity;
  }

  /** The primal: a {@code Double}, a {@code double[]} or a {@link Matrix}. */
  public Object primal() {
    return primal;
  }

  /** The shadow, or null unless {@code Duplicated}. */
  public double[] shadow() {
    return shadow;
  }

  /** The forward-mode tangent of an {@code Active} scalar, NaN when none was given. */
  public double tangent() {
    return tangent;
  }

  /** Whether an {@code Active} scalar was given a forward-mode tangent. */
  public boolean hasTangent() {
    return !Double.isNaN(tangent);
  }

  /** The shape of the annotated value. */
  public ValueKind kind() {
    return primal instanceof Double
        ? ValueKind.SCALAR
        : primal instanceof double[] ? ValueKind.VECTOR : ValueKind.MATRIX;
  }

  /** Type and activity, for messages: {@code Vec(3) Duplicated}. */
  public String describe() {
    return describe(primal) + " " + activity.label();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String describe(Object primal) {
    if (primal instanceof Double) {
      return "Scalar";
    } else if (primal instanceof double[] v) {
      return "Vec(" + v.length + ")";
    }
    return ((Matrix) primal).describe();
  }

  private static int size(Object primal) {
    return primal instanceof double[] v ? v.length : ((Matrix) primal).shadowSize();
  }
}
