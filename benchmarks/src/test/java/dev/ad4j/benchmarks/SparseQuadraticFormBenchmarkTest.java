package dev.ad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.benchmarks.SparseQuadraticFormBenchmark.Pattern;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every method of {@link SparseQuadraticFormBenchmark} computes the same value and gradient under
 * each activity pattern, so the timings compare like with like.
 */
class SparseQuadraticFormBenchmarkTest {
  private static final Blackhole BH =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is"
              + " dangerous.");

  @ParameterizedTest
  @EnumSource(Pattern.class)
  void everyMethod_agreesWithTheHandWrittenBaseline(Pattern pattern) {
    SparseQuadraticFormBenchmark b = fixture(pattern);
    double value = b.primal();
    b.handGradient(BH);
    double[] hand = b.dx.clone();
    double[] handP = b.dP == null ? null : b.dP.clone();

    assertEquals(value, b.ad4jAllConst().value(), 1e-9 * Math.abs(value));
    assertEquals(value, b.ad4jGradient(BH), 1e-9 * Math.abs(value));
    assertArrayEquals(hand, b.dx, 1e-12);
    assertArrayEquals(handP, b.dP, 1e-12);
    assertEquals(value, b.ad4jGradientTimes(BH), 1e-9 * Math.abs(value));
    assertArrayEquals(hand, b.dx, 1e-12);
    assertArrayEquals(handP, b.dP, 1e-12);
  }

  @ParameterizedTest
  @EnumSource(
      value = Pattern.class,
      names = {"PATTERN_CONST", "DOUBLE_CONST"})
  void gradientOfCapturedConstMatrix_matchesTheAnnotatedForm(Pattern pattern) {
    SparseQuadraticFormBenchmark b = fixture(pattern);
    b.handGradient(BH);
    double[] g = Autodiff.gradient(x -> Linalg.dot(x, b.matrix, x), b.x);
    assertArrayEquals(b.dx, g, 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Pattern.class)
  void handGradient_isTheGradientOfThePrimal(Pattern pattern) {
    SparseQuadraticFormBenchmark b = fixture(pattern);
    b.handGradient(BH);
    double h = 1e-6;
    for (int i = 0; i < b.n; i += 97) {
      double xi = b.x[i];
      b.x[i] = xi + h;
      double plus = b.primal();
      b.x[i] = xi - h;
      double minus = b.primal();
      b.x[i] = xi;
      assertEquals((plus - minus) / (2 * h), b.dx[i], 1e-6);
    }
  }

  private static SparseQuadraticFormBenchmark fixture(Pattern pattern) {
    SparseQuadraticFormBenchmark b = new SparseQuadraticFormBenchmark();
    b.n = 1000;
    b.p = pattern;
    b.setUp();
    return b;
  }
}
