package dev.ad4j.engine.properties;

import dev.ad4j.api.Mat;
import dev.ad4j.api.Scalar;
import dev.ad4j.api.Vec;

/**
 * The three arguments a generated program reads: a vector {@code x} of length n, an n×n matrix
 * {@code A} (dense, or sparse with double values) and a scalar {@code c}. Each may be constant or
 * active; the program does not know which.
 */
record Env(Vec x, Mat a, Scalar c) {}
