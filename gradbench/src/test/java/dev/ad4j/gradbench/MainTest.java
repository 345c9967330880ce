package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void main_answersOnStandardOutputOnlyAndPointsSystemOutAtStandardError() {
    InputStream savedIn = System.in;
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String messages =
        "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}\n"
            + "{\"id\":1,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\","
            + "\"input\":\"not a number\"}\n";
    try {
      System.setIn(new ByteArrayInputStream(messages.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      Main.main(new String[0]);
      System.out.println("stray");
    } finally {
      System.setIn(savedIn);
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    assertEquals(
        "{\"id\":0,\"tool\":\"ad4j\"}\n"
            + "{\"id\":1,\"success\":false,"
            + "\"error\":\"JsonException: hello: the input must be a number\"}\n",
        out.toString(StandardCharsets.UTF_8));
    String log = err.toString(StandardCharsets.UTF_8);
    assertEquals(true, log.contains("evaluate 1 failed") && log.endsWith("stray\n"), log);
  }
}
