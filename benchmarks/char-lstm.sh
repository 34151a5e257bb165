#!/usr/bin/env bash
# Char-LSTM training throughput (one-hot vocabulary 98, LSTM 256, sequence 64, batch 64, Adam, State
# of the Union text), DL4J through our Trainer, with DL4J's LSTM and with our FusedLstm, against
# PyTorch (Debian's python3-torch), each at 1 and 2 threads. The runs alternate (DL4J 1, fused 1,
# PyTorch 1, DL4J 2, fused 2, PyTorch 2) for ROUNDS rounds, each in a fresh process, because the
# shared machine is noisy; then it prints each side's median sequences/s per thread count, the best
# of each side and the ratios DL4J-best / PyTorch-best and fused-best / PyTorch-best, and, as a
# cross-check less hurt by other work on the machine, the 1-thread ratios per second of CPU time.
# DL4J runs in its fastest set-up found: ND4J's native (oneDNN) helpers off and JavaCPP's physical
# memory check off (-Dorg.bytedeco.javacpp.maxPhysicalBytes=0), both a few percent; see
# CharLstmBenchmark for the options. Each DL4J run first trains 10 batches untimed: the JIT needs
# about that long (2-3 s) to compile FusedLstm's Vector API code, which runs far slower before it
# is compiled. Takes about 6 minutes on a quiet machine; on a busy one far
# longer (28 minutes at load 4-8: DL4J at 2 threads collapses to under 10 sequences/s, and each
# DL4J run first waits for the shared Maven lock).
# Usage: benchmarks/char-lstm.sh [ROUNDS]   (from anywhere; default 3 rounds; builds workbench-lib's
#        test classes first; the data comes from environment/setup.sh, or WORKBENCH_DATA)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

for round in $(seq "$rounds"); do
    for threads in 1 2; do
        for lstm in dl4j fused; do
            echo "== round $round of $rounds, DL4J with the $lstm LSTM, OMP_NUM_THREADS=$threads" >&2
            OMP_NUM_THREADS=$threads "$here/run-java-benchmark.sh" -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 \
                io.github.nbworkbench.text.CharLstmBenchmark --helpers off --warmup 10 --batches 12 --lstm "$lstm" \
                | grep -o '{"side".*}' | tee -a "$results"
        done
        echo "== round $round of $rounds, PyTorch, $threads thread(s)" >&2
        /usr/bin/python3 "$here/char_lstm_torch.py" "$threads" | tee -a "$results"
    done
done

/usr/bin/python3 - "$results" <<'EOF'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
print("\nChar-LSTM training, vocabulary %d, hidden 256, sequence 64, batch %d: sequences/s, median of %d rounds"
      % (runs[0]["vocabulary"], runs[0]["batch"], len(runs) // 6))
best = {}
for side, label in (("dl4j", "DL4J Trainer.fit"), ("fused", "FusedLstm"), ("pytorch", "PyTorch")):
    for threads in (1, 2):
        mine = [r for r in runs if r["side"] == side and r["threads"] == threads]
        speeds = [r["sequences_per_s"] for r in mine]
        median = statistics.median(speeds)
        extra = ""
        if side != "pytorch":
            extra = "   (plain net.fit: median %.1f)" % statistics.median(r["plain_fit_sequences_per_s"] for r in mine)
        print("%-17s %d thread(s): median %6.1f   runs %s%s" % (label, threads, median, ", ".join("%.1f" % s for s in speeds), extra))
        if median > best.get(side, (0, 0))[0]:
            best[side] = (median, threads)
for side in ("dl4j", "fused", "pytorch"):
    print("best %-8s %6.1f at %d thread(s)" % (side, *best[side]))
print("ratio DL4J-best / PyTorch-best: %.2fx" % (best["dl4j"][0] / best["pytorch"][0]))
print("ratio fused-best / PyTorch-best: %.2fx" % (best["fused"][0] / best["pytorch"][0]))
torch_cpu = statistics.median(r["sequences_per_cpu_s"] for r in runs if r["side"] == "pytorch" and r["threads"] == 1)
for side in ("dl4j", "fused"):
    cpu = statistics.median(r["plain_fit_per_cpu_s"] for r in runs if r["side"] == side and r["threads"] == 1)
    print("1 thread, per second of CPU time (medians): %s plain net.fit %.1f, PyTorch %.1f, ratio %.2fx"
          % (side, cpu, torch_cpu, cpu / torch_cpu))
EOF
