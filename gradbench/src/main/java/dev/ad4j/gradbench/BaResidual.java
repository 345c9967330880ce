package dev.ad4j.gradbench;

import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Scalars;

/**
 * One bundle-adjustment observation as ad4j scalar code, the function whose 3×15 Jacobian {@link
 * BaObjective#jacobian()} asks ad4j for: q = [camera (11), point X (3), weight w] ↦ [w·(f·d(u) + x0
 * − feature) (2), 1 − w²].
 *
 * <p>The camera is [r (3, angle-axis), C (3, centre), f, x0 (2, principal point), κ (2, radial)]; u
 * is the perspective division of R(r)·(X − C) with Rodrigues' rotation, and d(u) = u·(1 + κ₁‖u‖² +
 * κ₂‖u‖⁴). The rotation takes ADBench's two branches: the Rodrigues formula when ‖r‖² ≠ 0,
 * otherwise its first-order form X' = Xo + r × Xo. {@link BaObjective} holds the same formulas in
 * plain Java for the undifferentiated objective.
 */
final class BaResidual {
  /**
   * The length of q: 11 camera parameters, 3 point coordinates, the weight, and the feature (2), an
   * input so one recording serves every observation (its two Jacobian columns are not used).
   */
  static final int INPUTS = BaObjective.CAMERA + 3 + 1 + 2;

  /** The number of parameters an observation's residuals depend on (the Jacobian block's width). */
  static final int PARAMETERS = BaObjective.CAMERA + 3 + 1;

  private BaResidual() {}

  /** The residuals [reprojection x, reprojection y, weight] at q. */
  static Vec apply(Vec q) {
    Scalar featureX = q.get(15);
    Scalar featureY = q.get(16);
    Scalar[] rot = {q.get(0), q.get(1), q.get(2)};
    Scalar[] xo = new Scalar[3];
    for (int i = 0; i < 3; i++) {
      xo[i] = q.get(11 + i).minus(q.get(3 + i));
    }
    Scalar[] xcam = rotate(rot, xo);
    Scalar u = xcam[0].div(xcam[2]);
    Scalar v = xcam[1].div(xcam[2]);
    Scalar rsq = u.square().plus(v.square());
    Scalar distortion = q.get(9).times(rsq).plus(q.get(10).times(rsq.square())).plus(1);
    Scalar focal = q.get(6);
    Scalar w = q.get(14);
    Scalar ex = u.times(distortion).times(focal).plus(q.get(7)).minus(featureX).times(w);
    Scalar ey = v.times(distortion).times(focal).plus(q.get(8)).minus(featureY).times(w);
    return Vec.of(ex, ey, w.square().negate().plus(1));
  }

  /** R(r)·p by Rodrigues: p cos θ + (n × p) sin θ + n (n·p)(1 − cos θ), n = r/θ, θ = ‖r‖. */
  private static Scalar[] rotate(Scalar[] r, Scalar[] p) {
    Scalar sqtheta = r[0].square().plus(r[1].square()).plus(r[2].square());
    if (!sqtheta.greaterThan(0)) { // a comparison of Scalars: replay re-records if it flips
      Scalar[] rxp = cross(r, p);
      return new Scalar[] {p[0].plus(rxp[0]), p[1].plus(rxp[1]), p[2].plus(rxp[2])};
    }
    Scalar theta = Scalars.sqrt(sqtheta);
    Scalar cos = Scalars.cos(theta);
    Scalar sin = Scalars.sin(theta);
    Scalar[] n = new Scalar[3];
    for (int i = 0; i < 3; i++) {
      n[i] = r[i].div(theta);
    }
    Scalar[] nxp = cross(n, p);
    Scalar along = n[0].times(p[0]).plus(n[1].times(p[1])).plus(n[2].times(p[2]));
    Scalar tmp = along.times(cos.negate().plus(1));
    Scalar[] out = new Scalar[3];
    for (int i = 0; i < 3; i++) {
      out[i] = p[i].times(cos).plus(nxp[i].times(sin)).plus(n[i].times(tmp));
    }
    return out;
  }

  private static Scalar[] cross(Scalar[] a, Scalar[] b) {
    return new Scalar[] {
      a[1].times(b[2]).minus(a[2].times(b[1])),
      a[2].times(b[0]).minus(a[0].times(b[2])),
      a[0].times(b[1]).minus(a[1].times(b[0]))
    };
  }
}
