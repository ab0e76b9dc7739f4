"""Time `textscan compare` stages on a results folder, or on a synthetic ~10,000-sentence corpus.

    python benchmarks/bench_compare.py                # synthetic: 12 plans x 800 sentences
    python benchmarks/bench_compare.py results/       # a real results folder

Prints seconds per stage; not a test (timings depend on the machine).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from textscan.compare import LSSScaler, compare, default_seeds, keyness, load_results


def synthetic(folder: Path, documents: int = 12, per_document: int = 800) -> Path:
    """A results folder shaped like a real corpus: sentences drawn from a Zipf
    vocabulary (~10,000 with the defaults), one in five with a seed word."""
    rng = np.random.default_rng(7)
    vocab = np.array([f"woord{i}" for i in range(6000)])
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    seeds = list(default_seeds())
    rows, profiles = [], []
    for d in range(documents):
        for s in range(per_document):
            words = list(rng.choice(vocab, size=int(rng.integers(8, 25)), p=weights))
            if rng.random() < 0.2:
                words.append(seeds[int(rng.integers(len(seeds)))])
            rows.append(
                {
                    "document": f"plan{d:02d}",
                    "sentence_id": s,
                    "page": 1 + s // 40,
                    "section_id": None,
                    "section": None,
                    "is_heading": False,
                    "words": len(words),
                    "text": " ".join(words),
                    "lemmas": " ".join(words),
                }
            )
        profiles.append(
            {
                "document": f"plan{d:02d}",
                "words": per_document * 16,
                "balance": float(rng.uniform(-1, 1)),
                "repressive_per_1000": float(rng.uniform(0, 5)),
                "positive_per_1000": float(rng.uniform(0, 5)),
            }
        )
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(profiles).to_csv(folder / "profiles.csv", index=False)
    pd.DataFrame(rows).to_parquet(folder / "sentences.parquet", index=False)
    return folder


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else synthetic(tmp / "results")
    t = time.perf_counter()
    res = load_results(source)
    print(
        f"load_results      {time.perf_counter() - t:6.2f} s  "
        f"({len(res.profiles)} documents, {len(res.sentences)} sentences)"
    )
    t = time.perf_counter()
    lss = LSSScaler().fit(res.sentences)
    print(
        f"LSSScaler.fit     {time.perf_counter() - t:6.2f} s  "
        f"({lss.n_components_} components, {len(lss.polarity_)} lemmas)"
    )
    t = time.perf_counter()
    lss.transform(res.sentences)
    print(f"transform         {time.perf_counter() - t:6.2f} s")
    t = time.perf_counter()
    keyness(res.sentences, res.documents[0])
    print(f"keyness (1 doc)   {time.perf_counter() - t:6.2f} s")
    t = time.perf_counter()
    r = compare(res, tmp / "out")
    print(
        f"compare + write   {time.perf_counter() - t:6.2f} s  "
        f"({len(r.files)} files in {tmp / 'out'})"
    )


if __name__ == "__main__":
    main()
