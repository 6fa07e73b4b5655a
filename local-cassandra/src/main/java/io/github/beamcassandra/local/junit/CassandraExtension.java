package io.github.beamcassandra.local.junit;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every integration test class a real Cassandra: one cluster per test JVM (see {@link
 * SharedCluster} for how it is chosen), shared by all classes, and a keyspace per test class.
 *
 * <pre>{@code
 * @ExtendWith(CassandraExtension.class)
 * class MyIT {
 *   @Test
 *   void writes(TestCassandra cassandra) { cassandra.session().execute(...); }
 * }
 * }</pre>
 *
 * <p>{@link TestCassandra} can be injected into constructors, {@code @BeforeAll} and test methods.
 */
public final class CassandraExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CassandraExtension.class);
  private static final int MAX_KEYSPACE_LENGTH = 48;

  @Override
  public void beforeAll(ExtensionContext context) {
    testCassandra(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestCassandra cassandra = context.getStore(NAMESPACE).remove("keyspace", TestCassandra.class);
    if (cassandra != null) {
      cassandra.session().execute("DROP KEYSPACE IF EXISTS " + cassandra.keyspaceId().asCql(true));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestCassandra.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return testCassandra(context);
  }

  private static TestCassandra testCassandra(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("keyspace", key -> {
      SharedCluster cluster = context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent("cluster", k -> SharedCluster.fromSystemProperties(),
              SharedCluster.class);
      String keyspace = keyspaceName(classContext.getRequiredTestClass());
      String cql = CqlIdentifier.fromInternal(keyspace).asCql(true);
      cluster.session().execute("DROP KEYSPACE IF EXISTS " + cql);
      cluster.session().execute("CREATE KEYSPACE " + cql
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      return new TestCassandra(cluster, keyspace);
    }, TestCassandra.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  static String keyspaceName(Class<?> testClass) {
    String name = "it_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.length() <= MAX_KEYSPACE_LENGTH ? name : name.substring(0, MAX_KEYSPACE_LENGTH);
  }
}
