package io.github.beamcassandra.transforms.write;

/**
 * How the writer groups mutations into UNLOGGED batches (DataStax Bulk Loader's {@code batch.mode}).
 */
public enum BatchMode {
  /**
   * One partition per batch (the default): the mutations of one partition go together, and a
   * partition with a single mutation is sent as a plain statement. Right for every cluster; the
   * only batching that helps when partitions hold many rows.
   */
  PARTITION,
  /**
   * Besides grouping by partition, partitions whose replicas are the same nodes share one batch: at
   * most {@value BatchWriter#MAX_PARTITIONS_PER_BATCH} partitions (Cassandra's default
   * {@code unlogged_batch_across_partitions_warn_threshold}, so the server does not warn), within
   * {@code maxBatchStatements} and {@code maxBatchBytes}. The batch is routed to one of those
   * replicas, which then writes every partition in it: one request instead of up to ten. For small
   * clusters with a low replication factor and rows in distinct partitions; on large clusters few
   * partitions share replicas and the batches stay small. Counter updates are never grouped this way.
   */
  REPLICA_SET
}
