"""The timing loop both PyTorch benchmarks share: warm-up steps, then timed steps, wall and CPU time."""

import time


def timed_steps(step, warmup, batches):
    """Runs step(i) for `warmup` untimed and then `batches` timed steps; returns (seconds, CPU seconds
    of this thread, the last step's result)."""
    for i in range(warmup):
        step(i)
    start, cpu_start = time.perf_counter(), time.thread_time()
    result = None
    for i in range(batches):
        result = step(warmup + i)
    return time.perf_counter() - start, time.thread_time() - cpu_start, result
