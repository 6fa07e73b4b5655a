package io.github.beamcassandra.pipelines.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.parquet.hadoop.ParquetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFilesTest {
  private static final Schema SCHEMA = SchemaBuilder.record("r").fields()
      .requiredLong("id").optionalString("name").endRecord();

  @TempDir
  Path dir;

  /** {@code rows} records with ids 0, 1, ..., in row groups of about {@code rowGroupBytes}. */
  private InputFiles.InputFile write(String name, int rows, int rowGroupBytes) throws IOException {
    Path file = dir.resolve(name);
    ParquetIO.Sink sink = ParquetIO.sink(SCHEMA).withRowGroupSize(rowGroupBytes);
    sink.open(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    for (long i = 0; i < rows; i++) {
      GenericData.Record record = new GenericData.Record(SCHEMA);
      record.put("id", i);
      record.put("name", "name " + i + " ".repeat((int) (i % 50)));
      sink.write(record);
    }
    sink.flush();
    return new InputFiles.InputFile(file.toString(), Files.size(file));
  }

  /** The ids of the part's records, checking each record's number against its id. */
  private static List<Long> read(FileChunk part) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = ParquetFiles.reader(part, bytes -> { })) {
      long number = part.line;
      for (GenericRecord r = reader.read(); r != null; r = reader.read(), number++) {
        long id = (Long) r.get("id");
        assertEquals(id + 1, number, "record " + id + " has its number in the file");
        ids.add(id);
      }
    }
    return ids;
  }

  @Test
  void aLargeFileIsReadInPartsOfWholeRowGroupsThatHoldEveryRecordOnce() throws IOException {
    InputFiles.InputFile file = write("many.parquet", 3000, 2048);

    List<FileChunk> parts = ParquetFiles.parts(file, 4096);

    assertTrue(parts.size() > 3, "parts: " + parts.size());
    List<Long> ids = new ArrayList<>();
    for (FileChunk part : parts) {
      assertEquals(List.of("id", "name"), part.columns());
      List<Long> own = read(part);
      assertTrue(!own.isEmpty(), "every part has a row group");
      ids.addAll(own);
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      expected.add(i);
    }
    assertEquals(expected, ids);
  }

  @Test
  void aSmallFileIsOnePart() throws IOException {
    InputFiles.InputFile file = write("few.parquet", 10, 1 << 20);

    List<FileChunk> parts = ParquetFiles.parts(file, 16 << 20);

    assertEquals(1, parts.size());
    assertEquals(10, read(parts.get(0)).size());
  }

  @Test
  void aFileThatIsNotParquetIsNamedInOneMessage() throws IOException {
    Path text = Files.writeString(dir.resolve("people.parquet"), "id,name\n1,a\n");
    UsageException e = assertThrows(UsageException.class,
        () -> ParquetFiles.parts(new InputFiles.InputFile(text.toString(), Files.size(text)), 1 << 20));
    assertTrue(e.getMessage().startsWith(text + " cannot be read as a Parquet file"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one paragraph: " + e.getMessage());

    UsageException gz = assertThrows(UsageException.class,
        () -> ParquetFiles.parts(new InputFiles.InputFile(dir.resolve("x.parquet.gz").toString(), 10), 1 << 20));
    assertTrue(gz.getMessage().contains("x.parquet.gz") && gz.getMessage().contains("decompress"), gz.getMessage());
  }
}
