package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What {@code --input} names: a file, a directory (its files, not hidden ones nor ones starting with
 * {@code _}, such as an unload's checkpoint) or a glob, on any file system Beam knows. Files ending in
 * {@code .gz} are decompressed as they are read.
 */
public final class InputFiles {
  private InputFiles() {}

  /** One input file: its name and size in bytes (-1 when unknown). */
  public static final class InputFile {
    public final String name;
    public final long size;

    InputFile(String name, long size) {
      this.name = name;
      this.size = size;
    }
  }

  public static List<InputFile> match(String input) {
    if (input == null || input.isBlank()) {
      throw new UsageException("--input is required: a file, a directory or a glob.");
    }
    String pattern = input;
    Path local = Path.of(input.replaceFirst("^file://", ""));
    if (!input.contains("://") && Files.isDirectory(local)) {
      pattern = local.toAbsolutePath().normalize() + "/*";
    }
    MatchResult match;
    try {
      match = FileSystems.match(pattern);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("--input " + input + " cannot be listed: " + e.getMessage());
    }
    List<InputFile> files = new ArrayList<>();
    try {
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          String name = m.resourceId().getFilename();
          if (name == null || name.startsWith(".") || name.startsWith("_") || m.resourceId().isDirectory()) {
            continue;
          }
          files.add(new InputFile(m.resourceId().toString(), m.sizeBytes()));
        }
      }
    } catch (IOException e) {
      throw new UsageException("--input " + input + " cannot be listed: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new UsageException("--input " + input + ": no such file"
          + (pattern.equals(input) ? "" : " (looked for " + pattern + ")") + ".");
    }
    files.sort(Comparator.comparing(f -> f.name));
    return files;
  }

  /** The file's format from its name ({@code .csv}, {@code .json}, {@code .jsonl}, ..., plus {@code .gz}). */
  public static String formatOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
      return "csv";
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return "json";
    }
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    return null;
  }

  /** Opens a file for reading, decompressing a {@code .gz} one. */
  public static InputStream open(String name) throws IOException {
    return open(name, bytes -> { });
  }

  /** Opens a file, telling {@code consumed} how many of its bytes (compressed, if so) were read. */
  public static InputStream open(String name, LongConsumer consumed) throws IOException {
    ResourceId id = FileSystems.matchNewResource(name, false);
    InputStream in = new CountingInputStream(Channels.newInputStream(FileSystems.open(id)), consumed);
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      in = new GZIPInputStream(in, 64 * 1024);
    }
    return new java.io.BufferedInputStream(in, 64 * 1024);
  }

  /** Tells {@code consumed} how many bytes were read. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private final LongConsumer consumed;

    CountingInputStream(InputStream in, LongConsumer consumed) {
      super(in);
      this.consumed = consumed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        consumed.accept(n);
      }
      return n;
    }
  }

  /** Reads a file with {@code read} before the pipeline runs, e.g. for its header. */
  public static <T> T withFile(String name, IoFunction<InputStream, T> read) {
    try (InputStream in = open(name)) {
      return read.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** A function that may fail to read. */
  public interface IoFunction<A, B> {
    B apply(A a) throws IOException;
  }
}
