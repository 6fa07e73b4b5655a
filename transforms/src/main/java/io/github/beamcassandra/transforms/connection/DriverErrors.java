package io.github.beamcassandra.transforms.connection;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sorts driver errors (reads and writes alike) into transient (worth retrying: timeouts, overload, unavailable replicas, lost
 * connections) and permanent (the statement itself is wrong: invalid query, bad value, no
 * permission), walking the cause chain.
 */
public final class DriverErrors {
  private DriverErrors() {}

  public static boolean isTransient(Throwable error) {
    for (Throwable t = unwrap(error); t != null; t = t.getCause()) {
      if (t instanceof WriteTimeoutException
          || t instanceof ReadTimeoutException
          || t instanceof OverloadedException
          || t instanceof UnavailableException
          || t instanceof DriverTimeoutException
          || t instanceof NoNodeAvailableException
          || t instanceof ClosedConnectionException
          || t instanceof HeartbeatException
          || t instanceof BusyConnectionException
          || t instanceof TruncateException
          || t instanceof ServerError) {
        return true;
      }
      if (t instanceof AllNodesFailedException) {
        // Every node failed: transient when every node's failure was.
        for (Throwable nodeError : ((AllNodesFailedException) t).getAllErrors().values().stream()
            .flatMap(java.util.List::stream).toArray(Throwable[]::new)) {
          if (!isTransient(nodeError)) {
            return false;
          }
        }
        return true;
      }
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error that says what happened: futures' wrappers removed, and for "all nodes failed" the
   * first node's own error (with one node, or nodes failing alike, that is the whole story).
   */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (true) {
      if ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
        t = t.getCause();
      } else if (t instanceof AllNodesFailedException) {
        java.util.Optional<Throwable> first = ((AllNodesFailedException) t).getAllErrors().values().stream()
            .flatMap(java.util.List::stream).findFirst();
        if (first.isEmpty()) {
          return t;
        }
        t = first.get();
      } else {
        return t;
      }
    }
  }

  public static String describe(Throwable error) {
    Throwable t = unwrap(error);
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
