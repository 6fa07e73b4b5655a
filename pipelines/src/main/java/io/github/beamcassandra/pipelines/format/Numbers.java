package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as DSBulk 1.10 reads them by default: plain decimal notation ({@code -12}, {@code 1.5},
 * {@code 1e3}) or with en_US thousands separators ({@code 1,234.5}; like its default {@code
 * codec.number} pattern {@code #,###.##}, parsed leniently, it takes commas between any digits, so
 * {@code 12,34} is 1234); {@code NaN} and {@code Infinity} for float and double. Narrowing follows
 * its default {@code codec.overflowStrategy = REJECT}: a value out of range, a fraction for an integer
 * type, or a decimal that float or double cannot hold exactly is an error, never a wrap or a rounding.
 */
final class Numbers {
  /** Most digits before the point a varint may have, so that {@code 1e999999999} cannot fill memory. */
  static final int MAX_VARINT_DIGITS = 10_000;

  private static final Pattern PLAIN =
      Pattern.compile("[+-]?(?:[0-9]++(?:\\.[0-9]*+)?|\\.[0-9]++)(?:[eE][+-]?[0-9]++)?");
  private static final Pattern GROUPED =
      Pattern.compile("[+-]?[0-9]++(?:,[0-9]++)++(?:\\.[0-9]*+)?(?:[eE][+-]?[0-9]++)?");

  private Numbers() {}

  /** The decimal a text spells, or null when it spells none. */
  static BigDecimal decimal(String text) {
    String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
    if (!PLAIN.matcher(plain).matches()) {
      return null;
    }
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads a text number for {@code type}; {@code text} is trimmed and non-empty. */
  static Object parse(String text, CqlType type) {
    Object quick = quick(text, type.kind());
    return quick != null ? quick : general(text, type);
  }

  /** {@link #parse} without the quick way: what it is checked against. */
  static Object general(String text, CqlType type) {
    if (type.kind() == CqlType.Kind.FLOAT || type.kind() == CqlType.Kind.DOUBLE) {
      Double special = special(text);
      if (special != null) {
        return type.kind() == CqlType.Kind.FLOAT ? (Object) special.floatValue() : special;
      }
    }
    BigDecimal d = decimal(text);
    if (d == null) {
      throw new ValueFormatException(type, text, "not a number");
    }
    Object value = narrow(d, type, text);
    if (d.signum() == 0 && text.startsWith("-")) {
      // BigDecimal has no negative zero; keep the sign for float and double as Java parsing does.
      if (type.kind() == CqlType.Kind.DOUBLE) {
        return -0.0d;
      }
      if (type.kind() == CqlType.Kind.FLOAT) {
        return -0.0f;
      }
    }
    return value;
  }

  /**
   * The value of the most common spellings, found without regular expressions or {@code BigDecimal}:
   * an integer of up to 18 digits that fits the type, and a float or double spelled exactly as Java
   * prints it (what most exports hold). Null for anything else, errors included, which then take the
   * general way; what this accepts, that way accepts too, with the same value.
   */
  private static Object quick(String text, CqlType.Kind kind) {
    switch (kind) {
      case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER: {
        if (!plainInteger(text)) {
          return null;
        }
        long v = Long.parseLong(text);
        switch (kind) {
          case TINYINT: return v == (byte) v ? (Object) (byte) v : null;
          case SMALLINT: return v == (short) v ? (Object) (short) v : null;
          case INT: return v == (int) v ? (Object) (int) v : null;
          default: return v;
        }
      }
      case DOUBLE: {
        if (!plainDecimal(text)) {
          return null;
        }
        double x = Double.parseDouble(text);
        return Double.toString(x).equals(text) ? x : null;
      }
      case FLOAT: {
        if (!plainDecimal(text)) {
          return null;
        }
        float x = Float.parseFloat(text);
        return Float.toString(x).equals(text) ? x : null;
      }
      default:
        return null;
    }
  }

  /** An optional sign, then 1 to 18 digits (so that a long holds it). */
  private static boolean plainInteger(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** An optional minus, digits, a point, digits: how Java prints a double between 10^-3 and 10^7. */
  private static boolean plainDecimal(String text) {
    int i = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
    int point = -1;
    for (int j = i; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '.' && point < 0) {
        point = j;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return point > i && point < text.length() - 1;
  }

  /** The Beam value of {@code d} for a numeric CQL type, or an error naming {@code shown}. */
  static Object narrow(BigDecimal d, CqlType type, String shown) {
    switch (type.kind()) {
      case TINYINT: return (byte) whole(d, type, shown, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT: return (short) whole(d, type, shown, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT: return (int) whole(d, type, shown, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT: case COUNTER: return whole(d, type, shown, Long.MIN_VALUE, Long.MAX_VALUE);
      case VARINT:
        checkWhole(d, type, shown);
        if ((long) d.precision() - d.scale() > MAX_VARINT_DIGITS) {
          throw new ValueFormatException(type, shown,
              "more than " + MAX_VARINT_DIGITS + " digits");
        }
        return new BigDecimal(d.toBigIntegerExact());
      case DECIMAL: return d;
      case DOUBLE: {
        double x = d.doubleValue();
        if (Double.isInfinite(x)) {
          throw new ValueFormatException(type, shown, "out of range for double");
        }
        if (d.compareTo(new BigDecimal(Double.toString(x))) != 0) {
          throw new ValueFormatException(type, shown, "a double cannot hold it without rounding "
              + "(nearest: " + x + "); DSBulk rejects it too (codec.overflowStrategy REJECT)");
        }
        return x;
      }
      case FLOAT: {
        float x = d.floatValue();
        if (Float.isInfinite(x)) {
          throw new ValueFormatException(type, shown, "out of range for float");
        }
        if (d.compareTo(new BigDecimal(Float.toString(x))) != 0) {
          throw new ValueFormatException(type, shown, "a float cannot hold it without rounding "
              + "(nearest: " + x + "); DSBulk rejects it too (codec.overflowStrategy REJECT)");
        }
        return x;
      }
      default:
        throw new IllegalArgumentException(type.toCql() + " is not a numeric type");
    }
  }

  private static long whole(BigDecimal d, CqlType type, String shown, long min, long max) {
    checkWhole(d, type, shown);
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ValueFormatException(type, shown,
          "out of range for " + type.toCql() + " (" + min + " to " + max + ")");
    }
    return d.longValueExact();
  }

  private static void checkWhole(BigDecimal d, CqlType type, String shown) {
    if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
      throw new ValueFormatException(type, shown, "not a whole number");
    }
  }

  private static Double special(String text) {
    switch (text) {
      case "NaN": return Double.NaN;
      case "Infinity": case "+Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: return null;
    }
  }
}
