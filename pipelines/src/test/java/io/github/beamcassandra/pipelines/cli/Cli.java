package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.pipelines.BeamCassandra;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a command in this JVM, as {@code bin/beam-cassandra} would, and keeps what it printed. */
final class Cli {
  final int exitCode;
  final String out;
  final String err;

  private Cli(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** {@code command} against the test cluster, with runs kept under {@code runDir}. */
  static Cli run(TestCassandra cassandra, Path runDir, String command, String... options) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.add("--contactPoints=" + cassandra.contactPointsOption());
    args.add("--localDatacenter=" + cassandra.localDatacenter());
    args.add("--keyspace=" + cassandra.keyspace());
    args.add("--runDir=" + runDir);
    args.add("--runLog=" + runDir.resolve("runs.jsonl"));
    args.add("--progressSeconds=0");
    args.addAll(Arrays.asList(options));
    return raw(args.toArray(new String[0]));
  }

  static Cli raw(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BeamCassandra.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err;
  }
}
