package io.github.beamcassandra.transforms.mutation;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * Compact, deterministic coder of {@link Mutation}: kind, TTL and writetime flags, partition key and
 * each value as a tag (unset, null, value) plus its bytes.
 */
public final class MutationCoder extends AtomicCoder<Mutation> {
  private static final long serialVersionUID = 1L;
  private static final MutationCoder INSTANCE = new MutationCoder();
  private static final Mutation.Kind[] KINDS = Mutation.Kind.values();
  private static final int UNSET = 0;
  private static final int NULL = 1;
  private static final int VALUE = 2;

  private MutationCoder() {}

  public static MutationCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Mutation m, OutputStream out) throws IOException {
    if (m == null) {
      throw new CoderException("cannot encode a null Mutation");
    }
    int header = m.kind().ordinal() | (m.hasTtl() ? 0x10 : 0) | (m.hasWritetime() ? 0x20 : 0);
    out.write(header);
    if (m.hasTtl()) {
      VarInt.encode(m.ttlSeconds(), out);
    }
    if (m.hasWritetime()) {
      VarInt.encode(m.writetimeMicros(), out);
    }
    writeBytes(m.partitionKey(), out);
    VarInt.encode(m.valueCount(), out);
    for (int i = 0; i < m.valueCount(); i++) {
      if (m.isUnset(i)) {
        out.write(UNSET);
      } else if (m.isNull(i)) {
        out.write(NULL);
      } else {
        out.write(VALUE);
        writeBytes(m.rawValue(i), out);
      }
    }
  }

  @Override
  public Mutation decode(InputStream in) throws IOException {
    int header = in.read();
    if (header < 0) {
      throw new CoderException("end of stream while decoding a Mutation");
    }
    Mutation.Kind kind = KINDS[header & 0x0F];
    int ttl = (header & 0x10) != 0 ? VarInt.decodeInt(in) : Mutation.NO_TTL;
    long writetime = (header & 0x20) != 0 ? VarInt.decodeLong(in) : Mutation.NO_WRITETIME;
    byte[] partitionKey = readBytes(in);
    int count = VarInt.decodeInt(in);
    byte[][] values = new byte[count][];
    for (int i = 0; i < count; i++) {
      int tag = in.read();
      if (tag == VALUE) {
        values[i] = readBytes(in);
      } else if (tag == NULL) {
        values[i] = Mutation.NULL;
      } else if (tag != UNSET) {
        throw new CoderException("corrupt Mutation: value tag " + tag);
      }
    }
    return new Mutation(kind, values, partitionKey, ttl, writetime);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public List<? extends org.apache.beam.sdk.coders.Coder<?>> getCoderArguments() {
    return Collections.emptyList();
  }

  private static void writeBytes(byte[] bytes, OutputStream out) throws IOException {
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  private static byte[] readBytes(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    byte[] bytes = new byte[length];
    new DataInputStream(in).readFully(bytes);
    return bytes;
  }
}
