"""Executes notebooks headless with the Java (Workbench) kernel and exports them to HTML.

    /usr/bin/python3 environment/run_notebooks.py [--out DIR] [--kernel NAME] [--timeout S]
                                                  [--startup-timeout S] NOTEBOOK...

Each notebook runs with its own folder as the working directory. The executed notebook and an
HTML export (images embedded) are written to DIR, also when a cell fails. Prints a summary table;
exits 1 naming the notebook and the cell of every failure.
"""
import argparse
import os
import sys
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


def run_one(path, out_dir, kernel, cell_timeout, startup_timeout):
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index

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
