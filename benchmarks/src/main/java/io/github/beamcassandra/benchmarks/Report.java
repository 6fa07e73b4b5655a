package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The benchmark's tables, in Markdown so they paste into a README or an issue as they are. */
final class Report {
  /** The targets the project set itself; reported, never enforced. */
  static final double TARGET_VS_CASSANDRA_IO = 4.0;
  static final double TARGET_VS_ASYNC_LOOP = 0.70;
  static final double TARGET_READINGS_ROWS_PER_SECOND = 70_000;

  private Report() {}

  /** One shape: every contender's median, its runs, the rows counted, and the two ratios. */
  static String shapeTable(Shape shape, int repeats, Map<Contender, Summary> summaries) {
    long rows = summaries.values().stream().mapToLong(Summary::rows).findFirst().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "### %s%s (%s): %,d rows, median of %d run%s%n%n",
        Character.toUpperCase(shape.description().charAt(0)), shape.description().substring(1),
        shape.table(), rows, repeats, repeats == 1 ? "" : "s"));
    out.append("| Contender | Rows | Seconds (median) | Rows/s | Runs (s) | Rows counted |\n");
    out.append("|---|---:|---:|---:|---|---|\n");
    for (Summary summary : summaries.values()) {
      out.append("| ").append(summary.contender().label())
          .append(" | ").append(String.format(Locale.ROOT, "%,d", summary.rows()))
          .append(" | ").append(summary.medianSeconds().map(Report::seconds).orElse("failed"))
          .append(" | ").append(summary.rowsPerSecond().map(Report::rate).orElse("-"))
          .append(" | ").append(runs(summary))
          .append(" | ").append(counted(summary))
          .append(" |\n");
    }
    out.append('\n');
    StringJoiner ratios = new StringJoiner("; ");
    addRatios(ratios, "beam-cassandra", summaries.get(Contender.BEAM_CASSANDRA), summaries);
    addRatios(ratios, "REPLICA_SET", summaries.get(Contender.BEAM_CASSANDRA_REPLICA_SET), summaries);
    if (ratios.length() > 0) {
      out.append(ratios).append("\n\n");
    }
    for (Summary summary : summaries.values()) {
      for (RunOutcome run : summary.runs()) {
        if (!run.ok()) {
          out.append(String.format(Locale.ROOT, "- %s, run %d: %s (log: %s)%n",
              summary.contender().label(), run.repeat(), run.error(), run.log()));
        }
      }
    }
    return out.toString();
  }

  /** Every shape on one line each: throughput of each contender and the two ratios. */
  static String summaryTable(Map<Shape, Map<Contender, Summary>> all) {
    StringBuilder out = new StringBuilder();
    out.append("| Shape | Rows | beam-cassandra rows/s | CassandraIO rows/s | async loop rows/s"
        + " | beam-cassandra / CassandraIO | beam-cassandra / async loop | REPLICA_SET rows/s"
        + " | REPLICA_SET / CassandraIO |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Shape, Map<Contender, Summary>> entry : all.entrySet()) {
      Map<Contender, Summary> s = entry.getValue();
      Summary beam = s.get(Contender.BEAM_CASSANDRA);
      Summary replicaSet = s.get(Contender.BEAM_CASSANDRA_REPLICA_SET);
      long rows = s.values().stream().mapToLong(Summary::rows).findFirst().orElse(0);
      out.append("| ").append(entry.getKey().description()).append(" (").append(entry.getKey().table())
          .append(") | ").append(String.format(Locale.ROOT, "%,d", rows))
          .append(" | ").append(rateOf(beam))
          .append(" | ").append(rateOf(s.get(Contender.CASSANDRA_IO)))
          .append(" | ").append(rateOf(s.get(Contender.ASYNC_LOOP)))
          .append(" | ").append(ratioOf(beam, s.get(Contender.CASSANDRA_IO)).map(Report::ratio).orElse("n/a"))
          .append(" | ").append(ratioOf(beam, s.get(Contender.ASYNC_LOOP)).map(Report::ratioAndPercent)
              .orElse("n/a"))
          .append(" | ").append(rateOf(replicaSet))
          .append(" | ").append(ratioOf(replicaSet, s.get(Contender.CASSANDRA_IO)).map(Report::ratio)
              .orElse("n/a"))
          .append(" |\n");
    }
    return out.toString();
  }

  /** The project's three targets against what was measured (n/a when a shape or contender was not run). */
  static String targets(Map<Shape, Map<Contender, Summary>> all) {
    Map<Contender, Summary> people = all.getOrDefault(Shape.PEOPLE, Map.of());
    Map<Contender, Summary> readings = all.getOrDefault(Shape.READINGS, Map.of());
    List<String[]> rows = new ArrayList<>();
    addUniquePartitionTargets(rows, "unique partitions: beam-cassandra",
        people.get(Contender.BEAM_CASSANDRA), people);
    if (people.containsKey(Contender.BEAM_CASSANDRA_REPLICA_SET)) {
      addUniquePartitionTargets(rows, "unique partitions, withBatchMode(REPLICA_SET):",
          people.get(Contender.BEAM_CASSANDRA_REPLICA_SET), people);
    }
    Optional<Double> readingsRate = Optional.ofNullable(readings.get(Contender.BEAM_CASSANDRA))
        .flatMap(Summary::rowsPerSecond);
    rows.add(new String[] {
        String.format(Locale.ROOT, "partitions of 50: beam-cassandra >= %,.0f rows/s",
            TARGET_READINGS_ROWS_PER_SECOND),
        readingsRate.map(r -> rate(r) + " rows/s").orElse("n/a"),
        met(readingsRate, TARGET_READINGS_ROWS_PER_SECOND)});
    StringBuilder out = new StringBuilder("| Target | Measured | Met |\n|---|---:|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  /** "{@code label} / CassandraIO" and "{@code label} / async loop", for those that ran. */
  private static void addRatios(StringJoiner ratios, String label, Summary ours,
      Map<Contender, Summary> summaries) {
    if (ours == null) {
      return;
    }
    if (summaries.containsKey(Contender.CASSANDRA_IO)) {
      ratios.add(label + " / CassandraIO: "
          + ours.ratioTo(summaries.get(Contender.CASSANDRA_IO)).map(Report::ratio).orElse("n/a"));
    }
    if (summaries.containsKey(Contender.ASYNC_LOOP)) {
      ratios.add(label + " / async loop: "
          + ours.ratioTo(summaries.get(Contender.ASYNC_LOOP)).map(Report::ratioAndPercent).orElse("n/a"));
    }
  }

  /** The two unique-partition targets (against CassandraIO and the async loop) for {@code ours}. */
  private static void addUniquePartitionTargets(List<String[]> rows, String label, Summary ours,
      Map<Contender, Summary> people) {
    Optional<Double> vsIo = ratioOf(ours, people.get(Contender.CASSANDRA_IO));
    rows.add(new String[] {
        String.format(Locale.ROOT, "%s >= %.0fx CassandraIO", label, TARGET_VS_CASSANDRA_IO),
        vsIo.map(Report::ratio).orElse("n/a"), met(vsIo, TARGET_VS_CASSANDRA_IO)});
    Optional<Double> vsLoop = ratioOf(ours, people.get(Contender.ASYNC_LOOP));
    rows.add(new String[] {
        String.format(Locale.ROOT, "%s >= %.0f%% of the async loop", label, TARGET_VS_ASYNC_LOOP * 100),
        vsLoop.map(Report::percent).orElse("n/a"), met(vsLoop, TARGET_VS_ASYNC_LOOP)});
  }

  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.2f", seconds);
  }

  static String rate(double rowsPerSecond) {
    return String.format(Locale.ROOT, "%,.0f", rowsPerSecond);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  private static String ratioAndPercent(double ratio) {
    return ratio(ratio) + " (" + percent(ratio) + ")";
  }

  private static String rateOf(Summary summary) {
    if (summary == null) {
      return "not run";
    }
    return summary.rowsPerSecond().map(Report::rate).orElse("failed");
  }

  private static Optional<Double> ratioOf(Summary numerator, Summary denominator) {
    return numerator == null ? Optional.empty() : numerator.ratioTo(denominator);
  }

  private static String met(Optional<Double> measured, double target) {
    return measured.map(m -> m >= target ? "yes" : "NO").orElse("n/a");
  }

  private static String runs(Summary summary) {
    StringJoiner joiner = new StringJoiner(", ");
    for (RunOutcome run : summary.runs()) {
      String time = run.seconds().map(Report::seconds).orElse("failed");
      joiner.add(run.ok() || run.seconds().isEmpty() ? time : time + " (not counted)");
    }
    return joiner.toString();
  }

  private static String counted(Summary summary) {
    List<RunOutcome> runs = summary.runs();
    if (!runs.isEmpty() && runs.stream().allMatch(r -> r.counted() == r.expectedRows())) {
      return runs.size() == 1 ? "all" : "all, in every run";
    }
    StringJoiner joiner = new StringJoiner(", ");
    for (RunOutcome run : runs) {
      joiner.add(run.counted() < 0 ? "-" : String.format(Locale.ROOT, "%,d", run.counted()));
    }
    return joiner.toString();
  }
}
