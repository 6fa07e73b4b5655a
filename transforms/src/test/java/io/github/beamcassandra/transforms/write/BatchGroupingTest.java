package io.github.beamcassandra.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.beamcassandra.transforms.mutation.Mutation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchGroupingTest {
  private static int nextRow;

  /** An upsert of a new row (clustering value {@code nextRow++}) in {@code partition}. */
  private static Mutation m(int partition, int valueBytes) {
    return row(partition, nextRow++, valueBytes);
  }

  private static Mutation row(int partition, int clustering, int valueBytes) {
    return Mutation.create(Mutation.Kind.UPSERT,
        new byte[][] {{(byte) partition}, {(byte) (clustering >> 8), (byte) clustering}, new byte[valueBytes]},
        new byte[] {(byte) partition}, Mutation.NO_TTL, Mutation.NO_WRITETIME);
  }

  @Test
  void onePartitionPerGroupAndNeverMoreThanMaxStatements() {
    List<Mutation> mutations = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      mutations.add(m(1, 1));
      mutations.add(m(2, 1));
    }
    mutations.add(m(3, 1));

    List<List<Mutation>> groups = BatchWriter.groups(mutations, 2, 32, 1_000_000);

    List<Integer> sizes = new ArrayList<>();
    for (List<Mutation> g : groups) {
      sizes.add(g.size());
      g.forEach(x -> assertEquals(g.get(0).partitionKey()[0], x.partitionKey()[0]));
    }
    assertEquals(List.of(32, 32, 6, 32, 32, 6, 1), sizes);
  }

  @Test
  void groupsStayUnderTheByteLimitUnlessOneMutationAloneIsLarger() {
    List<Mutation> mutations = List.of(m(1, 1000), m(1, 1000), m(1, 1000), m(1, 5000), m(1, 10));
    List<List<Mutation>> groups = BatchWriter.groups(mutations, 2, 32, 2500);
    List<Integer> sizes = new ArrayList<>();
    groups.forEach(g -> sizes.add(g.size()));
    assertEquals(List.of(2, 1, 1, 1), sizes);
  }

  @Test
  void aRowWrittenTwiceStartsANewGroupSoTheLaterWriteIsSentLater() {
    Mutation first = row(1, 7, 1);
    Mutation other = row(1, 8, 1);
    Mutation second = row(1, 7, 2);
    Mutation third = row(1, 7, 3);

    List<List<Mutation>> groups = BatchWriter.groups(List.of(first, other, second, third), 2, 32, 1_000_000);

    assertEquals(List.of(List.of(first, other), List.of(second), List.of(third)), groups);
  }

  @Test
  void withoutClusteringColumnsEveryWriteOfAPartitionIsItsOwnStatement() {
    Mutation a = row(1, 7, 1);
    Mutation b = row(1, 8, 1);
    Mutation c = row(2, 9, 1);

    List<List<Mutation>> groups = BatchWriter.groups(List.of(a, b, c), 1, 32, 1_000_000);

    assertEquals(List.of(List.of(a), List.of(b), List.of(c)), groups);
  }

  private static Mutation counter(int partition) {
    return Mutation.create(Mutation.Kind.COUNTER,
        new byte[][] {{(byte) partition}, {0, 0}, new byte[8]},
        new byte[] {(byte) partition}, Mutation.NO_TTL, Mutation.NO_WRITETIME);
  }

  /** Replicas by partition key: partitions below 100 on nodes "a", from 100 on "b". */
  private static Object replicas(Mutation m) {
    return (m.partitionKey()[0] & 0xff) < 100 ? "a" : "b";
  }

  private static List<List<Mutation>> singles(List<Mutation> mutations) {
    return BatchWriter.groups(mutations, 2, 32, 1_000_000);
  }

  @Test
  void replicaSetBatchesHoldAtMostTenPartitionsThatShareReplicas() {
    List<Mutation> mutations = new ArrayList<>();
    for (int p = 0; p < 25; p++) {
      mutations.add(m(p, 1));
      mutations.add(m(100 + p, 1));
    }

    List<List<Mutation>> batches = BatchWriter.byReplicas(singles(mutations), BatchGroupingTest::replicas, 32, 1_000_000);

    List<Integer> sizes = new ArrayList<>();
    int total = 0;
    for (List<Mutation> batch : batches) {
      sizes.add(batch.size());
      total += batch.size();
      Object first = replicas(batch.get(0));
      batch.forEach(x -> assertEquals(first, replicas(x), "one replica set per batch"));
    }
    assertEquals(List.of(10, 10, 10, 10, 5, 5), sizes);
    assertEquals(mutations.size(), total, "every mutation once");
  }

  @Test
  void replicaSetBatchesKeepTheStatementAndByteLimits() {
    List<Mutation> mutations = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      mutations.add(m(p, 1000));
    }
    assertEquals(List.of(2, 2, 2), sizes(BatchWriter.byReplicas(singles(mutations), BatchGroupingTest::replicas, 32, 2500)));
    assertEquals(List.of(4, 2), sizes(BatchWriter.byReplicas(singles(mutations), BatchGroupingTest::replicas, 4, 1_000_000)));

    // A partition of 3 rows (one group) joins a batch only whole: here it has one of its own.
    List<Mutation> wide = List.of(m(1, 1), m(2, 1), m(2, 1), m(2, 1), m(3, 1));
    assertEquals(List.of(1, 3, 1), sizes(BatchWriter.byReplicas(singles(wide), BatchGroupingTest::replicas, 3, 1_000_000)));
  }

  @Test
  void twoGroupsOfOnePartitionNeverShareABatchAndKeepTheirOrder() {
    Mutation first = row(1, 7, 1);
    Mutation other = row(2, 8, 1);
    Mutation second = row(1, 7, 2);

    List<List<Mutation>> groups = singles(List.of(first, other, second));
    assertEquals(List.of(List.of(first), List.of(second), List.of(other)), groups);
    List<List<Mutation>> batches = BatchWriter.byReplicas(groups, BatchGroupingTest::replicas, 32, 1_000_000);

    // The batch holding the row's first write closes before its second write joins one.
    assertEquals(List.of(List.of(first), List.of(second, other)), batches);
  }

  @Test
  void countersAndUnknownReplicasAreNotGrouped() {
    Mutation a = m(1, 1);
    Mutation c = counter(1);
    Mutation b = m(2, 1);
    Mutation d = counter(3);
    List<List<Mutation>> batches = BatchWriter.byReplicas(singles(List.of(a, c, b, d)), BatchGroupingTest::replicas, 32, 1_000_000);
    // The counter of partition 1 closes the batch holding partition 1's upsert, which is sent first.
    assertEquals(List.of(List.of(a), List.of(c), List.of(d), List.of(b)), batches);

    List<Mutation> mutations = List.of(m(1, 1), m(2, 1), m(3, 1));
    assertEquals(List.of(1, 1, 1), sizes(BatchWriter.byReplicas(singles(mutations), m -> null, 32, 1_000_000)));
  }

  private static List<Integer> sizes(List<List<Mutation>> batches) {
    List<Integer> sizes = new ArrayList<>();
    batches.forEach(g -> sizes.add(g.size()));
    return sizes;
  }
}
