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
}
