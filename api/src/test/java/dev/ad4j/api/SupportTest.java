package dev.ad4j.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.api.Support.Need;
import org.junit.jupiter.api.Test;

class SupportTest {
  private static final Support CONST_A =
      Support.builder().forward(Need.ANY, Need.ANY).reverse(Need.CONST, Need.ANY).build();

  private static Args args(Activity a, Activity x) {
    DenseMatrix m = DenseMatrix.wrap(2, 2, new double[] {1, 2, 3, 4});
    RuleArg first = a.isConst() ? MatArg.constant(m) : MatArg.of(a, m, new double[4]);
    RuleArg second =
        x.isConst() ? VecArg.constant(new double[2]) : VecArg.of(x, new double[2], new double[2]);
    return Args.of(first, second);
  }

  @Test
  void declaredPatterns_acceptMatchingCombinationsOnly() {
    assertTrue(CONST_A.allows(Mode.REVERSE, args(Activity.CONST, Activity.DUPLICATED)));
    assertFalse(CONST_A.allows(Mode.REVERSE, args(Activity.DUPLICATED, Activity.DUPLICATED)));
    assertTrue(CONST_A.allows(Mode.FORWARD, args(Activity.DUPLICATED, Activity.DUPLICATED)));
    assertTrue(CONST_A.allows(Mode.REVERSE, args(Activity.CONST, Activity.CONST)));
  }

  @Test
  void rejection_namesRuleModeArgumentsAndTheSupportedCombination() {
    Rule<Void> rule = new NamedRule("quadForm", CONST_A);
    UnsupportedActivityException e =
        assertThrows(
            UnsupportedActivityException.class,
            () ->
                Support.check(rule, Mode.REVERSE, args(Activity.DUPLICATED, Activity.DUPLICATED)));
    String m = e.getMessage();
    assertTrue(m.contains("rule 'quadForm'"), m);
    assertTrue(m.contains("REVERSE mode"), m);
    assertTrue(m.contains("argument 0: DenseMatrix(2x2), Duplicated"), m);
    assertTrue(m.contains("argument 1: Vec(2), Duplicated"), m);
    assertTrue(m.contains("(Const, Any)"), m);
    assertTrue(m.contains("argument 0 is Duplicated; pass it as Const"), m);
  }

  @Test
  void modeWithoutPatterns_supportsOnlyThePrimal() {
    Support forwardOnly = Support.builder().forward(Need.ANY).build();
    Args active = Args.of(ScalarArg.reverse(1.0));
    assertFalse(forwardOnly.allows(Mode.REVERSE, active));
    String m =
        assertThrows(
                UnsupportedActivityException.class,
                () -> Support.check(new NamedRule("f", forwardOnly), Mode.REVERSE, active))
            .getMessage();
    assertTrue(m.contains("has no REVERSE derivative"), m);
  }

  @Test
  void nonDifferentiable_allowsOnlyAllConstAndSaysWhy() {
    Support none = Support.nonDifferentiable();
    assertFalse(none.isDifferentiable());
    assertTrue(Support.all().isDifferentiable());
    assertTrue(none.allows(Mode.FORWARD, args(Activity.CONST, Activity.CONST)));
    assertFalse(none.allows(Mode.FORWARD, args(Activity.CONST, Activity.DUPLICATED)));
    assertFalse(none.allows(Mode.REVERSE, args(Activity.CONST, Activity.DUPLICATED)));
    String m =
        assertThrows(
                UnsupportedActivityException.class,
                () ->
                    Support.check(
                        new NamedRule("greater", none),
                        Mode.REVERSE,
                        args(Activity.CONST, Activity.DUPLICATED)))
            .getMessage();
    assertTrue(m.contains("argument 1: Vec(2), Duplicated"), m);
    assertTrue(m.contains("never differentiable"), m);
    assertTrue(m.contains("passes every argument as Const"), m);
  }

  @Test
  void maxWidthOne_refusesVectorForwardModeNamingTheWidthAndTheFix() {
    Support narrow = Support.builder().forward(Need.ANY, Need.ANY).maxWidth(1).build();
    assertTrue(narrow.allowsWidth(1));
    assertFalse(narrow.allowsWidth(2));
    assertTrue(Support.all().allowsWidth(64));
    Rule<Void> rule = new NamedRule("narrow", narrow);
    Args active = args(Activity.CONST, Activity.DUPLICATED);
    Support.check(rule, Config.forward(1), active);
    Support.check(rule, Config.forward(4), args(Activity.CONST, Activity.CONST));
    String m =
        assertThrows(
                UnsupportedActivityException.class,
                () -> Support.check(rule, Config.forward(4), active))
            .getMessage();
    assertTrue(m.contains("rule 'narrow' handles forward batch width 1 only"), m);
    assertTrue(m.contains("called with width 4"), m);
    assertTrue(m.contains("argument 1: Vec(2), Duplicated"), m);
    assertTrue(m.contains("one forward call per direction"), m);
  }

  /** A rule with a name and a support declaration; its bodies are never called here. */
  private record NamedRule(String name, Support support) implements Rule<Void> {
    @Override
    public void forward(Config config, Args args, Output out) {
      throw new AssertionError("not called");
    }

    @Override
    public Void augmentedPrimal(Config config, Args args, Output out) {
      throw new AssertionError("not called");
    }

    @Override
    public void reverse(Config config, Args args, Output out, Void saved) {
      throw new AssertionError("not called");
    }
  }
}
