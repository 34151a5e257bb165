#!/usr/bin/env bash
# Spark training's scaling in local mode: one epoch of a 1.9 M-parameter perceptron on Fashion-MNIST
# with the plain Trainer, SparkTrainer on local[1] and on local[2]; prints T1 / (2 x T2) and Spark's
# overhead against the Trainer. Usage: benchmarks/spark-scaling.sh [training images, default 12000]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="$root/workbench-spark/target/benchmark-classpath.txt"
lock=()
if command -v flock >/dev/null; then
    lock=(flock "${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}")
fi
# -am: workbench-lib from this checkout; the reactor writes the classpath file of each module, the
# last one (workbench-spark's) stays
"${lock[@]}" mvn -B -q -pl workbench-spark -am test-compile dependency:build-classpath \
    -Dnd4j.classifier="$(bash environment/nd4j-classifier.sh)" -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' workbench-spark/pom.xml)
# shellcheck disable=SC2086  # the flags are separate words on purpose
exec java $opens -cp "workbench-lib/target/classes:workbench-spark/target/classes:workbench-spark/target/test-classes:$(cat "$classpath_file")" \
    io.github.nbworkbench.spark.SparkScalingBenchmark "$@"
