package io.github.beamcassandra.pipelines.format;

/**
 * A whole file cannot be read, as opposed to one record of it: an invalid header (empty or duplicate
 * column names) or an unreadable header line. The message names the file, the line and the names.
 */
public final class FileFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  public FileFormatException(String source, long line, String problem) {
    super(source + " line " + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  public long line() {
    return line;
  }
}
