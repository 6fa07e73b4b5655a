package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/** A table with a column of every CQL type of {@link TextCodecTest#canonicalTexts()}, and rows of it. */
final class RoundTripRows {
  final Map<String, CqlType> columns = new LinkedHashMap<>();
  final List<String> texts = new ArrayList<>();

  /**
   * @param json whether the rows go through JSON text, where -0.0 reads back as 0.0: JSON numbers
   *     are read as decimals (DSBulk's USE_BIG_DECIMAL_FOR_FLOATS), which have no negative zero
   */
  RoundTripRows(boolean json) {
    TextCodecTest.canonicalTexts().forEach(arguments -> {
      CqlType type = (CqlType) arguments.get()[0];
      if (json && arguments.get()[1].equals("-0.0")) {
        return;
      }
      String name = "c" + columns.size() + "_" + type.kind().name().toLowerCase();
      columns.put(name, type);
      texts.add((String) arguments.get()[1]);
    });
  }

  RecordMapper mapper() {
    return RecordMapper.of(columns, Map.of(), List.copyOf(columns.keySet()));
  }

  /** Every column holding its canonical value. */
  Row full() {
    List<CqlType> types = List.copyOf(columns.values());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      values.add(TextCodec.parse(texts.get(i), types.get(i)));
    }
    return Row.withSchema(mapper().schema()).addValues(values).build();
  }

  /** Nulls, except empty text, ascii and blob values and empty collections. */
  Row emptyish() {
    List<Object> values = new ArrayList<>();
    for (CqlType type : columns.values()) {
      switch (type.kind()) {
        case TEXT: case ASCII: values.add(""); break;
        case BLOB: values.add(new byte[0]); break;
        case LIST: case SET: values.add(List.of()); break;
        case MAP: values.add(Map.of()); break;
        default: values.add(null);
      }
    }
    return Row.withSchema(mapper().schema()).addValues(values).build();
  }
}
