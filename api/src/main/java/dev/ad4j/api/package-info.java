/**
 * The ad4j interface for users and rule authors: activity tags, values, the rule SPI and the
 * exceptions. Rule authors depend on this module only; the engine implements {@link
 * dev.ad4j.api.Trace}.
 *
 * <h2>The activity contract</h2>
 *
 * <p>Every argument of a differentiated function and of a rule carries an {@link
 * dev.ad4j.api.Activity}:
 *
 * <ul>
 *   <li><b>Const</b>: no derivative is read, computed, stored or returned for it. A rule never
 *       touches a Const argument's shadow (asking for it throws) and never writes its primal.
 *   <li><b>Active</b> (scalars): reverse mode returns its adjoint; a rule adds to it with {@code
 *       addAdjoint}.
 *   <li><b>Duplicated</b> (arrays, matrices): the shadow has the primal's shape. Reverse mode
 *       <em>adds</em> into it ({@code +=}, never {@code =}); forward mode reads the tangent from
 *       it.
 *   <li><b>DuplicatedNoNeed</b>: as Duplicated, and the caller gives up the primal: it counts as
 *       overwritten ({@link dev.ad4j.api.Config#overwritten(int)}).
 * </ul>
 *
 * <p>Activity flows: a value computed from at least one active input is active, everything else is
 * constant and costs nothing beyond its primal ({@link dev.ad4j.api.Dispatch} decides this, in one
 * place). Boolean and integer sparse matrices are always constant.
 *
 * <h2>Aliasing</h2>
 *
 * A primal and its own shadow must be different arrays (checked). Two Duplicated arguments may
 * share one shadow array: both adjoints are added into it. Rules must not keep references to
 * shadows after returning.
 *
 * <h2>Failure</h2>
 *
 * If differentiation fails (bad input, a rule throws, an unsupported combination), the caller's
 * shadows and inputs are left exactly as they were: engines accumulate into their own buffers and
 * add into the caller's shadows only after the whole sweep succeeded.
 */
package dev.ad4j.api;
