package dev.ad4j.benchmarks;

import static dev.ad4j.api.Arg.constant;
import static dev.ad4j.api.Arg.duplicated;

import dev.ad4j.api.SparseMatrix;
import dev.ad4j.engine.Autodiff;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The memory a P1 gradient program needs: the smallest {@code -Xmx} at which it builds its input
 * and computes {@value #GRADIENTS} gradients without running out of memory, for the hand-written
 * gradient and for ad4j's, each probe in a fresh JVM.
 *
 * <p>Both programs build the same input ({@link SparseQuadraticFormBenchmark}'s fixed-seed boolean
 * P with about ten entries per row, and x) with no temporary larger than a row ({@link
 * #compactPattern}), so that building it does not hide the gradient's own peak; then they differ
 * only in the gradient: {@code hand} calls {@link SparseQuadraticFormBenchmark#patternGradient},
 * {@code ad4j} calls {@link Autodiff#reverse} on {@code dot(x, P, x)} with P {@code Const}. The
 * needed heap is found by doubling from {@value #START_MIB} MiB until a run succeeds, then
 * bisecting the last interval; a probe fails when the child JVM exits non-zero (an {@link
 * OutOfMemoryError}, or any other failure) or takes longer than {@value #PROBE_TIMEOUT_SECONDS} s.
 * The answer is therefore an upper bound, within the final interval's width, of the heap the
 * program needs; it includes the input, which both programs hold. Every child runs with the serial
 * collector so that {@code -Xmx} is the whole story.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.ad4j.benchmarks.PeakMemory
 * [n=1000000] [probes=10]}; about half a minute for n = 10⁶.
 */
public final class PeakMemory {
  /** Gradients each probe computes after building its input. */
  static final int GRADIENTS = 3;

  static final int START_MIB = 32;

  /**
   * The young generation of every probe, small and fixed: with the default split a large array must
   * fit in the old generation alone, and the smallest heap would measure the split, not what is
   * live.
   */
  static final int YOUNG_MIB = 8;

  static final long PROBE_TIMEOUT_SECONDS = 60;

  /** The two programs compared. */
  public enum Program {
    HAND,
    AD4J
  }

  /** The outcome for one program: the smallest passing {@code -Xmx} found and the probes spent. */
  public record Needed(Program program, int mebibytes, int lowestFailingMebibytes, int probes) {}

  /** The outcome for both programs at one size. */
  public record Comparison(int n, Needed hand, Needed ad4j) {
    /** ad4j's needed heap over the hand-written program's. */
    public double ratio() {
      return (double) ad4j.mebibytes() / hand.mebibytes();
    }
  }

  private PeakMemory() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("child")) {
      System.exit(child(Program.valueOf(args[1]), Integer.parseInt(args[2])));
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int probes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Comparison c = compare(n, probes);
    System.out.println(describe(c));
  }

  /** One line per program and the ratio, for people. */
  public static String describe(Comparison c) {
    return String.format(
        Locale.ROOT,
        "P1 n=%d: hand-written gradient needs %d MiB (fails at %d), ad4j %d MiB (fails at %d):"
            + " ratio %.2f",
        c.n(),
        c.hand().mebibytes(),
        c.hand().lowestFailingMebibytes(),
        c.ad4j().mebibytes(),
        c.ad4j().lowestFailingMebibytes(),
        c.ratio());
  }

  /** Measures both programs at size n with at most {@code maxProbes} forked runs each. */
  public static Comparison compare(int n, int maxProbes) {
    return new Comparison(
        n, measure(Program.HAND, n, maxProbes), measure(Program.AD4J, n, maxProbes));
  }

  static Needed measure(Program program, int n, int maxProbes) {
    return search(program, maxProbes, mib -> runsWithin(program, n, mib));
  }

  /**
   * The smallest passing size that {@code passes} admits: doubling from {@link #START_MIB}, then
   * bisection, with at most {@code maxProbes} calls. Assumes passing is monotone in the size.
   *
   * @throws IllegalStateException if no size passes within the probes
   */
  static Needed search(Program program, int maxProbes, IntPredicate passes) {
    int probes = 0;
    int failing = 0;
    int passing = START_MIB;
    while (true) {
      if (probes == maxProbes) {
        throw new IllegalStateException(
            program + " failed at every heap up to " + failing + " MiB; raise the probe count");
      }
      probes++;
      if (passes.test(passing)) {
        break;
      }
      failing = passing;
      passing *= 2;
    }
    while (probes < maxProbes && passing - failing > 1) {
      int middle = (failing + passing) >>> 1;
      probes++;
      if (passes.test(middle)) {
        passing = middle;
      } else {
        failing = middle;
      }
    }
    return new Needed(program, passing, failing, probes);
  }

  private static boolean runsWithin(Program program, int n, int mebibytes) {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx" + mebibytes + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-Xmn" + YOUNG_MIB + "m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PeakMemory.class.getName());
    command.add("child");
    command.add(program.name());
    command.add(Integer.toString(n));
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(devNull()).start();
      if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      throw new IllegalStateException("could not start a child JVM: " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + program, e);
    }
  }

  private static File devNull() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The child's work: 0 when it finished, 3 when it ran out of memory. */
  static int child(Program program, int n) {
    try {
      System.out.println(program + " n=" + n + " checksum " + gradients(program, n));
      return 0;
    } catch (OutOfMemoryError e) {
      return 3;
    }
  }

  /** Builds the input and computes {@link #GRADIENTS} gradients; returns the sum of the last. */
  static double gradients(Program program, int n) {
    Random random = new Random(SparseQuadraticFormBenchmark.SEED);
    SparseMatrix p =
        SparseQuadraticFormBenchmark.randomPattern(n, SparseQuadraticFormBenchmark.PER_ROW, random);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * random.nextDouble() - 1;
    }
    double[] dx = new double[n];
    for (int call = 0; call < GRADIENTS; call++) {
      if (program == Program.HAND) {
        SparseQuadraticFormBenchmark.patternGradient(p, x, dx);
      } else {
        Arrays.fill(dx, 0.0);
        Autodiff.reverse(SparseQuadraticFormBenchmark.DOT, duplicated(x, dx), constant(p));
      }
    }
    double sum = 0;
    for (double d : dx) {
      sum += d;
    }
    return sum;
  }

  /**
   * {@link SparseQuadraticFormBenchmark#randomPattern} without its n·perRow scratch array: one pass
   * over {@code counting} counts each row's distinct columns, a second pass over {@code random}
   * fills arrays of the exact size. The two generators must start in the same state; {@code random}
   * ends where {@code randomPattern} would leave it.
   */
  static SparseMatrix compactPattern(int n, int perRow, Random counting, Random random) {
    int[] rowPointers = new int[n + 1];
    int[] row = new int[perRow];
    for (int i = 0; i < n; i++) {
      rowPointers[i + 1] = rowPointers[i] + distinctSorted(row, n, counting);
    }
    int[] columns = new int[rowPointers[n]];
    for (int i = 0; i < n; i++) {
      int count = distinctSorted(row, n, random);
      System.arraycopy(row, 0, columns, rowPointers[i], count);
    }
    return SparseMatrix.csr(n, n, rowPointers, columns, SparseMatrix.Kind.PATTERN, null);
  }

  /** Draws {@code row.length} columns below n, sorts them, moves the distinct ones to the front. */
  private static int distinctSorted(int[] row, int n, Random random) {
    for (int k = 0; k < row.length; k++) {
      row[k] = random.nextInt(n);
    }
    Arrays.sort(row);
    int count = 0;
    for (int k = 0; k < row.length; k++) {
      if (k == 0 || row[k] != row[count - 1]) {
        row[count++] = row[k];
      }
    }
    return count;
  }
}
