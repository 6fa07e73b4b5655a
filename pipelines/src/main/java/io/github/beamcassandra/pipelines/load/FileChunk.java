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
 * the pipeline runs) up to {@code end}. Runners such as the DirectRunner keep a step's output for one
 * input element in memory until the element is done, so parts bound the memory a file takes.
 */
public final class FileChunk implements Serializable {
  private static final long serialVersionUID = 1L;
  final String file;
  /** Where the part starts; -1: the file's start, header and all. */
  final long offset;
  /** Where the next part starts; Long.MAX_VALUE for the last. */
  final long end;
  /** The physical line at {@code offset}. */
  final long line;
  /** The file's columns (its header, or the format's), for parts that start past the header. */
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

  /**
   * The parts of {@code file}: several for an uncompressed CSV file larger than {@code partBytes}
   * (found by reading it through once, which costs about a second per 30 MB), else the whole file.
   */
  public static List<FileChunk> of(InputFiles.InputFile file, String format, CsvFormat csv, long partBytes) {
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
