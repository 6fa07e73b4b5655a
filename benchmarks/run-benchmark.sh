#!/usr/bin/env bash
# What the run-*-benchmark.sh scripts share: builds the benchmarks module (offline first, then with the
# remote repository) and runs one benchmark's main class with the remaining arguments.
# Usage: benchmarks/run-benchmark.sh <WriteBenchmark|ReadBenchmark|LoadBenchmark> [--option=value ...]
set -euo pipefail

main="$1"
shift

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
exec java -cp "$classpath" "io.github.beamcassandra.benchmarks.$main" "$@"
