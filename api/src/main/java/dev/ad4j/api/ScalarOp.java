package dev.ad4j.api;

/**
 * A scalar operation a trace can record: the {@link Arithmetic} of {@link Scalar} or an easy-tier
 * {@link UnaryScalarRule} / {@link BinaryScalarRule}. Traces keep it to re-evaluate the operation.
 */
public interface ScalarOp {
  /** The operation's name, for messages. */
  String name();
}
