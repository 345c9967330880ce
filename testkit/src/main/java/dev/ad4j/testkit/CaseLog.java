package dev.ad4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends every checked case to the file named by the system property {@value #PROPERTY}, one
 * tab-separated line per case: rule, argument types, case. Off unless the property is set (the
 * build sets it for its own test runs, so the suite can report how many rule × activity × mode
 * cases it checks). The file is truncated on first use in a JVM.
 */
final class CaseLog {
  static final String PROPERTY = "ad4j.testkit.caseLog";
  private static boolean started;

  private CaseLog() {}

  static synchronized void append(String rule, String argumentTypes, List<String> cases) {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (String c : cases) {
      lines.append(rule).append('\t').append(argumentTypes).append('\t').append(c).append('\n');
    }
    try {
      Path path = Path.of(file);
      Files.createDirectories(path.toAbsolutePath().getParent());
      StandardOpenOption mode =
          started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
      Files.writeString(
          path,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          mode);
      started = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kit's case log " + file, e);
    }
  }
}
