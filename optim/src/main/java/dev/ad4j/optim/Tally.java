package dev.ad4j.optim;

/** Running counts and times behind {@link EvaluationTimes}; guarded by its owner's lock. */
final class Tally {
  private int plainCount;
  private long plainNanos;
  private int derivativeCount;
  private long derivativeNanos;

  void plain(long nanos) {
    plainCount++;
    plainNanos += nanos;
  }

  void derivative(long nanos) {
    derivativeCount++;
    derivativeNanos += nanos;
  }

  EvaluationTimes snapshot() {
    return new EvaluationTimes(plainCount, plainNanos, derivativeCount, derivativeNanos);
  }
}
