package dev.ad4j.engine.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Copies of a caller's arrays, to assert afterwards that not one bit of them changed. */
final class Unchanged {
  private final double[][] live;
  private final long[][] bits;

  private Unchanged(double[][] live) {
    this.live = live;
    this.bits = new long[live.length][];
    for (int a = 0; a < live.length; a++) {
      bits[a] = bitsOf(live[a]);
    }
  }

  /** Remembers the current bits of each array. */
  static Unchanged of(double[]... arrays) {
    return new Unchanged(arrays);
  }

  /** Fails naming the array and element whose bits differ from when {@link #of} was called. */
  void verify() {
    for (int a = 0; a < live.length; a++) {
      long[] now = bitsOf(live[a]);
      assertEquals(bits[a].length, now.length, "array " + a + " changed length");
      for (int i = 0; i < now.length; i++) {
        assertEquals(bits[a][i], now[i], "array " + a + " element " + i + " changed");
      }
    }
  }

  private static long[] bitsOf(double[] v) {
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToRawLongBits(v[i]);
    }
    return b;
  }
}
