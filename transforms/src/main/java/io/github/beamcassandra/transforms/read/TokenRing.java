package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cluster's token ranges, read once at construction, cut into the splits a read or count uses. */
final class TokenRing {
  /** Target bytes per split when the number of splits is not given (like Spark Cassandra Connector's 64 MB). */
  static final long TARGET_SPLIT_BYTES = 64L * 1024 * 1024;

  private TokenRing() {}

  static List<io.github.beamcassandra.transforms.read.TokenRange> splits(
      CqlSession session, TableSpec table, int requested) {
    TokenMap tokenMap = session.getMetadata().getTokenMap().orElseThrow(() -> new IllegalStateException(
        "The driver has no token map for the cluster (token metadata disabled?); cannot split the ring"));
    if (!tokenMap.getPartitionerName().endsWith("Murmur3Partitioner")) {
      throw new IllegalArgumentException("Only Murmur3Partitioner clusters are supported; this one uses "
          + tokenMap.getPartitionerName());
    }
    List<TokenRanges.Owned> owned = new ArrayList<>();
    for (TokenRange range : tokenMap.getTokenRanges()) {
      Set<Node> nodes = tokenMap.getReplicas(TableSpec.identifier(table.keyspace()), range);
      List<String> replicas = new ArrayList<>();
      nodes.forEach(n -> replicas.add(n.getEndPoint().toString()));
      owned.add(new TokenRanges.Owned(((Murmur3Token) range.getStart()).getValue(),
          ((Murmur3Token) range.getEnd()).getValue(), replicas));
    }
    int splits = requested > 0 ? requested : defaultSplits(session, table, owned.size());
    return TokenRanges.split(owned, splits);
  }

  /**
   * From {@code system.size_estimates}: the table's bytes / 64 MB, at least the owned ranges and 4 per
   * core. A node's estimates cover only its own ranges, so they are scaled up to the whole ring.
   */
  static int defaultSplits(CqlSession session, TableSpec table, int ownedRanges) {
    List<Estimate> estimates = new ArrayList<>();
    for (Row row : session.execute("SELECT range_start, range_end, mean_partition_size, partitions_count"
        + " FROM system.size_estimates WHERE keyspace_name = ? AND table_name = ?",
        table.keyspace(), table.table())) {
      estimates.add(new Estimate(Long.parseLong(row.getString("range_start")),
          Long.parseLong(row.getString("range_end")), row.getLong("mean_partition_size"),
          row.getLong("partitions_count")));
    }
    return defaultSplits(tableBytes(estimates), ownedRanges, Runtime.getRuntime().availableProcessors());
  }

  /** One row of {@code system.size_estimates}: the range (start, end] and what it holds. */
  record Estimate(long rangeStart, long rangeEnd, long meanPartitionSize, long partitionsCount) {}

  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  /** The table's bytes in the estimated ranges, divided by the share of the ring those ranges cover. */
  static long tableBytes(List<Estimate> estimates) {
    BigInteger covered = BigInteger.ZERO;
    double bytes = 0;
    for (Estimate e : estimates) {
      BigInteger width = BigInteger.valueOf(e.rangeEnd()).subtract(BigInteger.valueOf(e.rangeStart())).mod(RING);
      covered = covered.add(width.signum() == 0 ? RING : width);
      bytes += (double) e.meanPartitionSize() * e.partitionsCount();
    }
    if (bytes == 0) {
      return 0;
    }
    double share = Math.min(1.0, covered.doubleValue() / RING.doubleValue());
    return (long) Math.min(Long.MAX_VALUE, bytes / share);
  }

  /** {@code tableBytes} / 64 MB, at least {@code ownedRanges} and 4 per core, at most 100,000. */
  static int defaultSplits(long tableBytes, int ownedRanges, int cores) {
    long bySize = tableBytes / TARGET_SPLIT_BYTES + (tableBytes % TARGET_SPLIT_BYTES == 0 ? 0 : 1);
    return (int) Math.min(100_000, Math.max(bySize, Math.max(ownedRanges, 4L * cores)));
  }
}
