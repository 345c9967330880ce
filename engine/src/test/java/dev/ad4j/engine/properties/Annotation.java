package dev.ad4j.engine.properties;

/** The activity a generated case gives an array argument ({@code x} or {@code A}). */
enum Annotation {
  CONST,
  DUPLICATED,
  DUPLICATED_NO_NEED;

  boolean isActive() {
    return this != CONST;
  }
}
