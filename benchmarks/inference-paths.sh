#!/usr/bin/env bash
# Inference speed of the classic Fashion-MNIST CNN on three paths (MultiLayerNetwork, SameDiff,
# ONNX Runtime) at batch 1, 32 and 128, for each ND4J CPU build (generic, and the oneDNN build for
# this CPU) and 1 and 2 OpenMP threads; each combination in its own JVM, since both are fixed when
# ND4J loads. Prints one table per combination with each path's speed relative to the
# MultiLayerNetwork in the same run (the ratios are what to compare: the machine may be busy).
# Usage: benchmarks/inference-paths.sh   (from anywhere; builds workbench-lib's test classes first)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
lock=()
if command -v flock >/dev/null; then
    lock=(flock "${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}")
fi

for build in linux-x86_64 "$(bash environment/nd4j-classifier.sh)"; do
    classpath_file="$root/workbench-lib/target/classpath-$build.txt"
    "${lock[@]}" mvn -B -q -pl workbench-lib test-compile dependency:build-classpath \
        -Dnd4j.classifier="$build" -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
    for threads in 1 2; do
        OMP_NUM_THREADS=$threads java -cp "workbench-lib/target/classes:workbench-lib/target/test-classes:$(cat "$classpath_file")" \
            io.github.nbworkbench.deploy.InferencePathsBenchmark "$build"
    done
done
