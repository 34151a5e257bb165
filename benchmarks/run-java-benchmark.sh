#!/usr/bin/env bash
# Runs a benchmark main class from a module's test sources (workbench-lib unless BENCHMARK_MODULE
# names another, e.g. workbench-spark): builds the test classes and the test classpath first (under
# the shared Maven lock), then runs MAIN_CLASS with its arguments and the JVM flags in JAVA_OPTS.
# BENCHMARK_SKIP_BUILD=1 skips the build and uses the classes and classpath of an earlier run (for
# scripts that start many runs).
# Usage: [BENCHMARK_MODULE=...] [JAVA_OPTS=...] benchmarks/run-java-benchmark.sh MAIN_CLASS [ARGS...]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
module=${BENCHMARK_MODULE:-workbench-lib}
classpath_file="$root/$module/target/benchmark-classpath.txt"

# Several people share the build machine; Maven runs one at a time under this lock.
lock=()
if command -v flock >/dev/null; then
    lock=(flock "${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}")
fi
# -am builds workbench-lib from this checkout too; every module writes the classpath file, the
# benchmark's module last
if [ -z "${BENCHMARK_SKIP_BUILD:-}" ]; then
    "${lock[@]}" mvn -B -q -pl "$module" -am test-compile dependency:build-classpath \
        -Dnd4j.classifier="$(bash environment/nd4j-classifier.sh)" \
        -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi

# shellcheck disable=SC2086  # JAVA_OPTS holds several flags on purpose
# the Vector API, as the kernel and the tests run: the fused layers compute with it
exec java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -cp "workbench-lib/target/classes:$module/target/classes:$module/target/test-classes:$(cat "$classpath_file")" "$@"
