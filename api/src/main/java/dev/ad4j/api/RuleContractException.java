package dev.ad4j.api;

/**
 * A rule broke its contract: it set no primal, returned a result of the wrong shape, produced a
 * non-finite derivative from finite inputs, or touched what it must not. The message names the
 * rule, the mode and what was wrong; the fix is in the rule.
 */
public class RuleContractException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A contract violation by {@code rule} in {@code mode}, described by {@code what}. */
  public RuleContractException(Rule<?> rule, Mode mode, String what) {
    super("rule '" + rule.name() + "' in " + mode + " mode " + what);
  }

  /** A contract violation by {@code rule} found outside any one mode, described by {@code what}. */
  public RuleContractException(Rule<?> rule, String what) {
    super("rule '" + rule.name() + "' " + what);
  }
}
