package io.github.beamcassandra.transforms.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.transforms.write.WriteMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraConnectionTest {
  @Test
  void contactPointsTakeTheDefaultPort() {
    CassandraConnection c = CassandraConnection.create().withContactPoints("10.0.0.1, 10.0.0.2:9142,[::1]");
    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9142", "[::1]:9042"), c.contactPoints());
  }

  @Test
  void badContactPointsNameTheEntry() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CassandraConnection.create().withContactPoints("host:99999"));
    assertEquals("contactPoints entry 'host:99999' has port 99999, outside 1-65535", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CassandraConnection.create().withContactPoints("a b"));
  }

  @Test
  void missingContactPointsAreReported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CassandraConnection.create().validate());
    assertEquals("contactPoints are required (host[:port],...), or a cloudSecureConnectBundle", e.getMessage());
  }

  @Test
  void aCertificateWithTlsOffIsRefused(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
    CassandraConnection c = CassandraConnection.create().withContactPoints("h").withCaCertificatePem(pem.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
    assertEquals("caCertificatePem " + pem + " is given but TLS is off; turn TLS on (withTls(true) or"
        + " --tls=true) or drop the caCertificatePem", e.getMessage());
    c.withTls(true).validate();
  }

  @Test
  void secretsStayOutOfDisplayDataAndToString() {
    CassandraConnection c = CassandraConnection.create().withContactPoints("h")
        .withCredentials("admin", "hunter2-secret");
    DisplayData data = DisplayData.from(c::populateDisplayData);
    assertFalse(data.toString().contains("hunter2-secret"), data.toString());
    assertTrue(data.toString().contains("admin"), data.toString());
    assertFalse(c.toString().contains("hunter2-secret"), c.toString());
  }

  @Test
  void isSerializableAndEqualAfterwards() {
    CassandraConnection c = CassandraConnection.create().withContactPoints("h").withLocalDatacenter("dc1");
    assertEquals(c, SerializableUtils.clone(c));
  }

  @Test
  void anUnknownConsistencyLevelIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WriteMutations.create().withConsistency("MOST"));
    assertEquals("consistency must be one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_QUORUM, EACH_QUORUM,"
        + " LOCAL_ONE, ANY, got: MOST", e.getMessage());
  }
}
