package dev.ad4j.gradbench;

/** Malformed JSON, or a message that lacks a field the protocol requires. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
