package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of whole {@link Case}s: length n in 2..4, a program, a point, activities, a direction.
 */
final class Cases {
  /** Depth of generated programs: up to three nested levels of operations. */
  static final int DEPTH = 3;

  private Cases() {}

  /** Cases with a dense or sparse (DOUBLE) matrix argument. */
  static Arbitrary<Case> any() {
    return Arbitraries.of(true, false)
        .flatMap(Cases::withMatrixKind)
        .filter(Cases::readsAnActiveArgument);
  }

  /** Cases whose matrix argument is dense, so that x, A and c pack into one vector. */
  static Arbitrary<Case> denseA() {
    return withMatrixKind(true).filter(Cases::readsAnActiveArgument);
  }

  /**
   * Whether the program mentions an argument that is active: otherwise there is no derivative to
   * compare. The printed program names the arguments {@code x}, {@code A} and {@code c} as whole
   * words, and nothing else prints as those words.
   */
  static boolean readsAnActiveArgument(Case k) {
    String p = k.program().toString();
    return (k.xActivity().isActive() && READS_X.matcher(p).find())
        || (k.aActivity().isActive() && READS_A.matcher(p).find())
        || (k.cActive() && READS_C.matcher(p).find());
  }

  private static final Pattern READS_X = Pattern.compile("\\bx\\b");
  private static final Pattern READS_A = Pattern.compile("\\bA\\b");
  private static final Pattern READS_C = Pattern.compile("\\bc\\b");

  private static Arbitrary<Case> withMatrixKind(boolean dense) {
    return Arbitraries.integers()
        .between(2, 4)
        .flatMap(
            n -> {
              ProgramArbitraries p = new ProgramArbitraries(n, dense);
              Arbitrary<Matrix> a =
                  dense
                      ? p.vector(n * n).map(v -> DenseMatrix.wrap(n, n, v))
                      : Combinators.combine(
                              Arbitraries.of(false, true).array(boolean[].class).ofSize(n * n),
                              p.vector(n * n))
                          .as((mask, v) -> Sparse.of(SparseMatrix.Kind.DOUBLE, n, n, mask, v));
              Arbitrary<Annotation> ann = Arbitraries.of(Annotation.class);
              Arbitrary<double[]> point =
                  Combinators.combine(p.vector(n), ProgramArbitraries.number())
                      .as((x, c) -> append(x, c));
              Arbitrary<double[]> direction =
                  Combinators.combine(p.vector(n), p.vector(n * n), ProgramArbitraries.number())
                      .as((vx, va, vc) -> append(append(vx, va), vc));
              return Combinators.combine(
                      p.scalar(DEPTH), point, a, ann, ann, Arbitraries.of(false, true), direction)
                  .as(
                      (f, xc, am, ax, aa, ca, v) ->
                          new Case(
                              f,
                              java.util.Arrays.copyOf(xc, n),
                              am,
                              xc[n],
                              ax,
                              aa,
                              ca,
                              java.util.Arrays.copyOf(v, n),
                              java.util.Arrays.copyOfRange(v, n, n + n * n),
                              v[v.length - 1]));
            });
  }

  private static double[] append(double[] a, double... b) {
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
