package dev.ad4j.testkit;

import dev.ad4j.api.Activity;
import dev.ad4j.api.BinaryScalarRule;
import dev.ad4j.api.Rule;
import dev.ad4j.api.UnaryScalarRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rule, in one line, under every activity combination it supports.
 *
 * <pre>{@code
 * @Test
 * void myRule_passesTheKit() {
 *   Report report = RuleTester.of(MY_RULE).at(new double[] {1, 2, 3}, 0.5).checkAll();
 *   assertTrue(report.cases() > 0);
 * }
 * }</pre>
 *
 * <h2>What it checks</h2>
 *
 * For each combination of {@code Const} / {@code Active} / {@code Duplicated} over the arguments
 * (boolean and integer sparse matrices are {@code Const} only):
 *
 * <ul>
 *   <li>forward mode, at batch widths 1 and 3: the primal equals the plain function's and each
 *       tangent lane matches central finite differences along a random direction;
 *   <li>reverse mode: the adjoint of every non-{@code Const} argument matches the finite-difference
 *       gradient of ⟨ȳ, f⟩ element by element, with shadows pre-seeded so that a rule which assigns
 *       instead of adding fails;
 *   <li>reverse mode with every array argument declared overwritten and scrambled (NaN) between the
 *       augmented primal and the reverse pass: same adjoints (the rule saved what it needed);
 *   <li>forward/reverse consistency ⟨J·ẋ, ȳ⟩ = ⟨ẋ, Jᵀ·ȳ⟩;
 *   <li>no primal, tangent or seed is written, and no {@code Const} argument's shadow is requested;
 *   <li>the rule's own bodies ran (it was not silently replaced);
 *   <li>a combination the rule declares unsupported throws {@code UnsupportedActivityException}
 *       whose message names the rule, the mode and every argument's position and activity.
 * </ul>
 *
 * A failure is one {@link AssertionError} naming the rule, the mode, the activity combination, the
 * argument and the worst element, expected against actual.
 *
 * <h2>Non-goals</h2>
 *
 * The kit calls rule bodies directly, not through the engine: it checks the rule, not the tape.
 */
public final class RuleTester {
  private static final int MAX_VALUES = 512;
  final Rule<?> rule;
  private UnaryScalarRule unary;
  private BinaryScalarRule binary;
  Object[] samples;
  double tolerance = 1e-6;
  double step = 1e-6;
  long seed = 20261127L;
  int[] widths = {1, 3};

  private RuleTester(Rule<?> rule) {
    if (rule == null) {
      throw new IllegalArgumentException("rule must not be null");
    }
    this.rule = rule;
  }

  /** A tester for a general rule. */
  public static RuleTester of(Rule<?> rule) {
    return new RuleTester(rule);
  }

  /**
   * A tester for an easy-tier unary scalar rule; if the rule has a second derivative, {@link
   * #checkAll()} also checks it against central differences of the first.
   */
  public static RuleTester of(UnaryScalarRule rule) {
    RuleTester tester = new RuleTester(rule.asRule());
    tester.unary = rule;
    return tester;
  }

  /** A tester for an easy-tier binary scalar rule (and its second partials, if it has them). */
  public static RuleTester of(BinaryScalarRule rule) {
    RuleTester tester = new RuleTester(rule.asRule());
    tester.binary = rule;
    return tester;
  }

  /**
   * The point to check at: one sample primal per argument, in order ({@code Double}, {@code
   * double[]}, {@code DenseMatrix} or {@code SparseMatrix}). Samples are never modified.
   */
  public RuleTester at(Object... samples) {
    int total = 0;
    for (int i = 0; i < samples.length; i++) {
      Samples.checkSupported(samples[i], i);
      total += Samples.size(samples[i]);
    }
    if (total > MAX_VALUES) {
      throw new IllegalArgumentException(
          "samples hold "
              + total
              + " values; finite differences run element by element, so keep them under "
              + MAX_VALUES
              + " (small shapes such as 3x4 find the same bugs)");
    }
    this.samples = samples.clone();
    return this;
  }

  /** The relative tolerance against finite differences (default 1e-6). */
  public RuleTester tolerance(double relative) {
    this.tolerance = relative;
    return this;
  }

  /** The finite-difference step (default 1e-6; the central difference error is O(step²)). */
  public RuleTester step(double h) {
    this.step = h;
    return this;
  }

  /** The seed of the random directions, seeds and pre-seeded shadows. */
  public RuleTester seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The forward-mode batch widths to check (default 1 and 3). */
  public RuleTester widths(int... widths) {
    this.widths = widths.clone();
    return this;
  }

  /** Runs every check; throws {@link AssertionError} at the first failure. */
  public Report checkAll() {
    if (samples == null) {
      throw new IllegalStateException("call at(samples...) before checkAll()");
    }
    Report report = new Report(rule.name());
    for (Activity[] combination : combinations()) {
      new CaseRunner(this, combination).run(report);
    }
    checkSecondOrder(report);
    CaseLog.append(rule.name(), argumentTypes(), report.descriptions());
    return report;
  }

  private void checkSecondOrder(Report report) {
    int checked = 0;
    if (unary != null && samples.length == 1 && samples[0] instanceof Double x) {
      checked = SecondDerivatives.check(unary, x, step * 100, tolerance * 10);
    } else if (binary != null
        && samples.length == 2
        && samples[0] instanceof Double x
        && samples[1] instanceof Double y) {
      checked = SecondDerivatives.check(binary, x, y, step * 100, tolerance * 10);
    }
    if (checked > 0) {
      report.passed("second order: second derivatives against differences of the first");
    }
  }

  private String argumentTypes() {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < samples.length; i++) {
      s.append(i == 0 ? "" : ", ").append(Samples.describe(samples[i]));
    }
    return s.append(')').toString();
  }

  private List<Activity[]> combinations() {
    List<Activity[]> out = new ArrayList<>();
    out.add(new Activity[samples.length]);
    for (int i = 0; i < samples.length; i++) {
      List<Activity[]> next = new ArrayList<>();
      for (Activity[] partial : out) {
        next.add(with(partial, i, Activity.CONST));
        if (Samples.isDifferentiable(samples[i])) {
          Activity active = samples[i] instanceof Double ? Activity.ACTIVE : Activity.DUPLICATED;
          next.add(with(partial, i, active));
        }
      }
      out = next;
    }
    return out;
  }

  private static Activity[] with(Activity[] partial, int i, Activity a) {
    Activity[] copy = partial.clone();
    copy[i] = a;
    return copy;
  }
}
