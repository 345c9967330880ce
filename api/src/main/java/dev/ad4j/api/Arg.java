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
  private final double[][] shadows;
  private final double[] tangents;

  private Arg(Activity activity, Object primal, double[][] shadows, double[] tangents) {
    this.activity = activity;
    this.primal = primal;
    this.shadows = shadows;
    this.tangents = tangents;
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
    return new Arg<>(Activity.ACTIVE, x, null, null);
  }

  /** An active scalar with a forward-mode tangent {@code dx}. */
  public static Arg<Scalar> active(double x, double dx) {
    return new Arg<>(Activity.ACTIVE, x, null, new double[] {dx});
  }

  /**
   * An active scalar with one forward-mode tangent per direction, for vector forward mode beside
   * {@link #batchDuplicated(double[], double[]...)} arguments of the same width.
   */
  public static Arg<Scalar> batchActive(double x, double... dx) {
    if (dx == null || dx.length == 0) {
      throw new IllegalArgumentException(
          "batchActive(x, dx...) needs at least one tangent; use active(x) for reverse mode");
    }
    return new Arg<>(Activity.ACTIVE, x, null, dx.clone());
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

  // BatchDuplicated

  /**
   * Vector forward mode: a vector with one tangent direction per shadow, all propagated in one
   * sweep; {@code ForwardResult.tangent(lane)} is the directional derivative along {@code
   * dx[lane]}. Shadows are only read. Forward mode only.
   *
   * <pre>{@code
   * // J·e0 and J·e1 of f(x) = x ⊙ x in one sweep:
   * Autodiff.forward((Vec v) -> Linalg.multiply(v, v), batchDuplicated(x, e0, e1));
   * }</pre>
   */
  public static Arg<Vec> batchDuplicated(double[] x, double[]... dx) {
    return batch(x, dx);
  }

  /** As {@link #batchDuplicated(double[], double[]...)} for a matrix (shadows in its layout). */
  public static Arg<Mat> batchDuplicated(Matrix x, double[]... dx) {
    return batch(x, dx);
  }

  private static <H extends Value> Arg<H> batch(Object primal, double[][] dx) {
    if (dx == null || dx.length == 0) {
      throw new IllegalArgumentException(
          "batchDuplicated(x, dx...) needs at least one shadow, one per tangent direction");
    }
    requireArray(Activity.BATCH_DUPLICATED, primal);
    for (double[] lane : dx) {
      checkDuplicated(Activity.BATCH_DUPLICATED, primal, lane, primal instanceof Double);
    }
    return new Arg<>(Activity.BATCH_DUPLICATED, primal, dx.clone(), null);
  }

  /**
   * The generic, run-time-checked factory: {@code primal} is a {@code Double}, a {@code double[]}
   * or a {@link Matrix}; {@code shadow} is null unless the activity is {@code Duplicated}.
   */
  public static <H extends Value> Arg<H> of(Activity activity, Object primal, double[] shadow) {
    if (activity == null) {
      throw new IllegalArgumentException("activity must not be null");
    }
    boolean scalar = requireArray(activity, primal) instanceof Double;
    switch (activity) {
      case CONST:
        if (shadow != null) {
          throw new IllegalArgumentException(
              "a Const " + describe(primal) + " has no shadow; pass null");
        }
        return new Arg<>(activity, primal, null, null);
      case ACTIVE:
        if (!scalar) {
          throw new IllegalArgumentException(
              "Active is for immutable scalars, but the argument is a "
                  + describe(primal)
                  + "; use duplicated(x, dx) so its adjoint is added into the shadow dx");
        }
        return new Arg<>(activity, primal, null, null);
      default:
        checkDuplicated(activity, primal, shadow, scalar);
        return new Arg<>(activity, primal, new double[][] {shadow}, null);
    }
  }

  /** Checks that {@code primal} is a supported type and returns it. */
  private static Object requireArray(Activity activity, Object primal) {
    if (primal == null) {
      throw new IllegalArgumentException(
          activity.label() + " argument is null; pass a double, a double[] or a Matrix");
    }
    if (!(primal instanceof Double)
        && !(primal instanceof double[])
        && !(primal instanceof Matrix)) {
      throw new IllegalArgumentException(
          "unsupported argument type "
              + primal.getClass().getSimpleName()
              + "; pass a double, a double[] or a Matrix (convert RealVector with toArray(),"
              + " RealMatrix with DenseMatrix.from or SparseMatrix.from)");
    }
    return primal;
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

  /** The shadow (lane 0 for {@code BatchDuplicated}), or null when the argument has none. */
  public double[] shadow() {
    return shadows == null ? null : shadows[0];
  }

  /** The shadow of {@code lane}, for {@code Duplicated} (lane 0) and {@code BatchDuplicated}. */
  public double[] shadow(int lane) {
    checkLane(lane);
    return shadows[lane];
  }

  /** The forward-mode tangent of an {@code Active} scalar (lane 0), NaN when none was given. */
  public double tangent() {
    return tangents == null ? Double.NaN : tangents[0];
  }

  /** The forward-mode tangent of an {@code Active} scalar in {@code lane}. */
  public double tangent(int lane) {
    checkLane(lane);
    return tangents[lane];
  }

  /** Whether an {@code Active} scalar was given a forward-mode tangent. */
  public boolean hasTangent() {
    return tangents != null;
  }

  /**
   * The number of tangent directions this argument carries: its shadows or forward tangents (1 for
   * {@code Duplicated} and {@code active(x, dx)}), 0 for {@code Const} and {@code active(x)}.
   */
  public int width() {
    return shadows != null ? shadows.length : tangents != null ? tangents.length : 0;
  }

  /** The shape of the annotated value. */
  public ValueKind kind() {
    return primal instanceof Double
        ? ValueKind.SCALAR
        : primal instanceof double[] ? ValueKind.VECTOR : ValueKind.MATRIX;
  }

  /**
   * Type and activity, for messages: {@code Vec(3) Duplicated}, {@code Vec(3) BatchDuplicated(4)}.
   */
  public String describe() {
    String batch = activity == Activity.BATCH_DUPLICATED ? "(" + width() + ")" : "";
    return describe(primal) + " " + activity.label() + batch;
  }

  private void checkLane(int lane) {
    if (lane < 0 || lane >= width()) {
      throw new IndexOutOfBoundsException(
          "lane " + lane + " outside the " + width() + " tangent directions of " + describe());
    }
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
