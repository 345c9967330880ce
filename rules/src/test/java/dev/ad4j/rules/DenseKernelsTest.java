package dev.ad4j.rules;

import static dev.ad4j.rules.RuleCalls.plus;
import static dev.ad4j.rules.RuleCalls.random;
import static dev.ad4j.rules.RuleCalls.times;
import static dev.ad4j.rules.RuleCalls.transposeTimes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.api.DenseMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseKernelsTest {
  private static final double EPS = 1e-12;
  private final Random random = new Random(23);
  private final DenseMatrix a = DenseMatrix.wrap(3, 4, random(random, 12));

  @Test
  void vectorKernels_matchClosedForms() {
    double[] x = {1, 2, 3};
    double[] y = {4, 5, 6};
    assertEquals(32.0, DenseKernels.dot(x, y));
    assertEquals(6.0, DenseKernels.sum(x));
    double[] z = {1, 1, 1};
    DenseKernels.addScaled(2.0, x, z);
    assertArrayEquals(new double[] {3, 5, 7}, z);
    DenseKernels.addProduct(0.5, x, y, z);
    assertArrayEquals(new double[] {5, 10, 16}, z);
  }

  @Test
  void multAddAndMultTransAdd_accumulateProducts() {
    double[] x = random(random, 4);
    double[] y = random(random, 3);
    double[] expected = plus(y, 2.0, times(a.toArray(), x));
    DenseKernels.multAdd(2.0, 3, 4, a.values(), x, y);
    assertArrayEquals(expected, y, EPS);
    double[] u = random(random, 3);
    double[] w = random(random, 4);
    double[] expectedT = plus(w, -1.0, transposeTimes(a.toArray(), u, 4));
    DenseKernels.multTransAdd(-1.0, 3, 4, a.values(), u, w);
    assertArrayEquals(expectedT, w, EPS);
  }

  @Test
  void bilinearAddProducts_returnsFormAndAddsBothProducts() {
    double[] x = random(random, 3);
    double[] y = random(random, 4);
    double[] ay = new double[3];
    double[] atx = new double[4];
    double value = DenseKernels.bilinearAddProducts(x, 3, 4, a.values(), y, ay, atx);
    assertEquals(RuleCalls.dot(x, times(a.toArray(), y)), value, EPS);
    assertEquals(value, DenseKernels.bilinear(x, 3, 4, a.values(), y), EPS);
    assertArrayEquals(times(a.toArray(), y), ay, EPS);
    assertArrayEquals(transposeTimes(a.toArray(), x, 4), atx, EPS);
  }

  @Test
  void addOuter_addsAlphaXiYjRowMajor() {
    double[] da = {1, 1, 1, 1, 1, 1};
    DenseKernels.addOuter(2.0, new double[] {1, -1}, new double[] {1, 2, 3}, da);
    assertArrayEquals(new double[] {3, 5, 7, -1, -3, -5}, da);
  }
}
