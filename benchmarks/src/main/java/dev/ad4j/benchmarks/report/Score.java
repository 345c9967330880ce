package dev.ad4j.benchmarks.report;

/**
 * One measured benchmark at one parameter combination.
 *
 * @param median the median over the measurement iterations, in {@code unit}
 * @param unit JMH's score unit, e.g. {@code us/op}, or {@code MiB} for a peak-memory measurement
 * @param allocatedBytesPerOp bytes allocated per call ({@code -prof gc}'s {@code
 *     gc.alloc.rate.norm}), NaN when not measured
 */
public record Score(double median, String unit, double allocatedBytesPerOp) {}
