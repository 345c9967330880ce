package dev.ad4j.engine;

import dev.ad4j.api.Value;
import java.util.List;

/**
 * The result of {@link Autodiff#forward}: the primal and one tangent per direction (the directional
 * derivatives along the given shadows), all as constant values of the function's result type. Width
 * 1 unless the arguments were {@code batchDuplicated}/{@code batchActive}.
 *
 * @param primal the function's value
 * @param tangents the Jacobian-vector product along each direction; for a sparse matrix result, on
 *     its pattern
 */
public record ForwardResult<R extends Value>(R primal, List<R> tangents) {
  /** Keeps an unmodifiable copy of the tangents. */
  public ForwardResult {
    tangents = List.copyOf(tangents);
  }

  /** The tangent of the first (for width 1, the only) direction. */
  public R tangent() {
    return tangents.get(0);
  }

  /** The tangent along direction {@code lane}. */
  public R tangent(int lane) {
    return tangents.get(lane);
  }

  /** The number of directions. */
  public int width() {
    return tangents.size();
  }
}
