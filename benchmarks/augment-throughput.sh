#!/usr/bin/env bash
# Batch augmentation (flip + crop with padding + rotate; batch 128) in images/s against DataVec's
# per-image PipelineImageTransform, on 28x28x1 and 64x64x3 images; then training samples/s of the
# classic CNN on Fashion-MNIST with augmentation (AugmentingIterator) against without.
# Usage: benchmarks/augment-throughput.sh   (from anywhere; builds workbench-lib's test classes first)
exec "$(dirname "$0")/run-java-benchmark.sh" io.github.nbworkbench.augment.AugmentThroughputBenchmark "$@"
