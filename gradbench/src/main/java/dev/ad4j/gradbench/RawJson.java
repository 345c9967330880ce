package dev.ad4j.gradbench;

/** Already-written, already-checked JSON text that {@link JsonWriter} copies verbatim. */
record RawJson(String json) {}
