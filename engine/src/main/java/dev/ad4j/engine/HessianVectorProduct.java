package dev.ad4j.engine;

/**
 * The result of {@link Autodiff#hessianVector}: f(x), ∇f(x) and H(x)·v from one
 * forward-over-reverse sweep.
 *
 * @param value f(x)
 * @param gradient ∇f(x)
 * @param hessianVector H(x)·v, the directional derivative of the gradient along v
 */
public record HessianVectorProduct(double value, double[] gradient, double[] hessianVector) {}
