package dev.ad4j.engine;

import dev.ad4j.api.Args;
import dev.ad4j.api.ArrayArg;
import dev.ad4j.api.DenseMatrix;
import dev.ad4j.api.MatArg;
import dev.ad4j.api.Matrix;
import dev.ad4j.api.Output;
import dev.ad4j.api.RuleArg;
import dev.ad4j.api.ScalarArg;
import dev.ad4j.api.SparseMatrix;
import dev.ad4j.api.ValueKind;
import dev.ad4j.api.VecArg;

/** Scans of rule arguments and outputs for non-finite numbers, for {@link RuleChecks}. */
final class Finite {
  private Finite() {}

  /** Whether every primal number of {@code args} is finite. */
  static boolean primals(Args args) {
    for (int k = 0; k < args.size(); k++) {
      RuleArg a = args.get(k);
      if (a instanceof ScalarArg s ? !Double.isFinite(s.primal()) : !allFinite(valuesOf(a))) {
        return false;
      }
    }
    return true;
  }

  /** Whether every tangent of the non-{@code Const} arguments is finite in all lanes. */
  static boolean tangents(Args args, int width) {
    for (int k = 0; k < args.size(); k++) {
      RuleArg a = args.get(k);
      for (int lane = 0; lane < width && !a.isConst(); lane++) {
        boolean finite =
            a instanceof ScalarArg s
                ? Double.isFinite(s.tangent(lane))
                : allFinite(((ArrayArg) a).shadow(lane));
        if (!finite) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the seeded adjoint of {@code out} is finite. */
  static boolean outputAdjoint(Output out) {
    return out.kind() == ValueKind.SCALAR
        ? Double.isFinite(out.scalarAdjoint())
        : allFinite(out.adjoint());
  }

  /** The primal numbers of {@code out} (null for a boolean or integer matrix). */
  static double[] primalOf(Output out) {
    return switch (out.kind()) {
      case SCALAR -> new double[] {out.scalarPrimal()};
      case VECTOR -> out.vectorPrimal();
      default -> valuesOf(out.matrixPrimal());
    };
  }

  static boolean hasNaN(double[] values) {
    if (values != null) {
      for (double v : values) {
        if (Double.isNaN(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean allFinite(double[] values) {
    if (values != null) {
      for (double v : values) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double[] valuesOf(RuleArg a) {
    return a instanceof VecArg v ? v.primal() : valuesOf(((MatArg) a).primal());
  }

  private static double[] valuesOf(Matrix m) {
    if (m instanceof DenseMatrix d) {
      return d.values();
    }
    SparseMatrix s = (SparseMatrix) m;
    return s.isDifferentiable() ? s.doubleValues() : null;
  }
}
