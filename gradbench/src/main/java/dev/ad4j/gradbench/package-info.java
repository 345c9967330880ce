/**
 * A <a href="https://github.com/gradbench/gradbench">GradBench</a> tool for ad4j: {@link
 * dev.ad4j.gradbench.Main} speaks the JSON Lines protocol ({@link dev.ad4j.gradbench.Protocol}) on
 * standard input and output, and every derivative it sends is computed by ad4j ({@code
 * dev.ad4j.engine.Autodiff} and the built-in rules), never written by hand.
 *
 * <p>Table of contents: the protocol ({@code Protocol}, {@code Main}); JSON ({@code JsonReader},
 * {@code JsonWriter}, {@code Fields}); one {@link dev.ad4j.gradbench.EvalModule} per eval, each
 * documenting how its derivative is computed ({@code HelloModule}, {@code LseModule}, {@code
 * LlsqModule}, {@code DetModule}, {@code OdeModule}, {@code KmeansModule}, {@code GmmModule} with
 * {@code GmmObjective}, {@code LstmModule} with {@code LstmObjective}, {@code BaModule} with {@code
 * BaObjective} and {@code BaResidual}, {@code HtModule} with {@code HandModel}, {@code HandPose}
 * and {@code HandObjective}, {@code ParticleModule} and {@code SaddleModule} with {@code Descent}).
 */
package dev.ad4j.gradbench;
