package io.github.beamcassandra.pipelines.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.pipelines.cli.PipelineArgs;
import io.github.beamcassandra.pipelines.options.CountOptions;
import io.github.beamcassandra.pipelines.options.LoadOptions;
import io.github.beamcassandra.pipelines.options.UnloadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Writes Dataflow Flex Template metadata ({@code <command>-metadata.json}) for each pipeline, made
 * from the options' own {@code @Description}s and defaults, so nothing is described twice. Run it with
 * the directory to write to; the README shows how to build and launch a template with the files.
 */
public final class FlexTemplates {
  /** Options a template cannot do without. */
  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "load", Set.of("keyspace", "table", "input", "contactPoints"),
      "unload", Set.of("keyspace", "table", "output", "contactPoints"),
      "count", Set.of("keyspace", "table", "contactPoints"));

  private FlexTemplates() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/templates");
    Files.createDirectories(dir);
    for (Map.Entry<String, ObjectNode> template : all().entrySet()) {
      Path file = dir.resolve(template.getKey() + "-metadata.json");
      Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(template.getValue()));
      System.out.println("Wrote " + file);
    }
  }

  /** Command name to its metadata. */
  public static Map<String, ObjectNode> all() {
    Map<String, ObjectNode> all = new LinkedHashMap<>();
    all.put("load", metadata("load", "beam-cassandra load",
        "Loads CSV, JSON or Parquet files into a Cassandra table, with rejects and a report.", LoadOptions.class));
    all.put("unload", metadata("unload", "beam-cassandra unload",
        "Exports a Cassandra table into one file per token range, resumable.", UnloadOptions.class));
    all.put("count", metadata("count", "beam-cassandra count",
        "Counts the rows of a Cassandra table exactly, per token range.", CountOptions.class));
    return all;
  }

  static ObjectNode metadata(String command, String name, String description,
      Class<? extends PipelineOptions> options) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("name", name);
    root.put("description", description);
    ArrayNode parameters = root.putArray("parameters");
    PipelineArgs.describe(options).forEach((option, help) -> {
      if (option.toLowerCase().contains("password") && !option.endsWith("File") && !option.endsWith("Env")) {
        return; // secrets do not belong in template parameters; use --passwordFile or --passwordEnv
      }
      ObjectNode p = parameters.addObject();
      p.put("name", option);
      p.put("label", option);
      p.put("helpText", help[0] + (help[1] == null ? "" : " Default: " + help[1] + "."));
      p.put("isOptional", !REQUIRED.get(command).contains(option));
    });
    return root;
  }
}
