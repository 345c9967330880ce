package dev.ad4j.api;

/**
 * A rule was called with an activity combination it does not support. The message names the rule,
 * the mode, each argument's position, type and activity, and the combinations the rule supports, so
 * the fix is obvious: change an annotation, or extend the rule.
 */
public class UnsupportedActivityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String ruleName;
  private final Mode mode;

  private UnsupportedActivityException(String ruleName, Mode mode, String message) {
    super(message);
    this.ruleName = ruleName;
    this.mode = mode;
  }

  /**
   * The exception for calling {@code rule} in {@code mode} with {@code args}; rules may throw it
   * from a body that meets a combination it has no branch for.
   */
  public static UnsupportedActivityException of(Rule<?> rule, Mode mode, Args args) {
    Support support = rule.support();
    StringBuilder message = new StringBuilder();
    message
        .append("rule '")
        .append(rule.name())
        .append("' does not support this activity combination in ")
        .append(mode)
        .append(" mode:\n")
        .append(args.describe())
        .append(support.describe(mode, args));
    return new UnsupportedActivityException(rule.name(), mode, message.toString());
  }

  /** The exception for calling {@code rule} in vector forward mode wider than it handles. */
  public static UnsupportedActivityException ofWidth(Rule<?> rule, int width, Args args) {
    int max = rule.support().maxWidth();
    String message =
        "rule '"
            + rule.name()
            + "' handles forward batch width "
            + (max == 1 ? "1 only" : "up to " + max)
            + " but was called with width "
            + width
            + " (BatchDuplicated) in FORWARD mode:\n"
            + args.describe()
            + "fix: run one forward call per direction (width 1), or make the rule loop over"
            + " config.width() lanes and remove maxWidth from its support()\n";
    return new UnsupportedActivityException(rule.name(), Mode.FORWARD, message);
  }

  /**
   * The exception for nesting a rule that is first-order only: forward over reverse (a
   * Hessian-vector product) needs the rule's second-order part, which {@code fix} says how to add.
   */
  public static UnsupportedActivityException firstOrderOnly(String ruleName, String fix) {
    return new UnsupportedActivityException(
        ruleName,
        Mode.FORWARD,
        "rule '"
            + ruleName
            + "' is first-order only: nested differentiation (forward over reverse, as in a"
            + " Hessian-vector product) needs its second-order part\nfix: "
            + fix
            + "\n");
  }

  /** The rule's name. */
  public String ruleName() {
    return ruleName;
  }

  /** The mode of the rejected call. */
  public Mode mode() {
    return mode;
  }
}
