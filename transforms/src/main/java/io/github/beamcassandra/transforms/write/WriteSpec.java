package io.github.beamcassandra.transforms.write;

import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.mutation.MutationLayout;
import java.io.Serializable;
import org.joda.time.Duration;

/** What the writing DoFn needs, fixed at construction: a small serializable value, no live client. */
final class WriteSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Identifies one applied write, so its DoFn instances in a JVM share one in-flight limit. */
  final String id;
  final CassandraConnection connection;
  final MutationLayout layout;
  final String consistency;
  final int maxConcurrentRequests;
  final int maxBatchStatements;
  final int maxBatchBytes;
  final BatchMode batchMode;
  final int maxBufferedMutations;
  final long maxBufferedBytes;
  final Duration maxBufferingDuration;
  final int maxRetries;
  final Duration initialBackoff;
  final Duration maxBackoff;
  final boolean failOnError;

  WriteSpec(String id, CassandraConnection connection, MutationLayout layout, String consistency,
      int maxConcurrentRequests, int maxBatchStatements, int maxBatchBytes, BatchMode batchMode, int maxBufferedMutations,
      long maxBufferedBytes, Duration maxBufferingDuration, int maxRetries, Duration initialBackoff,
      Duration maxBackoff, boolean failOnError) {
    this.id = id;
    this.connection = connection;
    this.layout = layout;
    this.consistency = consistency;
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.maxBatchStatements = maxBatchStatements;
    this.maxBatchBytes = maxBatchBytes;
    this.batchMode = batchMode;
    this.maxBufferedMutations = maxBufferedMutations;
    this.maxBufferedBytes = maxBufferedBytes;
    this.maxBufferingDuration = maxBufferingDuration;
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.failOnError = failOnError;
  }
}
