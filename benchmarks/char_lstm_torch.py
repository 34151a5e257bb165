#!/usr/bin/python3
"""PyTorch side of the char-LSTM training benchmark (benchmarks/char-lstm.sh).

One-hot characters -> LSTM(V, 256) -> Linear(256, V), cross-entropy, Adam(2e-3), no gradient
clipping (the DL4J side has none either). Data: the State of the Union texts concatenated in sorted
file-name order, cut into non-overlapping windows of 65 characters (64 inputs, targets shifted by
one), batch 64. Prints one JSON line: {"side": "pytorch", "threads": N, "sequences_per_s": S, ...};
sequences_per_cpu_s counts the main thread's CPU time instead of wall time (meaningful at 1 thread).

Usage: /usr/bin/python3 benchmarks/char_lstm_torch.py [THREADS] [--batches N] [--warmup N]
       [--batch-size N] [--data DIR]
"""
import argparse
import json
import os
import sys
from pathlib import Path

import torch
from torch import nn

from torch_timing import timed_steps

HIDDEN = 256
SEQUENCE = 64
SOTU = Path("npm", "datasets-sotu", "package", "data")


def sotu_folder():
    """WORKBENCH_DATA if set, else build/data in the repository (like DataLocations in Java)."""
    candidates = []
    if os.environ.get("WORKBENCH_DATA"):
        candidates.append(Path(os.environ["WORKBENCH_DATA"]) / SOTU)
    candidates.append(Path(__file__).resolve().parent.parent / "build" / "data" / SOTU)
    for folder in candidates:
        if folder.is_dir():
            return folder
    sys.exit("State of the Union texts not found in " + ", ".join(map(str, candidates))
             + "; run environment/setup.sh or set WORKBENCH_DATA")


def windows(folder, batch_size):
    """Character ids as [batches, batch_size, 65] and the vocabulary size."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    vocabulary = sorted(set(text))
    index = {c: i for i, c in enumerate(vocabulary)}
    ids = torch.tensor([index[c] for c in text], dtype=torch.long)
    count = len(ids) // (SEQUENCE + 1) // batch_size * batch_size
    return ids[:count * (SEQUENCE + 1)].view(-1, batch_size, SEQUENCE + 1), len(vocabulary)


class CharLstm(nn.Module):
    def __init__(self, vocabulary):
        super().__init__()
        self.lstm = nn.LSTM(vocabulary, HIDDEN, batch_first=True)
        self.out = nn.Linear(HIDDEN, vocabulary)

    def forward(self, one_hot):
        hidden, _ = self.lstm(one_hot)
        return self.out(hidden)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("threads", type=int, nargs="?", default=1)
    parser.add_argument("--batches", type=int, default=40, help="timed batches")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    batches, vocabulary = windows(args.data or sotu_folder(), args.batch_size)
    model = CharLstm(vocabulary)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step(i):
        window = batches[i % len(batches)]
        # one-hot built inside the step: the DL4J side gets ready one-hot arrays, and this costs
        # well under 1% of a step
        inputs = nn.functional.one_hot(window[:, :-1], vocabulary).float()
        optimizer.zero_grad(set_to_none=True)
        logits = model(inputs)
        loss = loss_fn(logits.reshape(-1, vocabulary), window[:, 1:].reshape(-1))
        loss.backward()
        optimizer.step()
        return loss

    seconds, cpu_seconds, loss = timed_steps(step, args.warmup, args.batches)
    print(json.dumps({"side": "pytorch", "threads": args.threads, "batch": args.batch_size,
                      "batches": args.batches, "vocabulary": vocabulary,
                      "sequences_per_s": round(args.batches * args.batch_size / seconds, 1),
                      # per second of this thread's CPU time: steadier on a busy machine, 1 thread only
                      "sequences_per_cpu_s": round(args.batches * args.batch_size / cpu_seconds, 1),
                      "loss": round(loss.item(), 3)}))


if __name__ == "__main__":
    main()
