#!/usr/bin/env bash
# Builds the benchmarks module (and with it the DSBulk classpath) and runs the load benchmark: the
# command line's load, unload and count against DataStax Bulk Loader, each run a process of its own.
# Every argument is passed on; see `benchmarks/run-load-benchmark.sh --help`.
#
#   benchmarks/run-load-benchmark.sh                         # 300,000-row files, 3 runs, a local node
#   benchmarks/run-load-benchmark.sh --rows=20000 --repeats=1
#   benchmarks/run-load-benchmark.sh --peakHeapRows=3000000  # also a 3,000,000-row load with -Xmx1G
#   benchmarks/run-load-benchmark.sh --jar=/elsewhere/beam-cassandra.jar
#
# Only this module is built, from the other modules' jars in the local Maven repository: install them
# first (`mvn -B install -DskipTests` at the root) when they changed. The command line itself is
# pipelines/target/beam-cassandra.jar (or --jar): build it with
# `mvn -B -DskipTests -pl pipelines -am package` when it is missing or out of date.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" LoadBenchmark "$@"
