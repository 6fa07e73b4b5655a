package io.github.beamcassandra.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerConfigFilesTest {
  private final NodeLayout layout = new NodeLayout(Path.of("/tmp/node's dir"));

  @Test
  void listensOnLoopbackOnTheChosenPortsWithEveryDirectoryUnderTheBase() {
    String yaml = ServerConfigFiles.cassandraYaml(
        new ServerConfigFiles.Settings(layout, 19042, 17000, false, null, false));

    assertTrue(yaml.contains("listen_address: 127.0.0.1\n"), yaml);
    assertTrue(yaml.contains("rpc_address: 127.0.0.1\n"), yaml);
    assertTrue(yaml.contains("native_transport_port: 19042\n"), yaml);
    assertTrue(yaml.contains("storage_port: 17000\n"), yaml);
    assertTrue(yaml.contains("seeds: \"127.0.0.1:17000\""), yaml);
    assertTrue(yaml.contains("  - '/tmp/node''s dir/data'\n"), yaml);
    assertTrue(yaml.contains("commitlog_directory: '/tmp/node''s dir/commitlog'\n"), yaml);
    assertTrue(yaml.contains("hints_directory: '/tmp/node''s dir/hints'\n"), yaml);
    assertTrue(yaml.contains("authenticator: AllowAllAuthenticator\n"), yaml);
    assertFalse(yaml.contains("client_encryption_options"), yaml);
  }

  @Test
  void authenticationSwitchesToPasswordAuthenticator() {
    String yaml = ServerConfigFiles.cassandraYaml(
        new ServerConfigFiles.Settings(layout, 9042, 7000, true, null, false));

    assertTrue(yaml.contains("authenticator: PasswordAuthenticator\n"), yaml);
    assertTrue(yaml.contains("authorizer: CassandraAuthorizer\n"), yaml);
  }
}
