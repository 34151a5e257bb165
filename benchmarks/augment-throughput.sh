#!/usr/bin/env bash
# Batch augmentation (flip + crop with padding + rotate; batch 128) in images/s against DataVec's
# per-image PipelineImageTransform, on 28x28x1 and 64x64x3 images; then training samples/s of the
# classic CNN on Fashion-MNIST with augmentation (AugmentingIterator) against without.
# Usage: benchmarks/augment-throughput.sh   (from anywhere; builds workbench-lib's test classes first)
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
    io.github.nbworkbench.augment.AugmentThroughputBenchmark
