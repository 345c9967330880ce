package dev.ad4j.engine;

import dev.ad4j.api.Args;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Mode;
import dev.ad4j.api.Rule;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.RuleContractException;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.VecArg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies of every array behind the {@code Const} array arguments of one rule call (vector values,
 * dense values, and a sparse matrix's row pointers, column indices and values), taken before the
 * body runs so a write into one can be found and undone.
 */
final class ConstSnapshot {
  private record Copy(int position, String what, Object live, Object copy) {}

  private final Args args;
  private final List<Copy> copies;

  private ConstSnapshot(Args args, List<Copy> copies) {
    this.args = args;
    this.copies = copies;
  }

  static ConstSnapshot of(Args args) {
    List<Copy> copies = new ArrayList<>();
    for (int k = 0; k < args.size(); k++) {
      RuleArg a = args.get(k);
      if (!a.isConst()) {
        continue;
      }
      if (a instanceof VecArg v) {
        add(copies, k, "values", v.primal());
      } else if (a instanceof MatArg m) {
        addMatrix(copies, k, m.primal());
      }
    }
    return new ConstSnapshot(args, copies);
  }

  /**
   * Throws if the body wrote into a {@code Const} array, after putting every copied array back as
   * it was.
   */
  void verify(Rule<?> rule, Mode mode) {
    for (Copy c : copies) {
      if (!same(c.live(), c.copy())) {
        restore();
        throw new RuleContractException(
            rule,
            mode,
            "wrote into Const argument "
                + c.position()
                + " ("
                + args.get(c.position()).describe()
                + ", its "
                + c.what()
                + "); a rule must only read Const arguments (the caller's array was restored):"
                + " compute into a new array instead");
      }
    }
  }

  /** Puts every copied array back as it was before the body. */
  void restore() {
    for (Copy c : copies) {
      Object live = c.live();
      System.arraycopy(c.copy(), 0, live, 0, java.lang.reflect.Array.getLength(live));
    }
  }

  private static void addMatrix(List<Copy> copies, int k, Matrix m) {
    if (m instanceof DenseMatrix d) {
      add(copies, k, "values", d.values());
      return;
    }
    SparseMatrix s = (SparseMatrix) m;
    add(copies, k, "row pointers", s.rowPointers());
    add(copies, k, "column indices", s.columnIndices());
    switch (s.kind()) {
      case DOUBLE -> add(copies, k, "values", s.doubleValues());
      case INTEGER -> add(copies, k, "values", s.intValues());
      default -> {}
    }
  }

  private static void add(List<Copy> copies, int k, String what, Object array) {
    Object copy =
        array instanceof double[] d ? d.clone() : array instanceof int[] i ? i.clone() : null;
    if (copy != null) {
      copies.add(new Copy(k, what, array, copy));
    }
  }

  private static boolean same(Object live, Object copy) {
    if (live instanceof double[] d) {
      double[] c = (double[]) copy;
      for (int i = 0; i < d.length; i++) {
        if (Double.doubleToRawLongBits(d[i]) != Double.doubleToRawLongBits(c[i])) {
          return false;
        }
      }
      return true;
    }
    return Arrays.equals((int[]) live, (int[]) copy);
  }
}
