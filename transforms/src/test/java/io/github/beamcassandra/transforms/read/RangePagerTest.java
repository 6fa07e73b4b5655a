package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** The paging loop over pages of its own: where a retry starts, and what a failed range reports. */
class RangePagerTest {
  /** 3 pages of 10 rows (0..29); the paging state of page i is the number i. */
  static final int PAGES = 3;

  /** Serves pages; a page listed in {@code failures} fails that many times before it is served. */
  static final class Pages {
    final Map<Integer, Integer> failures = new HashMap<>();
    final Map<Integer, RuntimeException> errors = new HashMap<>();
    final List<String> requests = new ArrayList<>();

    CompletionStage<RangePager.Page<Integer>> from(@Nullable ByteBuffer state) {
      int index = state == null ? 0 : state.getInt(0);
      requests.add(state == null ? "start" : "page " + index);
      int left = failures.getOrDefault(index, 0);
      if (left > 0) {
        failures.put(index, left - 1);
        return CompletableFuture.failedFuture(errors.getOrDefault(index, new DriverTimeoutException("slow")));
      }
      return CompletableFuture.completedFuture(new RangePager.Page<>() {
        @Override
        public Iterable<Integer> rows() {
          List<Integer> rows = new ArrayList<>();
          for (int r = index * 10; r < index * 10 + 10; r++) {
            rows.add(r);
          }
          return rows;
        }

        @Override
        public @Nullable ByteBuffer nextState() {
          return index + 1 < PAGES ? ByteBuffer.allocate(4).putInt(0, index + 1) : null;
        }

        @Override
        public CompletionStage<RangePager.Page<Integer>> fetchNext() {
          return from(nextState());
        }
      });
    }
  }

  private static RangePager<Integer> pager(Pages pages, int maxRetries, List<Long> waits, int[] retries) {
    return new RangePager<>(pages::from, maxRetries, attempt -> 100L << attempt, waits::add,
        () -> retries[0]++);
  }

  @Test
  void aPageThatFailsIsAskedForAgainFromTheLastPageHandedOnAndNoRowIsHandedOnTwice() throws Exception {
    Pages pages = new Pages();
    pages.failures.put(0, 1);
    pages.failures.put(2, 2);
    List<Long> waits = new ArrayList<>();
    int[] retries = {0};
    List<Integer> handedOn = new ArrayList<>();

    long count = pager(pages, 2, waits, retries).read("token range r1 of ks.t", handedOn::add);

    List<Integer> expected = new ArrayList<>();
    for (int r = 0; r < 30; r++) {
      expected.add(r);
    }
    assertEquals(expected, handedOn);
    assertEquals(30, count);
    assertEquals(List.of("start", "start", "page 1", "page 2", "page 2", "page 2"), pages.requests);
    assertEquals(3, retries[0]);
    assertEquals(List.of(100L, 100L, 200L), waits, "the backoff restarts after a page that worked");
  }

  @Test
  void aPageThatKeepsFailingEndsTheRangeSayingHowManyRowsWereHandedOn() {
    Pages pages = new Pages();
    pages.failures.put(2, 3);
    List<Integer> handedOn = new ArrayList<>();

    ReadRangeFn.RangeFailedException e = assertThrows(ReadRangeFn.RangeFailedException.class,
        () -> pager(pages, 2, new ArrayList<>(), new int[1]).read("token range r1 of ks.t", handedOn::add));

    assertEquals("Reading token range r1 of ks.t failed after 2 retries: DriverTimeoutException: slow",
        e.getMessage());
    assertEquals(20, e.rowsHandedOn);
    assertEquals(20, handedOn.size());
  }

  @Test
  void anErrorThatIsNotTransientIsNotRetried() {
    Pages pages = new Pages();
    pages.failures.put(1, 1);
    pages.errors.put(1, new SyntaxError(null, "bad query"));
    int[] retries = {0};

    ReadRangeFn.RangeFailedException e = assertThrows(ReadRangeFn.RangeFailedException.class,
        () -> pager(pages, 5, new ArrayList<>(), retries).read("token range r2 of ks.t", row -> { }));

    assertEquals("Reading token range r2 of ks.t failed after 0 retries: SyntaxError: bad query", e.getMessage());
    assertEquals(10, e.rowsHandedOn);
    assertEquals(0, retries[0]);
  }
}
