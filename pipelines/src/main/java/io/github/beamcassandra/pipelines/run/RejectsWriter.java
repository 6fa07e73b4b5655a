package io.github.beamcassandra.pipelines.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Appends rejects as JSON lines to a file of its own under {@code <runDir>/rejects/}, opened on the
 * first reject; one writer per pipeline step instance, so steps never share a file. Flushed at the end
 * of every bundle, so what a stopped run rejected is on disk when it stops.
 */
public final class RejectsWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String prefix;
  private BufferedWriter out;
  private Path file;

  public RejectsWriter(String runDir, String prefix) {
    this.dir = Path.of(runDir, "rejects");
    this.prefix = prefix;
  }

  public void write(Reject reject) {
    try {
      if (out == null) {
        Files.createDirectories(dir);
        file = dir.resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl");
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      }
      ObjectNode node = JSON.createObjectNode();
      node.put("stage", reject.stage);
      if (reject.source != null) {
        node.put("source", reject.source);
      }
      if (reject.line > 0) {
        node.put("line", reject.line);
      }
      if (reject.column != null) {
        node.put("column", reject.column);
      }
      node.put("reason", reject.reason);
      node.put("errorClass", reject.errorClass);
      node.put("record", reject.record);
      out.write(JSON.writeValueAsString(node));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file in " + dir + ": " + e.getMessage(), e);
    }
  }

  public void flush() {
    try {
      if (out != null) {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the rejects file " + file + ": " + e.getMessage(), e);
    }
  }
}
