"""Lemma accuracy of textscan's Dutch lemmatiser on the UD Dutch Alpino treebank.

Usage (from the repository root)::

    python benchmarks/lemmas.py [--treebank PATH] [--errors N]

Scores content words only: tokens whose gold UPOS is NOUN, VERB, ADJ or ADV.
Gold lemmas are lowercased and the treebank's compound mark ``_`` is removed
(``aan_pakken`` -> ``aanpakken``); predictions are lowercased and, for simplemma,
stripped of ``_`` too. No method sees the gold POS or lemmas. Methods:

* ``spacy-lookup``: spaCy's Dutch lookup table (spacy-lookups-data), word
  unchanged when absent: what ``spacy.blank("nl")`` with a lookup lemmatiser gives;
* ``simplemma``: ``simplemma.lemmatize(word, "nl")``;
* ``textscan-word``: ``DutchLemmatizer.lemma``, one word at a time (no context);
* ``textscan``: ``DutchLemmatizer.lemmatize(..., attach_particles=False)``, a
  sentence at a time (what textscan's spaCy component sets);
* ``textscan+particles``: ``DutchLemmatizer.lemmatize(..., attach_particles=True)``.

The treebank is read from ``../shared/data/ud/nl_alpino-ud-dev.conllu`` next to
the repository unless ``--treebank`` is given; the script exits with a message
when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textscan.lemmatizer import DutchLemmatizer  # noqa: E402

CONTENT_UPOS = ("NOUN", "VERB", "ADJ", "ADV")
DEFAULT_TREEBANK = ROOT.parent / "shared" / "data" / "ud" / "nl_alpino-ud-dev.conllu"

Sentence = list[tuple[str, str, str]]  # (form, gold lemma, gold UPOS)


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-U file as (form, lemma, upos) triples, multiword lines skipped."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with path.open(encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            current.append((cols[1], cols[2], cols[3]))
    if current:
        sentences.append(current)
    return sentences


def normalise(lemma: str) -> str:
    """Comparison form of a lemma: lowercase, compound marks removed."""
    return lemma.replace("_", "").lower()


@dataclass
class Score:
    """Accuracy of one method, per UPOS, with its errors and speed."""

    name: str
    total: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    errors: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    seconds: float = 0.0
    tokens: int = 0

    @property
    def accuracy(self) -> float:
        """Share of content-word tokens whose lemma is right."""
        n = sum(self.total.values())
        return sum(self.correct.values()) / n if n else 0.0

    def by_upos(self, upos: str) -> float:
        """Accuracy for one gold UPOS."""
        return self.correct[upos] / self.total[upos] if self.total[upos] else 0.0


def score(
    name: str, lemmatize: Callable[[Sequence[str]], list[str]], sentences: list[Sentence]
) -> Score:
    """Score a sentence-level lemmatiser on the content words of ``sentences``."""
    result = Score(name)
    start = time.perf_counter()
    predictions = [lemmatize([form for form, _, _ in sent]) for sent in sentences]
    result.seconds = time.perf_counter() - start
    result.tokens = sum(len(sent) for sent in sentences)
    for sent, predicted in zip(sentences, predictions, strict=True):
        for (form, gold, upos), guess in zip(sent, predicted, strict=True):
            if upos not in CONTENT_UPOS:
                continue
            result.total[upos] += 1
            if normalise(guess) == normalise(gold):
                result.correct[upos] += 1
            else:
                result.errors[(form, normalise(gold), normalise(guess), upos)] += 1
    return result


def spacy_lookup_method() -> Callable[[Sequence[str]], list[str]]:
    """spaCy's Dutch lookup table alone, as a sentence lemmatiser."""
    path = resources.files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf8") as fh:
        table: dict[str, str] = json.load(fh)

    def run(words: Sequence[str]) -> list[str]:
        return [table.get(w, table.get(w.lower(), w)).lower() for w in words]

    return run


def simplemma_method() -> Callable[[Sequence[str]], list[str]]:
    """simplemma alone, as a sentence lemmatiser."""
    import simplemma

    def run(words: Sequence[str]) -> list[str]:
        return [simplemma.lemmatize(w, lang="nl").lower() for w in words]

    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Print accuracy per method and UPOS, speed, and optionally frequent errors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--treebank", type=Path, default=DEFAULT_TREEBANK)
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N",
        help="list the N most frequent remaining errors of textscan+particles",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.treebank.is_file():
        print(f"skipped: treebank not found at {args.treebank}")
        return 0
    sentences = read_conllu(args.treebank)

    start = time.perf_counter()
    lemmatizer = DutchLemmatizer()
    load = time.perf_counter() - start

    methods: list[tuple[str, Callable[[Sequence[str]], list[str]]]] = [
        ("spacy-lookup", spacy_lookup_method()),
        ("simplemma", simplemma_method()),
        ("textscan-word", lambda ws: [lemmatizer.lemma(w) for w in ws]),
        ("textscan", lambda ws: lemmatizer.lemmatize(ws, attach_particles=False)),
        (
            "textscan+particles",
            lambda ws: lemmatizer.lemmatize(ws, attach_particles=True),
        ),
    ]
    n_content = sum(1 for s in sentences for _, _, u in s if u in CONTENT_UPOS)
    print(f"treebank: {args.treebank.name}, {len(sentences)} sentences, "
          f"{n_content} content-word tokens")  # fmt: skip
    print(f"textscan lemmatiser loaded in {load:.2f} s")
    header = f"{'method':<20} {'all':>6} " + " ".join(f"{u:>6}" for u in CONTENT_UPOS)
    print(header + f" {'tokens/s':>10}")
    results = []
    for name, method in methods:
        result = score(name, method, sentences)
        results.append(result)
        rate = result.tokens / result.seconds if result.seconds else float("inf")
        cells = " ".join(f"{result.by_upos(u):6.3f}" for u in CONTENT_UPOS)
        print(f"{name:<20} {result.accuracy:6.3f} {cells} {rate:10,.0f}")
    # Throughput once the memo is warm, as on a long corpus with repeated words.
    warm = score("textscan (memoised)", lambda ws: [lemmatizer.lemma(w) for w in ws], sentences)
    print(f"textscan memoised: {warm.tokens / warm.seconds:,.0f} tokens/s")
    if args.errors:
        print("\nmost frequent errors of textscan+particles (form, gold, predicted, upos):")
        for (form, gold, guess, upos), count in results[-1].errors.most_common(args.errors):
            print(f"{count:4d}  {form:<24} {gold:<22} {guess:<22} {upos}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
