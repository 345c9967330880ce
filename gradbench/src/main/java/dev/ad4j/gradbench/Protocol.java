package dev.ad4j.gradbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GradBench's JSON Lines protocol: one message per input line, exactly one flushed reply line per
 * message carrying the message's {@code id}, until end of input.
 *
 * <ul>
 *   <li>{@code start} → {@code {"id":…,"tool":"ad4j"}} (the config is ignored);
 *   <li>{@code define} → {@code success} true for a module the tool has, else false with an error;
 *   <li>{@code evaluate} → the output and one {@code evaluate} timing per run: at least {@code
 *       min_runs} runs (default 1) until their summed time reaches {@code min_seconds} (default 0);
 *       each timing covers {@link EvalModule.Run#run()} only, not JSON reading, setup or writing;
 *   <li>anything else ({@code analysis}, …) → {@code {"id":…}}.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * An {@code evaluate} or {@code define} that throws a {@link RuntimeException} (bad input, unknown
 * function, an ad4j exception, an output holding NaN or Infinity, which JSON cannot carry) is
 * answered {@code success:false} with the exception's class and message; this is the only place the
 * tool catches a RuntimeException, and it logs the stack trace to the log stream. {@link Error}s
 * propagate. A line that is not JSON, or has no integer {@code id}, cannot be answered and ends the
 * run with a {@link JsonException}.
 */
public final class Protocol {
  private final Map<String, EvalModule> modules = new LinkedHashMap<>();
  private final PrintStream log;

  /** A protocol over these modules, logging to {@code log} (standard error in {@link Main}). */
  public Protocol(List<EvalModule> modules, PrintStream log) {
    for (EvalModule m : modules) {
      this.modules.put(m.name(), m);
    }
    this.log = log;
  }

  /** Answers every line of {@code in} on {@code out} until end of input. Neither is closed. */
  public void run(BufferedReader in, Writer out) {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        out.write(reply(line));
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reply line (without newline) to one message line. */
  String reply(String line) {
    Map<String, Object> message = Fields.object(JsonReader.parse(line), "a message");
    long id = id(message);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", id);
    Object kind = message.get("kind");
    if ("start".equals(kind)) {
      reply.put("tool", "ad4j");
    } else if ("define".equals(kind)) {
      define(message, reply);
    } else if ("evaluate".equals(kind)) {
      evaluate(message, reply);
    }
    return JsonWriter.write(reply);
  }

  private static long id(Map<String, Object> message) {
    if (!(message.get("id") instanceof Double d) || d != Math.rint(d)) {
      throw new JsonException("a message needs an integer 'id'");
    }
    return (long) d.doubleValue();
  }

  private void define(Map<String, Object> message, Map<String, Object> reply) {
    Object name = message.get("module");
    if (modules.containsKey(name)) {
      reply.put("success", true);
    } else {
      reply.put("success", false);
      reply.put("error", new UnknownFunctionException(String.valueOf(name)).getMessage());
    }
  }

  private void evaluate(Map<String, Object> message, Map<String, Object> reply) {
    try {
      EvalModule module = modules.get(String.valueOf(message.get("module")));
      if (module == null) {
        throw new UnknownFunctionException(String.valueOf(message.get("module")));
      }
      Object input = message.get("input");
      EvalModule.Run run = module.prepare(String.valueOf(message.get("function")), input);
      List<Object> timings = new ArrayList<>();
      Object output = timed(run, input, timings);
      String checked = JsonWriter.write(output); // throws on NaN/Infinity before we claim success
      reply.put("success", true);
      reply.put("output", new RawJson(checked));
      reply.put("timings", timings);
    } catch (RuntimeException e) {
      log.println("ad4j gradbench: evaluate " + reply.get("id") + " failed:");
      e.printStackTrace(log);
      reply.clear();
      reply.put("id", id(message));
      reply.put("success", false);
      reply.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Object timed(EvalModule.Run run, Object input, List<Object> timings) {
    int minRuns = 1;
    double minSeconds = 0;
    if (input instanceof Map<?, ?> map) {
      if (map.get("min_runs") instanceof Double d) {
        minRuns = (int) d.doubleValue();
      }
      if (map.get("min_seconds") instanceof Double d) {
        minSeconds = d;
      }
    }
    long minNanos = (long) (minSeconds * 1e9);
    long total = 0;
    Object output;
    int runs = 0;
    do {
      long start = System.nanoTime();
      output = run.run();
      long nanos = System.nanoTime() - start;
      total += nanos;
      runs++;
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("name", "evaluate");
      timing.put("nanoseconds", nanos);
      timings.add(timing);
    } while (runs < minRuns || total < minNanos);
    return output;
  }
}
