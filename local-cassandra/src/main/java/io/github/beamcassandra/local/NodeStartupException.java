package io.github.beamcassandra.local;

/**
 * A local node could not be started or stopped. The message is one paragraph that names the cause
 * (port, directory, missing jars, timeout) and, when the server itself failed, ends with the tail of
 * its log.
 */
public final class NodeStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeStartupException(String message) {
    super(message);
  }

  public NodeStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
