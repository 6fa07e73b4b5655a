package io.github.beamcassandra.local;

import java.nio.file.Path;

/** Where a node keeps its files, all under one base directory. */
record NodeLayout(Path base) {
  Path conf() {
    return base.resolve("conf");
  }

  Path data() {
    return base.resolve("data");
  }

  Path commitLog() {
    return base.resolve("commitlog");
  }

  Path hints() {
    return base.resolve("hints");
  }

  Path savedCaches() {
    return base.resolve("saved_caches");
  }

  Path cdcRaw() {
    return base.resolve("cdc_raw");
  }

  Path logs() {
    return base.resolve("logs");
  }

  Path tls() {
    return base.resolve("tls");
  }

  Path log() {
    return logs().resolve("system.log");
  }

  Path yaml() {
    return conf().resolve("cassandra.yaml");
  }

  Path logback() {
    return conf().resolve("logback.xml");
  }

  /** Written once the node answers CQL; read by {@code local status} and {@code local stop}. */
  Path nodeFile() {
    return base.resolve("node.properties");
  }

  Path[] directories() {
    return new Path[] {conf(), data(), commitLog(), hints(), savedCaches(), cdcRaw(), logs()};
  }
}
