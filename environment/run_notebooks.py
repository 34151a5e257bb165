"""Executes notebooks headless with the Java (Workbench) kernel and exports them to HTML.

    /usr/bin/python3 environment/run_notebooks.py [--out DIR] [--kernel NAME] [--timeout S]
                                                  [--startup-timeout S] NOTEBOOK...

Each notebook runs with its own folder as the working directory. While it runs, progress shows
the notebook, the code cell (i of N) and the time so far: one line updated in place on a terminal,
a line per cell (and one a minute in a long cell) otherwise. The executed notebook and an HTML
export (images embedded) are written to DIR, also when a cell fails. Prints a summary table; exits
1 naming the notebook and the cell of every failure.
"""
import argparse
import os
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter


def first_line(source):
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0].strip()[:80] if lines else "(empty)"


def error_of(cell):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename', 'error')}: {out.get('evalue', '')}".strip()
    return None


def minutes(seconds):
    return "%d:%02d" % divmod(int(seconds), 60)


class Progress:
    """Shows which code cell of a notebook runs and for how long, until stop()."""

    HEARTBEAT = 60  # seconds between 'still running' lines when the output is not a terminal

    def __init__(self, name, code_cells, out=sys.stdout):
        self.name, self.code_cells, self.out = name, code_cells, out
        self.tty = out.isatty()
        self.started = time.monotonic()
        self.cell = None  # (ordinal, first line, start time)
        self.done = threading.Event()
        self.lock = threading.Lock()
        threading.Thread(target=self._tick, daemon=True).start()

    def cell_started(self, ordinal, source):
        with self.lock:
            self.cell = (ordinal, first_line(source)[:50], time.monotonic())
            if not self.tty:
                self._line()

    def stop(self):
        self.done.set()
        if self.tty:
            with self.lock:
                self.out.write("\r\033[K")
                self.out.flush()

    def _status(self):
        ordinal, source, _ = self.cell
        return f"  {self.name}: cell {ordinal} of {self.code_cells}, {minutes(time.monotonic() - self.started)}  {source}"

    def _line(self):
        if self.cell is not None:
            self.out.write(("\r\033[K" + self._status()) if self.tty else self._status() + "\n")
            self.out.flush()

    def _tick(self):
        while not self.done.wait(1 if self.tty else self.HEARTBEAT):
            with self.lock:
                if self.tty or (self.cell and time.monotonic() - self.cell[2] >= self.HEARTBEAT):
                    self._line()


def run_one(path, out_dir, kernel, cell_timeout, startup_timeout):
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    ordinals = {i: n for n, i in enumerate((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), start=1)}
    current = {"index": None}
    progress = Progress(os.path.splitext(os.path.basename(path))[0], code_cells)

    def on_cell_start(cell, cell_index, **_):
        if cell_index in ordinals:  # nbclient announces markdown cells too
            current["index"] = cell_index
            progress.cell_started(ordinals[cell_index], cell.source)

    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=cell_timeout,
        startup_timeout=startup_timeout,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        on_cell_start=on_cell_start,
    )
    failure = None
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError:
        failure = f"timed out after {cell_timeout} s"
    except DeadKernelError as e:
        failure = f"the kernel died ({e})"
    except CellExecutionError as e:
        # The cell's error output is shorter than the exception's text, which repeats the source.
        text = str(e).strip().splitlines()
        failure = error_of(nb.cells[current["index"]]) or (text[-1] if text else "error")
    except Exception as e:  # kernel did not start, no such kernel, ...
        failure = f"{type(e).__name__}: {e}"
    finally:
        progress.stop()
    seconds = time.monotonic() - start

    name = os.path.splitext(os.path.basename(path))[0]
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, name + ".ipynb"))
    html, _ = HTMLExporter().from_notebook_node(nb)
    with open(os.path.join(out_dir, name + ".html"), "w", encoding="utf-8") as f:
        f.write(html)

    where = None
    if failure is not None:
        i = current["index"]
        where = f"cell index {i} ({first_line(nb.cells[i].source)!r})" if i is not None else "kernel start"
    return {"path": path, "cells": code_cells, "seconds": seconds, "failure": failure, "where": where}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="+", metavar="NOTEBOOK", help="the .ipynb files to run, in this order")
    parser.add_argument("--out", default="build/notebooks", metavar="DIR",
                        help="where the executed notebooks and their HTML go (default %(default)s)")
    parser.add_argument("--kernel", default="java-workbench", metavar="NAME",
                        help="the kernelspec to run them with (default %(default)s)")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("WORKBENCH_CELL_TIMEOUT", 3600)),
                        metavar="S", help="seconds per cell (default %(default)s: $WORKBENCH_CELL_TIMEOUT if set, else 3600)")
    parser.add_argument("--startup-timeout", type=int, default=180, metavar="S",
                        help="seconds for the kernel to start (default %(default)s; the first start unpacks native libraries)")
    args = parser.parse_args()

    results = []
    for path in args.notebooks:
        print(f"running {path} ...", flush=True)
        r = run_one(path, args.out, args.kernel, args.timeout, args.startup_timeout)
        print(f"  {'ok' if r['failure'] is None else 'FAILED'} in {r['seconds']:.1f} s", flush=True)
        results.append(r)

    width = max(len("notebook"), *(len(r["path"]) for r in results))
    print()
    print(f"{'notebook':<{width}}  {'cells':>5}  {'seconds':>8}  status")
    for r in results:
        status = "ok" if r["failure"] is None else "FAILED"
        print(f"{r['path']:<{width}}  {r['cells']:>5}  {r['seconds']:>8.1f}  {status}")
    print(f"\noutputs: {args.out}/*.ipynb and *.html")

    failed = [r for r in results if r["failure"] is not None]
    for r in failed:
        print(f"FAILED: {r['path']}, {r['where']}: {r['failure']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
