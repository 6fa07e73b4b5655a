package io.github.beamcassandra.pipelines.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The characters of a UTF-8 stream, one at a time with one character of lookahead, counting physical
 * lines (ended by LF, CRLF or a lone CR). Malformed byte sequences do not stop the reading: each comes
 * out as U+FFFD and is remembered, so that a reader can reject only the record that holds it ({@link
 * #takeMalformed()}). A leading byte-order mark is skipped. Memory is one 64 KiB buffer.
 */
final class TextInput implements Closeable {
  static final int EOF = -1;
  private static final int NONE = -2;
  private static final int REPLACEMENT = 0xFFFD;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private int pendingLowSurrogate = NONE;
  private int peeked = NONE;
  private boolean peekedMalformed;
  private boolean decodedMalformed;
  private boolean malformed;
  private long line = 1;
  /** Bytes of the stream before {@code buffer[0]}. */
  private long base;
  /** Byte offset of the peeked character. */
  private long peekedAt;

  TextInput(InputStream in) throws IOException {
    this.in = in;
    skipByteOrderMark();
  }

  /** Input that starts in the middle of a file, at physical line {@code line}: no byte-order mark. */
  TextInput(InputStream in, long line, long offset) {
    this.in = in;
    this.line = line;
    this.base = offset;
  }

  /** The byte offset in the stream of the next character, consumed or not yet. */
  long bytePosition() {
    return peeked == NONE ? base + position : peekedAt;
  }

  /** The next character without consuming it, or {@link #EOF}. */
  int peek() throws IOException {
    if (peeked == NONE) {
      peekedAt = base + position;
      decodedMalformed = false;
      peeked = decode();
      peekedMalformed = decodedMalformed;
    }
    return peeked;
  }

  /** Consumes the next character, or returns {@link #EOF}. */
  int next() throws IOException {
    int c = peek();
    peeked = NONE;
    if (c == EOF) {
      return EOF;
    }
    malformed |= peekedMalformed;
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      line++;
    }
    return c;
  }

  /** The 1-based physical line of the next character. */
  long line() {
    return line;
  }

  /** Whether a character consumed since the last call came from malformed bytes; clears the mark. */
  boolean takeMalformed() {
    boolean seen = malformed;
    malformed = false;
    return seen;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private int decode() throws IOException {
    if (pendingLowSurrogate != NONE) {
      int low = pendingLowSurrogate;
      pendingLowSurrogate = NONE;
      return low;
    }
    int lead = readByte();
    if (lead < 0) {
      return EOF;
    }
    if (lead < 0x80) {
      return lead;
    }
    int continuations;
    int codePoint;
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuations = 1;
      codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuations = 2;
      codePoint = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuations = 3;
      codePoint = lead & 0x07;
    } else {
      return malformed();
    }
    for (int i = 0; i < continuations; i++) {
      int b = peekByte();
      if (b < 0 || (b & 0xC0) != 0x80) {
        // Leave the byte: it may start the next character (a newline, a delimiter).
        return malformed();
      }
      position++;
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    boolean overlong = (continuations == 2 && codePoint < 0x800)
        || (continuations == 3 && codePoint < 0x10000);
    boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    if (overlong || surrogate || codePoint > 0x10FFFF) {
      return malformed();
    }
    if (codePoint >= 0x10000) {
      pendingLowSurrogate = Character.lowSurrogate(codePoint);
      return Character.highSurrogate(codePoint);
    }
    return codePoint;
  }

  private int malformed() {
    decodedMalformed = true;
    return REPLACEMENT;
  }

  private int readByte() throws IOException {
    int b = peekByte();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  private int peekByte() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xFF;
  }

  private boolean fill() throws IOException {
    base += limit;
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < 3) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        break;
      }
      limit += read;
    }
    if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
        && (buffer[2] & 0xFF) == 0xBF) {
      position = 3;
    }
  }
}
