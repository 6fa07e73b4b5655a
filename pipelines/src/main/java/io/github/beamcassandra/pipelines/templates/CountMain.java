package io.github.beamcassandra.pipelines.templates;

import io.github.beamcassandra.pipelines.BeamCassandra;

/** {@code count} as a main class of its own, for a Flex Template's {@code FLEX_TEMPLATE_JAVA_MAIN_CLASS}. */
public final class CountMain {
  private CountMain() {}

  public static void main(String[] args) {
    BeamCassandra.main(TemplateArgs.withCommand("count", args));
  }
}
