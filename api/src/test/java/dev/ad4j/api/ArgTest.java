package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgTest {
  private static String refused(Activity activity, Object primal, double[] shadow) {
    return assertThrows(IllegalArgumentException.class, () -> Arg.of(activity, primal, shadow))
        .getMessage();
  }

  @Test
  void typedFactories_carryActivityPrimalAndShadow() {
    double[] v = {1, 2};
    double[] dv = new double[2];
    Arg<Vec> a = Arg.duplicated(v, dv);
    assertEquals(Activity.DUPLICATED, a.activity());
    assertSame(v, a.primal());
    assertSame(dv, a.shadow());
    assertEquals(ValueKind.VECTOR, a.kind());
    assertEquals(Activity.ACTIVE, Arg.active(2.0).activity());
    assertEquals(Activity.CONST, Arg.constant(DenseMatrix.wrap(1, 1, new double[1])).activity());
    assertEquals("Vec(2) DuplicatedNoNeed", Arg.duplicatedNoNeed(v, dv).describe());
  }

  @Test
  void activeOnAnArray_isRefusedWithTheFix() {
    String m = refused(Activity.ACTIVE, new double[3], null);
    assertTrue(m.contains("Active is for immutable scalars"), m);
    assertTrue(m.contains("Vec(3)"), m);
    assertTrue(m.contains("duplicated(x, dx)"), m);
  }

  @Test
  void duplicatedOnAScalar_isRefusedWithTheFix() {
    String m = refused(Activity.DUPLICATED, 1.0, new double[1]);
    assertTrue(m.contains("a scalar is immutable, so use active(x)"), m);
  }

  @Test
  void shadowOfTheWrongLength_isRefusedNamingBothLengths() {
    String m =
        assertThrows(
                IllegalArgumentException.class, () -> Arg.duplicated(new double[3], new double[2]))
            .getMessage();
    assertTrue(m.contains("has length 2 but must have 3"), m);
  }

  @Test
  void sparseShadow_mustHaveOneEntryPerStoredElement() {
    SparseMatrix a =
        SparseMatrix.ofDoubles(3, 3, new int[] {0, 2}, new int[] {1, 2}, new double[] {1, 2});
    String m =
        assertThrows(IllegalArgumentException.class, () -> Arg.duplicated(a, new double[9]))
            .getMessage();
    assertTrue(m.contains("one entry per stored element"), m);
    assertEquals(2, Arg.duplicated(a, new double[2]).shadow().length);
  }

  @Test
  void primalAliasedWithItsShadow_isRefused() {
    double[] v = {1, 2};
    String m =
        assertThrows(IllegalArgumentException.class, () -> Arg.duplicated(v, v)).getMessage();
    assertTrue(m.contains("same array as its primal"), m);
    DenseMatrix d = DenseMatrix.wrap(1, 2, v);
    assertThrows(IllegalArgumentException.class, () -> Arg.duplicated(d, v));
  }

  @Test
  void booleanAndIntegerSparseMatrices_cannotBeDuplicated() {
    SparseMatrix p = SparseMatrix.pattern(2, 2, new int[] {0, 1}, new int[] {0, 1});
    String m =
        assertThrows(IllegalArgumentException.class, () -> Arg.duplicated(p, new double[2]))
            .getMessage();
    assertTrue(m.contains("SparseMatrix(PATTERN, 2x2, nnz=2)"), m);
    assertTrue(m.contains("constant("), m);
    SparseMatrix i = SparseMatrix.ofIntegers(2, 2, new int[] {0}, new int[] {1}, new int[] {7});
    assertThrows(IllegalArgumentException.class, () -> Arg.duplicatedNoNeed(i, new double[1]));
    assertEquals(Activity.CONST, Arg.constant(p).activity());
  }

  @Test
  void nullsAndForeignTypes_areRefused() {
    assertTrue(refused(Activity.CONST, null, null).contains("null"));
    assertTrue(refused(Activity.CONST, "text", null).contains("unsupported argument type String"));
    assertTrue(refused(Activity.DUPLICATED, new double[2], null).contains("needs a shadow"));
    assertTrue(refused(Activity.CONST, new double[2], new double[2]).contains("has no shadow"));
  }

  @Test
  void activeScalarTangent_isOptional() {
    assertTrue(Arg.active(1.0, 0.5).hasTangent());
    assertEquals(0.5, Arg.active(1.0, 0.5).tangent());
    assertTrue(!Arg.active(1.0).hasTangent());
  }

  @Test
  void batchDuplicated_carriesOneShadowPerDirection() {
    double[] v = {1, 2};
    double[] d0 = {1, 0};
    double[] d1 = {0, 1};
    Arg<Vec> a = Arg.batchDuplicated(v, d0, d1);
    assertEquals(Activity.BATCH_DUPLICATED, a.activity());
    assertEquals(2, a.width());
    assertSame(d1, a.shadow(1));
    assertEquals("Vec(2) BatchDuplicated(2)", a.describe());
    assertEquals(1, Arg.duplicated(v, d0).width());
    assertEquals(0, Arg.constant(v).width());
    assertEquals(0, Arg.active(1.0).width());
    Arg<Scalar> s = Arg.batchActive(1.0, 0.5, -2.0);
    assertEquals(2, s.width());
    assertEquals(-2.0, s.tangent(1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.tangent(2));
  }

  @Test
  void batchDuplicated_badShadows_areRefusedWithTheFix() {
    double[] v = {1, 2};
    String none =
        assertThrows(IllegalArgumentException.class, () -> Arg.batchDuplicated(v)).getMessage();
    assertTrue(none.contains("at least one shadow"), none);
    String shortLane =
        assertThrows(
                IllegalArgumentException.class,
                () -> Arg.batchDuplicated(v, new double[2], new double[3]))
            .getMessage();
    assertTrue(shortLane.contains("has length 3 but must have 2"), shortLane);
    String aliased =
        assertThrows(IllegalArgumentException.class, () -> Arg.batchDuplicated(v, new double[2], v))
            .getMessage();
    assertTrue(aliased.contains("same array as its primal"), aliased);
    String pattern =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Arg.batchDuplicated(
                        SparseMatrix.pattern(1, 1, new int[] {0}, new int[] {0}), new double[1]))
            .getMessage();
    assertTrue(pattern.contains("pass it as constant(..)"), pattern);
    String noTangent =
        assertThrows(IllegalArgumentException.class, () -> Arg.batchActive(1.0)).getMessage();
    assertTrue(noTangent.contains("at least one tangent"), noTangent);
  }
}
