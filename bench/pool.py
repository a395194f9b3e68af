#!/usr/bin/env python3
"""Throughput ratios pooled over several runs of bench/run: every round's runtime / alone ratio.

One run's median of five rounds moves by several percent from run to run, more than the 5% the
target allows; the rounds of many runs together tell a real cost from a run's luck.

    bench/pool.py [--git] [results.json...]

--git reads every version of bench/results/results.json in the repository's history (one per
committed run); a run committed twice counts once (by its date). Runs from before the warm-up
until steady (no warm-up times in their samples) are left out: a fixed 10 s warm-up measured the
JIT's progress rather than the runtime.
"""
import collections
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = "bench/results/results.json"


def from_git():
    commits = subprocess.run(["git", "-C", str(ROOT), "log", "--format=%H", "--", RESULTS],
                             check=True, capture_output=True, text=True).stdout.split()
    for commit in commits:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{RESULTS}"], capture_output=True, text=True)
        if shown.returncode == 0:
            yield json.loads(shown.stdout)


def from_files(paths):
    for path in paths:
        with open(path) as f:
            yield json.load(f)


def main(args):
    if not args:
        sys.exit(__doc__)
    runs = from_git() if args == ["--git"] else from_files(args)
    seen, unwarmed = set(), 0
    ratios = collections.defaultdict(list)  # (jdk, bench, host) -> every round's runtime / alone
    for run in runs:
        date, cpu = run["machine"].get("date"), run["machine"].get("cpu", "?")
        if date in seen:
            continue
        seen.add(date)
        samples = run["samples"]
        if not any("\twarmup\t" in key for key in samples):
            unwarmed += 1
            continue
        for key, runtime in samples.items():
            jdk, bench, side, metric = key.split("\t")
            if side != "runtime" or metric != "requests_per_s" or "-" in jdk:
                continue
            alone = samples.get("\t".join((jdk, bench, "standalone", metric)), [])
            host = cpu.split()[0]
            ratios[(jdk.split(".")[0], bench, host)].extend(r / a for r, a in zip(runtime, alone) if a)
    print(f"{len(seen) - unwarmed} runs ({unwarmed} more left out: no warm-up until steady); runtime / alone per round, pooled\n")
    print("| JDK | benchmark | host | rounds | median | middle half |")
    print("|---|---|---|---|---|---|")
    for (jdk, bench, host), values in sorted(ratios.items()):
        q = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
        print(f"| {jdk} | {bench} | {host} | {len(values)} | {statistics.median(values):.3f}x | {q[0]:.2f}-{q[2]:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
