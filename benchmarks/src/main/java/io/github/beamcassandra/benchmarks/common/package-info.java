/**
 * What every contender of the write and read benchmarks shares, in plain Java (no Beam, no driver): the
 * tables, the generated rows, the arguments a child JVM takes and the result line it prints. The
 * CassandraIO contender compiles this package into its own jar (see
 * {@code benchmarks/cassandraio/pom.xml}), so it must never depend on anything but the JDK.
 */
package io.github.beamcassandra.benchmarks.common;
