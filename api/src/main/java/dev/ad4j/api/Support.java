package dev.ad4j.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The activity combinations a rule supports, per mode, declared up front so the engine rejects a
 * call before any work and before any shadow is touched.
 *
 * <pre>{@code
 * // x'Ax whose reverse body handles only a constant A:
 * Support.builder().forward(Need.ANY, Need.ANY).reverse(Need.CONST, Need.ANY).build();
 * }</pre>
 *
 * A mode given no pattern in a builder supports no non-{@code Const} combination. The all-{@code
 * Const} combination, the plain primal, is always supported.
 */
public final class Support {
  /** What one argument position accepts. */
  public enum Need {
    /** Only {@code Const}. */
    CONST("Const"),
    /** Anything but {@code Const}: {@code Active} for scalars, {@code Duplicated} for arrays. */
    ACTIVE("Active/Duplicated"),
    /** Any activity. */
    ANY("Any");

    private final String label;

    Need(String label) {
      this.label = label;
    }

    boolean accepts(Activity activity) {
      return this == ANY || (this == CONST) == activity.isConst();
    }
  }

  private static final Support ALL = new Support(null, true, Integer.MAX_VALUE);
  private static final Support NON_DIFFERENTIABLE = new Support(Map.of(), false, Integer.MAX_VALUE);

  private final Map<Mode, List<Need[]>> patterns;
  private final boolean differentiable;
  private final int maxWidth;

  private Support(Map<Mode, List<Need[]>> patterns, boolean differentiable, int maxWidth) {
    this.patterns = patterns;
    this.differentiable = differentiable;
    this.maxWidth = maxWidth;
  }

  /** Every combination in both modes. */
  public static Support all() {
    return ALL;
  }

  /**
   * A rule whose output never carries a derivative, such as a comparison producing a mask: its
   * output is piecewise constant in its inputs, so every derivative is zero where it exists. {@link
   * Dispatch} runs such a rule on primals only, whatever its inputs' activities, and returns a
   * constant; the rule is never handed a non-{@code Const} argument.
   */
  public static Support nonDifferentiable() {
    return NON_DIFFERENTIABLE;
  }

  /** False for {@link #nonDifferentiable()}: the output is constant whatever the inputs. */
  public boolean isDifferentiable() {
    return differentiable;
  }

  /** Starts a declaration of the supported combinations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the rule's forward body handles {@code width} tangent lanes (vector forward mode). */
  public boolean allowsWidth(int width) {
    return width <= maxWidth;
  }

  /** The largest forward batch width the rule handles ({@link Integer#MAX_VALUE}: any). */
  public int maxWidth() {
    return maxWidth;
  }

  /** Whether {@code args} are a supported combination in {@code mode}. */
  public boolean allows(Mode mode, Args args) {
    if (patterns == null || args.allConst()) {
      return true;
    }
    for (Need[] pattern : patterns.getOrDefault(mode, List.of())) {
      if (mismatches(pattern, args).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Throws {@link UnsupportedActivityException} when {@code args} are not supported by {@code rule}
   * in {@code mode}. Engines call this before any work.
   */
  public static void check(Rule<?> rule, Mode mode, Args args) {
    if (!rule.support().allows(mode, args)) {
      throw UnsupportedActivityException.of(rule, mode, args);
    }
  }

  /**
   * As {@link #check(Rule, Mode, Args)}, and also rejects a forward batch width above the rule's
   * {@link Builder#maxWidth(int)} when any argument is non-{@code Const}.
   */
  public static void check(Rule<?> rule, Config config, Args args) {
    check(rule, config.mode(), args);
    if (!args.allConst() && !rule.support().allowsWidth(config.width())) {
      throw UnsupportedActivityException.ofWidth(rule, config.width(), args);
    }
  }

  /**
   * The supported combinations in {@code mode}, and what to change in {@code args} to reach one.
   */
  String describe(Mode mode, Args args) {
    if (!differentiable) {
      return "the rule's output is never differentiable (its derivative is zero wherever it exists),"
          + " so it runs on primals only\nfix: call it through Dispatch, which passes every"
          + " argument as Const\n";
    }
    if (patterns == null) {
      return "supported in " + mode + " mode: every combination\n";
    }
    List<Need[]> list = patterns.getOrDefault(mode, List.of());
    if (list.isEmpty()) {
      return "supported in "
          + mode
          + " mode: only all-Const arguments (the rule has no "
          + mode
          + " derivative)\nfix: use the other mode, or pass every argument as Const\n";
    }
    StringBuilder out = new StringBuilder("supported in " + mode + " mode:\n");
    List<Integer> closest = null;
    for (Need[] pattern : list) {
      out.append("  (");
      for (int i = 0; i < pattern.length; i++) {
        out.append(i == 0 ? "" : ", ").append(pattern[i].label);
      }
      out.append(")\n");
      List<Integer> wrong = mismatches(pattern, args);
      if (closest == null || wrong.size() < closest.size()) {
        closest = wrong;
      }
    }
    out.append("fix:");
    for (int i : closest) {
      if (i >= args.size()) {
        out.append(" the rule expects ").append(list.get(0).length).append(" arguments;");
        break;
      }
      out.append(" argument ")
          .append(i)
          .append(" is ")
          .append(args.activity(i).label())
          .append(args.activity(i).isConst() ? "; make it active" : "; pass it as Const")
          .append(';');
    }
    return out.append(" or add the missing branch to the rule and declare it in support()\n")
        .toString();
  }

  private static List<Integer> mismatches(Need[] pattern, Args args) {
    List<Integer> wrong = new ArrayList<>();
    if (pattern.length != args.size()) {
      wrong.add(Math.min(pattern.length, args.size()));
      return wrong;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].accepts(args.activity(i))) {
        wrong.add(i);
      }
    }
    return wrong;
  }

  /** Collects patterns per mode. */
  public static final class Builder {
    private final Map<Mode, List<Need[]>> patterns = new EnumMap<>(Mode.class);
    private int maxWidth = Integer.MAX_VALUE;

    private Builder() {
      patterns.put(Mode.FORWARD, new ArrayList<>());
      patterns.put(Mode.REVERSE, new ArrayList<>());
    }

    /** Adds a supported forward-mode pattern, one {@link Need} per argument. */
    public Builder forward(Need... pattern) {
      patterns.get(Mode.FORWARD).add(pattern.clone());
      return this;
    }

    /** Adds a supported reverse-mode pattern, one {@link Need} per argument. */
    public Builder reverse(Need... pattern) {
      patterns.get(Mode.REVERSE).add(pattern.clone());
      return this;
    }

    /**
     * Declares that the forward body handles at most {@code width} tangent lanes (1: it reads only
     * lane 0). Wider vector forward mode is then refused with a message that says so.
     */
    public Builder maxWidth(int width) {
      if (width < 1) {
        throw new IllegalArgumentException("maxWidth must be at least 1, got " + width);
      }
      this.maxWidth = width;
      return this;
    }

    /** The declaration. */
    public Support build() {
      Map<Mode, List<Need[]>> copy = new EnumMap<>(Mode.class);
      patterns.forEach((mode, list) -> copy.put(mode, List.copyOf(list)));
      return new Support(copy, true, maxWidth);
    }
  }
}
