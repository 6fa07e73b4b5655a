package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one range page by page: asks for the next page before handing on the rows of the current one,
 * so the server works while the rows are processed, and retries a page that fails transiently from
 * the paging state of the last page handed on in full (the range's start if none was), so no row is
 * handed on twice or skipped. Kept apart from the driver so that this logic is tested with pages of
 * its own.
 *
 * @param <R> a row as the pages hold it
 */
final class RangePager<R> {
  /** One page of a range, as the loop needs it. */
  interface Page<R> {
    Iterable<R> rows();

    /** Where the next page starts; null on the last page. */
    @Nullable ByteBuffer nextState();

    CompletionStage<Page<R>> fetchNext();
  }

  /** Where the rows go. */
  interface RowSink<R> {
    void accept(R row) throws IOException;
  }

  /** Waits before a retry. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final Function<@Nullable ByteBuffer, CompletionStage<Page<R>>> fetchFrom;
  private final int maxRetries;
  private final IntToLongFunction backoffMillis;
  private final Sleeper sleeper;
  private final Runnable onRetry;

  /**
   * @param fetchFrom the page starting at a paging state (null: the range's first page)
   * @param backoffMillis the wait before retry number {@code attempt} (0-based)
   * @param onRetry called once per retry, e.g. to count it
   */
  RangePager(Function<@Nullable ByteBuffer, CompletionStage<Page<R>>> fetchFrom, int maxRetries,
      IntToLongFunction backoffMillis, Sleeper sleeper, Runnable onRetry) {
    this.fetchFrom = fetchFrom;
    this.maxRetries = maxRetries;
    this.backoffMillis = backoffMillis;
    this.sleeper = sleeper;
    this.onRetry = onRetry;
  }

  /** The driver's result pages as {@link Page}s. */
  static Page<com.datastax.oss.driver.api.core.cql.Row> driverPage(AsyncResultSet page) {
    return new Page<>() {
      @Override
      public Iterable<com.datastax.oss.driver.api.core.cql.Row> rows() {
        return page.currentPage();
      }

      @Override
      public @Nullable ByteBuffer nextState() {
        return page.hasMorePages() ? page.getExecutionInfo().getPagingState() : null;
      }

      @Override
      public CompletionStage<Page<com.datastax.oss.driver.api.core.cql.Row>> fetchNext() {
        return page.fetchNextPage().thenApply(RangePager::driverPage);
      }
    };
  }

  /**
   * Hands on every row of the range and returns how many. A page that fails with an error that is not
   * transient, or still fails after {@code maxRetries} retries in a row, ends the read with a {@link
   * ReadRangeFn.RangeFailedException} naming {@code what} and how many rows were handed on.
   */
  long read(String what, RowSink<R> rows) throws InterruptedException, IOException {
    // The paging state of the last page fully handed on: where a retry starts (null: the range start).
    ByteBuffer resumeFrom = null;
    CompletableFuture<Page<R>> pending = fetchFrom.apply(null).toCompletableFuture();
    long count = 0;
    int attempt = 0;
    while (true) {
      Page<R> page;
      try {
        page = pending.get();
      } catch (ExecutionException e) {
        if (!DriverErrors.isTransient(e.getCause()) || attempt >= maxRetries) {
          throw new ReadRangeFn.RangeFailedException("Reading " + what + " failed after " + attempt
              + " retries: " + ReadRangeFn.describe(e.getCause()), e.getCause(), count);
        }
        onRetry.run();
        sleeper.sleep(backoffMillis.applyAsLong(attempt++));
        pending = fetchFrom.apply(resumeFrom).toCompletableFuture();
        continue;
      }
      attempt = 0;
      ByteBuffer next = page.nextState();
      if (next != null) {
        pending = page.fetchNext().toCompletableFuture();
      }
      for (R row : page.rows()) {
        rows.accept(row);
        count++;
      }
      if (next == null) {
        return count;
      }
      resumeFrom = next;
    }
  }
}
