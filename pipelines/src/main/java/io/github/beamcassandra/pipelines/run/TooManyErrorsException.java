package io.github.beamcassandra.pipelines.run;

/** Thrown inside a pipeline step to stop a run whose errors passed {@code --maxErrors}. */
public final class TooManyErrorsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooManyErrorsException(long errors, long read, ErrorLimit limit) {
    super("Stopped: " + errors + " records were rejected or failed out of " + read + " read, past"
        + " --maxErrors=" + limit + ".");
  }

  /** The instance in {@code error}'s cause chain, if any (runners wrap what a step throws). */
  public static TooManyErrorsException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TooManyErrorsException) {
        return (TooManyErrorsException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
