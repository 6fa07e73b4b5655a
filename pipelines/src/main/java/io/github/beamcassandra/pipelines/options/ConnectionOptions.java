package io.github.beamcassandra.pipelines.options;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How every command reaches Cassandra. Passwords are {@link JsonIgnore}d: they never travel with the
 * serialized options, so they stay out of display data, logs and reports (the connection the pipeline
 * uses carries them in its own masked form).
 */
public interface ConnectionOptions extends PipelineOptions {
  @Description("Cassandra contact points as host[:port],... (default port 9042). Without it, the command"
      + " uses the local node of 'beam-cassandra local', starting it if needed.")
  String getContactPoints();

  void setContactPoints(String value);

  @Description("Local datacenter of the driver's load balancing; inferred from the contact points when"
      + " not given.")
  String getLocalDatacenter();

  void setLocalDatacenter(String value);

  @Description("Keyspace of the table.")
  String getKeyspace();

  void setKeyspace(String value);

  @Description("Table to load, unload or count.")
  String getTable();

  void setTable(String value);

  @Description("User name for password authentication.")
  String getUsername();

  void setUsername(String value);

  @JsonIgnore
  @Description("Password for --username; prefer --passwordFile or --passwordEnv, which keep it out of"
      + " the process list.")
  String getPassword();

  void setPassword(String value);

  @Description("File whose first line is the password for --username.")
  String getPasswordFile();

  void setPasswordFile(String value);

  @Description("Environment variable that holds the password for --username.")
  String getPasswordEnv();

  void setPasswordEnv(String value);

  @Description("Connect with TLS.")
  @Default.Boolean(false)
  boolean getTls();

  void setTls(boolean value);

  @Description("CA certificate (PEM) that signed the nodes' certificates; needs --tls.")
  String getTlsCaCertificate();

  void setTlsCaCertificate(String value);

  @Description("Truststore (JKS or PKCS12) with the nodes' CA; needs --tls.")
  String getTlsTruststore();

  void setTlsTruststore(String value);

  @JsonIgnore
  @Description("Password of --tlsTruststore.")
  String getTlsTruststorePassword();

  void setTlsTruststorePassword(String value);

  @Description("Keystore (JKS or PKCS12) with this client's certificate, for mutual TLS; needs --tls.")
  String getTlsKeystore();

  void setTlsKeystore(String value);

  @JsonIgnore
  @Description("Password of --tlsKeystore.")
  String getTlsKeystorePassword();

  void setTlsKeystorePassword(String value);

  @Description("Secure connect bundle (zip) of a cloud database, instead of --contactPoints.")
  String getCloudSecureConnectBundle();

  void setCloudSecureConnectBundle(String value);

  @Description("Per-request timeout in seconds.")
  @Default.Integer(12)
  int getRequestTimeoutSeconds();

  void setRequestTimeoutSeconds(int value);

  @Description("Consistency level: ONE, TWO, THREE, QUORUM, ALL, LOCAL_QUORUM, EACH_QUORUM, LOCAL_ONE"
      + " (ANY for writes). Default: LOCAL_QUORUM for load, LOCAL_ONE for unload and count.")
  String getConsistency();

  void setConsistency(String value);

  @Description("Directory of the local node used when --contactPoints is not given.")
  @Default.String("~/.beam-cassandra/node")
  String getLocalNodeDir();

  void setLocalNodeDir(String value);
}
