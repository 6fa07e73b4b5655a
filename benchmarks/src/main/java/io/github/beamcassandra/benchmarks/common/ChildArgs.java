package io.github.beamcassandra.benchmarks.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a contender's child JVM is told: which table, how many rows, where the cluster is. The parent
 * builds it with {@link #toArgs()}; the child reads it back with {@link #parse(String[])}.
 *
 * @param shape the table to write (or, in the read benchmark, to read)
 * @param rows rows {@code 0 .. rows-1} of {@link GeneratedRows} (in the read benchmark: the rows the
 *     table holds)
 * @param contactPoints {@code host:port} of at least one node
 * @param localDatacenter the driver's local datacenter
 * @param keyspace the keyspace holding the shape's table
 * @param maxInFlight the async loop's bound on requests in flight (the other contenders ignore it)
 * @param consistency the write consistency every contender uses (in the read benchmark, the read
 *     consistency of SELECT count(*); the other readers use the same level by default)
 */
public record ChildArgs(Shape shape, long rows, List<String> contactPoints, String localDatacenter,
    String keyspace, int maxInFlight, String consistency) {

  private static final Set<String> NAMES = Set.of(
      "shape", "rows", "contactPoints", "localDatacenter", "keyspace", "maxInFlight", "consistency");

  public ChildArgs {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, got: " + rows);
    }
    if (contactPoints.isEmpty()) {
      throw new IllegalArgumentException("at least one contact point is needed");
    }
    for (String point : contactPoints) {
      port(point);
    }
    contactPoints = List.copyOf(contactPoints);
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got: " + maxInFlight);
    }
  }

  public static ChildArgs parse(String[] args) {
    Flags flags = Flags.parse(args, NAMES);
    return new ChildArgs(
        Shape.fromName(flags.required("shape")),
        flags.getLong("rows", 0, 1, Long.MAX_VALUE),
        splitContactPoints(flags.required("contactPoints")),
        flags.required("localDatacenter"),
        flags.required("keyspace"),
        flags.getInt("maxInFlight", 128, 1, 1 << 16),
        flags.required("consistency"));
  }

  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.add("--shape=" + shape.table());
    args.add("--rows=" + rows);
    args.add("--contactPoints=" + String.join(",", contactPoints));
    args.add("--localDatacenter=" + localDatacenter);
    args.add("--keyspace=" + keyspace);
    args.add("--maxInFlight=" + maxInFlight);
    args.add("--consistency=" + consistency);
    return args;
  }

  /** {@code "h1:9042, h2:9043"} as a list; every entry must name its port. */
  public static List<String> splitContactPoints(String commaSeparated) {
    List<String> points = Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    points.forEach(ChildArgs::port);
    return points;
  }

  /** The host of {@code host:port}. */
  public static String host(String contactPoint) {
    return contactPoint.substring(0, contactPoint.lastIndexOf(':'));
  }

  /** The port of {@code host:port}. */
  public static int port(String contactPoint) {
    int colon = contactPoint.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("contact point must be host:port, got: '" + contactPoint + "'");
    }
    try {
      int port = Integer.parseInt(contactPoint.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("contact point must be host:port, got: '" + contactPoint + "'");
    }
  }
}
