#!/usr/bin/python3
"""Request latency of the Java (Workbench) kernel next to Python's ipykernel, in one run.

    /usr/bin/python3 benchmarks/kernel_latency.py [--n 200] [--warmup 20] [--python-kernel python3]

For each kernel: start-up to the first kernel_info_reply, the kernel_info round trip, and the
round trip of executing `1 + 1` (until both the execute_reply and the idle status have arrived,
which is when a notebook shows the cell as done); median and p90 of N each, after warm-ups.
Targets: kernel_info within 2x of ipykernel, `1 + 1` within 5x. Exits 1 when a target is missed.

Our kernel runs from this checkout through a temporary kernelspec (tests/kernelspec_util.py),
so build it first: ./workbench setup (or flock /tmp/workbench-mvn.lock mvn -B -q -DskipTests -pl kernel-ext -am package)
"""

import argparse
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

TARGETS = {"kernel_info": 2.0, "execute 1 + 1": 5.0}


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


def measure(kernel_name, code, n, warmup):
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        # the request waits in the socket until the kernel is up and answers
        wait_reply(kc, kc.kernel_info(), timeout=120)
        startup = time.perf_counter() - t0
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
        execute = [execute_rtt(kc, code) for _ in range(n)]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"startup": [startup], "kernel_info": info, "execute 1 + 1": execute}


def p90(xs):
    return statistics.quantiles(xs, n=10, method="inclusive")[-1] if len(xs) > 1 else xs[0]


def ms(x):
    return "%9.2f" % (1000 * x)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="measured round trips per request kind")
    ap.add_argument("--warmup", type=int, default=20, help="warm-up round trips before measuring")
    ap.add_argument("--python-kernel", default="python3", help="the ipykernel kernelspec name")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kernel-latency-") as tmp:
        try:
            kernelspec_util.use_temporary_kernelspec(tmp)
        except kernelspec_util.KernelNotBuilt as e:
            sys.exit(str(e))
        results = {}
        print("measuring %s ..." % kernelspec_util.KERNEL_NAME, file=sys.stderr)
        results["ours"] = measure(kernelspec_util.KERNEL_NAME, "1 + 1", args.n, args.warmup)
        print("measuring %s ..." % args.python_kernel, file=sys.stderr)
        results["ipykernel"] = measure(args.python_kernel, "1 + 1", args.n, args.warmup)

    print()
    print("Kernel request latency, ms (n=%d after %d warm-ups; start-up: one sample)" % (args.n, args.warmup))
    print("%-15s %-9s %9s %9s %9s %9s" % ("request", "stat", "ours", "ipykernel", "ratio", "target"))
    missed = []
    for what in ("startup", "kernel_info", "execute 1 + 1"):
        ours, py = results["ours"][what], results["ipykernel"][what]
        stats = [("once", statistics.median)] if what == "startup" else [("median", statistics.median), ("p90", p90)]
        for stat, f in stats:
            a, b = f(ours), f(py)
            target = TARGETS.get(what) if stat == "median" else None
            ratio = a / b if b else float("inf")
            print(
                "%-15s %-9s %s %s %8.1fx %9s"
                % (what, stat, ms(a), ms(b), ratio, ("<= %.0fx" % target) if target else "")
            )
            if target and ratio > target:
                missed.append("%s median is %.1fx ipykernel's (target %.0fx)" % (what, ratio, target))
    print()
    if missed:
        print("MISSED: " + "; ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
