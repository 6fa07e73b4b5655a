package io.github.beamcassandra.benchmarks.common;

import java.util.List;

/** The pipeline options both Beam contenders run with, so they measure the same runner setup. */
public final class DirectRunnerFlags {
  /**
   * The Direct runner without its immutability and encodability checks: they re-encode every element
   * to catch user bugs, cost far more than the writes being measured, and no production runner does it.
   * Parallelism stays at the Direct runner's default (the larger of 3 and the number of processors).
   */
  public static final List<String> FLAGS = List.of(
      "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false");

  private DirectRunnerFlags() {}

  public static String[] asArgs() {
    return FLAGS.toArray(new String[0]);
  }
}
