package io.github.beamcassandra.transforms;

import org.apache.beam.sdk.transforms.errorhandling.BadRecord;

/** Failures in the form of Beam's dead-letter API. */
final class BadRecords {
  private BadRecords() {}

  static BadRecord of(CassandraWriteFailure failure, String table) {
    String json = "{\"stage\":" + quote(failure.stage().name()) + ",\"record\":" + quote(failure.record())
        + (failure.column() == null ? "" : ",\"column\":" + quote(failure.column())) + "}";
    return BadRecord.builder()
        .setRecord(BadRecord.Record.builder().setHumanReadableJsonRecord(json).build())
        .setFailure(BadRecord.Failure.builder()
            .setException(failure.errorClass() + ": " + failure.reason())
            .setDescription("Cassandra write to " + table + " failed at " + failure.stage()
                + ": " + failure.reason())
            .build())
        .build();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
