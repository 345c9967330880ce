package dev.ad4j.rules;

import dev.ad4j.api.Activity;
import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.VecArg;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helpers: call rule bodies directly, build samples, dense reference loops. */
final class RuleCalls {
  private RuleCalls() {}

  /** A reverse sweep (augmented primal, seed, reverse) of a scalar-valued rule. */
  static <S> Output reverse(Rule<S> rule, Config config, Args args, double seed) {
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(config, args, out);
    out.seedAdjoint(seed);
    rule.reverse(config, args, out, saved);
    return out;
  }

  /** A reverse sweep of a vector-valued rule. */
  static <S> Output reverse(Rule<S> rule, Config config, Args args, double[] seed) {
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(config, args, out);
    out.seedAdjoint(seed);
    rule.reverse(config, args, out, saved);
    return out;
  }

  /** A reverse sweep with {@code between} run after the augmented primal (to scramble inputs). */
  static <S> Output reverse(Rule<S> rule, Config config, Args args, double seed, Runnable between) {
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(config, args, out);
    between.run();
    out.seedAdjoint(seed);
    rule.reverse(config, args, out, saved);
    return out;
  }

  /**
   * A reverse sweep of a vector-valued rule with {@code between} run after the augmented primal.
   */
  static <S> Output reverse(
      Rule<S> rule, Config config, Args args, double[] seed, Runnable between) {
    Output out = new Output(1);
    S saved = rule.augmentedPrimal(config, args, out);
    between.run();
    out.seedAdjoint(seed);
    rule.reverse(config, args, out, saved);
    return out;
  }

  /** What the augmented primal saved. */
  static <S> S saved(Rule<S> rule, Config config, Args args) {
    return rule.augmentedPrimal(config, args, new Output(1));
  }

  /** A forward call with {@code config.width()} lanes. */
  static Output forward(Rule<?> rule, Config config, Args args) {
    Output out = new Output(config.width());
    rule.forward(config, args, out);
    out.checkForward(rule, config);
    return out;
  }

  static Args args(RuleArg... args) {
    return Args.of(args);
  }

  static VecArg dup(double[] x, double[]... shadows) {
    return VecArg.of(Activity.DUPLICATED, x, shadows);
  }

  static MatArg dup(Matrix a, double[]... shadows) {
    return MatArg.of(Activity.DUPLICATED, a, shadows);
  }

  static VecArg constant(double[] x) {
    return VecArg.constant(x);
  }

  static MatArg constant(Matrix a) {
    return MatArg.constant(a);
  }

  // Samples

  static double[] random(Random random, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = 2.0 * random.nextDouble() - 1.0;
    }
    return out;
  }

  /** A random rows×cols sparse matrix of {@code kind}, each element stored with {@code density}. */
  static SparseMatrix sparse(Random random, int rows, int cols, SparseMatrix.Kind kind, double p) {
    List<int[]> at = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (random.nextDouble() < p) {
          at.add(new int[] {i, j});
        }
      }
    }
    int n = at.size();
    int[] r = new int[n];
    int[] c = new int[n];
    double[] d = new double[n];
    int[] v = new int[n];
    for (int k = 0; k < n; k++) {
      r[k] = at.get(k)[0];
      c[k] = at.get(k)[1];
      d[k] = 2.0 * random.nextDouble() - 1.0;
      v[k] = random.nextInt(7) - 3;
    }
    switch (kind) {
      case PATTERN:
        return SparseMatrix.pattern(rows, cols, r, c);
      case INTEGER:
        return SparseMatrix.ofIntegers(rows, cols, r, c, v);
      default:
        return SparseMatrix.ofDoubles(rows, cols, r, c, d);
    }
  }

  // Dense reference loops, independent of the code under test.

  /** Any matrix as double[rows][cols]. */
  static double[][] dense(Matrix a) {
    return a instanceof SparseMatrix s ? s.toArray() : ((dev.ad4j.api.DenseMatrix) a).toArray();
  }

  static double[] times(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }

  static double[] transposeTimes(double[][] a, double[] x, int cols) {
    double[] y = new double[cols];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < cols; j++) {
        y[j] += a[i][j] * x[i];
      }
    }
    return y;
  }

  static double dot(double[] x, double[] y) {
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /** a + alpha·b, fresh. */
  static double[] plus(double[] a, double alpha, double[] b) {
    double[] out = a.clone();
    for (int i = 0; i < a.length; i++) {
      out[i] += alpha * b[i];
    }
    return out;
  }
}
