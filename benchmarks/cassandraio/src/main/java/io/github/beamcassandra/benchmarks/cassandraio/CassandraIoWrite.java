package io.github.beamcassandra.benchmarks.cassandraio;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Contender (b), run in a child JVM with driver 3 and Guava 19 on its classpath: Beam's own
 * {@code CassandraIO.write()} of mapper-annotated entities, with its default settings, on the Direct
 * runner. Timed from {@code pipeline.run()} until the pipeline finished. CassandraIO has no failure
 * output (a failed write fails the pipeline), so the failure count is reported as unknown.
 */
public final class CassandraIoWrite {
  public static final String NAME = "cassandraio";

  private CassandraIoWrite() {}

  public static void main(String[] args) {
    ChildArgs child = ChildArgs.parse(args);
    List<String> hosts = child.contactPoints().stream().map(ChildArgs::host).toList();
    Set<Integer> ports = child.contactPoints().stream().map(ChildArgs::port).collect(Collectors.toSet());
    if (ports.size() != 1) {
      throw new IllegalArgumentException(
          "CassandraIO takes one port for all hosts; the contact points use " + ports);
    }
    Pipeline pipeline = Pipeline.create(
        PipelineOptionsFactory.fromArgs(DirectRunnerFlags.asArgs()).withValidation().create());
    if (child.shape() == Shape.PEOPLE) {
      write(pipeline, child, hosts, ports.iterator().next(), PersonEntity.class,
          i -> PersonEntity.of(GeneratedRows.person(i)));
    } else {
      write(pipeline, child, hosts, ports.iterator().next(), ReadingEntity.class,
          i -> ReadingEntity.of(GeneratedRows.reading(i)));
    }

    long start = System.nanoTime();
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    long nanos = System.nanoTime() - start;
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    System.out.println(new ContenderResult(NAME, child.shape(), child.rows(), nanos,
        ContenderResult.UNKNOWN_FAILURES).toLine());
  }

  private static <T extends Serializable> void write(Pipeline pipeline, ChildArgs child,
      List<String> hosts, int port, Class<T> entity, SerializableFunction<Long, T> toEntity) {
    pipeline
        .apply("Generate row indexes", GenerateSequence.from(0).to(child.rows()))
        .apply("To entities", MapElements.into(TypeDescriptor.of(entity)).via(toEntity))
        .setCoder(SerializableCoder.of(entity))
        .apply("Write with CassandraIO", CassandraIO.<T>write()
            .withHosts(hosts)
            .withPort(port)
            .withLocalDc(child.localDatacenter())
            .withKeyspace(child.keyspace())
            .withConsistencyLevel(child.consistency())
            .withEntity(entity));
  }
}
