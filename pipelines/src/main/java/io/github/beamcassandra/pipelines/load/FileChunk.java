package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvReader;
import io.github.beamcassandra.pipelines.format.CsvRecordScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A part of an input file that one step parses: the whole file, or for a large uncompressed CSV file
 * a run of whole records from {@code offset} (a record boundary found by reading the file once before
 * the pipeline runs) up to {@code end}, or for a large Parquet file the row groups that start from
 * {@code offset} up to {@code end} (found from its footer). Runners such as the DirectRunner keep a
 * step's output for one input element in memory until the element is done, so parts bound the memory
 * a file takes.
 */
public final class FileChunk implements Serializable {
  private static final long serialVersionUID = 1L;
  final String file;
  /** Where the part starts; -1: the file's start, header and all. */
  final long offset;
  /** Where the next part starts; Long.MAX_VALUE for the last. */
  final long end;
  /** The physical line at {@code offset} (Parquet: the number of the part's first record). */
  final long line;
  /** The file's columns (its header, or its Parquet fields), for parts that start past the header. */
  final List<String> columns;

  FileChunk(String file, long offset, long end, long line, List<String> columns) {
    this.file = file;
    this.offset = offset;
    this.end = end;
    this.line = line;
    this.columns = columns == null ? null : List.copyOf(columns);
  }

  static FileChunk whole(String file) {
    return new FileChunk(file, -1, Long.MAX_VALUE, 1, null);
  }

  public String file() {
    return file;
  }

  /** The file's column names when known here (CSV parts, Parquet), else null. */
  public List<String> columns() {
    return columns;
  }

  /**
   * The parts of {@code file}: several for an uncompressed CSV file larger than {@code partBytes}
   * (found by reading it through once before the run: with ASCII delimiter, quote, escape and comment
   * characters a byte scan of the record structure, about 50 MB/s, else a full parse) or a Parquet
   * file with row groups of more than {@code partBytes} in all (found from its footer), else the whole
   * file.
   *
   * @throws io.github.beamcassandra.pipelines.UsageException for a file with a {@code .parquet} name
   *     or format that is not one
   */
  public static List<FileChunk> of(InputFiles.InputFile file, String format, CsvFormat csv, long partBytes) {
    if ("parquet".equals(format)) {
      return ParquetFiles.parts(file, partBytes);
    }
    boolean compressed = file.name.toLowerCase(Locale.ROOT).endsWith(".gz");
    if (!"csv".equals(format) || compressed || file.size <= partBytes) {
      return List.of(whole(file.name));
    }
    try {
      return split(() -> InputFiles.open(file.name), file.name, csv, partBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.name + ": " + e.getMessage(), e);
    }
  }

  /** Opens the file from its start. */
  interface Source {
    InputStream open() throws IOException;
  }

  static List<FileChunk> split(Source source, String name, CsvFormat csv, long partBytes) throws IOException {
    try (InputStream in = source.open(); CsvReader reader = CsvReader.open(in, name, csv)) {
      List<String> columns = reader.columnNames();
      if (!CsvRecordScanner.supports(csv)) {
        return cut(() -> {
          boolean more = reader.hasNext();
          if (more) {
            reader.next();
          }
          return more;
        }, reader::position, reader::line, name, columns, partBytes);
      }
      // The reader has read the header (and the lines and records to skip); the scan starts after it.
      long firstRecord = reader.position();
      try (InputStream rest = source.open()) {
        rest.skipNBytes(firstRecord);
        CsvRecordScanner scanner = new CsvRecordScanner(rest, csv, firstRecord, reader.line());
        return cut(scanner::nextRecord, scanner::position, scanner::line, name, columns, partBytes);
      }
    }
  }

  /** Moves past the next record; false at the end. */
  private interface NextRecord {
    boolean next() throws IOException;
  }

  /** Parts of at least {@code partBytes}, cut after whole records. */
  private static List<FileChunk> cut(NextRecord next, LongSupplier position, LongSupplier line, String name,
      List<String> columns, long partBytes) throws IOException {
    List<FileChunk> parts = new ArrayList<>();
    long start = -1;
    long startLine = 1;
    while (next.next()) {
      long at = position.getAsLong();
      if (at - Math.max(0, start) >= partBytes) {
        parts.add(new FileChunk(name, start, at, startLine, columns));
        start = at;
        startLine = line.getAsLong();
      }
    }
    parts.add(new FileChunk(name, start, Long.MAX_VALUE, startLine, columns));
    return parts;
  }
}
