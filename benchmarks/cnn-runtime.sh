#!/usr/bin/env bash
# Classic MNIST CNN (conv 3x3x32, max-pool, dense 128, softmax 10; batch 128): training and inference
# samples/s with WorkbenchRuntime.configure() against DL4J's defaults, each side in its own JVM.
# Usage: benchmarks/cnn-runtime.sh   (from anywhere; builds workbench-lib's test classes first)
exec "$(dirname "$0")/run-java-benchmark.sh" io.github.nbworkbench.runtime.CnnRuntimeBenchmark "$@"
