package io.github.beamcassandra.pipelines.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes rejects as JSON lines to files of its own under {@code <runDir>/rejects/}, through Beam's file
 * systems, so a run directory on Cloud Storage (or any file system the runner has) works like a local
 * one. One writer per pipeline step instance, so steps never share a file; a file is opened on the
 * first reject.
 *
 * <p>{@link #commit} makes what was written so far durable; steps call it at the end of every bundle,
 * so what a stopped run rejected is there when it stops. On a local disk the file stays open and is
 * flushed; on an object store (where an object appears only when it is closed) the file is closed and
 * the next reject starts another one. A bundle that fails before it commits leaves no object behind
 * there, and the runner's retry of the bundle writes its rejects again, once.
 */
public final class RejectsWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String runDir;
  private final String prefix;
  private final boolean local;
  private BufferedWriter out;
  private String file;

  public RejectsWriter(String runDir, String prefix) {
    this.runDir = runDir;
    this.prefix = prefix;
    this.local = RunDirectory.isLocal(runDir);
  }

  public void write(Reject reject) {
    try {
      if (out == null) {
        String name = "rejects/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl";
        if (local) {
          // Straight to the disk: Beam's local file system buffers below what a flush reaches.
          Path path = RunDirectory.localPath(runDir).resolve(name);
          Files.createDirectories(path.getParent());
          file = path.toString();
          out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } else {
          file = RunDirectory.resolve(runDir, name);
          out = new BufferedWriter(new OutputStreamWriter(
              RunDirectory.createRemote(file, "application/json"), StandardCharsets.UTF_8));
        }
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
      throw new UncheckedIOException("Cannot write the rejects file "
          + (file != null ? file : RunDirectory.resolve(runDir, "rejects/")) + ": " + e.getMessage(), e);
    }
  }

  /** Makes every reject written so far durable (see the class comment). */
  public void commit() {
    if (out == null) {
      return;
    }
    try {
      if (local) {
        out.flush();
      } else {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Closes the open file. On an object store an uncommitted file is dropped instead: it holds the
   * rejects of a bundle that did not finish, which the runner runs again.
   */
  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      if (local) {
        out.close();
      }
      out = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the rejects file " + file + ": " + e.getMessage(), e);
    }
  }
}
