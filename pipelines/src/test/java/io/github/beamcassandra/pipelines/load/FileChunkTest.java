package io.github.beamcassandra.pipelines.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvReader;
import io.github.beamcassandra.pipelines.format.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileChunkTest {
  @Test
  void partsAreContiguousAndTogetherHoldEveryRecordOnceWithItsLine() throws IOException {
    StringBuilder csv = new StringBuilder("id,text\n");
    for (int i = 0; i < 500; i++) {
      csv.append(i).append(i % 7 == 0 ? ",\"two\nlines\"\n" : ",plain \u00e9\n");
    }
    assertPartsHoldEveryRecordOnce(csv.toString(), CsvFormat.dsbulk());
  }

  @Test
  void aNonAsciiDelimiterIsCutByAFullParse() throws IOException {
    StringBuilder csv = new StringBuilder("id\u00a7text\n");
    for (int i = 0; i < 300; i++) {
      csv.append(i).append(i % 5 == 0 ? "\u00a7\"a\u00a7\nb\"\n" : "\u00a7plain\n");
    }
    assertPartsHoldEveryRecordOnce(csv.toString(), CsvFormat.dsbulk().withDelimiter('\u00a7'));
  }

  private static void assertPartsHoldEveryRecordOnce(String text, CsvFormat format) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<CsvRecord> expected = new ArrayList<>();
    CsvReader.open(new ByteArrayInputStream(bytes), "f.csv", format).forEachRemaining(expected::add);

    List<FileChunk> parts = FileChunk.split(() -> new ByteArrayInputStream(bytes), "f.csv", format, 1000);

    assertTrue(parts.size() > 2, "parts: " + parts.size());
    assertEquals(-1, parts.get(0).offset);
    assertEquals(Long.MAX_VALUE, parts.get(parts.size() - 1).end);
    List<CsvRecord> read = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      FileChunk part = parts.get(i);
      if (i > 0) {
        assertEquals(parts.get(i - 1).end, part.offset, "part " + i + " starts where the last ended");
      }
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      CsvReader reader;
      if (part.offset < 0) {
        reader = CsvReader.open(in, "f.csv", format);
      } else {
        in.skip(part.offset);
        reader = CsvReader.resume(in, "f.csv", format, part.columns, part.offset, part.line);
      }
      while (reader.position() < part.end && reader.hasNext()) {
        read.add(reader.next());
      }
    }
    assertEquals(expected, read);
  }
}
