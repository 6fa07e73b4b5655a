package io.github.beamcassandra.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.type.DataTypes;
import org.junit.jupiter.api.Test;

class BeamSchemasTest {
  private static final CqlType DURATION = CqlType.primitive(CqlType.Kind.DURATION);

  @Test
  void aZeroDurationReadsAsTextThatConvertsBack() {
    Object zero = BeamSchemas.toBeam(CqlDuration.newInstance(0, 0, 0), DURATION);

    assertEquals("0s", zero);
    assertEquals(CqlDuration.newInstance(0, 0, 0), ValueConverter.convert(zero, DURATION, DataTypes.DURATION));
    assertEquals("-1mo2d", BeamSchemas.toBeam(CqlDuration.from("-1mo2d"), DURATION));
  }
}
