package io.github.beamcassandra.benchmarks.cassandraio;

import com.datastax.driver.mapping.annotations.ClusteringColumn;
import com.datastax.driver.mapping.annotations.Column;
import com.datastax.driver.mapping.annotations.PartitionKey;
import com.datastax.driver.mapping.annotations.Table;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Reading;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code readings} for driver 3's object mapper; see {@link PersonEntity}. */
@Table(name = "readings")
public class ReadingEntity implements Serializable {
  private static final long serialVersionUID = 1L;

  @PartitionKey
  @Column(name = "device")
  private String device;

  @ClusteringColumn
  @Column(name = "seq")
  private int seq;

  @Column(name = "value")
  private double value;

  /** For the mapper and Java serialization. */
  public ReadingEntity() {}

  static ReadingEntity of(Reading reading) {
    ReadingEntity entity = new ReadingEntity();
    entity.device = reading.device();
    entity.seq = reading.seq();
    entity.value = reading.value();
    return entity;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public int getSeq() {
    return seq;
  }

  public void setSeq(int seq) {
    this.seq = seq;
  }

  public double getValue() {
    return value;
  }

  public void setValue(double value) {
    this.value = value;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ReadingEntity)) {
      return false;
    }
    ReadingEntity that = (ReadingEntity) o;
    return Objects.equals(device, that.device) && seq == that.seq
        && Double.compare(value, that.value) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(device, seq, value);
  }
}
