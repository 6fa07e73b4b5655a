package io.github.beamcassandra.pipelines.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Objects;

/**
 * One JSON document of a file as {@link JsonRecordReader} yields it: where it comes from (source and
 * the 1-based line it starts on), its original text (for a rejects file), and either the parsed object
 * or the reason it could not be read.
 */
public final class JsonRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String text;
  private final ObjectNode object;
  private final String error;

  private JsonRecord(String source, long line, String text, ObjectNode object, String error) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.text = Objects.requireNonNull(text, "text");
    this.object = object;
    this.error = error;
  }

  /** A document that was read. */
  public static JsonRecord of(String source, long line, String text, ObjectNode object) {
    return new JsonRecord(source, line, text, Objects.requireNonNull(object, "object"), null);
  }

  /** A document that could not be read; the reason should name the source and line. */
  public static JsonRecord error(String source, long line, String text, String reason) {
    return new JsonRecord(source, line, text, null, Objects.requireNonNull(reason, "reason"));
  }

  public String source() {
    return source;
  }

  /** The 1-based line the document starts on. */
  public long line() {
    return line;
  }

  /** The document as it stands in the file. */
  public String text() {
    return text;
  }

  /** The parsed object, or null for an error record. */
  public ObjectNode object() {
    return object;
  }

  public boolean isError() {
    return error != null;
  }

  /** Why the document could not be read (naming source and line), or null when it was read. */
  public String error() {
    return error;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonRecord)) {
      return false;
    }
    JsonRecord r = (JsonRecord) o;
    return line == r.line && source.equals(r.source) && text.equals(r.text)
        && Objects.equals(object, r.object) && Objects.equals(error, r.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, text, object, error);
  }

  @Override
  public String toString() {
    return source + ":" + line + (isError() ? " error: " + error : " " + object);
  }
}
