#!/usr/bin/env bash
# Builds the benchmarks module (and with it the DSBulk classpath) and runs the read benchmark.
# Every argument is passed on; see `benchmarks/run-read-benchmark.sh --help`.
#
#   benchmarks/run-read-benchmark.sh                        # 300,000 rows, 3 runs, a local node
#   benchmarks/run-read-benchmark.sh --rows=20000 --repeats=1
#   benchmarks/run-read-benchmark.sh --contactPoints=10.0.0.1:9042 --localDatacenter=dc1
#
# Only this module is built, from the other modules' jars in the local Maven repository: install them
# first (`mvn -B install -DskipTests` at the root) when they changed.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" ReadBenchmark "$@"
