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
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$here/target"

build() {
  (cd "$root" && mvn -B -q -Dstyle.color=never "$@" -pl benchmarks package -DskipTests)
}

echo "Building the benchmarks module ..." >&2
if ! build -o; then
  echo "The offline build failed; trying again with the remote repository ..." >&2
  build
fi

classpath="$target/beam-cassandra-benchmarks.jar:$(cat "$target/classpath/beam-cassandra.classpath")"
exec java -cp "$classpath" io.github.beamcassandra.benchmarks.ReadBenchmark "$@"
