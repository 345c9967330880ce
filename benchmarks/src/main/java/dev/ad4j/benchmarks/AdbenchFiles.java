package dev.ad4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads an ADBench instance file from the classpath as the flat list of its numbers. */
final class AdbenchFiles {
  private AdbenchFiles() {}

  /**
   * Every whitespace-separated number of the resource, in file order.
   *
   * @param resource an absolute classpath name, e.g. {@code /adbench/data/lstm/lstm_l2_c1024.txt}
   * @throws IllegalArgumentException if there is no such resource
   */
  static double[] numbers(String resource) {
    try (InputStream in = AdbenchFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no classpath resource " + resource + "; the ADBench files live in src/main/resources");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      return Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
