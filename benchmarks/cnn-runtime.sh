#!/usr/bin/env bash
# Classic MNIST CNN (conv 3x3x32, max-pool, dense 128, softmax 10; batch 128): training and inference
# samples/s with WorkbenchRuntime.configure() against DL4J's defaults, each side in its own JVM.
# Usage: benchmarks/cnn-runtime.sh   (from anywhere; builds workbench-lib's test classes first)
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
    io.github.nbworkbench.runtime.CnnRuntimeBenchmark
