package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.LoadContender.Phase;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The load benchmark's tables, in Markdown like {@link Report}'s, whose number formats they share. */
final class LoadReport {
  /** The project's load target (issue 5): DSBulk's wall time over ours, on both files. */
  static final double TARGET_LOAD_SPEEDUP = 1.5;
  /** The project's heap target for a {@code --peakHeapRows} load (issue 5): under 1 GB. */
  static final long TARGET_PEAK_HEAP_BYTES = 1L << 30;

  /** The extra DirectRunner load of a big file with a small heap. */
  record PeakHeapRun(long rows, String xmx, LoadRun run) {
    /** Met when the load finished with every row and its heap stayed under the target. */
    boolean met() {
      return run.ok() && run.heap().map(h -> h.peakUsedBytes() < TARGET_PEAK_HEAP_BYTES).orElse(false);
    }
  }

  private LoadReport() {}

  /**
   * Every table's contenders, phase by phase: median wall seconds, the runs, rows/s of the whole
   * process, the baseline's wall time over this one's, the median of the time each program reports for
   * its own operation, the largest heap, and the rows each run did.
   */
  static String table(Map<Shape, Map<LoadContender, LoadSummary>> all, int repeats) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "### Whole-process wall time, median of %d run%s%n%n", repeats,
        repeats == 1 ? "" : "s"));
    out.append("| Phase | Table | Contender | Wall s (median) | Runs (s) | Rows/s | Baseline s / this s"
        + " | Own clock s | Peak heap (after GC) | Rows |\n");
    out.append("|---|---|---|---:|---|---:|---:|---:|---|---|\n");
    for (Map.Entry<Shape, Map<LoadContender, LoadSummary>> entry : all.entrySet()) {
      Map<LoadContender, LoadSummary> summaries = entry.getValue();
      for (Phase phase : Phase.values()) {
        for (LoadSummary summary : summaries.values()) {
          if (summary.contender().phase() != phase) {
            continue;
          }
          LoadContender baseline = phase.baseline();
          String ratio = summary.contender() == baseline
              ? "baseline"
              : summary.speedupOver(summaries.get(baseline)).map(Report::ratio).orElse("n/a");
          out.append("| ").append(phase)
              .append(" | ").append(tableName(entry.getKey()))
              .append(" | ").append(summary.contender().label())
              .append(" | ").append(summary.medianWallSeconds().map(Report::seconds).orElse("failed"))
              .append(" | ").append(runs(summary))
              .append(" | ").append(summary.rowsPerSecond().map(Report::rate).orElse("-"))
              .append(" | ").append(ratio)
              .append(" | ").append(summary.medianOwnSeconds().map(Report::seconds).orElse("-"))
              .append(" | ").append(summary.peakHeap().map(HeapUse::describe).orElse("-"))
              .append(" | ").append(rows(summary))
              .append(" |\n");
        }
      }
    }
    out.append('\n');
    for (Map<LoadContender, LoadSummary> summaries : all.values()) {
      for (LoadSummary summary : summaries.values()) {
        for (LoadRun run : summary.runs()) {
          if (!run.ok()) {
            out.append(String.format(Locale.ROOT, "- %s, %s, run %d: %s (log: %s)%n",
                summary.contender().label(), summary.shape().table(), run.repeat(), run.error(), run.log()));
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * The project's targets against what was measured: each of our loads at least
   * {@value #TARGET_LOAD_SPEEDUP}x DSBulk's on every file, and the peak heap of the big load.
   */
  static String targets(Map<Shape, Map<LoadContender, LoadSummary>> all, Optional<PeakHeapRun> peak) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<Shape, Map<LoadContender, LoadSummary>> entry : all.entrySet()) {
      Map<LoadContender, LoadSummary> summaries = entry.getValue();
      for (LoadContender ours : List.of(LoadContender.BEAM_LOAD, LoadContender.BEAM_LOAD_FLINK)) {
        LoadSummary summary = summaries.get(ours);
        if (summary == null) {
          continue;
        }
        Optional<Double> speedup = summary.speedupOver(summaries.get(LoadContender.DSBULK_LOAD));
        rows.add(new String[] {
            String.format(Locale.ROOT, "%s: %s >= %.1fx DSBulk load (DSBulk wall s / ours)",
                entry.getKey().table() + ".csv", ours.label(), TARGET_LOAD_SPEEDUP),
            speedup.map(Report::ratio).orElse("n/a"),
            speedup.map(s -> s >= TARGET_LOAD_SPEEDUP ? "yes" : "NO").orElse("n/a")});
      }
    }
    peak.ifPresent(p -> rows.add(new String[] {
        String.format(Locale.ROOT, "peak heap of a %,d-row load (DirectRunner, -Xmx%s) under %s", p.rows(),
            p.xmx(), HeapUse.megabytes(TARGET_PEAK_HEAP_BYTES)),
        peakHeap(p),
        p.met() ? "yes" : "NO"}));
    StringBuilder out = new StringBuilder("| Target | Measured | Met |\n|---|---:|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  /** {@code finished in 312.4 s, peak 812 MB (95 MB after GC)}, or why it did not finish. */
  static String peakHeap(PeakHeapRun peak) {
    LoadRun run = peak.run();
    String heap = run.heap().map(h -> "peak " + h.describe()).orElse("no GC log");
    return run.ok()
        ? String.format(Locale.ROOT, "finished in %.1f s, %s", run.wallSeconds(), heap)
        : "did not finish: " + run.error() + "; " + heap;
  }

  private static String tableName(Shape shape) {
    return shape.table() + " (" + shape.description() + ")";
  }

  private static String runs(LoadSummary summary) {
    StringJoiner joiner = new StringJoiner(", ");
    for (LoadRun run : summary.runs()) {
      String time = Report.seconds(run.wallSeconds());
      joiner.add(run.ok() ? time : time + " (not counted)");
    }
    return joiner.toString();
  }

  private static String rows(LoadSummary summary) {
    List<LoadRun> runs = summary.runs();
    if (!runs.isEmpty() && runs.stream().allMatch(LoadRun::ok)) {
      return runs.size() == 1 ? "all" : "all, in every run";
    }
    StringJoiner joiner = new StringJoiner(", ");
    for (LoadRun run : runs) {
      joiner.add(run.rows() < 0 ? "-" : String.format(Locale.ROOT, "%,d", run.rows()));
    }
    return joiner.toString();
  }
}
