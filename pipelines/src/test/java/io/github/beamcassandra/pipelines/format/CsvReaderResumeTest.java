package io.github.beamcassandra.pipelines.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderResumeTest {
  private static final String FILE = "\uFEFFid,name,note\r\n"
      + "1,\u00e9t\u00e9,plain\r\n"
      + "2,\"two\nlines\",\"\u6f22\u5b57 \"\"quoted\"\"\"\r\n"
      + "3,\ud83d\ude00,\r"
      + "4,x,\"a,b\"\n"
      + "5,last,end";

  @Test
  void resumingAtAnyRecordBoundaryReadsExactlyTheRemainingRecordsWithTheirLines() {
    byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
    CsvFormat format = CsvFormat.dsbulk();
    List<CsvRecord> all = new ArrayList<>();
    List<long[]> boundaries = new ArrayList<>();
    CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), "f.csv", format);
    boundaries.add(new long[] {reader.position(), reader.line()});
    while (reader.hasNext()) {
      all.add(reader.next());
      boundaries.add(new long[] {reader.position(), reader.line()});
    }
    assertEquals(5, all.size());
    assertEquals(List.of(2L, 3L, 5L, 6L, 7L), all.stream().map(CsvRecord::line).collect(
        java.util.stream.Collectors.toList()));
    assertEquals(bytes.length, boundaries.get(boundaries.size() - 1)[0]);

    for (int k = 0; k < all.size(); k++) {
      long offset = boundaries.get(k)[0];
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      in.skip(offset);
      CsvReader resumed = CsvReader.resume(in, "f.csv", format, reader.columnNames(), offset,
          boundaries.get(k)[1]);
      List<CsvRecord> rest = new ArrayList<>();
      resumed.forEachRemaining(rest::add);
      assertEquals(all.subList(k, all.size()), rest, "resumed at record " + k);
    }
  }

  @Test
  void positionIsUnknownWhileARecordIsWaiting() {
    CsvReader reader = CsvReader.open(new ByteArrayInputStream("a\n1\n2\n".getBytes(StandardCharsets.UTF_8)),
        "f.csv", CsvFormat.dsbulk());
    reader.hasNext();
    assertThrows(IllegalStateException.class, reader::position);
  }
}
