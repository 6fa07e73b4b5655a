package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and timestamps as DSBulk 1.10 reads and writes them by default. Timestamps follow its
 * {@code codec.timestamp = CQL_TIMESTAMP}: on read every CQL literal form, a date with an optional time
 * (after {@code T} or a space, seconds and fraction optional) and an optional zone ({@code Z}, {@code
 * +01:00}, {@code +0100}, {@code +01}, or a space and a zone name such as {@code UTC}); no zone means
 * UTC ({@code codec.timeZone}). On write, ISO-8601 with offset in UTC ({@code ISO_OFFSET_DATE_TIME}),
 * e.g. {@code 2024-01-02T03:04:05.123Z}. Dates and times are ISO-8601 local forms ({@code
 * codec.date = ISO_LOCAL_DATE}, {@code codec.time = ISO_LOCAL_TIME}).
 */
final class Temporals {
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(?<date>[+-]?\\d{4,}-\\d{2}-\\d{2})"
          + "(?:[T ](?<time>\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?"
          + "(?<zone>Z|[+-]\\d{2}(?::?\\d{2})?| [A-Za-z][A-Za-z0-9/_+-]*)?");
  private static final String TIMESTAMP_FORMS =
      "expected a CQL timestamp such as 2024-01-02T03:04:05Z, 2024-01-02 03:04:05.123+0100 or "
          + "2024-01-02";

  private Temporals() {}

  static Instant timestamp(String text, CqlType type) {
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      throw new ValueFormatException(type, text, TIMESTAMP_FORMS);
    }
    try {
      LocalDate date = LocalDate.parse(m.group("date"));
      LocalTime time = m.group("time") == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group("time"));
      return date.atTime(time).atZone(zone(m.group("zone"))).toInstant();
    } catch (DateTimeException e) {
      throw new ValueFormatException(type, text, e.getMessage());
    }
  }

  static String formatTimestamp(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  static LocalDate date(String text, CqlType type) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new ValueFormatException(type, text,
          "expected an ISO-8601 date such as 2024-01-02 (" + e.getMessage() + ")");
    }
  }

  static String formatDate(LocalDate date) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }

  static LocalTime time(String text, CqlType type) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw new ValueFormatException(type, text,
          "expected an ISO-8601 time such as 13:45:00.123 (" + e.getMessage() + ")");
    }
  }

  static String formatTime(LocalTime time) {
    return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
  }

  private static ZoneId zone(String zone) {
    if (zone == null || zone.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      return ZoneOffset.of(zone);
    }
    return ZoneId.of(zone.trim(), ZoneId.SHORT_IDS);
  }
}
