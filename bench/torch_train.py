#!/usr/bin/python3
"""PyTorch's training throughput for the networks of bench/train.mjs, as the yardstick.

    /usr/bin/python3 bench/torch_train.py [--models lenet5,googlenet-mini,resnet-mini]
                                          [--batches 20] [--warmup 3] [--threads N] [--json]

The networks as the notes write them (001: LeNet-5 table 2-1, the lecture GoogLeNet
and residual network), the notes' batch sizes, SGD with momentum, CrossEntropyLoss,
random 1×28×28 inputs (speed does not depend on the data). Prints the median
samples/s over timed batches, with 1 thread (as tfjs's WASM in Node) and with
--threads (default: all cores).
"""
import argparse
import json
import os
import platform
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Tanh(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2, 2),
        nn.Conv2d(16, 120, 5), nn.Tanh(),
        nn.Flatten(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10))


class Inception(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.branch1 = nn.Conv2d(c, 16, 1)
        self.branch2 = nn.Sequential(nn.Conv2d(c, 16, 1), nn.Conv2d(16, 24, 3, padding=1), nn.Conv2d(24, 24, 3, padding=1))
        self.branch3 = nn.Sequential(nn.Conv2d(c, 16, 1), nn.Conv2d(16, 24, 5, padding=2))
        self.branch4 = nn.Conv2d(c, 24, 1)

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


def googlenet_mini():
    return nn.Sequential(
        nn.Conv2d(1, 10, 5), nn.ReLU(), nn.MaxPool2d(2, 2), Inception(10),
        nn.Conv2d(88, 20, 5), nn.ReLU(), nn.MaxPool2d(2, 2), Inception(20),
        nn.Flatten(), nn.Linear(1408, 10))


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.ReLU(), nn.Conv2d(c, c, 3, padding=1))

    def forward(self, x):
        return F.relu(x + self.net(x))


def resnet_mini():
    return nn.Sequential(
        nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), Residual(16),
        nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2), Residual(32),
        nn.Flatten(), nn.Linear(512, 10))


MODELS = {"lenet5": (lenet5, 256), "googlenet-mini": (googlenet_mini, 128), "resnet-mini": (resnet_mini, 128)}


def bench(name, batches, warmup, threads):
    torch.set_num_threads(threads)
    build, batch = MODELS[name]
    torch.manual_seed(0)
    net = build()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    times = []
    for i in range(warmup + batches):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    return {"model": name, "threads": threads, "batchSize": batch, "batches": batches, "samplesPerSecond": round(batch / statistics.median(times))}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default="lenet5,googlenet-mini,resnet-mini")
    p.add_argument("--batches", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    rows = []
    for name in a.models.split(","):
        for threads in sorted({1, a.threads}):
            r = bench(name, a.batches, a.warmup, threads)
            rows.append(r)
            if not a.json:
                print(f"{name:16} torch {torch.__version__} threads {threads}  batch {r['batchSize']:3}  median {r['samplesPerSecond']:6,} samples/s  ({a.batches} batches)")
    machine = {"nproc": os.cpu_count(), "cpu": cpu_model(), "torch": torch.__version__}
    if a.json:
        print(json.dumps({"machine": machine, "rows": rows}))
    else:
        print(f"machine: {machine['nproc']} × {machine['cpu']}, torch {machine['torch']}")


main()
