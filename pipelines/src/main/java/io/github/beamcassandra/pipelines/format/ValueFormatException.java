package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;

/**
 * A text or JSON value cannot become a value of its CQL type. The message names the CQL type, the
 * offending value (cut to about 100 characters) and why: {@code cannot read 'abc' as int: not a
 * number}.
 */
public final class ValueFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 100;

  private final String cqlType;
  private final String value;
  private final String reason;

  public ValueFormatException(CqlType type, String value, String reason) {
    super("cannot read " + shown(value) + " as " + type.toCql() + ": " + reason);
    this.cqlType = type.toCql();
    this.value = value;
    this.reason = reason;
  }

  /** The CQL type, as CQL writes it. */
  public String cqlType() {
    return cqlType;
  }

  /** The offending value, whole. */
  public String value() {
    return value;
  }

  /** Why it does not fit, without the type and value. */
  public String reason() {
    return reason;
  }

  /** The value quoted and cut to about 100 characters, for messages. */
  static String shown(String value) {
    if (value == null) {
      return "null";
    }
    String cut = value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN - 3) + "...";
    return "'" + cut + "'";
  }
}
