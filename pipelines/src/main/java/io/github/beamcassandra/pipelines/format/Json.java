package io.github.beamcassandra.pipelines.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson configuration of this package. Floating-point numbers parse as {@code BigDecimal}
 * (DSBulk's {@code connector.json.deserializationFeatures} default {@code USE_BIG_DECIMAL_FOR_FLOATS},
 * so no precision is lost before the CQL type decides), and text after a complete document is an
 * error rather than ignored.
 */
final class Json {
  /** Exact decimals: a {@code DecimalNode} keeps the scale it was given ({@code 1.10} stays so). */
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setNodeFactory(NODES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Compact JSON text of a tree. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Jackson's reason without its source excerpt, with the column when known. */
  static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
      message += " (column " + e.getLocation().getColumnNr() + ")";
    }
    return message;
  }
}
