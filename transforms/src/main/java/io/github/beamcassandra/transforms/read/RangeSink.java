package io.github.beamcassandra.transforms.read;

import java.io.IOException;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Where {@link CassandraRead#toRangeSink} puts the rows of each token range, from inside the step that
 * reads them, so an export can make one output per range and commit it only once the whole range is
 * read (a file renamed into place, say). That is what makes a resumable export exact: a range is
 * reported complete only after its output is committed, and a range read again after a failure starts
 * a new writer, never appending to a half-written one.
 */
public interface RangeSink extends Serializable {

  /** A writer for one attempt at reading {@code range}; {@code schema} is the rows' schema. */
  RangeWriter open(TokenRange range, Schema schema) throws IOException;

  /** The rows of one range attempt. */
  interface RangeWriter extends AutoCloseable {
    void write(Row row) throws IOException;

    /** Makes what was written visible; called once, after the range's last row. */
    void commit() throws IOException;

    /** Releases resources; discards what was written unless {@link #commit} succeeded. */
    @Override
    void close() throws IOException;
  }
}
