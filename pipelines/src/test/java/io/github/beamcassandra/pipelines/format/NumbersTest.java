package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.BIGINT;
import static io.github.beamcassandra.pipelines.format.Types.DOUBLE;
import static io.github.beamcassandra.pipelines.format.Types.FLOAT;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.SMALLINT;
import static io.github.beamcassandra.pipelines.format.Types.TINYINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick way of reading numbers gives what the general way gives, value or error, for every text. */
class NumbersTest {
  @Test
  void theQuickWayAgreesWithTheGeneralWay() {
    Random random = new Random(42);
    List<String> texts = new ArrayList<>(List.of("0", "-0", "+0", "5", "+5", "-5", "127", "128", "-128",
        "-129", "32767", "32768", "2147483647", "2147483648", "-2147483649", "999999999999999999",
        "-999999999999999999", "1234567890123456789", "9223372036854775807", "0.0", "-0.0", "1.0", "1.50",
        ".5", "5.", "-.5", "-", "+", ".", "", "1.0E-5", "1e3", "1,234", "0.1", "0.10", "3.4028235E38",
        "0.1234567890123456789", "3.14159265", "49.343292938363305", "1.2.3", "--1", "1-", "0x10"));
    for (int i = 0; i < 2000; i++) {
      texts.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(12) - 4)));
      texts.add(Float.toString(random.nextFloat() * 1000));
      texts.add(Long.toString(random.nextLong() >> random.nextInt(64)));
      texts.add(Integer.toString(random.nextInt(70_000) - 35_000));
    }
    for (CqlType type : List.of(TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE)) {
      for (String text : texts) {
        assertEquals(outcome(() -> Numbers.general(text, type)), outcome(() -> Numbers.parse(text, type)),
            type.toCql() + " '" + text + "'");
      }
    }
  }

  /** The value with its class, or the error's message. */
  private static String outcome(java.util.function.Supplier<Object> parse) {
    try {
      Object value = parse.get();
      return value.getClass().getSimpleName() + ":" + value;
    } catch (RuntimeException e) {
      return "error:" + e.getMessage();
    }
  }
}
