package io.github.beamcassandra.pipelines.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Run directory names: a local path ({@code ./beam-cassandra-runs}, {@code ~/runs}, {@code /data/runs},
 * {@code file:///data/runs}) or a URI of another file system Beam has, such as
 * {@code gs://bucket/runs} for Dataflow, where workers cannot write to the launching machine's disk.
 */
public final class RunDirectory {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

  private RunDirectory() {}

  /** Whether {@code dir} is on the local file system (no scheme, or {@code file://}). */
  public static boolean isLocal(String dir) {
    return !SCHEME.matcher(dir).find() || dir.regionMatches(true, 0, "file://", 0, 7);
  }

  /** The local directory {@code dir} names ({@link #isLocal} must hold): {@code ~} expanded, absolute. */
  public static Path localPath(String dir) {
    String path = dir.regionMatches(true, 0, "file://", 0, 7) ? dir.substring(7) : dir;
    return Paths.expandHome(path).toAbsolutePath().normalize();
  }

  /**
   * A new file on a file system other than the local one, through Beam's file systems; it appears
   * when the stream is closed.
   */
  static OutputStream createRemote(String file, String mimeType) throws IOException {
    return Channels.newOutputStream(FileSystems.create(FileSystems.matchNewResource(file, false), mimeType));
  }

  /** {@code child} (a relative path with {@code /} separators) inside {@code dir}. */
  public static String resolve(String dir, String child) {
    return dir.endsWith("/") ? dir + child : dir + "/" + child;
  }
}
