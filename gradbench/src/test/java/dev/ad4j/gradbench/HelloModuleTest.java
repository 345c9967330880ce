package dev.ad4j.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelloModuleTest {
  @Test
  void square_isXSquaredAndDouble_isItsDerivative() {
    assertEquals(2.25, ToolHarness.evaluate("hello", "square", "1.5"));
    assertEquals(3.0, ToolHarness.evaluate("hello", "double", "1.5"));
    assertEquals(-8.0, ToolHarness.evaluate("hello", "double", "-4"));
  }
}
