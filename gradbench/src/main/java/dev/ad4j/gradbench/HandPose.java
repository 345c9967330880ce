package dev.ad4j.gradbench;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;
import dev.ad4j.rules.Scalars;

/**
 * The rotations of ADBench's hand pose, in ad4j scalar code: which pose parameters drive which bone
 * (ADBench's {@code to_pose_params}), each bone's Euler rotation, and the global angle-axis
 * rotation.
 */
final class HandPose {
  private static final Scalar ZERO = Scalar.constant(0);
  private static final Scalar ONE = Scalar.constant(1);

  private HandPose() {}

  /**
   * Bone i's pose as the 4×4 matrix [R 0; 0 1], R = R_z(a₁)·R_y(a₂)·R_x(a₀) of its angles a
   * (ADBench stores them x, z, y). Finger f (0 … 4) drives bone 2 + 4f with θ[6 + 4f] (a₀) and θ[7
   * + 4f] (a₁), bones 3 + 4f and 4 + 4f with θ[8 + 4f] and θ[9 + 4f] (a₀); every other angle is 0.
   */
  static Mat boneRotation(Vec theta, int bone) {
    Scalar[] a = {ZERO, ZERO, ZERO};
    int finger = (bone - 2) / 4;
    int joint = (bone - 2) % 4;
    if (bone >= 2 && finger < 5 && joint < 3) {
      int first = 6 + 4 * finger;
      a[0] = theta.get(joint == 0 ? first : first + 1 + joint);
      if (joint == 0) {
        a[1] = theta.get(first + 1);
      }
    }
    Scalar cx = Scalars.cos(a[0]);
    Scalar sx = Scalars.sin(a[0]);
    Scalar cy = Scalars.cos(a[2]);
    Scalar sy = Scalars.sin(a[2]);
    Scalar cz = Scalars.cos(a[1]);
    Scalar sz = Scalars.sin(a[1]);
    Scalar sysx = sy.times(sx);
    Scalar sycx = sy.times(cx);
    return HandObjective.matrix(
        4,
        cz.times(cy),
        cz.times(sysx).minus(sz.times(cx)),
        cz.times(sycx).plus(sz.times(sx)),
        ZERO,
        sz.times(cy),
        sz.times(sysx).plus(cz.times(cx)),
        sz.times(sycx).minus(cz.times(sx)),
        ZERO,
        sy.negate(),
        cy.times(sx),
        cy.times(cx),
        ZERO,
        ZERO,
        ZERO,
        ZERO,
        ONE);
  }

  /**
   * (R·M)ᵀ, 3×3: R the rotation by the angle-axis vector θ[0..2] (the identity when its norm is
   * below 10⁻⁴, as in ADBench), M = diag(−1, 1, 1) for a mirrored model, else the identity.
   * Multiplying a v×3 row-major block of vertices by it rotates every vertex.
   */
  static Mat globalRotationTransposed(Vec theta, boolean mirrored) {
    Scalar[] r = new Scalar[9];
    Scalar a0 = theta.get(0);
    Scalar a1 = theta.get(1);
    Scalar a2 = theta.get(2);
    Scalar norm = Scalars.sqrt(a0.square().plus(a1.square()).plus(a2.square()));
    if (norm.value() < 1e-4) {
      r = new Scalar[] {ONE, ZERO, ZERO, ZERO, ONE, ZERO, ZERO, ZERO, ONE};
    } else {
      Scalar x = a0.div(norm);
      Scalar y = a1.div(norm);
      Scalar z = a2.div(norm);
      Scalar s = Scalars.sin(norm);
      Scalar c = Scalars.cos(norm);
      Scalar oneMinusC = c.negate().plus(1);
      r[0] = x.square().plus(x.square().negate().plus(1).times(c));
      r[1] = x.times(y).times(oneMinusC).minus(z.times(s));
      r[2] = x.times(z).times(oneMinusC).plus(y.times(s));
      r[3] = x.times(y).times(oneMinusC).plus(z.times(s));
      r[4] = y.square().plus(y.square().negate().plus(1).times(c));
      r[5] = y.times(z).times(oneMinusC).minus(x.times(s));
      r[6] = x.times(z).times(oneMinusC).minus(y.times(s));
      r[7] = z.times(y).times(oneMinusC).plus(x.times(s));
      r[8] = z.square().plus(z.square().negate().plus(1).times(c));
    }
    Scalar[] g = new Scalar[9];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        Scalar entry = r[3 * col + row];
        g[3 * row + col] = mirrored && row == 0 ? entry.negate() : entry;
      }
    }
    return HandObjective.matrix(3, g);
  }
}
