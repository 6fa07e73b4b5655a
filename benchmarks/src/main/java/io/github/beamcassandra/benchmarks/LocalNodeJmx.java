package io.github.beamcassandra.benchmarks;

import com.sun.tools.attach.VirtualMachine;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Flushes a table of the benchmark's own local node, which has no nodetool and no JMX port: the node is a
 * JVM of this user on this machine, so the JDK's attach API starts its local management agent and the
 * flush goes to Cassandra's {@code StorageService} MBean over that connection, as {@code nodetool flush}
 * would. The size estimates the read plans its splits from are refreshed the same way
 * ({@code nodetool refreshsizeestimates}); otherwise the server computes them every 5 minutes.
 */
final class LocalNodeJmx {
  private static final String STORAGE_SERVICE = "org.apache.cassandra.db:type=StorageService";

  private LocalNodeJmx() {}

  /** Flushes {@code keyspace.table} of the node whose process id is {@code pid}; refreshes size estimates. */
  static void flushAndRefreshSizeEstimates(long pid, String keyspace, String table) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      ObjectName storage = new ObjectName(STORAGE_SERVICE);
      server.invoke(storage, "forceKeyspaceFlush", new Object[] {keyspace, new String[] {table}},
          new String[] {String.class.getName(), String[].class.getName()});
      server.invoke(storage, "refreshSizeEstimates", new Object[0], new String[0]);
    }
  }
}
