package io.github.beamcassandra.transforms.read;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The exact number of rows of a table: {@code SELECT count(*)} per token range, on the server, summed.
 * Configured like {@link CassandraRead} (connection, keyspace, table, condition, consistency, splits);
 * {@link #perRange()} gives the count of each range instead.
 */
public final class CassandraCount extends PTransform<PBegin, PCollection<Long>> {
  private static final long serialVersionUID = 1L;
  private final CassandraRead read;

  private CassandraCount(CassandraRead read) {
    this.read = read;
  }

  /** A count with the settings of {@code read} (its columns, page size and metadata fields are unused). */
  public static CassandraCount of(CassandraRead read) {
    return new CassandraCount(read);
  }

  public static CassandraCount create() {
    return new CassandraCount(CassandraRead.create());
  }

  /** See {@link CassandraRead#withConnection}. */
  public CassandraCount withConnection(io.github.beamcassandra.transforms.connection.CassandraConnection c) {
    return new CassandraCount(read.withConnection(c));
  }

  /** See {@link CassandraRead#withKeyspace}. */
  public CassandraCount withKeyspace(String keyspace) {
    return new CassandraCount(read.withKeyspace(keyspace));
  }

  /** See {@link CassandraRead#withTable}. */
  public CassandraCount withTable(String table) {
    return new CassandraCount(read.withTable(table));
  }

  /** See {@link CassandraRead#withCondition}. */
  public CassandraCount withCondition(String condition) {
    return new CassandraCount(read.withCondition(condition));
  }

  /** See {@link CassandraRead#withConsistency}. */
  public CassandraCount withConsistency(String level) {
    return new CassandraCount(read.withConsistency(level));
  }

  /** See {@link CassandraRead#withSplits}. */
  public CassandraCount withSplits(int splits) {
    return new CassandraCount(read.withSplits(splits));
  }

  /** Counts per range: {@code KV<range id, rows>} for every split. */
  public PTransform<PBegin, PCollection<KV<String, Long>>> perRange() {
    CassandraRead settings = read;
    return new PTransform<PBegin, PCollection<KV<String, Long>>>("CountPerRange") {
      @Override
      public PCollection<KV<String, Long>> expand(PBegin input) {
        CassandraRead.Plan plan = settings.plan();
        List<TokenRange> ranges = plan.ranges;
        return input
            .apply("Token ranges", Create.of(ranges).withCoder(SerializableCoder.of(TokenRange.class)))
            .apply("Spread ranges", Reshuffle.viaRandomKey())
            .apply("Count ranges", ParDo.of(new CountRangeFn(settings.settings.connection, plan.query,
                settings.settings.consistency, settings.settings.maxRetries)));
      }
    };
  }

  @Override
  public PCollection<Long> expand(PBegin input) {
    return input.apply("Count per range", perRange())
        .apply("Counts", Values.create())
        .apply("Total", Sum.longsGlobally());
  }
}
