package io.github.beamcassandra.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The layout of CSV, JSON and Parquet files, shared by {@code load} and {@code unload}. */
public interface FileOptions extends PipelineOptions {
  @Description("File format: csv, json or parquet. Default: from the file extension (load), csv (unload).")
  String getFormat();

  void setFormat(String value);

  @Description("CSV: the first line names the columns (load), or write such a line (unload).")
  @Default.Boolean(true)
  boolean getHeader();

  void setHeader(boolean value);

  @Description("Columns, comma-separated: the CSV fields in order when --header=false (load), the Parquet"
      + " fields to load (others are left out), or the columns to export (unload). Default: the header or"
      + " the Parquet fields (load), every column (unload).")
  String getColumns();

  void setColumns(String value);

  @Description("CSV field delimiter (one character; \\t for a tab).")
  @Default.String(",")
  String getDelimiter();

  void setDelimiter(String value);

  @Description("CSV quote character.")
  @Default.String("\"")
  String getQuote();

  void setQuote(String value);

  @Description("CSV escape character inside quoted fields, besides a doubled quote.")
  @Default.String("\\")
  String getEscape();

  void setEscape(String value);

  @Description("CSV text that stands for null, besides an empty unquoted field (DataStax Bulk Loader's"
      + " default).")
  @Default.String("")
  String getNullValue();

  void setNullValue(String value);

  @Description("CSV comment character: lines starting with it are skipped. Default: none.")
  String getComment();

  void setComment(String value);

  @Description("Lines to skip at the start of each file, before the header.")
  @Default.Integer(0)
  int getSkipLines();

  void setSkipLines(int value);
}
