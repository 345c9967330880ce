package dev.ad4j.gradbench;

/** An {@code evaluate} message named a module or function the tool does not implement. */
public final class UnknownFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownFunctionException(String module, String function) {
    super("module '" + module + "' has no function '" + function + "'");
  }

  public UnknownFunctionException(String module) {
    super("ad4j has no module '" + module + "'");
  }
}
