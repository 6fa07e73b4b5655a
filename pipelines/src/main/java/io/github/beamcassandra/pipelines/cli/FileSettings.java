package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.options.FileOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The file options of {@code load} and {@code unload} as the format classes take them. */
final class FileSettings {
  static final List<String> FORMATS = List.of("csv", "json", "parquet");

  private FileSettings() {}

  static CsvFormat csv(FileOptions options) {
    try {
      CsvFormat format = CsvFormat.dsbulk()
          .withDelimiter(unescape(options.getDelimiter()))
          .withQuote(options.getQuote())
          .withEscape(options.getEscape())
          .withHeader(options.getHeader())
          .withNullValue(options.getNullValue())
          .withSkipLines(options.getSkipLines());
      format = options.getComment() == null || options.getComment().isEmpty()
          ? format.withoutComment() : format.withComment(options.getComment());
      return format.validate();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** {@code --columns} as a list, or null when not given. */
  static List<String> columns(FileOptions options) {
    if (options.getColumns() == null || options.getColumns().isBlank()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String name : options.getColumns().split(",")) {
      if (name.isBlank()) {
        throw new UsageException("--columns has an empty name: '" + options.getColumns() + "'");
      }
      names.add(name.trim());
    }
    return names;
  }

  /** {@code --format}, checked, lower case; null when not given. */
  static String format(FileOptions options) {
    if (options.getFormat() == null) {
      return null;
    }
    String format = options.getFormat().trim().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      throw new UsageException("--format must be one of " + String.join(", ", FORMATS) + "; got: '"
          + options.getFormat() + "'");
    }
    return format;
  }

  /** {@code \t} is a tab, as shells make typing one awkward. */
  private static String unescape(String delimiter) {
    return "\\t".equals(delimiter) ? "\t" : delimiter;
  }
}
