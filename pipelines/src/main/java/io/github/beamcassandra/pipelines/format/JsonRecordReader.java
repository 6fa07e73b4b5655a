package io.github.beamcassandra.pipelines.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Reads the JSON documents of one file, one at a time, in either of DSBulk's two layouts, told apart by
 * the first non-blank character:
 *
 * <ul>
 *   <li>{@code {} : JSON Lines, one object per line (DSBulk's {@code MULTI_DOCUMENT} mode as it
 *       unloads it; an object spread over several lines is not supported). Blank lines are skipped. A
 *       line that is not a valid object is an error record and reading goes on with the next line.
 *   <li>{@code [} : one top-level array of objects (DSBulk's {@code SINGLE_DOCUMENT} mode), which may
 *       span any number of lines. Each element is a record, starting on the line where it begins; an
 *       invalid element is an error record and reading goes on with the next element when its brackets
 *       balance (an unclosed element runs to the end of the file).
 * </ul>
 *
 * <p>Input is UTF-8; bytes that are not make their record an error. Memory holds one document, at most
 * {@code maxRecordChars} characters: a longer one is an error record and is not kept.
 */
public final class JsonRecordReader implements Iterator<JsonRecord>, Closeable {
  /** Default longest document, in characters: 16 Mi. */
  public static final int DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

  private final TextInput input;
  private final String source;
  private final int maxRecordChars;
  private final boolean array;
  private boolean elementRead;
  private boolean arrayEnded;
  private JsonRecord next;
  private boolean finished;

  private JsonRecordReader(TextInput input, String source, int maxRecordChars) throws IOException {
    this.input = input;
    this.source = source;
    this.maxRecordChars = maxRecordChars;
    int first = skipWhitespace();
    this.array = first == '[';
    if (array) {
      input.next();
    }
    this.finished = first == TextInput.EOF;
  }

  /** Opens a file with the {@linkplain #DEFAULT_MAX_RECORD_CHARS default} document size limit. */
  public static JsonRecordReader open(InputStream in, String source) {
    return open(in, source, DEFAULT_MAX_RECORD_CHARS);
  }

  /**
   * Opens a file and detects its layout.
   *
   * @param source the file's name, used in every message
   * @param maxRecordChars longest document, in characters
   * @throws UncheckedIOException when the input cannot be read
   */
  public static JsonRecordReader open(InputStream in, String source, int maxRecordChars) {
    if (maxRecordChars < 2) {
      throw new IllegalArgumentException("maxRecordChars must be at least 2, got: " + maxRecordChars);
    }
    try {
      return new JsonRecordReader(new TextInput(in), source, maxRecordChars);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /** Whether the file is one top-level array (else JSON Lines). */
  public boolean isArray() {
    return array;
  }

  public String source() {
    return source;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = array ? nextElement() : nextLine();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
      }
      finished = next == null;
    }
    return next != null;
  }

  @Override
  public JsonRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException(source + " has no more records");
    }
    JsonRecord record = next;
    next = null;
    return record;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  /** JSON Lines: the next non-blank line. */
  private JsonRecord nextLine() throws IOException {
    while (true) {
      if (input.peek() == TextInput.EOF) {
        return null;
      }
      input.takeMalformed();
      long line = input.line();
      Text text = new Text();
      int c;
      while ((c = input.peek()) != TextInput.EOF && c != '\n' && c != '\r') {
        text.append(input.next());
      }
      if (input.next() == '\r' && input.peek() == '\n') {
        input.next();
      }
      if (!text.toString().isBlank() || text.truncated) {
        return toRecord(line, text);
      }
    }
  }

  /** Array layout: the next element, or null after the closing bracket. */
  private JsonRecord nextElement() throws IOException {
    if (arrayEnded) {
      return null;
    }
    int c = skipWhitespace();
    if (c == ']') {
      input.next();
      arrayEnded = true;
      return trailingContent();
    }
    boolean separated = !elementRead;
    if (elementRead && c == ',') {
      input.next();
      c = skipWhitespace();
      separated = true;
    }
    long line = input.line();
    if (c == TextInput.EOF) {
      arrayEnded = true;
      return JsonRecord.error(source, line, "", where(line)
          + "the top-level array is not closed: ']' is missing at the end of the file");
    }
    String separatorProblem = separated ? null
        : "expected ',' or ']' between array elements, found '" + Character.toString(c) + "'";
    elementRead = true;
    input.takeMalformed();
    Text text = new Text();
    String problem = scanElement(text);
    if (separatorProblem != null || problem != null) {
      return JsonRecord.error(source, line, text.toString(),
          where(line) + (separatorProblem != null ? separatorProblem : problem));
    }
    return toRecord(line, text);
  }

  /** Consumes one array element: an object or array with balanced brackets, or a scalar. */
  private String scanElement(Text text) throws IOException {
    int first = input.peek();
    if (first == '{' || first == '[') {
      int depth = 0;
      boolean inString = false;
      boolean escaped = false;
      long startLine = input.line();
      while (true) {
        int c = input.next();
        if (c == TextInput.EOF) {
          return "the element starting on line " + startLine
              + " is not closed before the end of the file";
        }
        text.append(c);
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return null;
        }
      }
    }
    // A scalar: not a valid record, but consumed up to the next separator so reading can go on.
    boolean inString = false;
    boolean escaped = false;
    int c;
    while ((c = input.peek()) != TextInput.EOF) {
      if (!inString && (c == ',' || c == ']')) {
        break;
      }
      text.append(input.next());
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      }
    }
    return null;
  }

  /** After the closing bracket only whitespace may follow. */
  private JsonRecord trailingContent() throws IOException {
    int c = skipWhitespace();
    if (c == TextInput.EOF) {
      return null;
    }
    long line = input.line();
    Text text = new Text();
    while (input.peek() != TextInput.EOF) {
      text.append(input.next());
    }
    return JsonRecord.error(source, line, text.toString(),
        where(line) + "unexpected content after the closing ']' of the top-level array");
  }

  private JsonRecord toRecord(long line, Text text) {
    String raw = text.toString();
    if (text.truncated) {
      return JsonRecord.error(source, line, raw, where(line) + "the document is longer than "
          + maxRecordChars + " characters");
    }
    if (input.takeMalformed()) {
      return JsonRecord.error(source, line, raw,
          where(line) + "invalid UTF-8 bytes (shown as U+FFFD in the record text)");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      return JsonRecord.error(source, line, raw, where(line) + "invalid JSON: " + Json.reason(e));
    }
    if (!(node instanceof ObjectNode)) {
      return JsonRecord.error(source, line, raw, where(line) + "expected a JSON object, found "
          + (node == null || node.isMissingNode() ? "nothing" : describe(node)));
    }
    return JsonRecord.of(source, line, raw, (ObjectNode) node);
  }

  /** "an array", "a number", ... */
  static String describe(JsonNode node) {
    String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  private int skipWhitespace() throws IOException {
    int c;
    while ((c = input.peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
      input.next();
    }
    return c;
  }

  private String where(long line) {
    return source + " line " + line + ": ";
  }

  /** A document's text, dropping characters past {@code maxRecordChars}. */
  private final class Text {
    private final StringBuilder chars = new StringBuilder();
    private boolean truncated;

    void append(int c) {
      if (chars.length() < maxRecordChars) {
        chars.append((char) c);
      } else {
        truncated = true;
      }
    }

    @Override
    public String toString() {
      return chars.toString();
    }
  }
}
