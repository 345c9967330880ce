package dev.ad4j.api;

/**
 * A rule that can be nested: differentiated in forward mode over its own reverse pass, which is how
 * Hessian-vector products are computed. A plain {@link Rule} is first-order only and refuses
 * nesting with {@link UnsupportedActivityException}.
 *
 * <h2>What the extra body adds</h2>
 *
 * {@link #reverse} maps the output adjoint ȳ to x̄ₖ += Jₖ(x)ᵀ·ȳ. Along a forward direction, where
 * the arguments move with tangents ẋ and the output adjoint with tangent ȳ̇, the adjoints move with
 *
 * <pre>
 *   (x̄ₖ)˙ = Jₖ(x)ᵀ·ȳ̇  +  Σⱼ ∂(Jₖ(x)ᵀ·ȳ)/∂xⱼ · ẋⱼ
 * </pre>
 *
 * The engine gets the first term by calling {@link #reverse} again with ȳ̇ as the seed; {@link
 * #reverseSecondOrder} adds the second. For a rule linear in each argument separately (sums,
 * products of two arguments) the second term only couples the arguments: for y = A·x it is Ȧᵀ·ȳ for
 * x and ȳ·ẋᵀ for A. For an elementwise y = f(x) it is f″(x)·ẋ·ȳ.
 *
 * <pre>{@code
 * // y = x·x̃ (dot): x̄ += ȳ·x̃, so (x̄)˙ gains ȳ·(x̃)˙, and symmetrically.
 * public void reverseSecondOrder(Config config, Args adjointTangents, Args tangents, Output out,
 *     Void saved) {
 *   double g = out.scalarAdjoint();
 *   VecArg x = adjointTangents.vec(0), y = adjointTangents.vec(1);
 *   if (!x.isConst() && !y.isConst()) {
 *     addScaled(g, tangents.vec(1).shadow(), x.shadow());
 *     addScaled(g, tangents.vec(0).shadow(), y.shadow());
 *   }
 * }
 * }</pre>
 *
 * @param <S> what the augmented primal saves, as for {@link Rule}
 */
public interface SecondOrderRule<S> extends Rule<S> {
  /**
   * Adds Σⱼ ∂(Jₖᵀ·ȳ)/∂xⱼ · ẋⱼ into each non-{@code Const} argument of {@code adjointTangents}
   * ({@code shadow()} for arrays, {@code addAdjoint} for scalars).
   *
   * @param config as for {@link #reverse}
   * @param adjointTangents the arguments, with the adjoint tangents as shadows. Modified: add only.
   * @param tangents the same arguments in forward view: the primal tangents ẋ as {@code shadow(0)}
   *     and {@code tangent(0)} (for arguments that are not {@code Const}). Not modified.
   * @param out the output, its adjoint ȳ seeded
   * @param saved what {@link #augmentedPrimal} returned
   */
  void reverseSecondOrder(Config config, Args adjointTangents, Args tangents, Output out, S saved);
}
