package dev.ad4j.engine.properties;

import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.SparseMatrix;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Random whole {@link Case}s: length n in 2..4, a program, a point, activities, a direction. */
final class Cases {
  /** Depth of generated programs: up to three nested levels of operations. */
  static final int DEPTH = 3;

  private Cases() {}

  /** A case with a dense or sparse (DOUBLE) matrix argument that reads an active argument. */
  static Case any(SplittableRandom random) {
    return draw(random, random.nextBoolean());
  }

  /** A case whose matrix argument is dense, so that x, A and c pack into one vector. */
  static Case denseA(SplittableRandom random) {
    return draw(random, true);
  }

  /** Draws cases until one reads an active argument (about 7 in 8 do). */
  private static Case draw(SplittableRandom random, boolean dense) {
    while (true) {
      Case k = withMatrixKind(random, dense);
      if (readsAnActiveArgument(k)) {
        return k;
      }
    }
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

  private static Case withMatrixKind(SplittableRandom random, boolean dense) {
    int n = 2 + random.nextInt(3);
    ProgramGenerator p = new ProgramGenerator(random, n, dense);
    ScalarExpr f = p.scalar(DEPTH);
    double[] x = p.vector(n);
    double c = ProgramGenerator.number(random);
    Matrix a;
    if (dense) {
      a = DenseMatrix.wrap(n, n, p.vector(n * n));
    } else {
      boolean[] mask = new boolean[n * n];
      for (int k = 0; k < mask.length; k++) {
        mask[k] = random.nextBoolean();
      }
      a = Sparse.of(SparseMatrix.Kind.DOUBLE, n, n, mask, p.vector(n * n));
    }
    Annotation[] annotations = Annotation.values();
    Annotation ax = annotations[random.nextInt(annotations.length)];
    Annotation aa = annotations[random.nextInt(annotations.length)];
    boolean cActive = random.nextBoolean();
    double[] vx = p.vector(n);
    double[] va = p.vector(n * n);
    double vc = ProgramGenerator.number(random);
    return new Case(f, x, a, c, ax, aa, cActive, vx, va, vc);
  }
}
