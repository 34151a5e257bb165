#!/usr/bin/env bash
# Spark training's scaling in local mode: one epoch of a 1.9 M-parameter perceptron on Fashion-MNIST
# with the plain Trainer, SparkTraining on local[1] and on local[2]; prints T1 / (2 x T2) and Spark's
# overhead against the Trainer. Usage: benchmarks/spark-scaling.sh [training images, default 12000]
root="$(cd "$(dirname "$0")/.." && pwd)"
# Spark 3.1 on Java 17 needs these (the same the module's tests run with)
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' "$root/workbench-spark/pom.xml")
BENCHMARK_MODULE=workbench-spark JAVA_OPTS="$opens" \
    exec "$root/benchmarks/run-java-benchmark.sh" io.github.nbworkbench.spark.SparkScalingBenchmark "$@"
