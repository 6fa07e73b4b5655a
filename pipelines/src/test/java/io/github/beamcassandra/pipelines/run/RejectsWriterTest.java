package io.github.beamcassandra.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nothingRejectedLeavesNoFile(@TempDir Path runDir) throws IOException {
    RejectsWriter writer = new RejectsWriter(runDir.toString(), "parse");
    writer.commit();
    writer.close();
    assertTrue(files(runDir).isEmpty());
  }

  @Test
  void committedRejectsAreOnDiskWhileTheWriterIsStillOpen(@TempDir Path runDir) throws IOException {
    RejectsWriter writer = new RejectsWriter(runDir.toString(), "parse");
    writer.write(new Reject("parse", "people.csv", 7, "age", "not an int: 'x'", "ParseError", "7,bob,x"));
    writer.commit();
    List<Path> files = files(runDir);
    assertEquals(1, files.size());
    assertTrue(files.get(0).getFileName().toString().matches("parse-[0-9a-f]{8}\\.jsonl"), files.toString());
    List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    JsonNode reject = JSON.readTree(lines.get(0));
    assertEquals("people.csv", reject.get("source").asText());
    assertEquals(7, reject.get("line").asLong());
    assertEquals("age", reject.get("column").asText());
    assertEquals("7,bob,x", reject.get("record").asText());

    // A later bundle's rejects go to the same local file.
    writer.write(new Reject("parse", "people.csv", 9, null, "wrong field count", "ParseError", "9"));
    writer.close();
    assertEquals(1, files(runDir).size());
    assertEquals(2, Files.readAllLines(files.get(0), StandardCharsets.UTF_8).size());
  }

  @Test
  void aFileUriIsALocalDirectory(@TempDir Path runDir) throws IOException {
    RejectsWriter writer = new RejectsWriter(runDir.toUri().toString(), "write");
    writer.write(new Reject("write", null, 0, null, "timed out", "WriteTimeoutException", "{}"));
    writer.close();
    assertEquals(1, files(runDir).size());
  }

  private static List<Path> files(Path runDir) throws IOException {
    Path rejects = runDir.resolve("rejects");
    if (!Files.isDirectory(rejects)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(rejects)) {
      return s.collect(Collectors.toList());
    }
  }
}
