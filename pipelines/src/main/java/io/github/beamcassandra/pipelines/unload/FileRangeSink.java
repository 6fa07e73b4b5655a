package io.github.beamcassandra.pipelines.unload;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvRecordWriter;
import io.github.beamcassandra.pipelines.format.JsonRecordWriter;
import io.github.beamcassandra.pipelines.format.ParquetRecordWriter;
import io.github.beamcassandra.transforms.read.RangeSink;
import io.github.beamcassandra.transforms.read.TokenRange;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One file per token range in the output directory, named by the range's position on the ring
 * ({@code <table>-00007.csv}, plus {@code .gz} when compressed; {@code <table>-00007.parquet}, its
 * compression inside). Rows go to a hidden temporary file that is renamed into place when the range is
 * complete, so a file that exists is a whole range and a range read again after a failure replaces
 * nothing half-written. A range without rows leaves no file.
 */
final class FileRangeSink implements RangeSink {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String table;
  private final String format;
  /** none, gzip or (Parquet) snappy. */
  private final String compression;
  private final CsvFormat csv;
  private final LinkedHashMap<String, CqlType> columns;
  private final Map<String, Integer> positions;

  FileRangeSink(String directory, String table, String format, String compression, CsvFormat csv,
      LinkedHashMap<String, CqlType> columns, Map<String, Integer> positions) {
    this.directory = directory;
    this.table = table;
    this.format = format;
    this.compression = compression;
    this.csv = csv;
    this.columns = columns;
    this.positions = positions;
  }

  /** The file name of the range at {@code position}. */
  String fileName(int position) {
    return String.format("%s-%05d.%s%s", table, position, format, gzipText() ? ".gz" : "");
  }

  /** How the files are named, for the checkpoint's header: {@code <table>-NNNNN.csv}. */
  String fileNamePattern() {
    return table + "-NNNNN." + format + (gzipText() ? ".gz" : "");
  }

  /** A text file compressed as a whole (a Parquet file compresses its pages itself). */
  private boolean gzipText() {
    return !format.equals("parquet") && compression.equals("gzip");
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
    if (format.equals("parquet")) {
      try {
        ParquetRecordWriter parquet = new ParquetRecordWriter(
            Channels.newChannel(new BufferedOutputStream(stream, 64 * 1024)), table, columns, codec());
        return new FileWriter(temp, target, parquet, parquet::write);
      } catch (IOException | RuntimeException e) {
        stream.close();
        Files.deleteIfExists(temp);
        throw e;
      }
    }
    if (gzipText()) {
      stream = new GZIPOutputStream(stream, 64 * 1024);
    }
    BufferedWriter text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    return format.equals("json")
        ? new FileWriter(temp, target, text, new JsonRecordWriter(text, columns)::write)
        : new FileWriter(temp, target, text, new CsvRecordWriter(text, csv, columns)::write);
  }

  /** Parquet's codec: snappy, gzip, or none. */
  private CompressionCodecName codec() {
    return compression.equals("none") ? CompressionCodecName.UNCOMPRESSED
        : CompressionCodecName.valueOf(compression.toUpperCase(Locale.ROOT));
  }

  /** Writes one row in the file's format. */
  private interface RowWriter {
    void write(Row row) throws IOException;
  }

  private static final class FileWriter implements RangeWriter {
    private final Path temp;
    private final Path target;
    private final Closeable out;
    private final RowWriter rows;
    private long count;
    private boolean committed;
    private boolean closed;

    FileWriter(Path temp, Path target, Closeable out, RowWriter rows) {
      this.temp = temp;
      this.target = target;
      this.out = out;
      this.rows = rows;
    }

    @Override
    public void write(Row row) throws IOException {
      rows.write(row);
      count++;
    }

    @Override
    public void commit() throws IOException {
      closed = true;
      out.close();
      if (count == 0) {
        Files.deleteIfExists(temp); // an empty range leaves no file, only its checkpoint line
      } else {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!closed) {
          closed = true;
          out.close();
        }
      } finally {
        if (!committed) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }
}
