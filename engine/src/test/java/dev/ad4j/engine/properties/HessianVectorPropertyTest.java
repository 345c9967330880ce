package dev.ad4j.engine.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.engine.Fn1;
import dev.ad4j.engine.HessianVectorProduct;
import dev.ad4j.rules.Linalg;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hessian-vector products by forward over reverse ({@code Autodiff.hessianVector}) agree with
 * central differences of reverse-mode gradients, on random programs (every built-in rule they use
 * nests). The case's x, A (dense) and c are packed into one vector z = (x, vec A, c); an argument
 * the case marks Const is read from the case instead of z, so its rows of ∇f and Hv are zero.
 *
 * <p>Tolerances as in {@link GradientAgreementPropertyTest}, element by element on the gradient
 * difference G(h) = (∇f(z+hv) − ∇f(z−hv))/2h: Hv must lie within 2|G(h) − G(h/2)| + 1e-6·scale of
 * G(h/2), scale = max(‖∇f‖∞, ‖Hv‖∞, 1e-3); points where the gradient has a kink along v are
 * rejected.
 */
class HessianVectorPropertyTest {
  static final double H = 1e-5;

  @Test
  void hessianVector_equalsCentralDifferenceOfGradients() {
    Trials.forAll(
        7007L,
        300,
        Cases::denseA,
        k -> {
          Fn1<Vec, Scalar> f = packed(k);
          double[] z = point(k);
          double[] v = direction(k);
          HessianVectorProduct r = Autodiff.hessianVector(f, z, v);
          double[] g = Autodiff.gradient(f, z);
          double[] up = Autodiff.gradient(f, Runs.axpy(z, H, v));
          double[] down = Autodiff.gradient(f, Runs.axpy(z, -H, v));
          double[] fineUp = Autodiff.gradient(f, Runs.axpy(z, H / 2, v));
          double[] fineDown = Autodiff.gradient(f, Runs.axpy(z, -H / 2, v));
          Trials.assume(allFinite(r.hessianVector(), g, up, down, fineUp, fineDown));

          double scale =
              Math.max(
                  GradientAgreementPropertyTest.FLOOR,
                  Math.max(maxAbs(g), maxAbs(r.hessianVector())));
          assertArrayEquals(g, r.gradient(), 1e-9 * scale, "gradient of the nested sweep");
          for (int i = 0; i < z.length; i++) {
            double coarse = (up[i] - down[i]) / (2 * H);
            double fine = (fineUp[i] - fineDown[i]) / H;
            double ahead = (up[i] - g[i]) / H;
            double behind = (g[i] - down[i]) / H;
            Trials.assume(
                Math.abs(coarse - fine)
                    <= 1e-3 * Math.max(Math.abs(coarse), Math.abs(fine)) + 1e-6);
            Trials.assume(
                Math.abs(ahead - behind)
                    <= 1e-2 * Math.max(Math.abs(ahead), Math.abs(behind)) + 1e-6);
            double bound = 2 * Math.abs(coarse - fine) + 1e-6 * scale;
            assertTrue(
                Math.abs(r.hessianVector()[i] - fine) <= bound,
                "(Hv)["
                    + i
                    + "] = "
                    + r.hessianVector()[i]
                    + " but the gradient difference is "
                    + fine
                    + " (±"
                    + bound
                    + ")");
          }
        });
  }

  @Test
  void rerunningHessianVector_givesIdenticalBits() {
    Trials.forAll(
        7008L,
        100,
        Cases::denseA,
        k -> {
          HessianVectorProduct r1 = Autodiff.hessianVector(packed(k), point(k), direction(k));
          HessianVectorProduct r2 = Autodiff.hessianVector(packed(k), point(k), direction(k));
          assertEquals(
              Double.doubleToRawLongBits(r1.value()), Double.doubleToRawLongBits(r2.value()));
          assertTrue(Arrays.equals(r1.gradient(), r2.gradient()), "gradient bits differ");
          assertTrue(Arrays.equals(r1.hessianVector(), r2.hessianVector()), "Hv bits differ");
        });
  }

  /** f(z) with z = (x, vec A, c); Const arguments come from the case, not from z. */
  static Fn1<Vec, Scalar> packed(Case k) {
    int n = k.n();
    return z ->
        k.program()
            .eval(
                new Env(
                    k.xActivity().isActive() ? Linalg.slice(z, 0, n) : Vec.constant(k.x()),
                    k.aActivity().isActive()
                        ? Linalg.reshape(Linalg.slice(z, n, n + n * n), n, n)
                        : Mat.constant(k.a()),
                    k.cActive() ? z.get(n + n * n) : Scalar.constant(k.c())));
  }

  static double[] point(Case k) {
    return concat(k.x(), k.aValues(), new double[] {k.c()});
  }

  static double[] direction(Case k) {
    return concat(k.vx(), k.va(), new double[] {k.vc()});
  }

  private static double[] concat(double[] a, double[] b, double[] c) {
    double[] out = Arrays.copyOf(a, a.length + b.length + c.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  private static boolean allFinite(double[]... arrays) {
    return Arrays.stream(arrays).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
  }

  private static double maxAbs(double[] a) {
    return Arrays.stream(a).map(Math::abs).max().orElse(0);
  }
}
