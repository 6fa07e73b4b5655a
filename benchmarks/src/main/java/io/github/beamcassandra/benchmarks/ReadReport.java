package io.github.beamcassandra.benchmarks;

import static io.github.beamcassandra.benchmarks.ReadContender.BEAM_COUNT;
import static io.github.beamcassandra.benchmarks.ReadContender.BEAM_READ;
import static io.github.beamcassandra.benchmarks.ReadContender.DSBULK_UNLOAD;
import static io.github.beamcassandra.benchmarks.ReadContender.SELECT_COUNT;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The read benchmark's tables, in Markdown like {@link Report}'s, whose number formats they share. */
final class ReadReport {
  /** A ratio of two contenders' throughput, and the least the project wants it to be. */
  record Target(ReadContender numerator, ReadContender denominator, String text, double atLeast,
      boolean strictly) {
    Optional<Double> measured(Map<ReadContender, ReadSummary> summaries) {
      ReadSummary top = summaries.get(numerator);
      return top == null ? Optional.empty() : top.ratioTo(summaries.get(denominator));
    }

    String met(Map<ReadContender, ReadSummary> summaries) {
      return measured(summaries)
          .map(r -> (strictly ? r > atLeast : r >= atLeast) ? "yes" : "NO")
          .orElse("n/a");
    }
  }

  /** The targets the project set itself (issue 4); reported, never enforced. */
  static final List<Target> TARGETS = List.of(
      new Target(BEAM_READ, DSBULK_UNLOAD, "read at least as fast as DataStax Bulk Loader's unload",
          1.0, false),
      new Target(BEAM_COUNT, SELECT_COUNT, "count faster than plain SELECT count(*)", 1.0, true),
      new Target(BEAM_COUNT, BEAM_READ, "count faster than the read", 1.0, true));

  private ReadReport() {}

  /** Every contender's median, its runs, the rows it saw, then the three ratios. */
  static String table(String table, int repeats, Map<ReadContender, ReadSummary> summaries) {
    long rows = summaries.values().stream().mapToLong(ReadSummary::rows).findFirst().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "### Read and count of %s: %,d rows, median of %d run%s%n%n",
        table, rows, repeats, repeats == 1 ? "" : "s"));
    out.append("| Contender | Seconds (median) | Rows/s | Runs (s) | JVM wall s (median) | Rows/s by wall"
        + " | Rows seen |\n");
    out.append("|---|---:|---:|---|---:|---:|---|\n");
    for (ReadSummary summary : summaries.values()) {
      Optional<Double> wall = summary.medianWallSeconds();
      out.append("| ").append(summary.contender().label())
          .append(" | ").append(summary.medianSeconds().map(Report::seconds).orElse("failed"))
          .append(" | ").append(summary.rowsPerSecond().map(Report::rate).orElse("-"))
          .append(" | ").append(runs(summary))
          .append(" | ").append(wall.map(Report::seconds).orElse("-"))
          .append(" | ").append(wall.map(w -> Report.rate(summary.rows() / w)).orElse("-"))
          .append(" | ").append(seen(summary))
          .append(" |\n");
    }
    out.append('\n');
    StringJoiner ratios = new StringJoiner("; ");
    for (Target target : TARGETS) {
      if (summaries.containsKey(target.numerator()) && summaries.containsKey(target.denominator())) {
        ratios.add(target.numerator().label() + " / " + target.denominator().label() + ": "
            + target.measured(summaries).map(Report::ratio).orElse("n/a"));
      }
    }
    if (ratios.length() > 0) {
      out.append("Ratios of rows/s: ").append(ratios).append("\n\n");
    }
    for (ReadSummary summary : summaries.values()) {
      for (ReadRun run : summary.runs()) {
        if (!run.ok()) {
          out.append(String.format(Locale.ROOT, "- %s, run %d: %s (log: %s)%n",
              summary.contender().label(), run.repeat(), run.error(), run.log()));
        }
      }
    }
    return out.toString();
  }

  /** The three targets against what was measured (n/a when a contender was not run or failed). */
  static String targets(Map<ReadContender, ReadSummary> summaries) {
    StringBuilder out = new StringBuilder("| Target | Ratio of rows/s | Met |\n|---|---:|---|\n");
    for (Target target : TARGETS) {
      out.append("| ").append(target.text())
          .append(" (").append(target.numerator().label()).append(" / ")
          .append(target.denominator().label()).append(' ')
          .append(target.strictly() ? ">" : ">=").append(' ')
          .append(String.format(Locale.ROOT, "%.0f", target.atLeast())).append(')')
          .append(" | ").append(target.measured(summaries).map(Report::ratio).orElse("n/a"))
          .append(" | ").append(target.met(summaries))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String runs(ReadSummary summary) {
    StringJoiner joiner = new StringJoiner(", ");
    for (ReadRun run : summary.runs()) {
      String time = run.seconds().isPresent() ? Report.seconds(run.seconds().getAsDouble()) : "failed";
      joiner.add(run.ok() || run.seconds().isEmpty() ? time : time + " (not counted)");
    }
    return joiner.toString();
  }

  private static String seen(ReadSummary summary) {
    List<ReadRun> runs = summary.runs();
    if (!runs.isEmpty() && runs.stream().allMatch(r -> r.rows() == r.expectedRows())) {
      return runs.size() == 1 ? "all" : "all, in every run";
    }
    StringJoiner joiner = new StringJoiner(", ");
    for (ReadRun run : runs) {
      joiner.add(run.rows() < 0 ? "-" : String.format(Locale.ROOT, "%,d", run.rows()));
    }
    return joiner.toString();
  }
}
