"""Classifier benchmark: throughput, latency, load time and memory of the shipped model.

    .venv/bin/python -m benchmarks.model [--n 4000] [--corpus PATH.csv.gz] [--cpu 0]

Runs on ONE core (the process is pinned to ``--cpu`` and BLAS threads are limited to one
before numpy loads). Times are the process's CPU time (``time.thread_time``), so that other
work on a shared machine does not inflate them; the wall-clock batch rate is printed too.
Prints a table:

- load: importing the inference code and loading the model (``Model()``), and the
  resident memory it adds;
- batch: comments per second when scoring a batch, for the model alone (comments already
  normalised, as the ``classifier.v1`` signal receives them) and end to end (``normalize``
  included; the normaliser is another signal's cost);
- single comment: p50/p99 latency of scoring one comment at a time, model alone and with
  ``normalize``; and of one comment with the highlighted-words explanation (paid only when
  a head flags).

Texts are drawn (seeded) from ../shared/datasets when present, else from a small built-in
multilingual sample.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

from benchmarks.triage import corpus, percentile

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")



def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=4000, help="comments per measurement")
    parser.add_argument("--corpus", help="a datasets-schema .csv.gz to draw texts from")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cpu", type=int, default=None, help="the core to pin to (default: the first allowed)")
    parser.add_argument("--batch", type=int, default=256, help="batch size for the batch measurement")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else allowed[0]})

    rss0 = _rss_mb()
    t0 = time.perf_counter()
    from civility.classify.model import Model, _normalize

    import_s = time.perf_counter() - t0
    rss_import = _rss_mb()
    t0 = time.perf_counter()
    model = Model()
    load_s = time.perf_counter() - t0
    rss_model = _rss_mb()

    rng = random.Random(args.seed)
    texts = corpus(args.corpus, args.n, rng)
    mean_len = sum(map(len, texts)) / len(texts)
    clock = time.thread_time
    warm = [_normalize(t) for t in texts[:200]]
    model.raw_items([model.extract(n) for n in warm])

    # batch, end to end (normalize included), then the model alone on normalised comments
    t0 = clock()
    normalized = [_normalize(t) for t in texts]
    norm_s = clock() - t0
    t0, w0 = clock(), time.perf_counter()
    for i in range(0, len(normalized), args.batch):
        model.calibrated(model.raw_items([model.extract(n) for n in normalized[i:i + args.batch]]))
    batch_model_s, batch_wall_s = clock() - t0, time.perf_counter() - w0
    model.cues._cache.clear()
    t0 = clock()
    for i in range(0, len(normalized), args.batch):
        model.calibrated(model.raw_items([model.extract(n) for n in normalized[i:i + args.batch]]))
    batch_cold_s = clock() - t0

    single_model, single_e2e, single_explain = [], [], []
    for text, n in zip(texts, normalized, strict=True):
        t0 = clock()
        model.calibrated(model.raw_items([model.extract(n)]))
        single_model.append(clock() - t0)
        t0 = clock()
        m = _normalize(text)
        item = model.extract(m)
        model.calibrated(model.raw_items([item]))
        single_e2e.append(clock() - t0)
        t0 = clock()
        for head in ("toxic", "insult"):
            model.explain(item, head)
        single_explain.append(clock() - t0)
    rss_end = _rss_mb()

    size = sum(f.stat().st_size for f in model.path.iterdir() if f.is_file())
    print(f"Classifier benchmark — model {model.version}, {len(texts)} comments (mean {mean_len:.0f} chars), "
          f"one core, Python {sys.version.split()[0]}")
    print(f"model files {size / 1e6:.1f} MB; normalizer matches the model's: {model.normalizer_matches}; "
          f"load average {os.getloadavg()[0]:.1f}; times are CPU time on one core")
    print()
    print(f"| {'measurement':<44} | {'value':>14} |")
    print(f"|{'-' * 46}|{'-' * 16}|")
    print(f"| {'import inference code':<44} | {import_s * 1000:>11.0f} ms |")
    print(f"| {'load model (Model())':<44} | {load_s * 1000:>11.0f} ms |")
    print(f"| {'resident memory: process before import':<44} | {rss0:>11.0f} MB |")
    print(f"| {'resident memory: + inference code':<44} | {rss_import - rss0:>11.0f} MB |")
    print(f"| {'resident memory: + model':<44} | {rss_model - rss_import:>11.0f} MB |")
    print(f"| {'resident memory: whole process after the run':<44} | {rss_end:>11.0f} MB |")
    n = len(texts)
    print(f"| {'batch: model only, comments/s':<44} | {n / batch_model_s:>14,.0f} |")
    print(f"| {'batch: model only, cold caches, comments/s':<44} | {n / batch_cold_s:>14,.0f} |")
    print(f"| {'batch: model only, wall clock, comments/s':<44} | {n / batch_wall_s:>14,.0f} |")
    print(f"| {'batch: normalize + model, comments/s':<44} | {n / (norm_s + batch_model_s):>14,.0f} |")
    print(f"| {'batch: normalize alone, comments/s':<44} | {n / norm_s:>14,.0f} |")
    for name, seconds in (("one comment, model only", single_model), ("one comment, normalize + model", single_e2e),
                          ("explain 2 heads (when flagged)", single_explain)):
        ms = [s * 1000 for s in seconds]
        print(f"| {name + ': p50 / p99 ms':<44} | {percentile(ms, 50):>6.3f} / {percentile(ms, 99):<5.2f} |")

if __name__ == "__main__":
    main()
