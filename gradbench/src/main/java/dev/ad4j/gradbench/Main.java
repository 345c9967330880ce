package dev.ad4j.gradbench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ad4j GradBench tool: speaks the protocol on standard input and output, logs to standard
 * error. Standard output is reserved for replies: {@code System.out} is pointed at standard error
 * for the whole run, so a stray print anywhere cannot corrupt the stream.
 */
public final class Main {
  private Main() {}

  /** Every eval this tool implements, by module name. */
  public static List<EvalModule> modules() {
    return List.of(
        new HelloModule(),
        new LseModule(),
        new LlsqModule(),
        new DetModule(),
        new OdeModule(),
        new KmeansModule(),
        new GmmModule(),
        new LstmModule(),
        new BaModule(),
        new HtModule(),
        new ParticleModule(),
        new SaddleModule());
  }

  public static void main(String[] args) {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
    try {
      new Protocol(modules(), System.err).run(in, out);
    } catch (JsonException e) {
      // A line without a readable id cannot be answered; GradBench sees the tool exit.
      System.err.println("ad4j gradbench: cannot answer a message: " + e.getMessage());
      System.exit(1);
    }
  }
}
