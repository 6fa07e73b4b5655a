package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.Type;

/**
 * Parquet input files, read through Beam's file systems (local, or any Beam knows) record by record
 * with parquet-avro, one row group in memory at a time. A file larger than {@code --partBytes} is
 * parsed in parts of whole row groups, found from its footer, like a large CSV file in parts of whole
 * records.
 */
final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * The parts of a Parquet file, each with the file's top-level field names as its columns and the
   * number of its first record as its line.
   *
   * @throws UsageException naming the file when it is not a Parquet file that can be read
   */
  static List<FileChunk> parts(InputFiles.InputFile file, long partBytes) {
    String name = file.name;
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      throw new UsageException(name + ": a Parquet file compresses its pages itself and cannot be read"
          + " gzipped; decompress it first.");
    }
    ParquetMetadata footer;
    try (ParquetFileReader reader = ParquetFileReader.open(new BeamInputFile(name, bytes -> { }))) {
      footer = reader.getFooter();
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().replace(name, "the file");
      throw new UsageException(name + " cannot be read as a Parquet file (" + reason + "). A Parquet file"
          + " ends with its footer and the bytes PAR1; give --format=csv or json if the file holds text, or"
          + " leave it out of --input.");
    }
    List<String> columns = footer.getFileMetaData().getSchema().getFields().stream().map(Type::getName)
        .collect(Collectors.toList());
    List<FileChunk> parts = new ArrayList<>();
    long start = 0;
    long line = 1;
    long bytes = 0;
    long rows = 0;
    for (BlockMetaData rowGroup : footer.getBlocks()) {
      if (bytes > 0 && bytes + rowGroup.getCompressedSize() > partBytes) {
        parts.add(new FileChunk(name, start, rowGroup.getStartingPos(), line, columns));
        start = rowGroup.getStartingPos();
        line += rows;
        bytes = 0;
        rows = 0;
      }
      bytes += rowGroup.getCompressedSize();
      rows += rowGroup.getRowCount();
    }
    parts.add(new FileChunk(name, start, Long.MAX_VALUE, line, columns));
    return parts;
  }

  /**
   * The records of a part: those of the row groups whose middle lies in {@code [offset, end)}, which
   * are exactly the row groups {@link #parts} put in it.
   */
  static ParquetReader<GenericRecord> reader(FileChunk part, LongConsumer consumed) throws IOException {
    return AvroParquetReader.<GenericRecord>builder(new BeamInputFile(part.file, consumed))
        .withDataModel(GenericData.get())
        .withConf(new Configuration(false))
        .withFileRange(Math.max(0, part.offset), part.end)
        .build();
  }

  /** A file of Beam's file systems as Parquet reads it: a length and seekable streams. */
  private static final class BeamInputFile implements InputFile {
    private final String name;
    private final LongConsumer consumed;
    private final ResourceId id;
    private long length = -1;

    BeamInputFile(String name, LongConsumer consumed) {
      this.name = name;
      this.consumed = consumed;
      this.id = FileSystems.matchNewResource(name, false);
    }

    @Override
    public long getLength() throws IOException {
      if (length < 0) {
        length = FileSystems.matchSingleFileSpec(name).sizeBytes();
      }
      return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableByteChannel channel = (SeekableByteChannel) FileSystems.open(id);
      return new DelegatingSeekableInputStream(
          new InputFiles.CountingInputStream(Channels.newInputStream(channel), consumed)) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long position) throws IOException {
          channel.position(position);
        }
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
