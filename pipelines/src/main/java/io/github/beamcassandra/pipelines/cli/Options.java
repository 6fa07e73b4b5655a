package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} arguments of the commands that are not Beam pipelines. */
final class Options {
  private Options() {}

  static Map<String, String> parse(String[] args, int from, Set<String> known, String command) {
    Map<String, String> values = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help")) {
        values.put("help", "true");
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new UsageException(
            "'" + arg + "' is not an option of '" + command + "': options take the form --name=value.");
      }
      String name = arg.substring(2, eq);
      if (!known.contains(name)) {
        throw new UsageException("Unknown option --" + name + " for '" + command + "'. Known: --"
            + String.join(", --", known) + ".");
      }
      values.put(name, arg.substring(eq + 1));
    }
    return values;
  }

  static int intValue(Map<String, String> options, String name, int fallback, int min, int max) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--" + name + " must be a whole number from " + min + " to " + max + ", got: " + value);
  }

  static void printHelp(Map<String, String> options, PrintStream out) {
    options.forEach((name, help) -> out.printf("  --%-16s %s%n", name, help));
  }
}
