package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.local.LocalCassandra;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code bin/beam-cassandra local ...} as a user would, against the built jar. */
class LocalCommandIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "beam-cassandra").toAbsolutePath();
  private static final Pattern CQL = Pattern.compile("CQL: +127\\.0\\.0\\.1:(\\d+)");

  @TempDir static Path nodeDir;
  @TempDir static Path otherDir;

  /** Exit code, standard output and standard error of one launch. */
  record Result(int exitCode, String output, String errors) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + output + errors;
    }
  }

  @AfterAll
  static void stopWhateverIsLeft() throws Exception {
    launch("local", "stop", "--dir=" + nodeDir);
    launch("local", "stop", "--dir=" + otherDir);
  }

  @Test
  void startStatusStopOfAUserNode() throws Exception {
    Result before = launch("local", "status", "--dir=" + nodeDir);
    assertEquals(3, before.exitCode(), before.toString());
    assertTrue(before.output().startsWith("Not running"), before.toString());

    Result start = launch("local", "start", "--dir=" + nodeDir, "--port=0", "--heap=512M");
    assertEquals(0, start.exitCode(), start.toString());
    Matcher cql = CQL.matcher(start.output());
    assertTrue(cql.find(), start.toString());
    int port = Integer.parseInt(cql.group(1));

    // The launcher has exited; the node it left answers CQL.
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress("127.0.0.1", port))
        .withLocalDatacenter("datacenter1").build()) {
      assertNotNull(session.execute("SELECT release_version FROM system.local").one());
    }

    Result status = launch("local", "status", "--dir=" + nodeDir);
    assertEquals(0, status.exitCode(), status.toString());
    assertTrue(status.output().startsWith("Running: pid"), status.toString());

    Result again = launch("local", "start", "--dir=" + nodeDir);
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.output().startsWith("A node is already running"), again.toString());

    Result clash = launch("local", "start", "--dir=" + otherDir, "--port=" + port);
    assertEquals(1, clash.exitCode(), clash.toString());
    assertTrue(clash.errors().contains("port " + port + " on 127.0.0.1 is already in use"),
        clash.toString());

    Result stop = launch("local", "stop", "--dir=" + nodeDir);
    assertEquals(0, stop.exitCode(), stop.toString());
    assertTrue(stop.output().startsWith("Stopped the node"), stop.toString());

    Result after = launch("local", "status", "--dir=" + nodeDir);
    assertEquals(3, after.exitCode(), after.toString());
    assertFalse(LocalCassandra.answersCql("127.0.0.1", port, Optional.empty()),
        "the stopped node still answers CQL");
  }

  @Test
  void badUsageNamesTheOption() throws Exception {
    Result bad = launch("local", "start", "--prot=9042");
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.errors().startsWith("Unknown option --prot for 'local start'."), bad.toString());
  }

  static Result launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    Path errors = Files.createTempFile("launcher", ".err");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "launcher did not finish: " + output);
    String errorText = Files.readString(errors);
    Files.delete(errors);
    return new Result(process.exitValue(), output, errorText);
  }
}
