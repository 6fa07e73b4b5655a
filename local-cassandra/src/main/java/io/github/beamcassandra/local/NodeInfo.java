package io.github.beamcassandra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a started node records in {@code node.properties} so that another process (the command line's
 * {@code local status} and {@code local stop}) can find it. Holds no secret.
 */
public record NodeInfo(
    long pid, int nativePort, int storagePort, boolean authentication, boolean clientTls) {

  /** Whether the recorded process is still alive (and so, most likely, the node). */
  public boolean alive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        // A pid reused by another program after a reboot is not our node.
        .map(h -> h.info().commandLine().map(c -> c.contains("CassandraDaemon")).orElse(true))
        .orElse(false);
  }

  public String contactPoint() {
    return LocalCassandra.HOST + ":" + nativePort;
  }

  void write(NodeLayout layout) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("nativePort", Integer.toString(nativePort));
    p.setProperty("storagePort", Integer.toString(storagePort));
    p.setProperty("authentication", Boolean.toString(authentication));
    p.setProperty("clientTls", Boolean.toString(clientTls));
    try (OutputStream out = Files.newOutputStream(layout.nodeFile())) {
      p.store(out, "beam-cassandra local node");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + layout.nodeFile(), e);
    }
  }

  static Optional<NodeInfo> read(NodeLayout layout) {
    if (!Files.isRegularFile(layout.nodeFile())) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(layout.nodeFile())) {
      p.load(in);
      return Optional.of(
          new NodeInfo(
              Long.parseLong(p.getProperty("pid")),
              Integer.parseInt(p.getProperty("nativePort")),
              Integer.parseInt(p.getProperty("storagePort")),
              Boolean.parseBoolean(p.getProperty("authentication")),
              Boolean.parseBoolean(p.getProperty("clientTls"))));
    } catch (IOException | RuntimeException e) {
      // A half-written or foreign file describes no node we can manage.
      return Optional.empty();
    }
  }
}
