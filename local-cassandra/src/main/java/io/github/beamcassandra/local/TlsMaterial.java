package io.github.beamcassandra.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates made for one local node with the JDK's {@code keytool}: a self-signed server
 * certificate for 127.0.0.1/localhost (also written as PEM, the "CA" a client trusts), a PKCS12
 * truststore holding it, and a client key pair the server trusts, for mutual TLS.
 */
public final class TlsMaterial {
  /** The truststore holds only public certificates, so its password protects nothing secret. */
  public static final String TRUSTSTORE_PASSWORD = "beam-cassandra";

  private final Path dir;
  private final String keyPassword;

  private TlsMaterial(Path dir, String keyPassword) {
    this.dir = dir;
    this.keyPassword = keyPassword;
  }

  /** Generates the material in {@code dir}, replacing what was there. */
  static TlsMaterial generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name :
        List.of(
            "server-keystore.p12", "server-truststore.p12", "client-keystore.p12",
            "truststore.p12", "ca.pem", "client.pem")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    TlsMaterial tls = new TlsMaterial(dir, HexFormat.of().formatHex(random));
    tls.keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "3650", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", tls.serverKeystore().toString(), "-storetype", "PKCS12",
        "-storepass", tls.keyPassword, "-keypass", tls.keyPassword);
    tls.keytool("-exportcert", "-rfc", "-alias", "node",
        "-keystore", tls.serverKeystore().toString(), "-storepass", tls.keyPassword,
        "-file", tls.caCertificatePem().toString());
    tls.keytool("-importcert", "-noprompt", "-alias", "node",
        "-file", tls.caCertificatePem().toString(),
        "-keystore", tls.truststore().toString(), "-storetype", "PKCS12",
        "-storepass", TRUSTSTORE_PASSWORD);
    tls.keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "3650", "-dname", "CN=beam-cassandra-client",
        "-keystore", tls.clientKeystore().toString(), "-storetype", "PKCS12",
        "-storepass", tls.keyPassword, "-keypass", tls.keyPassword);
    tls.keytool("-exportcert", "-rfc", "-alias", "client",
        "-keystore", tls.clientKeystore().toString(), "-storepass", tls.keyPassword,
        "-file", tls.clientCertificatePem().toString());
    tls.keytool("-importcert", "-noprompt", "-alias", "client",
        "-file", tls.clientCertificatePem().toString(),
        "-keystore", tls.serverTruststore().toString(), "-storetype", "PKCS12",
        "-storepass", tls.keyPassword);
    return tls;
  }

  /** The server's certificate in PEM: what a client configures as its trusted CA. */
  public Path caCertificatePem() {
    return dir.resolve("ca.pem");
  }

  /** PKCS12 truststore with the server's certificate; password {@link #TRUSTSTORE_PASSWORD}. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  /** PKCS12 keystore with a client key pair the server trusts (mutual TLS). */
  public Path clientKeystore() {
    return dir.resolve("client-keystore.p12");
  }

  /** Password of {@link #clientKeystore()}; made at random for this node. */
  public String clientKeystorePassword() {
    return keyPassword;
  }

  /** The client's certificate in PEM. */
  public Path clientCertificatePem() {
    return dir.resolve("client.pem");
  }

  Path serverKeystore() {
    return dir.resolve("server-keystore.p12");
  }

  Path serverTruststore() {
    return dir.resolve("server-truststore.p12");
  }

  String serverKeystorePassword() {
    return keyPassword;
  }

  /**
   * An SSL context that trusts this node, presenting the client certificate when {@code withClientKey}
   * (for servers that require client authentication).
   */
  public SSLContext sslContext(boolean withClientKey) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(truststore(), TRUSTSTORE_PASSWORD));
      KeyManagerFactory keys = null;
      if (withClientKey) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(clientKeystore(), keyPassword), keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot load the node's TLS material from " + dir + ": " + e, e);
    }
  }

  private static KeyStore load(Path file, String password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        // The command line holds passwords, so only the subcommand and keytool's own words are shown.
        throw new IOException("keytool " + args[0] + " failed in " + dir + ": " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running keytool " + args[0], e);
    }
  }
}
