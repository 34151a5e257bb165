#!/usr/bin/env bash
# GPU check for the -Pcuda build (ND4J's CUDA 11.6 backend with cuDNN, next to the CPU backend).
#
# On a machine whose NVIDIA GPUs can run DL4J 1.0.0-M2.1 (compute capability up to 8.6), it builds
# workbench-lib with -Pcuda, checks end to end that ND4J loads the CUDA backend (prints the backend
# and the device) and that the classic MNIST CNN trains on it (synthetic data, the loss must fall),
# then runs the same training with the default CPU build in a separate JVM and prints training
# samples/s on GPU against CPU (batch 128, as in benchmarks/cnn-runtime.sh).
#
# Without an NVIDIA GPU, or with one too new for M2.1 (Hopper, Ada: 8.9, 9.0), it says so and exits
# 0: there is nothing to measure. With --fallback it then checks instead that the -Pcuda build falls
# back to the CPU backend there. Exits non-zero only when a build or a check fails.
#
# Usage: environment/gpu-check.sh [--fallback]   (from anywhere; the first -Pcuda build downloads
# about 2.4 GB: the CUDA build of ND4J and NVIDIA's CUDA/cuDNN libraries; about 10 minutes in all)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
highest_supported=8.6

lock=()
if command -v flock >/dev/null; then
    lock=(flock "${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}")
fi

# Builds workbench-lib's test classes and writes the test classpath of the given profile to $2.
classpath() {
    "${lock[@]}" mvn -B -q -pl workbench-lib test-compile dependency:build-classpath $1 \
        -Dnd4j.classifier="$(bash environment/nd4j-classifier.sh)" \
        -Dmdep.includeScope=test -Dmdep.outputFile="$2" >&2
    echo "workbench-lib/target/classes:workbench-lib/target/test-classes:$(cat "$2")"
}

# Runs GpuCheck expecting the given backend; prints its output and leaves its RESULT line in $result.
check() {
    local output
    output=$(java -cp "$2" io.github.nbworkbench.runtime.GpuCheck --expect "$1" 2>&1) \
        || { echo "$output"; echo "gpu-check: FAILED with the $1 backend (output above)"; exit 1; }
    echo "$output"
    result=$(grep '^RESULT ' <<<"$output" | awk '{print $3}')
}

gpus=$(nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader 2>/dev/null || true)
if [ -z "$gpus" ]; then
    echo "gpu-check: no NVIDIA GPU here (nvidia-smi is missing or lists none); nothing to check on a GPU."
    exit 0
fi
echo "GPUs: $gpus"
too_new=$(awk -F', *' -v max="$highest_supported" '!($NF ~ /^[0-9.]+$/ && $NF + 0 <= max) {
    print $1 " (compute capability " $NF ")" }' <<<"$gpus")
if [ -n "$too_new" ]; then
    echo "gpu-check: DL4J 1.0.0-M2.1's CUDA build has code for compute capability up to $highest_supported only, and"
    echo "  ${too_new//$'\n'/, } is newer: the -Pcuda build runs on CPU here (WorkbenchRuntime falls back)."
    if [ "${1:-}" != --fallback ]; then
        echo "  Nothing to measure on this GPU; run with --fallback to check the fallback."
        exit 0
    fi
    cuda_classpath=$(classpath -Pcuda "$root"/workbench-lib/target/gpu-check-cuda-classpath.txt)
    check cpu "$cuda_classpath"
    echo "gpu-check: OK, the -Pcuda build fell back to the CPU backend ($result training samples/s)"
    exit 0
fi

echo "== CUDA build (-Pcuda)"
cuda_classpath=$(classpath -Pcuda "$root"/workbench-lib/target/gpu-check-cuda-classpath.txt)
check cuda "$cuda_classpath"
gpu_speed=$result
echo "== CPU build (default profile), separate JVM"
cpu_classpath=$(classpath "" "$root"/workbench-lib/target/gpu-check-cpu-classpath.txt)
check cpu "$cpu_classpath"
cpu_speed=$result
awk -v gpu="$gpu_speed" -v cpu="$cpu_speed" 'BEGIN {
    printf "gpu-check: OK. Classic CNN training, batch 128, samples/s: GPU %.0f, CPU %.0f (GPU/CPU %.1fx)\n", gpu, cpu, gpu / cpu }'
