#!/usr/bin/env bash
# Trainer.fit against plain net.fit(iterator, epochs): the same MLP on the same Fashion-MNIST images,
# alternating in one JVM; prints both samples/s, their ratio, and the cost of validation and metrics.
# Usage: benchmarks/trainer-overhead.sh   (from anywhere; builds workbench-lib's test classes first)
exec "$(dirname "$0")/run-java-benchmark.sh" io.github.nbworkbench.train.TrainerOverheadBenchmark "$@"
