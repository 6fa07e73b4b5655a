package io.github.beamcassandra.benchmarks.cassandraio;

import com.datastax.driver.mapping.annotations.Column;
import com.datastax.driver.mapping.annotations.PartitionKey;
import com.datastax.driver.mapping.annotations.Table;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Person;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code people} for driver 3's object mapper, which CassandraIO writes with. No keyspace in
 * {@link Table}: the mapper then uses the session's, which is CassandraIO's {@code withKeyspace}.
 */
@Table(name = "people")
public class PersonEntity implements Serializable {
  private static final long serialVersionUID = 1L;

  @PartitionKey
  @Column(name = "id")
  private UUID id;

  @Column(name = "name")
  private String name;

  @Column(name = "age")
  private int age;

  @Column(name = "score")
  private long score;

  /** For the mapper and Java serialization. */
  public PersonEntity() {}

  static PersonEntity of(Person person) {
    PersonEntity entity = new PersonEntity();
    entity.id = person.id();
    entity.name = person.name();
    entity.age = person.age();
    entity.score = person.score();
    return entity;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public long getScore() {
    return score;
  }

  public void setScore(long score) {
    this.score = score;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PersonEntity)) {
      return false;
    }
    PersonEntity that = (PersonEntity) o;
    return Objects.equals(id, that.id) && Objects.equals(name, that.name) && age == that.age
        && score == that.score;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, age, score);
  }
}
