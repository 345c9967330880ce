package dev.ad4j.rules;

import dev.ad4j.api.Args;
import dev.ad4j.api.Config;
import dev.ad4j.api.Output;
import dev.ad4j.api.VecArg;
import java.util.Arrays;

/** Contiguous blocks of vectors for {@link Indexing}: a slice, and the concatenation of vectors. */
final class VectorBlocks {
  private VectorBlocks() {}

  /** Throws unless {@code 0 <= from <= to}. */
  static void checkRange(String rule, int from, int to) {
    if (from < 0) {
      throw new IllegalArgumentException(rule + ": from = " + from + " is negative");
    }
    if (to < from) {
      throw new IllegalArgumentException(rule + ": to = " + to + " is less than from = " + from);
    }
  }

  /** y = x[from, to): y_i = x[from + i], so x̄[from + i] += ȳ_i. */
  static final class Slice extends Linear {
    private final int from;
    private final int to;

    Slice(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public String name() {
      return "slice(x, " + from + ":" + to + ")";
    }

    @Override
    double[] primal(Args args) {
      double[] x = args.vec(0).primal();
      if (to > x.length) {
        throw Shapes.error(name(), "to = " + to + " is beyond x of length " + x.length);
      }
      return Arrays.copyOfRange(x, from, to);
    }

    @Override
    double[] tangent(Args args, int lane) {
      VecArg x = args.vec(0);
      return x.isConst()
          ? new double[to - from]
          : Arrays.copyOfRange(x.shadow(lane), from, to); // ẏ_i = ẋ[from + i]
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      VecArg x = args.vec(0);
      if (!x.isConst()) {
        double[] g = out.adjoint();
        double[] dx = x.shadow();
        for (int i = 0; i < g.length; i++) {
          dx[from + i] += g[i]; // x̄[from + i] += ȳ_i
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Slice s && s.from == from && s.to == to;
    }

    @Override
    public int hashCode() {
      return 31 * from + to;
    }
  }

  /** z = [x_1; ...; x_count]: block j of z̄ is x̄_j's adjoint. */
  static final class Concat extends Linear {
    private final int count;

    Concat(int count) {
      this.count = count;
    }

    @Override
    public String name() {
      return count == 2 ? "concat(x, y)" : "concat(" + count + " vectors)";
    }

    @Override
    double[] primal(Args args) {
      if (args.size() != count) {
        throw Shapes.error(name(), "expects " + count + " vectors but got " + args.size());
      }
      double[] z = new double[totalLength(args)];
      for (int j = 0, at = 0; j < count; at += args.vec(j).size(), j++) {
        double[] x = args.vec(j).primal();
        System.arraycopy(x, 0, z, at, x.length);
      }
      return z;
    }

    @Override
    double[] tangent(Args args, int lane) {
      double[] t = new double[totalLength(args)];
      for (int j = 0, at = 0; j < count; at += args.vec(j).size(), j++) {
        VecArg x = args.vec(j);
        if (!x.isConst()) {
          System.arraycopy(x.shadow(lane), 0, t, at, x.size()); // ż block j = ẋ_j
        }
      }
      return t;
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      double[] g = out.adjoint();
      for (int j = 0, at = 0; j < count; at += args.vec(j).size(), j++) {
        VecArg x = args.vec(j);
        if (!x.isConst()) {
          double[] dx = x.shadow();
          for (int i = 0; i < dx.length; i++) {
            dx[i] += g[at + i]; // x̄_j += z̄ block j
          }
        }
      }
    }

    private int totalLength(Args args) {
      int n = 0;
      for (int j = 0; j < count; j++) {
        n += args.vec(j).size();
      }
      return n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Concat c && c.count == count;
    }

    @Override
    public int hashCode() {
      return count;
    }
  }
}
