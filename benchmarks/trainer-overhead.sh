#!/usr/bin/env bash
# Trainer.fit against plain net.fit(iterator, epochs): the same MLP on the same Fashion-MNIST images,
# alternating in one JVM; prints both samples/s, their ratio, and the cost of validation and metrics.
# Usage: benchmarks/trainer-overhead.sh   (from anywhere; builds workbench-lib's test classes first)
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
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec java -cp "workbench-lib/target/classes:workbench-lib/target/test-classes:$(cat "$classpath_file")" \
    io.github.nbworkbench.train.TrainerOverheadBenchmark
