package io.github.beamcassandra.benchmarks.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --name=value} arguments, checked against the names a program knows. Small on purpose: the
 * parent and every child JVM parse their arguments with it, and the CassandraIO child has no room for
 * a command-line library next to driver 3.
 */
public final class Flags {
  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}; each must be {@code --name=value} with a name in {@code known}, at most once.
   * {@code --help} alone is accepted as the flag {@code help} with value {@code true}.
   */
  public static Flags parse(String[] args, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        values.put("help", "true");
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new IllegalArgumentException("expected --name=value, got: '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: --"
            + String.join(", --", new TreeSet<>(known)));
      }
      if (values.put(name, arg.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("--" + name + " is given twice");
      }
    }
    return new Flags(Collections.unmodifiableMap(values));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /** The value of {@code --name}, which must be given. */
  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  /** An integer option in {@code [min, max]}. */
  public long getLong(String name, long defaultValue, long min, long max) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got: '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be between " + min + " and " + max + ", got: " + value);
    }
    return value;
  }

  public int getInt(String name, int defaultValue, int min, int max) {
    return (int) getLong(name, defaultValue, min, max);
  }
}
