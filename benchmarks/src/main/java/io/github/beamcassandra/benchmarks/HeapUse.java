package io.github.beamcassandra.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much Java heap a child JVM used, read from its unified GC log after it exited.
 *
 * <p>Every child runs with {@link #jvmFlags(Path)}: {@code -Xlog:gc} writes one line per collection with
 * the heap in use before and after it and the committed heap ({@code 412M->97M(1024M)}), and
 * {@code gc+heap+exit} writes the heap in use when the JVM exits. Used heap only grows between two
 * collections, so its highest value is one of the "before" figures or the figure at exit: their
 * maximum is the true peak (to the megabyte the log prints), without sampling that could miss it, and
 * without a tool attaching to the child while it is timed. The log costs one line per collection.
 *
 * <p>How high the used heap gets depends on the heap limit as much as on the program: a collector lets
 * garbage pile up until a collection pays off, so the peak says what the JVM needed with that limit
 * (and that it did not fail). The largest "after" figure is the most that was still reachable (or not
 * yet collected) right after a collection, closer to what the program itself holds on to.
 *
 * @param peakUsedBytes the highest heap in use: before any collection, or at exit
 * @param maxAfterGcBytes the highest heap in use right after a collection; 0 when none ran
 * @param maxCommittedBytes the most heap the JVM had reserved from the system at once
 * @param collections the collection pauses logged
 */
record HeapUse(long peakUsedBytes, long maxAfterGcBytes, long maxCommittedBytes, int collections) {
  /** A collection line's {@code before->after(committed)}, each a number with a unit. */
  private static final Pattern TRANSITION =
      Pattern.compile("(\\d+)([BKMG])->(\\d+)([BKMG])\\((\\d+)([BKMG])\\)");
  /** The exit line of any collector: {@code ... total 219136K, used 95307K ...}. */
  private static final Pattern AT_EXIT = Pattern.compile("total (\\d+)([BKMG]), used (\\d+)([BKMG])");
  private static final long MB = 1L << 20;

  /**
   * The JVM flags that write {@code gcLog}. The path is quoted for {@code -Xlog}, whose own separator
   * is a colon.
   */
  static List<String> jvmFlags(Path gcLog) {
    return List.of("-Xlog:gc,gc+heap+exit:file=\"" + gcLog.toAbsolutePath() + "\"");
  }

  /** The heap use a GC log records, or empty when it has no heap figure (or does not exist). */
  static Optional<HeapUse> read(Path gcLog) {
    if (!Files.isReadable(gcLog)) {
      return Optional.empty();
    }
    try {
      return parse(Files.readAllLines(gcLog, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The heap use in the lines of a unified GC log ({@code -Xlog:gc,gc+heap+exit}). */
  static Optional<HeapUse> parse(List<String> lines) {
    long peak = -1;
    long after = 0;
    long committed = 0;
    int collections = 0;
    for (String line : lines) {
      Matcher t = TRANSITION.matcher(line);
      if (t.find()) {
        collections++;
        peak = Math.max(peak, bytes(t.group(1), t.group(2)));
        after = Math.max(after, bytes(t.group(3), t.group(4)));
        committed = Math.max(committed, bytes(t.group(5), t.group(6)));
        continue;
      }
      Matcher exit = AT_EXIT.matcher(line);
      if (exit.find()) {
        committed = Math.max(committed, bytes(exit.group(1), exit.group(2)));
        peak = Math.max(peak, bytes(exit.group(3), exit.group(4)));
      }
    }
    return peak < 0 ? Optional.empty() : Optional.of(new HeapUse(peak, after, committed, collections));
  }

  /** The larger peak of two, by {@link #peakUsedBytes}. */
  static HeapUse larger(HeapUse a, HeapUse b) {
    return a.peakUsedBytes >= b.peakUsedBytes ? a : b;
  }

  /** {@code 412 MB} */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", (bytes + MB / 2) / MB);
  }

  /** The peak, then the largest after-collection figure: {@code 412 MB (97 MB after GC)}. */
  String describe() {
    return megabytes(peakUsedBytes) + " (" + (collections == 0 ? "no GC" : megabytes(maxAfterGcBytes)
        + " after GC") + ")";
  }

  private static long bytes(String number, String unit) {
    long n = Long.parseLong(number);
    switch (unit) {
      case "B":
        return n;
      case "K":
        return n << 10;
      case "M":
        return n << 20;
      case "G":
        return n << 30;
      default:
        throw new IllegalArgumentException("unit " + unit);
    }
  }
}
