package io.github.beamcassandra.transforms.connection;

import java.util.List;
import java.util.Locale;

/** Checks shared by the transforms' {@code withX} methods; each message names the option and value. */
public final class OptionChecks {
  private OptionChecks() {}

  /** The value, unchanged, if it has text. */
  public static String requireText(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " must not be blank, got: '" + value + "'");
    }
    return value;
  }

  /** The consistency level in upper case, if it is one of {@code allowed}. */
  public static String consistency(String level, List<String> allowed) {
    String upper = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      throw new IllegalArgumentException("consistency must be one of " + String.join(", ", allowed)
          + ", got: " + level);
    }
    return upper;
  }

  public static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be at least " + min + ", got: " + value);
    }
    return value;
  }
}
