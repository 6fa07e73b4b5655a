package io.github.beamcassandra.pipelines.run;

import java.nio.file.Path;

/** File names as users type them. */
public final class Paths {
  private Paths() {}

  /** {@code ~/x} is {@code x} in the user's home directory. */
  public static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/", ""));
    }
    return Path.of(path);
  }
}
