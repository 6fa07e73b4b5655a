package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The arguments of the pipeline commands: Beam {@link PipelineOptions}, so every option is also a
 * template parameter and a runner option ({@code --runner}, {@code --flinkMaster}, ...) works as is.
 * Help is generated from the options' own {@link Description}s and defaults: each option is described
 * once, where it is defined.
 */
public final class PipelineArgs {
  private static final String OUR_PACKAGE = "io.github.beamcassandra.pipelines";
  /** DirectRunner checks for user code; the commands run only their own steps. */
  private static final List<String> DIRECT_RUNNER_DEFAULTS =
      List.of("--enforceImmutability=false", "--enforceEncodability=false");

  private PipelineArgs() {}

  /** Parses {@code args} as {@code type}, with the DirectRunner as the default runner. */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type, String command) {
    PipelineOptionsFactory.register(type);
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (String arg : args) {
      if (!arg.startsWith("--") || arg.length() < 3) {
        throw new UsageException("'" + arg + "' is not an option of '" + command
            + "': options take the form --name=value (or --flag for true). See 'beam-cassandra "
            + command + " --help'.");
      }
    }
    boolean runnerGiven = all.stream().anyMatch(a -> a.startsWith("--runner="));
    boolean direct = !runnerGiven || all.stream().anyMatch(a -> a.equals("--runner=DirectRunner"));
    if (direct) {
      for (String flag : DIRECT_RUNNER_DEFAULTS) {
        String name = flag.substring(0, flag.indexOf('=') + 1);
        if (all.stream().noneMatch(a -> a.startsWith(name))) {
          all.add(flag);
        }
      }
    }
    T options;
    try {
      options = PipelineOptionsFactory.fromArgs(all.toArray(new String[0])).as(type);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid options for '" + command + "': " + e.getMessage()
          + "\nSee 'beam-cassandra " + command + " --help'.");
    }
    // The file systems on the class path (Cloud Storage with -Pdataflow), for the input files and the
    // run directory, which are looked at before the pipeline exists.
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  /** The options as given, {@code name -> value}, with every password shown as {@code ****}. */
  public static Map<String, String> masked(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        String name = arg.substring(2, eq);
        given.put(name, isSecret(name) ? "****" : arg.substring(eq + 1));
      }
    }
    return given;
  }

  static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("password") && !lower.endsWith("file") && !lower.endsWith("env")
        || lower.contains("secret") || lower.contains("token");
  }

  /** Every option of {@code type} defined in this project, with its default and description. */
  public static void printHelp(Class<? extends PipelineOptions> type, String usage, PrintStream out) {
    out.println("Usage: " + usage);
    out.println();
    out.println("Options (Beam pipeline options, also accepted as template parameters):");
    for (Map.Entry<String, String[]> option : describe(type).entrySet()) {
      String[] help = option.getValue();
      out.printf("  --%s%n      %s%s%n", option.getKey(), help[0],
          help[1] == null ? "" : " (default: " + help[1] + ")");
    }
    out.println("  --runner");
    out.println("      DirectRunner (default), FlinkRunner (embedded unless --flinkMaster is given) or"
        + " SparkRunner; Beam's own options for the runner are accepted too.");
  }

  /** {@code name -> [description, default or null]}, sorted by name. */
  public static Map<String, String[]> describe(Class<? extends PipelineOptions> type) {
    Map<String, String[]> options = new TreeMap<>();
    for (Method getter : type.getMethods()) {
      if (!getter.getDeclaringClass().getName().startsWith(OUR_PACKAGE)
          || getter.getAnnotation(Description.class) == null) {
        continue;
      }
      String name = getter.getName().replaceFirst("^(get|is)", "");
      name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      options.put(name, new String[] {getter.getAnnotation(Description.class).value(), defaultOf(getter)});
    }
    return options;
  }

  private static String defaultOf(Method getter) {
    if (getter.getAnnotation(Default.String.class) != null) {
      String value = getter.getAnnotation(Default.String.class).value();
      return value.isEmpty() ? "empty" : value;
    }
    if (getter.getAnnotation(Default.Integer.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Integer.class).value());
    }
    if (getter.getAnnotation(Default.Long.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Long.class).value());
    }
    if (getter.getAnnotation(Default.Boolean.class) != null) {
      return String.valueOf(getter.getAnnotation(Default.Boolean.class).value());
    }
    return null;
  }
}
