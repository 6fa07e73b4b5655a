package io.github.beamcassandra.pipelines.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables for the terminal: a two-column report, or rows under a header. */
public final class ReportTable {
  private ReportTable() {}

  public static String render(Map<String, Object> figures) {
    int width = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder();
    figures.forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n",
        name, format(value))));
    return text.toString().stripTrailing();
  }

  public static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    appendRow(text, header, widths);
    for (List<String> row : rows) {
      appendRow(text, row, widths);
    }
    return text.toString().stripTrailing();
  }

  private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cells.get(i)));
      text.append(i + 1 < cells.size() ? "  " : "\n");
    }
  }

  /** Whole numbers with thousands separators; everything else as is. */
  public static String format(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
    }
    if (value instanceof Double) {
      return String.format(Locale.ROOT, "%,.1f", (Double) value);
    }
    return String.valueOf(value);
  }
}
