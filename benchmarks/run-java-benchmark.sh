#!/usr/bin/env bash
# Runs a benchmark main class from workbench-lib's test sources: builds the test classes and the
# test classpath first (under the shared Maven lock), then runs MAIN_CLASS with its arguments.
# Usage: benchmarks/run-java-benchmark.sh MAIN_CLASS [ARGS...]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="$root/workbench-lib/target/benchmark-classpath.txt"

# Several people share the build machine; Maven runs one at a time under this lock.
lock=()
if command -v flock >/dev/null; then
    lock=(flock "${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}")
fi
"${lock[@]}" mvn -B -q -pl workbench-lib test-compile dependency:build-classpath \
    -Dnd4j.classifier="$(bash environment/nd4j-classifier.sh)" \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec java -cp "workbench-lib/target/classes:workbench-lib/target/test-classes:$(cat "$classpath_file")" "$@"
