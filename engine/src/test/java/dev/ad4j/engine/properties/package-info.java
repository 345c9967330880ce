/**
 * Property-based tests of the engine on random programs over the built-in rules, run by ad4j's own
 * seeded {@link dev.ad4j.engine.properties.Trials} (see there why not jqwik).
 *
 * <p>A program is a typed expression tree {@code f(x, A, c)} of a vector x (length 2–4), an n×n
 * matrix A (dense, or sparse with double values) and a scalar c:
 *
 * <ul>
 *   <li>{@link dev.ad4j.engine.properties.ScalarExpr}, {@link dev.ad4j.engine.properties.VecExpr},
 *       {@link dev.ad4j.engine.properties.MatExpr}: the nodes, each printing as the code it runs;
 *   <li>{@link dev.ad4j.engine.properties.UnaryOp}, {@link dev.ad4j.engine.properties.BinaryOp},
 *       {@link dev.ad4j.engine.properties.Reduction}: scalar functions with their domain guards,
 *       and vector reductions;
 *   <li>{@link dev.ad4j.engine.properties.ProgramGenerator}, {@link
 *       dev.ad4j.engine.properties.Cases}: the generators, from a seeded random source;
 *   <li>{@link dev.ad4j.engine.properties.Case}, {@link dev.ad4j.engine.properties.Runs}: a case
 *       (program, point, activities, direction) and how it is run: reverse, forward, on constants.
 * </ul>
 *
 * <p>The properties: {@code GradientAgreementPropertyTest} (reverse = forward = finite
 * differences), {@code ShadowContractPropertyTest} (nothing but shadows is written; shadows only
 * receive +=), {@code DeterminismPropertyTest} (reruns give identical bits), {@code
 * HessianVectorPropertyTest} (forward over reverse = differences of gradients). Every property has
 * a fixed seed.
 */
package dev.ad4j.engine.properties;
