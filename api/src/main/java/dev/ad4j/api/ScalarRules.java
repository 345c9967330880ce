package dev.ad4j.api;

/** Adapts easy-tier scalar rules to the general {@link Rule} interface. */
final class ScalarRules {
  private ScalarRules() {}

  static Rule<Void> unary(UnaryScalarRule rule) {
    return new Rule<>() {
      @Override
      public String name() {
        return rule.name();
      }

      @Override
      public void forward(Config config, Args args, Output out) {
        ScalarArg x = args.scalar(0);
        double y = rule.value(x.primal());
        out.primal(y);
        if (config.needsShadow()) {
          double d = x.isConst() ? 0.0 : rule.derivative(x.primal(), y);
          for (int lane = 0; lane < config.width(); lane++) {
            out.tangent(lane, x.isConst() ? 0.0 : d * x.tangent(lane));
          }
        }
      }

      @Override
      public Void augmentedPrimal(Config config, Args args, Output out) {
        out.primal(rule.value(args.scalar(0).primal()));
        return null;
      }

      @Override
      public void reverse(Config config, Args args, Output out, Void saved) {
        ScalarArg x = args.scalar(0);
        if (!x.isConst()) {
          x.addAdjoint(out.scalarAdjoint() * rule.derivative(x.primal(), out.scalarPrimal()));
        }
      }
    };
  }

  static Rule<Void> binary(BinaryScalarRule rule) {
    return new Rule<>() {
      @Override
      public String name() {
        return rule.name();
      }

      @Override
      public void forward(Config config, Args args, Output out) {
        ScalarArg a = args.scalar(0);
        ScalarArg b = args.scalar(1);
        double z = rule.value(a.primal(), b.primal());
        out.primal(z);
        if (config.needsShadow()) {
          double da = a.isConst() ? 0.0 : rule.partialX(a.primal(), b.primal(), z);
          double db = b.isConst() ? 0.0 : rule.partialY(a.primal(), b.primal(), z);
          for (int lane = 0; lane < config.width(); lane++) {
            double t = (a.isConst() ? 0.0 : da * a.tangent(lane));
            out.tangent(lane, t + (b.isConst() ? 0.0 : db * b.tangent(lane)));
          }
        }
      }

      @Override
      public Void augmentedPrimal(Config config, Args args, Output out) {
        out.primal(rule.value(args.scalar(0).primal(), args.scalar(1).primal()));
        return null;
      }

      @Override
      public void reverse(Config config, Args args, Output out, Void saved) {
        ScalarArg a = args.scalar(0);
        ScalarArg b = args.scalar(1);
        double g = out.scalarAdjoint();
        double z = out.scalarPrimal();
        if (!a.isConst()) {
          a.addAdjoint(g * rule.partialX(a.primal(), b.primal(), z));
        }
        if (!b.isConst()) {
          b.addAdjoint(g * rule.partialY(a.primal(), b.primal(), z));
        }
      }
    };
  }
}
