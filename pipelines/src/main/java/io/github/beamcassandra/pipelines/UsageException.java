package io.github.beamcassandra.pipelines;

/** The command line was used wrongly; the message says how, naming the option and value. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
