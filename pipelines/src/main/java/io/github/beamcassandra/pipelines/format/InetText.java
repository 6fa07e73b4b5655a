package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP address literals for CQL {@code inet}: dotted-quad IPv4 or IPv6 (brackets optional, no zone id).
 * Host names are refused rather than looked up: a DNS query per row would make loading slow and its
 * result depend on where it runs. The Beam value is the address as {@link InetAddress#getHostAddress()}
 * writes it, which is what a read gives.
 */
final class InetText {
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private InetText() {}

  static String parse(String text, CqlType type) {
    String address = text.startsWith("[") && text.endsWith("]")
        ? text.substring(1, text.length() - 1) : text;
    boolean v4 = IPV4.matcher(address).matches();
    if (!v4 && !isIpv6(address)) {
      throw new ValueFormatException(type, text,
          "not an IP address (host names are not looked up; give e.g. 10.0.0.1 or ::1)");
    }
    try {
      // Brackets make the JDK fail on a bad IPv6 literal instead of trying DNS.
      return InetAddress.getByName(v4 ? address : "[" + address + "]").getHostAddress();
    } catch (UnknownHostException e) {
      throw new ValueFormatException(type, text, "not an IP address");
    }
  }

  private static boolean isIpv6(String address) {
    int gap = address.indexOf("::");
    if (gap != address.lastIndexOf("::")) {
      return false;
    }
    int groups;
    if (gap < 0) {
      groups = countGroups(address);
      return groups == 8;
    }
    int head = countGroups(address.substring(0, gap));
    int tail = countGroups(address.substring(gap + 2));
    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  /** Groups in a colon-separated run (an IPv4 tail counts as two), or -1 when malformed. */
  private static int countGroups(String run) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && IPV4.matcher(parts[i]).matches()) {
        count += 2;
      } else if (GROUP.matcher(parts[i]).matches()) {
        count++;
      } else {
        return -1;
      }
    }
    return count;
  }
}
