package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvReader;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
   * (found by reading it through once, which costs about a second per 30 MB) or a Parquet file with
   * row groups of more than {@code partBytes} in all (found from its footer), else the whole file.
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
    return InputFiles.withFile(file.name, in -> split(in, file.name, csv, partBytes));
  }

  static List<FileChunk> split(InputStream in, String name, CsvFormat csv, long partBytes) {
    List<FileChunk> parts = new ArrayList<>();
    try (CsvReader reader = CsvReader.open(in, name, csv)) {
      List<String> columns = reader.columnNames();
      long start = -1;
      long startLine = 1;
      while (reader.hasNext()) {
        reader.next();
        long position = reader.position();
        if (position - Math.max(0, start) >= partBytes) {
          parts.add(new FileChunk(name, start, position, startLine, columns));
          start = position;
          startLine = reader.line();
        }
      }
      parts.add(new FileChunk(name, start, Long.MAX_VALUE, startLine, columns));
      return parts;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
