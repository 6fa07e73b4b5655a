package io.github.beamcassandra.pipelines.run;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.Serializable;

/**
 * {@code --maxErrors}: a number of rejected or failed records ({@code 100}), a share of the records read
 * ({@code 2%}), or no limit ({@code -1}). A share is judged once 100 records have been read, and at the
 * end of the run.
 */
public final class ErrorLimit implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long MIN_RECORDS_FOR_SHARE = 100;

  private final long count;
  private final double percent;

  private ErrorLimit(long count, double percent) {
    this.count = count;
    this.percent = percent;
  }

  public static ErrorLimit parse(String text) {
    String value = text == null ? "" : text.trim();
    try {
      if (value.endsWith("%")) {
        double percent = Double.parseDouble(value.substring(0, value.length() - 1).trim());
        if (percent >= 0 && percent <= 100) {
          return new ErrorLimit(-1, percent);
        }
      } else {
        long count = Long.parseLong(value);
        if (count >= -1) {
          return new ErrorLimit(count, -1);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--maxErrors must be a number of records (100), a percentage of the records"
        + " read (2%), or -1 for no limit; got: '" + text + "'");
  }

  /** Whether {@code errors} out of {@code read} records so far is past the limit. */
  public boolean exceeded(long errors, long read, boolean finished) {
    if (percent >= 0) {
      return (finished || read >= MIN_RECORDS_FOR_SHARE) && read > 0 && errors * 100.0 > percent * read;
    }
    return count >= 0 && errors > count;
  }

  @Override
  public String toString() {
    return percent >= 0 ? percent + "%" : String.valueOf(count);
  }
}
