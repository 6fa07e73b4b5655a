package io.github.beamcassandra.transforms.connection;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How to reach a Cassandra cluster: an immutable, serializable value with no live client inside.
 * Workers open (and share) sessions from it through {@link SessionCache}.
 *
 * <p>Every {@code withX} method checks its argument at once and names it in the error. Secrets (the
 * password, keystore passwords) never appear in {@link #toString()} or display data.
 */
public final class CassandraConnection implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Port used when a contact point has none: the CQL native port. */
  public static final int DEFAULT_PORT = 9042;
  /** Driver request timeout when none is set: 12 s, longer than the server's 2 s write timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(12);

  private static final Pattern CONTACT_POINT =
      Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[^:\\[\\]\\s]+)(?::(\\d{1,5}))?$");

  private final List<String> contactPoints;
  private final @Nullable String localDatacenter;
  private final @Nullable String username;
  private final @Nullable String password;
  private final @Nullable String passwordFile;
  private final @Nullable String passwordEnvironmentVariable;
  private final boolean tls;
  private final @Nullable String caCertificatePem;
  private final @Nullable String truststore;
  private final @Nullable String truststorePassword;
  private final @Nullable String keystore;
  private final @Nullable String keystorePassword;
  private final @Nullable String cloudSecureConnectBundle;
  private final Duration requestTimeout;

  private CassandraConnection(Builder b) {
    this.contactPoints = List.copyOf(b.contactPoints);
    this.localDatacenter = b.localDatacenter;
    this.username = b.username;
    this.password = b.password;
    this.passwordFile = b.passwordFile;
    this.passwordEnvironmentVariable = b.passwordEnvironmentVariable;
    this.tls = b.tls;
    this.caCertificatePem = b.caCertificatePem;
    this.truststore = b.truststore;
    this.truststorePassword = b.truststorePassword;
    this.keystore = b.keystore;
    this.keystorePassword = b.keystorePassword;
    this.cloudSecureConnectBundle = b.cloudSecureConnectBundle;
    this.requestTimeout = b.requestTimeout;
  }

  /** A connection with nothing set; {@link #validate()} says what is missing. */
  public static CassandraConnection create() {
    return new Builder().build();
  }

  /**
   * Contact points as {@code host[:port]} (port {@value #DEFAULT_PORT} when omitted; IPv6 in
   * brackets), e.g. {@code "10.0.0.1,10.0.0.2:9142"}.
   */
  public CassandraConnection withContactPoints(String commaSeparated) {
    Objects.requireNonNull(commaSeparated, "contactPoints");
    List<String> points = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        points.add(part.trim());
      }
    }
    return withContactPoints(points);
  }

  /** Contact points as {@code host[:port]}. */
  public CassandraConnection withContactPoints(List<String> points) {
    Objects.requireNonNull(points, "contactPoints");
    if (points.isEmpty()) {
      throw new IllegalArgumentException("contactPoints must name at least one host[:port], got none");
    }
    List<String> normalized = new ArrayList<>();
    for (String point : points) {
      normalized.add(normalizeContactPoint(point));
    }
    Builder b = toBuilder();
    b.contactPoints = normalized;
    return b.build();
  }

  /**
   * The data center whose nodes are queried. When not set, the driver infers it from the contact
   * points (which must then all be in one data center).
   */
  public CassandraConnection withLocalDatacenter(String datacenter) {
    Builder b = toBuilder();
    b.localDatacenter = requireText("localDatacenter", datacenter);
    return b.build();
  }

  /** PasswordAuthenticator credentials. The password is never logged or displayed. */
  public CassandraConnection withCredentials(String username, String password) {
    Builder b = toBuilder();
    b.username = requireText("username", username);
    b.password = Objects.requireNonNull(password, "password");
    b.passwordFile = null;
    b.passwordEnvironmentVariable = null;
    return b.build();
  }

  /** Username with the password read, on each worker, from the first line of a file. */
  public CassandraConnection withCredentialsFromFile(String username, String passwordFile) {
    Builder b = toBuilder();
    b.username = requireText("username", username);
    b.passwordFile = requireText("passwordFile", passwordFile);
    b.password = null;
    b.passwordEnvironmentVariable = null;
    return b.build();
  }

  /** Username with the password read, on each worker, from an environment variable. */
  public CassandraConnection withCredentialsFromEnvironment(String username, String variable) {
    Builder b = toBuilder();
    b.username = requireText("username", username);
    b.passwordEnvironmentVariable = requireText("passwordEnvironmentVariable", variable);
    b.password = null;
    b.passwordFile = null;
    return b.build();
  }

  /** Client-to-node TLS on or off (default off). With it on and no CA or truststore, the JVM's trust applies. */
  public CassandraConnection withTls(boolean enabled) {
    Builder b = toBuilder();
    b.tls = enabled;
    return b.build();
  }

  /** The CA certificate(s), PEM, that sign the nodes' certificates. Needs TLS on. */
  public CassandraConnection withCaCertificatePem(String path) {
    Builder b = toBuilder();
    b.caCertificatePem = requireText("caCertificatePem", path);
    return b.build();
  }

  /** A truststore (PKCS12 or JKS) with the nodes' CA. Needs TLS on. */
  public CassandraConnection withTruststore(String path, String password) {
    Builder b = toBuilder();
    b.truststore = requireText("truststore", path);
    b.truststorePassword = Objects.requireNonNull(password, "truststorePassword");
    return b.build();
  }

  /** A keystore (PKCS12 or JKS) with the client's certificate and key, for mutual TLS. Needs TLS on. */
  public CassandraConnection withKeystore(String path, String password) {
    Builder b = toBuilder();
    b.keystore = requireText("keystore", path);
    b.keystorePassword = Objects.requireNonNull(password, "keystorePassword");
    return b.build();
  }

  /** A cloud (Astra) secure connect bundle; replaces contact points, data center and TLS settings. */
  public CassandraConnection withCloudSecureConnectBundle(String path) {
    Builder b = toBuilder();
    b.cloudSecureConnectBundle = requireText("cloudSecureConnectBundle", path);
    return b.build();
  }

  /** Driver request timeout; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
  public CassandraConnection withRequestTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got: " + timeout);
    }
    Builder b = toBuilder();
    b.requestTimeout = timeout;
    return b.build();
  }

  /**
   * Checks that the settings fit together: contact points (or a bundle) given, TLS material only with
   * TLS on, readable files.
   *
   * @throws IllegalArgumentException naming the option and value at fault
   */
  public void validate() {
    if (cloudSecureConnectBundle == null && contactPoints.isEmpty()) {
      throw new IllegalArgumentException(
          "contactPoints are required (host[:port],...), or a cloudSecureConnectBundle");
    }
    if (cloudSecureConnectBundle != null && !contactPoints.isEmpty()) {
      throw new IllegalArgumentException(
          "cloudSecureConnectBundle replaces contactPoints; set one of them, not both");
    }
    if (!tls) {
      for (String[] option : new String[][] {
          {"caCertificatePem", caCertificatePem}, {"truststore", truststore}, {"keystore", keystore}}) {
        if (option[1] != null) {
          throw new IllegalArgumentException(
              option[0] + " " + option[1] + " is given but TLS is off; turn TLS on (withTls(true) or"
                  + " --tls=true) or drop the " + option[0]);
        }
      }
    }
    for (String[] file : new String[][] {
        {"caCertificatePem", caCertificatePem}, {"truststore", truststore}, {"keystore", keystore},
        {"cloudSecureConnectBundle", cloudSecureConnectBundle}}) {
      if (file[1] != null && !Files.isReadable(Path.of(file[1]))) {
        throw new IllegalArgumentException(file[0] + " file " + file[1] + " does not exist or is not readable");
      }
    }
  }

  public List<String> contactPoints() {
    return contactPoints;
  }

  public @Nullable String localDatacenter() {
    return localDatacenter;
  }

  public @Nullable String username() {
    return username;
  }

  /** The password from wherever it was given: inline, file or environment; read where it is called. */
  @Nullable
  String resolvePassword() {
    if (password != null) {
      return password;
    }
    if (passwordFile != null) {
      try {
        List<String> lines = Files.readAllLines(Path.of(passwordFile));
        return lines.isEmpty() ? "" : lines.get(0);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Cannot read the password file " + passwordFile + ": " + e, e);
      }
    }
    if (passwordEnvironmentVariable != null) {
      String value = System.getenv(passwordEnvironmentVariable);
      if (value == null) {
        throw new IllegalStateException(
            "The password environment variable " + passwordEnvironmentVariable + " is not set");
      }
      return value;
    }
    return null;
  }

  public boolean tls() {
    return tls;
  }

  @Nullable String caCertificatePem() {
    return caCertificatePem;
  }

  @Nullable String truststore() {
    return truststore;
  }

  @Nullable String truststorePassword() {
    return truststorePassword;
  }

  @Nullable String keystore() {
    return keystore;
  }

  @Nullable String keystorePassword() {
    return keystorePassword;
  }

  @Nullable String cloudSecureConnectBundle() {
    return cloudSecureConnectBundle;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Display data of the connection; passwords are shown only as whether one is set. */
  public void populateDisplayData(DisplayData.Builder builder) {
    builder.addIfNotNull(DisplayData.item("contactPoints", String.join(",", contactPoints)))
        .addIfNotNull(DisplayData.item("localDatacenter", localDatacenter))
        .addIfNotNull(DisplayData.item("username", username))
        .add(DisplayData.item("tls", tls))
        .addIfNotNull(DisplayData.item("caCertificatePem", caCertificatePem))
        .addIfNotNull(DisplayData.item("truststore", truststore))
        .addIfNotNull(DisplayData.item("keystore", keystore))
        .addIfNotNull(DisplayData.item("cloudSecureConnectBundle", cloudSecureConnectBundle))
        .add(DisplayData.item("requestTimeout", requestTimeout.toString()));
    if (password != null || passwordFile != null || passwordEnvironmentVariable != null) {
      builder.add(DisplayData.item("password", "(set)"));
    }
  }

  @Override
  public String toString() {
    return "CassandraConnection{contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
        + ", username=" + username + ", tls=" + tls + (cloudSecureConnectBundle == null ? ""
        : ", cloudSecureConnectBundle=" + cloudSecureConnectBundle) + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CassandraConnection)) {
      return false;
    }
    CassandraConnection c = (CassandraConnection) o;
    return tls == c.tls
        && contactPoints.equals(c.contactPoints)
        && Objects.equals(localDatacenter, c.localDatacenter)
        && Objects.equals(username, c.username)
        && Objects.equals(password, c.password)
        && Objects.equals(passwordFile, c.passwordFile)
        && Objects.equals(passwordEnvironmentVariable, c.passwordEnvironmentVariable)
        && Objects.equals(caCertificatePem, c.caCertificatePem)
        && Objects.equals(truststore, c.truststore)
        && Objects.equals(truststorePassword, c.truststorePassword)
        && Objects.equals(keystore, c.keystore)
        && Objects.equals(keystorePassword, c.keystorePassword)
        && Objects.equals(cloudSecureConnectBundle, c.cloudSecureConnectBundle)
        && requestTimeout.equals(c.requestTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contactPoints, localDatacenter, username, tls, cloudSecureConnectBundle);
  }

  static String normalizeContactPoint(String point) {
    Matcher m = CONTACT_POINT.matcher(point == null ? "" : point.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "contactPoints entry '" + point + "' is not host[:port] (e.g. 10.0.0.1:9042 or [::1]:9042)");
    }
    int port = DEFAULT_PORT;
    if (m.group(2) != null) {
      port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "contactPoints entry '" + point + "' has port " + port + ", outside 1-65535");
      }
    }
    return m.group(1) + ":" + port;
  }

  private static String requireText(String option, @Nullable String value) {
    return OptionChecks.requireText(option, value).trim();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.contactPoints = contactPoints;
    b.localDatacenter = localDatacenter;
    b.username = username;
    b.password = password;
    b.passwordFile = passwordFile;
    b.passwordEnvironmentVariable = passwordEnvironmentVariable;
    b.tls = tls;
    b.caCertificatePem = caCertificatePem;
    b.truststore = truststore;
    b.truststorePassword = truststorePassword;
    b.keystore = keystore;
    b.keystorePassword = keystorePassword;
    b.cloudSecureConnectBundle = cloudSecureConnectBundle;
    b.requestTimeout = requestTimeout;
    return b;
  }

  private static final class Builder {
    List<String> contactPoints = List.of();
    @Nullable String localDatacenter;
    @Nullable String username;
    @Nullable String password;
    @Nullable String passwordFile;
    @Nullable String passwordEnvironmentVariable;
    boolean tls;
    @Nullable String caCertificatePem;
    @Nullable String truststore;
    @Nullable String truststorePassword;
    @Nullable String keystore;
    @Nullable String keystorePassword;
    @Nullable String cloudSecureConnectBundle;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    CassandraConnection build() {
      return new CassandraConnection(this);
    }
  }
}
