package dev.ad4j.api;

/**
 * A derivative rule for one function: a forward body, and an augmented primal with its reverse.
 *
 * <p>Each body receives every argument with its {@link Activity} in {@link Args} and computes only
 * what the non-{@code Const} arguments need. The model body, for {@code out = dot(x, y)}:
 *
 * <pre>{@code
 * public void reverse(Config config, Args args, Output out, Void saved) {
 *   VecArg x = args.vec(0), y = args.vec(1);
 *   double g = out.scalarAdjoint();
 *   if (!x.isConst()) addScaled(g, y.primal(), x.shadow()); // x̄ += ḡ·y
 *   if (!y.isConst()) addScaled(g, x.primal(), y.shadow()); // ȳ += ḡ·x
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #forward}: set the primal with {@code out.primal(..)} (when {@link
 *       Config#needsPrimal()}) and, when {@link Config#needsShadow()}, one tangent per lane with
 *       {@code out.tangent(lane, ..)}, computed from the shadows of the non-{@code Const}
 *       arguments.
 *   <li>{@link #augmentedPrimal}: set the primal and return what {@link #reverse} needs (the rule's
 *       own tape: a copy of an input that {@link Config#overwritten(int)} says may change, a
 *       factorisation, ...), or null. Save nothing that only a {@code Const} argument's derivative
 *       would need.
 *   <li>{@link #reverse}: read {@code out.scalarAdjoint()} or {@code out.adjoint()} and
 *       <em>add</em> into each non-{@code Const} argument: {@code shadow()[i] += ..} for arrays,
 *       {@code addAdjoint(..)} for scalars. Never assign, never touch a {@code Const} argument.
 *   <li>A combination the rule does not handle: declare it in {@link #support()} so the engine
 *       rejects it before any work, or throw {@link UnsupportedActivityException#of}.
 *   <li>The all-{@code Const} combination is always supported: it is the plain primal.
 * </ul>
 *
 * @param <S> what the augmented primal saves for the reverse pass ({@code Void} for nothing)
 */
public interface Rule<S> {
  /** The function's name, used in every message about this rule. */
  String name();

  /** The activity combinations this rule supports in each mode; by default all of them. */
  default Support support() {
    return Support.all();
  }

  /** Forward mode: the primal and the tangent of the output. */
  void forward(Config config, Args args, Output out);

  /** Reverse mode, first half: the primal, and what the reverse half needs. */
  S augmentedPrimal(Config config, Args args, Output out);

  /** Reverse mode, second half: adds the adjoints of the non-{@code Const} arguments. */
  void reverse(Config config, Args args, Output out, S saved);
}
