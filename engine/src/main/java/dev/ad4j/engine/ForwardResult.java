package dev.ad4j.engine;

import dev.ad4j.api.Value;

/**
 * The result of {@link Autodiff#forward}: the primal and its tangent (the directional derivative
 * along the given shadows), both as constant values of the function's result type.
 *
 * @param primal the function's value
 * @param tangent the Jacobian-vector product; for a sparse matrix result, on its pattern
 */
public record ForwardResult<R extends Value>(R primal, R tangent) {}
