/**
 * The benchmark report: one command ({@link dev.ad4j.benchmarks.report.Report}) that runs a short
 * pass of the benchmarks and writes a Markdown table and a PNG chart of the ratios.
 *
 * <p>Table of contents: what to measure ({@code Row}, one line of text each, with its {@code
 * Target}); measuring ({@code JmhPass} through JMH's Runner API, and {@code
 * dev.ad4j.benchmarks.PeakMemory}) into {@code Results} of {@code Score}s; the ratios ({@code
 * RowResult}); the output ({@code MarkdownTable}, {@code RatioChart}, {@code Numbers}). Only {@code
 * Report} runs benchmarks; everything else is a pure function of its inputs and is tested with fake
 * scores.
 */
package dev.ad4j.benchmarks.report;
