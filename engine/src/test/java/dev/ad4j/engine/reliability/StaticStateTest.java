package dev.ad4j.engine.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Scalar;
import dev.ad4j.engine.Autodiff;
import dev.ad4j.rules.Linalg;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No shared mutable state: every static field of every class in {@code api}, {@code rules} and
 * {@code engine} is final, and everything reachable from it is immutable (final fields all the way
 * down, no non-empty arrays, and from the JDK only strings, boxed primitives, enums, classes and
 * the unmodifiable collections of {@code List.of}/{@code Map.of}). Evaluations on different threads
 * share nothing but these values, so they cannot interfere.
 */
class StaticStateTest {
  private static final List<Class<?>> MODULE_ANCHORS =
      List.of(Scalar.class, Linalg.class, Autodiff.class);

  @Test
  void everyStaticFieldOfApiRulesAndEngine_isFinalAndDeeplyImmutable() throws Exception {
    List<String> offenders = new ArrayList<>();
    int fields = 0;
    for (Class<?> anchor : MODULE_ANCHORS) {
      for (Class<?> type : classesBeside(anchor)) {
        for (Field f : type.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
            continue;
          }
          fields++;
          String name = type.getName() + "." + f.getName();
          if (!Modifier.isFinal(f.getModifiers())) {
            offenders.add(name + " is not final");
            continue;
          }
          f.setAccessible(true);
          String why = mutablePart(f.get(null), Collections.newSetFromMap(new IdentityHashMap<>()));
          if (why != null) {
            offenders.add(name + " reaches mutable state: " + why);
          }
        }
      }
    }
    assertTrue(
        fields > 50,
        "only " + fields + " static fields found: is the scan looking in the right place?");
    assertEquals(List.of(), offenders, "static fields that are mutable or hold mutable state");
  }

  /** Null if {@code value} is deeply immutable, otherwise a description of the mutable part. */
  static String mutablePart(Object value, Set<Object> seen) throws IllegalAccessException {
    if (value == null || !seen.add(value)) {
      return null;
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      return Array.getLength(value) == 0
          ? null
          : type.getSimpleName() + " of length " + Array.getLength(value);
    }
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return instanceFields(value, type, seen);
    }
    String name = type.getName();
    if (name.startsWith("java.")) {
      boolean immutable =
          value instanceof String
              || value instanceof Number && name.startsWith("java.lang.")
              || value instanceof Boolean
              || value instanceof Character
              || value instanceof Class
              || name.startsWith("java.util.ImmutableCollections$");
      if (!immutable) {
        return "a " + name;
      }
      if (value instanceof Iterable<?> items) {
        for (Object item : items) {
          String why = mutablePart(item, seen);
          if (why != null) {
            return "an element: " + why;
          }
        }
      }
      if (value instanceof java.util.Map<?, ?> map) {
        return mutablePart(
            new ArrayList<>(map.entrySet())
                .stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toList(),
            seen);
      }
      return null;
    }
    return instanceFields(value, type, seen);
  }

  private static String instanceFields(Object value, Class<?> type, Set<Object> seen)
      throws IllegalAccessException {
    for (Class<?> c = type;
        c != null && c != Object.class && c != Enum.class;
        c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (!Modifier.isFinal(f.getModifiers())) {
          return c.getName() + "." + f.getName() + " is not final";
        }
        if (f.getType().isPrimitive()) {
          continue;
        }
        f.setAccessible(true);
        String why = mutablePart(f.get(value), seen);
        if (why != null) {
          return c.getName() + "." + f.getName() + " -> " + why;
        }
      }
    }
    return null;
  }

  /** Every class in the same directory or jar as {@code anchor}, loaded without initializing it. */
  private static List<Class<?>> classesBeside(Class<?> anchor)
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        jar.stream().map(e -> e.getName()).forEach(names::add);
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith(".class")
          && !n.endsWith("module-info.class")
          && !n.endsWith("package-info.class")) {
        String className = n.substring(0, n.length() - ".class".length()).replace('/', '.');
        classes.add(Class.forName(className, true, anchor.getClassLoader()));
      }
    }
    assertTrue(classes.size() > 5, "no classes found beside " + anchor + " in " + root);
    return classes;
  }
}
