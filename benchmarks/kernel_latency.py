#!/usr/bin/python3
"""Request latency of the Java (Workbench) kernel next to Python's ipykernel, in one run.

    /usr/bin/python3 benchmarks/kernel_latency.py [--rounds 3] [--n 200] [--warmup 20] [--python-kernel python3]

Each round starts a fresh kernel of each side, alternating (ours, ipykernel, ours, ...), and measures:
start-up to the first kernel_info_reply and (no target) to the first `1 + 1`'s execute_reply, the kernel_info round trip, and the round trip of executing
`1 + 1` (until both the execute_reply and the idle status have arrived, which is when a notebook shows
the cell as done); medians of N each, after warm-ups. Each side's figure is its best round, and the
ratios are ours / ipykernel of those. As a cross-check less hurt by other work on the machine, the
kernel process's CPU time per `1 + 1` (median of the rounds).
Targets (issue 17): `1 + 1` median within 2x of ipykernel's, start-up within 1.5x. Exits 1 when a
target is missed.

Our kernel runs from this checkout through a temporary kernelspec (tests/kernelspec_util.py),
so build it first: ./workbench setup (or flock /tmp/workbench-mvn.lock mvn -B -q -DskipTests -pl kernel-ext -am package)
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import kernelspec_util  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

EXECUTE = "execute 1 + 1"
TARGETS = {EXECUTE: 2.0, "startup": 1.5}


def wait_reply(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.001, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.001, deadline - time.monotonic()))
        if (
            msg["parent_header"].get("msg_id") == msg_id
            and msg["msg_type"] == "status"
            and msg["content"]["execution_state"] == "idle"
        ):
            return msg


def kernel_info_rtt(kc):
    t0 = time.perf_counter()
    wait_reply(kc, kc.kernel_info())
    return time.perf_counter() - t0


def execute_rtt(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = wait_reply(kc, msg_id)
    wait_idle(kc, msg_id)
    elapsed = time.perf_counter() - t0
    if reply["content"]["status"] != "ok":
        raise RuntimeError("%r failed: %r" % (code, reply["content"]))
    return elapsed


def cpu_seconds(pid):
    """User and system CPU time of a process, all its threads."""
    fields = Path("/proc/%d/stat" % pid).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(kernel_name, code, n, warmup):
    """One round with a fresh kernel: one start-up, medians of n round trips, CPU time per execute."""
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        # the request waits in the socket until the kernel is up and answers
        wait_reply(kc, kc.kernel_info(), timeout=120)
        startup = time.perf_counter() - t0
        # its execute_reply: the idle status may be published before the IOPub subscription is up
        wait_reply(kc, kc.execute(code), timeout=120)
        first_cell = time.perf_counter() - t0
        # let the iopub subscription settle, then drain what start-up published
        time.sleep(0.5)
        while True:
            try:
                kc.get_iopub_msg(timeout=0.05)
            except Empty:
                break
        for _ in range(warmup):
            kernel_info_rtt(kc)
            execute_rtt(kc, code)
        info = [kernel_info_rtt(kc) for _ in range(n)]
        pid = km.provisioner.process.pid
        cpu_before = cpu_seconds(pid)
        execute = [execute_rtt(kc, code) for _ in range(n)]
        cpu_per_execute = (cpu_seconds(pid) - cpu_before) / n
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"startup": startup, "first cell": first_cell, "kernel_info": statistics.median(info), EXECUTE: statistics.median(execute),
            "cpu": cpu_per_execute}


def ms(x):
    return "%9.2f" % (1000 * x)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="fresh kernels per side, alternating")
    ap.add_argument("--n", type=int, default=200, help="measured round trips per request kind and round")
    ap.add_argument("--warmup", type=int, default=20, help="warm-up round trips before measuring")
    ap.add_argument("--python-kernel", default="python3", help="the ipykernel kernelspec name")
    args = ap.parse_args()

    sides = {"ours": kernelspec_util.KERNEL_NAME, "ipykernel": args.python_kernel}
    rounds = {side: [] for side in sides}
    with tempfile.TemporaryDirectory(prefix="kernel-latency-") as tmp:
        try:
            kernelspec_util.use_temporary_kernelspec(tmp)
        except kernelspec_util.KernelNotBuilt as e:
            sys.exit(str(e))
        for r in range(args.rounds):
            for side, kernel in sides.items():
                result = measure(kernel, "1 + 1", args.n, args.warmup)
                rounds[side].append(result)
                print("round %d %-9s start-up %7.0f ms, first 1 + 1 done %7.0f ms, kernel_info %6.2f ms, 1 + 1 %6.2f ms (CPU %6.2f ms)"
                      % (r + 1, side, 1000 * result["startup"], 1000 * result["first cell"], 1000 * result["kernel_info"],
                         1000 * result[EXECUTE], 1000 * result["cpu"]), file=sys.stderr, flush=True)

    print()
    print("Kernel request latency, ms: best of %d rounds per side (medians of n=%d after %d warm-ups; start-up: one per round)"
          % (args.rounds, args.n, args.warmup))
    print("%-15s %9s %9s %9s %9s" % ("request", "ours", "ipykernel", "ratio", "target"))
    ratios = {}
    for what in ("startup", "first cell", "kernel_info", EXECUTE):
        ours = min(result[what] for result in rounds["ours"])
        py = min(result[what] for result in rounds["ipykernel"])
        ratios[what] = ours / py if py else float("inf")
        target = TARGETS.get(what)
        print("%-15s %s %s %8.2fx %9s" % (what, ms(ours), ms(py), ratios[what], ("<= %.1fx" % target) if target else ""))
    cpu = {side: statistics.median(result["cpu"] for result in rounds[side]) for side in sides}
    print("%-15s %s %s %8.2fx %9s" % ("1 + 1 CPU time", ms(cpu["ours"]), ms(cpu["ipykernel"]),
                                       cpu["ours"] / cpu["ipykernel"] if cpu["ipykernel"] else float("inf"), ""))
    print()
    print("ratio ours / ipykernel, execute 1 + 1 median: %.2fx (target <= %.1fx)" % (ratios[EXECUTE], TARGETS[EXECUTE]))
    print("ratio ours / ipykernel, start-up to first kernel_info_reply: %.2fx (target <= %.1fx)"
          % (ratios["startup"], TARGETS["startup"]))
    missed = ["%s is %.2fx ipykernel's (target %.1fx)" % (what, ratios[what], target)
              for what, target in TARGETS.items() if ratios[what] > target]
    if missed:
        print("MISSED: " + "; ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
