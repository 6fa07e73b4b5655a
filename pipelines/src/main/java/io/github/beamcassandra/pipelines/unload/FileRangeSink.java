package io.github.beamcassandra.pipelines.unload;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvRecordWriter;
import io.github.beamcassandra.pipelines.format.JsonRecordWriter;
import io.github.beamcassandra.transforms.read.RangeSink;
import io.github.beamcassandra.transforms.read.TokenRange;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * One file per token range in the output directory, named by the range's position on the ring
 * ({@code <table>-00007.csv}, plus {@code .gz} when compressed). Rows go to a hidden temporary file
 * that is renamed into place when the range is complete, so a file that exists is a whole range and a
 * range read again after a failure replaces nothing half-written. A range without rows leaves no file.
 */
final class FileRangeSink implements RangeSink {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String table;
  private final String format;
  private final boolean gzip;
  private final CsvFormat csv;
  private final LinkedHashMap<String, CqlType> columns;
  private final Map<String, Integer> positions;

  FileRangeSink(String directory, String table, String format, boolean gzip, CsvFormat csv,
      LinkedHashMap<String, CqlType> columns, Map<String, Integer> positions) {
    this.directory = directory;
    this.table = table;
    this.format = format;
    this.gzip = gzip;
    this.csv = csv;
    this.columns = columns;
    this.positions = positions;
  }

  /** The file name of the range at {@code position}. */
  String fileName(int position) {
    return String.format("%s-%05d.%s%s", table, position, format, gzip ? ".gz" : "");
  }

  /** How the files are named, for the checkpoint's header: {@code <table>-NNNNN.csv}. */
  String fileNamePattern() {
    return table + "-NNNNN." + format + (gzip ? ".gz" : "");
  }

  @Override
  public RangeWriter open(TokenRange range, Schema schema) throws IOException {
    Integer position = positions.get(range.id());
    if (position == null) {
      throw new IllegalStateException("Token range " + range.id() + " is not one of the planned ranges");
    }
    Path dir = Path.of(directory);
    Path target = dir.resolve(fileName(position));
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)
        + ".inprogress");
    OutputStream stream = Files.newOutputStream(temp);
    if (gzip) {
      stream = new GZIPOutputStream(stream, 64 * 1024);
    }
    BufferedWriter text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    return format.equals("json")
        ? new FileWriter(temp, target, text, new JsonRecordWriter(text, columns)::write)
        : new FileWriter(temp, target, text, new CsvRecordWriter(text, csv, columns)::write);
  }

  /** Writes one row in the file's format. */
  private interface RowWriter {
    void write(Row row) throws IOException;
  }

  private static final class FileWriter implements RangeWriter {
    private final Path temp;
    private final Path target;
    private final BufferedWriter text;
    private final RowWriter rows;
    private long count;
    private boolean committed;
    private boolean closed;

    FileWriter(Path temp, Path target, BufferedWriter text, RowWriter rows) {
      this.temp = temp;
      this.target = target;
      this.text = text;
      this.rows = rows;
    }

    @Override
    public void write(Row row) throws IOException {
      rows.write(row);
      count++;
    }

    @Override
    public void commit() throws IOException {
      text.close();
      closed = true;
      if (count == 0) {
        Files.deleteIfExists(temp); // an empty range leaves no file, only its checkpoint line
      } else {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        text.close();
      }
      if (!committed) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
