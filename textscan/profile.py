"""Profiles: Sentences + Hits -> the framing profile of one document.

The indices follow the codebook: rates per 1,000 words (words are tokens with
at least one letter), the balance B = (positive - repressive) / (positive +
repressive) from non-negated occurrences with a 95% bootstrap interval over
sentences, and the share of sentences with at least one occurrence of each
category. Negated hits are reported apart and never counted.

Example:
    >>> from textscan import analyze
    >>> p = analyze("plan.txt").profile  # doctest: +SKIP
    >>> p.balance.value, p.balance.ci_low, p.balance.ci_high  # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from textscan._version import __version__
from textscan.model import (
    CategoryStats,
    Document,
    ExtractionWarning,
    Hit,
    Interval,
    LexiconInfo,
    Section,
    Sentence,
    SentenceInfo,
)

#: what a profile needs of a sentence: its place, text and word count (tokens are not read)
SentenceLike = Sentence | SentenceInfo

if TYPE_CHECKING:
    import numpy as np

    from textscan.lexicon import Lexicon

BOOTSTRAP_REPLICATES = 2000
BOOTSTRAP_SEED = 20170601


# the top-level keys of Profile.to_dict() that are fields; all others are groups
_PROFILE_KEYS = frozenset(
    {
        "document",
        "path",
        "sha256",
        "title",
        "words",
        "sentences",
        "pages",
        "categories",
        "balance",
        "lexicon",
        "lexicons",
        "sections",
        "warnings",
        "extractor",
        "scope",
        "textscan_version",
    }
)


@dataclass(frozen=True)
class Profile:
    """The framing profile of one document. ``to_dict`` gives the JSON form."""

    document: str
    path: str
    sha256: str
    words: int
    sentences: int
    pages: int | None
    categories: dict[str, CategoryStats]
    balance: Interval
    lexicon: LexiconInfo | None
    lexicons: tuple[LexiconInfo, ...]
    groups: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    sections: tuple[dict[str, Any], ...] = ()
    warnings: tuple[ExtractionWarning, ...] = ()
    extractor: dict[str, Any] = field(default_factory=dict)
    scope: dict[str, Any] | None = None
    textscan_version: str = __version__
    #: the title the file gives itself in its metadata (PDF document information,
    #: DOCX core properties, HTML ``<title>``), or None; kept so that a report made
    #: later from profiles.jsonl has it without the file
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (the ``textscan profile --format json`` output)."""
        return {
            "document": self.document,
            "path": self.path,
            "sha256": self.sha256,
            "title": self.title,
            "words": self.words,
            "sentences": self.sentences,
            "pages": self.pages,
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "balance": asdict(self.balance),
            "lexicon": _lexinfo(self.lexicon),
            "lexicons": [_lexinfo(x) for x in self.lexicons],
            **self.groups,
            "sections": list(self.sections),
            "warnings": [asdict(w) | {"pages": list(w.pages)} for w in self.warnings],
            "extractor": self.extractor,
            "scope": self.scope,
            "textscan_version": self.textscan_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Profile:
        """Rebuild a profile from :meth:`to_dict` (lexicon paths are not kept)."""

        def info(x: dict[str, Any] | None) -> LexiconInfo | None:
            return None if x is None else LexiconInfo(x["name"], x["version"], x["sha256"])

        return cls(
            document=d["document"],
            path=d["path"],
            sha256=d["sha256"],
            words=d["words"],
            sentences=d["sentences"],
            pages=d["pages"],
            categories={k: CategoryStats(**v) for k, v in d["categories"].items()},
            balance=Interval(**d["balance"]),
            lexicon=info(d["lexicon"]),
            lexicons=tuple(i for i in (info(x) for x in d["lexicons"]) if i is not None),
            groups={k: v for k, v in d.items() if k not in _PROFILE_KEYS},
            sections=tuple(d["sections"]),
            warnings=tuple(
                ExtractionWarning(w["code"], w["message"], tuple(w["pages"])) for w in d["warnings"]
            ),
            extractor=d["extractor"],
            scope=d.get("scope"),
            textscan_version=d["textscan_version"],
            title=d.get("title"),  # absent from the profiles of textscan before it was kept
        )

    def to_row(self) -> dict[str, Any]:
        """One flat row for ``profiles.csv``: fixed, documented column names."""
        row: dict[str, Any] = {
            "document": self.document,
            "path": self.path,
            "sha256": self.sha256,
            "pages": self.pages,
            "words": self.words,
            "sentences": self.sentences,
            "balance": self.balance.value,
            "balance_ci_low": self.balance.ci_low,
            "balance_ci_high": self.balance.ci_high,
        }
        for cat, st in self.categories.items():
            row[f"{cat}_count"] = st.count
            row[f"{cat}_per_1000"] = st.per_1000_words
            row[f"{cat}_sentence_share"] = st.sentence_share
            row[f"{cat}_negated"] = st.negated
        for gname, block in self.groups.items():
            if "lexicon" not in block:
                continue  # top_terms, evidence: lists, only in the JSON profile
            named = block.get("entries_by_category", {})
            for cat, st in block.get("categories", {}).items():
                row[f"{gname}_{cat}_count"] = st["count"]
                row[f"{gname}_{cat}_sentence_share"] = st["sentence_share"]
                row[f"{gname}_{cat}_breadth"] = len(named.get(cat, {}))
            for key in (
                "breadth_entries",
                "breadth_categories",
                "sentence_share_any",
                "diversity",
                "evenness",
            ):
                if key in block:
                    row[f"{gname}_{key}"] = block[key]
        row["warnings"] = "; ".join(f"{w.code}: {w.message}" for w in self.warnings)
        if self.lexicon is not None:
            row["lexicon"] = f"{self.lexicon.name}@{self.lexicon.version}"
            row["lexicon_sha256"] = self.lexicon.sha256
        row["textscan_version"] = self.textscan_version
        return row


def _lexinfo(info: LexiconInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"name": info.name, "version": info.version, "sha256": info.sha256}


def count_words(sentences: Sequence[SentenceLike]) -> int:
    return sum(s.words for s in sentences)


def balance_value(positive: float, negative: float) -> float | None:
    total = positive + negative
    return None if total == 0 else (positive - negative) / total


def bootstrap_balance(
    positive: Sequence[int] | np.ndarray,
    negative: Sequence[int] | np.ndarray,
    *,
    replicates: int = BOOTSTRAP_REPLICATES,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> Interval:
    """Balance with a percentile bootstrap interval over sentences.

    ``positive[i]`` and ``negative[i]`` are the counts in sentence i. Resampling
    sentences keeps the dependence of hits within a sentence. Replicates in
    which both counts are zero are undefined and left out. Seeded: the same
    input always gives the same interval.
    """
    import numpy as np  # here: a scan's parent forks its first process before numpy loads

    pos = np.asarray(positive, dtype=np.int64)
    neg = np.asarray(negative, dtype=np.int64)
    n = len(pos)
    value = balance_value(float(pos.sum()), float(neg.sum()))
    if value is None or n == 0:
        return Interval(None, None, None)
    # A replicate's two sums depend only on how many of its n draws fall on the
    # sentences of each distinct (positive, negative) count pair: drawing n
    # sentences with replacement is, for the sums, a multinomial over those
    # classes (a sentence's share 1/n each) plus one bin for the sentences
    # without hits, which add nothing. A plan has a handful of classes however
    # long it is, so 2,000 replicates take about a millisecond; the same
    # distribution as resampling sentences one by one.
    hit = (pos + neg) > 0
    classes, sizes = np.unique(np.stack([pos[hit], neg[hit]], axis=1), axis=0, return_counts=True)
    probs = np.append(sizes / n, (n - sizes.sum()) / n)
    rng = np.random.default_rng(seed)
    sums = rng.multinomial(n, probs, size=replicates)[:, :-1] @ classes
    p, q = sums[:, 0], sums[:, 1]
    tot = p + q
    ok = tot > 0
    stats = (p[ok] - q[ok]) / tot[ok]
    if len(stats) == 0:
        return Interval(value, None, None)
    alpha = (1 - level) / 2
    lo, hi = _quantiles(np.sort(stats).tolist(), (alpha, 1 - alpha))
    return Interval(value, float(min(lo, value)), float(max(hi, value)))


def _quantiles(ordered: Sequence[float], qs: Sequence[float]) -> list[float]:
    """``np.quantile(ordered, qs)`` of sorted values (its default "linear" method), bit for bit.

    numpy's own imports ``numpy.ma`` on its first call (some 20 ms in every
    process that draws an interval); this is the same computation: the value
    at virtual index ``(n - 1) * q``, interpolated between its neighbours as
    numpy's ``_lerp`` does (from the upper one when the weight is 0.5 or more).
    """
    n = len(ordered)
    out = []
    for q in qs:
        v = (n - 1) * q
        i = math.floor(v)
        if v >= n - 1:
            out.append(ordered[-1])
            continue
        a, b = ordered[i], ordered[i + 1]
        t = v - i
        d = b - a
        out.append(b - d * (1 - t) if t >= 0.5 else a + d * t)
    return out


FINGERPRINT_HASHES = 64
"""Hashes in a text fingerprint (MinHash): the share of equal ones estimates the overlap."""
FINGERPRINT_SHINGLE = 5
"""Words per shingle: two texts share a shingle when five words in a row are the same."""
_MERSENNE = (1 << 31) - 1


def text_fingerprint(sentences: Sequence[Sentence]) -> list[int]:
    """A MinHash signature of the document's word 5-grams (lowercased words only).

    Two documents' signatures agree in about the share of 5-grams they have in
    common (Jaccard), whatever their format: the same plan as PDF, Word file or
    web page gives 0.8-1.0, two different plans near 0 (even from one
    template: their sentences differ). Used to keep a plan out of its own
    peers and to warn of the same text twice in a corpus
    (:func:`same_text`). Computed with seeded affine hashes of each 5-gram's
    CRC-32, so it is the same on every machine and run.
    """
    return words_fingerprint([t.text.lower() for s in sentences for t in s.tokens if t.is_word])


def words_fingerprint(words: Sequence[str]) -> list[int]:
    """:func:`text_fingerprint` of a document given as its lowercased words.

    For a caller that has them already (the runner counts the Dutch share of
    the same words): the same signature, without going over the tokens again.
    """
    import zlib
    from itertools import islice, tee

    import numpy as np

    if not words:
        return []
    k = min(FINGERPRINT_SHINGLE, len(words))
    n = len(words) - k + 1
    # the CRC-32 of each 5-gram's UTF-8 text, "w1 w2 w3 w4 w5": each word encoded
    # once, the grams joined and hashed in C (map over zip), one at a time; the k
    # copies of the encoded words (tee), each started j words on, hold no more
    # than k words, so a 500-page plan's 250,000 grams, or its encoded words,
    # never stand in memory at once (peak memory is a target of its own)
    shifted = tee(map(str.encode, words), k)
    for j, it in enumerate(shifted):
        next(islice(it, j, j), None)  # j words on
    grams = zip(*shifted, strict=False)  # as long as the last: n grams
    # (a gram that recurs changes no minimum: no np.unique, which sorts them and
    # imports numpy.ma)
    x = np.fromiter(map(zlib.crc32, map(b" ".join, grams)), dtype=np.uint64, count=n)
    rng = np.random.default_rng(FINGERPRINT_SEED)
    a = rng.integers(1, _MERSENNE, size=FINGERPRINT_HASHES, dtype=np.int64).astype(np.uint64)
    b = rng.integers(0, _MERSENNE, size=FINGERPRINT_HASHES, dtype=np.int64).astype(np.uint64)
    v, high = np.empty_like(x), np.empty_like(x)  # work arrays, used by each hash
    return [_min_mod_mersenne(x, a[i], b[i], v, high) for i in range(FINGERPRINT_HASHES)]


def _min_mod_mersenne(x: Any, a: Any, b: Any, v: Any = None, high: Any = None) -> int:
    """``min((a * x + b) % (2**31 - 1))`` over the array ``x``, without dividing.

    numpy's integer ``%`` divides, element by element; modulo a Mersenne
    prime 2**31 - 1 a number folds instead: v = (v >> 31) * 2**31 + (v & m)
    and 2**31 = 1 (mod m), so v = (v >> 31) + (v & m) (mod m). With a < 2**31
    and a CRC-32 x < 2**32, a * x + b < 2**63 + 2**31 fits an unsigned 64-bit
    word; one fold leaves less than 2**33, a second at most m + 2, where only
    m, m + 1 and m + 2 (0, 1 and 2) are left to bring down. The same values as
    the ``%`` (tested). ``v`` and ``high`` are work arrays the size of ``x``,
    given to reuse them for every hash: each new array of a step (as ``a * x``
    and ``%`` were) is new memory the system has to map and clear first. The
    fingerprint, a tenth of a cold scan's CPU with ``%``, takes a third of
    that now.
    """
    import numpy as np

    m, s = np.uint64(_MERSENNE), np.uint64(31)
    v = np.multiply(x, a, out=v)
    v += b
    high = np.right_shift(v, s, out=high)
    np.bitwise_and(v, m, out=v)
    v += high
    np.right_shift(v, s, out=high)
    np.bitwise_and(v, m, out=v)
    v += high  # <= m + 2
    if v.max() >= m:  # some are m, m + 1 or m + 2 (0, 1 and 2): rare
        np.subtract(v, m, out=v, where=v >= m)
    return int(v.min())


FINGERPRINT_SEED = 5


def same_text(a: Sequence[int] | None, b: Sequence[int] | None) -> float | None:
    """Estimated share of word 5-grams two fingerprints' documents have in common."""
    if not a or not b or len(a) != len(b):
        return None
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


SAME_TEXT = 0.5
"""Estimated 5-gram overlap from which two documents count as the same text."""
SAME_DOCUMENT = 0.8
"""Overlap from which a comparison of documents keeps only one of two (a near-copy).

Higher than :data:`SAME_TEXT`, at which ``scan`` only warns: the same plan as
PDF and Markdown gives 0.97-1.0 on the demo corpus, while plans written from
one pool of sentences (the test corpus of ``tests/test_compare.py``) reach 0.52
and are still different plans.
"""


_FORMAT_RANK = {".pdf": 0, ".docx": 1, ".html": 2, ".htm": 2, ".md": 3, ".txt": 4}


def format_rank(path: str) -> int:
    """Which of two files with the same text is the plan: a PDF before Word, web or text."""
    from pathlib import PurePath

    return _FORMAT_RANK.get(PurePath(str(path)).suffix.lower(), 5)


def same_text_pairs(fingerprints: Sequence[Sequence[int] | None]) -> list[tuple[int, int, float]]:
    """Pairs (i, j, overlap), i < j, of documents with the same text (overlap >= SAME_TEXT).

    Candidates come from locality-sensitive hashing (16 bands of 4 hashes: two
    documents sharing half their 5-grams share a band with a probability near
    1), so a corpus of thousands of plans is not compared pair by pair.
    """
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for i, fp in enumerate(fingerprints):
        if fp and len(fp) == FINGERPRINT_HASHES:
            for b in range(0, FINGERPRINT_HASHES, 4):
                buckets[(b, tuple(fp[b : b + 4]))].append(i)
    candidates = {(a, c) for ids in buckets.values() for a in ids for c in ids if a < c}
    out = []
    for a, c in sorted(candidates):
        overlap = same_text(fingerprints[a], fingerprints[c])
        if overlap is not None and overlap >= SAME_TEXT:
            out.append((a, c, overlap))
    return out


def comparable_documents(
    profiles: Sequence[Mapping[str, Any]],
) -> tuple[list[int], list[dict[str, Any]]]:
    """Which documents count when documents are compared, and which are left out and why.

    ``profiles`` are :meth:`Profile.to_dict` mappings. Left out: a document
    that is not Dutch (``not-dutch`` warning: its counts are not comparable),
    and of near-copies (the same plan as PDF and Word file; an estimated
    :data:`SAME_DOCUMENT` or more of their 5-grams in common) all but one, the
    PDF (the published plan) or else the first. Returns the kept positions in their
    order, and a row per document left out: ``position``, ``document``,
    ``path``, ``reason`` (``not-dutch`` or ``same-text``), ``same_as`` (the
    kept document with its text) and ``overlap``.
    """
    left: dict[int, dict[str, Any]] = {}
    for i, p in enumerate(profiles):
        codes = {str(w.get("code")) for w in p.get("warnings") or [] if isinstance(w, Mapping)}
        if "not-dutch" in codes:
            left[i] = {"reason": "not-dutch", "same_as": None, "overlap": None}
    fps = [None if i in left else p.get("fingerprint") for i, p in enumerate(profiles)]
    pairs = [(a, b, o) for a, b, o in same_text_pairs(fps) if o >= SAME_DOCUMENT]
    # groups of documents with the same text (pairs joined), each keeping one document
    group = list(range(len(profiles)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for a, b, _ in pairs:
        group[root(b)] = root(a)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(profiles)):
        if i not in left:
            members[root(i)].append(i)
    overlap = {(a, b): o for a, b, o in pairs}
    for ids in members.values():
        if len(ids) < 2:
            continue
        keep = min(ids, key=lambda k: (format_rank(str(profiles[k].get("path") or "")), k))
        for k in ids:
            if k != keep:
                left[k] = {
                    "reason": "same-text",
                    "same_as": str(profiles[keep].get("document")),
                    "overlap": overlap.get((min(k, keep), max(k, keep)))
                    or same_text(profiles[k].get("fingerprint"), profiles[keep].get("fingerprint")),
                }
    kept = [i for i in range(len(profiles)) if i not in left]
    rows = [
        {
            "position": i,
            "document": str(profiles[i].get("document")),
            "path": profiles[i].get("path"),
            **left[i],
        }
        for i in sorted(left)
    ]
    return kept, rows


NEGATED_EXAMPLES = 5


def _negated_examples(
    framing: Lexicon,
    sentences: Sequence[SentenceLike],
    hits: Sequence[Hit],
    section_title: dict[str, str],
) -> list[dict[str, Any]]:
    """The first negated framing occurrences, with their sentence, page and section."""
    sent = {s.id: s for s in sentences}
    out = []
    for h in hits:
        if not h.negated or h.sentence_id not in sent:
            continue
        s = sent[h.sentence_id]
        out.append(
            {
                "sentence_id": s.id,
                "page": s.page,
                "section": section_title.get(s.section or ""),
                "text": s.text,
                "category": h.category,
                "negator": h.negator,
                "hits": [{"start": h.start, "end": h.end, "text": h.text, "entry": h.entry}],
            }
        )
        if len(out) == NEGATED_EXAMPLES:
            break
    return out


def _category_stats(
    lexicon: Lexicon, hits: Sequence[Hit], n_words: int, n_sentences: int
) -> dict[str, CategoryStats]:
    counts: Counter[str] = Counter()
    negated: Counter[str] = Counter()
    sent_with: dict[str, set[int]] = defaultdict(set)
    for h in hits:
        if h.negated:
            negated[h.category] += 1
        else:
            counts[h.category] += 1
            sent_with[h.category].add(h.sentence_id)
    out: dict[str, CategoryStats] = {}
    for cat in lexicon.category_ids:
        c = counts[cat]
        out[cat] = CategoryStats(
            count=c,
            per_1000_words=round(1000 * c / n_words, 4) if n_words else 0.0,
            sentence_share=round(len(sent_with[cat]) / n_sentences, 4) if n_sentences else 0.0,
            negated=negated[cat],
        )
    return out


def _poles(lexicon: Lexicon) -> tuple[list[str], list[str]]:
    pos = [c.id for c in lexicon.categories if c.pole == 1]
    neg = [c.id for c in lexicon.categories if c.pole == -1]
    return pos, neg


def framing_balance(
    lexicon: Lexicon,
    sentences: Sequence[SentenceLike],
    hits: Sequence[Hit],
) -> Interval:
    """The balance with its bootstrap interval over the document's sentences."""
    pos_cats, neg_cats = _poles(lexicon)
    if not pos_cats or not neg_cats:
        return Interval(None, None, None)
    index = {s.id: i for i, s in enumerate(sentences)}
    pos = [0] * len(sentences)
    neg = [0] * len(sentences)
    for h in hits:
        if h.negated or h.sentence_id not in index:
            continue
        if h.category in pos_cats:
            pos[index[h.sentence_id]] += 1
        elif h.category in neg_cats:
            neg[index[h.sentence_id]] += 1
    return bootstrap_balance(pos, neg)


def _group_block(
    lexicon: Lexicon, hits: Sequence[Hit], n_words: int, n_sentences: int
) -> dict[str, Any]:
    stats = _category_stats(lexicon, hits, n_words, n_sentences)
    entries = Counter(h.entry for h in hits if not h.negated)
    by_cat: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for h in hits:
        if not h.negated:
            by_cat[h.category][h.entry] += 1
            forms[h.entry][h.text.lower()] += 1
    return {
        "lexicon": lexicon.name,
        "categories": {k: v.to_dict() for k, v in stats.items()},
        "entries": dict(entries.most_common()),
        # the words as the text writes them ("ondermijnende criminaliteit", not the lemma)
        "entry_forms": {e: f.most_common(1)[0][0] for e, f in sorted(forms.items())},
        # the names the lexicon gives its entries for reports ("explosies"), kept so that
        # a report made later from profiles.jsonl names them without the lexicon
        "entry_labels": _entry_labels(lexicon, entries),
        "entries_by_category": {
            c: dict(by_cat[c].most_common()) for c in lexicon.category_ids if by_cat[c]
        },
        "breadth_entries": len(entries),
        "breadth_categories": sum(1 for v in stats.values() if v.count > 0),
        "sentence_share_any": (
            round(len({h.sentence_id for h in hits if not h.negated}) / n_sentences, 4)
            if n_sentences
            else 0.0
        ),
    }


def _entry_labels(lexicon: Lexicon, entries: Iterable[str]) -> dict[str, str]:
    """The ``label`` of each of ``entries`` that has one in ``lexicon``, by entry id."""
    by_id = lexicon.entry_by_id
    out: dict[str, str] = {}
    for e in sorted(entries):
        entry = by_id.get(e)
        if entry is not None and entry.label:
            out[e] = entry.label
    return out


def _sentence_sets(hits: Sequence[Hit], key: str) -> dict[str, set[int]]:
    """Sentence ids per category (``key="category"``) or entry (``key="entry"``)."""
    out: dict[str, set[int]] = defaultdict(set)
    for h in hits:
        if not h.negated:
            out[getattr(h, key)].add(h.sentence_id)
    return out


def _framing_in(
    sentence_ids: set[int],
    framing_by_sentence: dict[int, Counter[str]],
    framing: Lexicon,
) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for sid in sentence_ids:
        counts.update(framing_by_sentence.get(sid, Counter()))
    pos_cats, neg_cats = _poles(framing)
    pos = sum(counts[c] for c in pos_cats)
    neg = sum(counts[c] for c in neg_cats)
    return {
        "sentences": len(sentence_ids),
        **{c: counts[c] for c in framing.category_ids},
        "balance": balance_value(pos, neg),
    }


def _theme_framing(
    lexicon: Lexicon,
    hits: Sequence[Hit],
    framing: Lexicon | None,
    framing_by_sentence: dict[int, Counter[str]],
) -> dict[str, Any]:
    """Theme x framing: how the sentences that mention each theme are framed."""
    if framing is None:
        return {}
    by_cat = _sentence_sets(hits, "category")
    by_entry = _sentence_sets(hits, "entry")
    return {
        "framing_by_category": {
            c: _framing_in(by_cat[c], framing_by_sentence, framing)
            for c in lexicon.category_ids
            if by_cat.get(c)
        },
        "framing_by_entry": {
            e: _framing_in(ids, framing_by_sentence, framing)
            for e, ids in sorted(by_entry.items(), key=lambda kv: -len(kv[1]))
        },
    }


def shannon_entropy(counts: Sequence[int]) -> float:
    """Shannon entropy in bits of a count distribution (0 for one or no group)."""
    total = sum(counts)
    if total == 0:
        return 0.0
    probs = [c / total for c in counts if c > 0]
    return float(-sum(p * math.log2(p) for p in probs))


def _actor_extras(lexicon: Lexicon, hits: Sequence[Hit]) -> dict[str, Any]:
    """Diversity over groups, groups not named, and the co-mention network."""
    counts = Counter(h.category for h in hits if not h.negated)
    group_counts = [counts[c] for c in lexicon.category_ids]
    k = len(lexicon.category_ids)
    entropy = shannon_entropy(group_counts)
    per_sentence: dict[int, set[str]] = defaultdict(set)
    category_of: dict[str, str] = {}
    for h in hits:
        if not h.negated:
            per_sentence[h.sentence_id].add(h.entry)
            category_of[h.entry] = h.category
    edges: Counter[tuple[str, str]] = Counter()
    for actors in per_sentence.values():
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                edges[(a, b)] += 1
    return {
        "diversity": round(entropy, 4),
        "evenness": round(entropy / math.log2(k), 4) if k > 1 else 0.0,
        "absent_categories": [c for c in lexicon.category_ids if counts[c] == 0],
        "network": {
            "nodes": [
                {"id": e, "category": category_of[e], "mentions": n}
                for e, n in Counter(h.entry for h in hits if not h.negated).most_common()
            ],
            "edges": [
                {"source": a, "target": b, "weight": w}
                for (a, b), w in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        },
    }


EVIDENCE_PER_CATEGORY = 5


def _evidence(
    framing: Lexicon,
    sentences: Sequence[SentenceLike],
    hits: Sequence[Hit],
    section_title: dict[str, str],
) -> dict[str, list[dict[str, Any]]]:
    """The strongest sentences per framing category: most hits, then densest, then first."""
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        if not h.negated:
            by_sentence[h.sentence_id].append(h)
    sent = {s.id: s for s in sentences}
    out: dict[str, list[dict[str, Any]]] = {}
    for cat in framing.category_ids:
        scored = []
        for sid, hs in by_sentence.items():
            mine = [h for h in hs if h.category == cat]
            if not mine or sid not in sent or sent[sid].is_heading:
                continue
            words = max(sent[sid].words, 1)
            scored.append((-len(mine), -len(mine) / words, sid, mine))
        scored.sort(key=lambda t: t[:3])
        out[cat] = [
            {
                "sentence_id": sid,
                "page": sent[sid].page,
                "section": section_title.get(sent[sid].section or ""),
                "text": sent[sid].text,
                "hits": [
                    {"start": h.start, "end": h.end, "text": h.text, "entry": h.entry} for h in mine
                ],
                # the sentence's other framing occurrences, so that evidence shows them too
                "other_hits": [
                    {
                        "start": h.start,
                        "end": h.end,
                        "text": h.text,
                        "entry": h.entry,
                        "category": h.category,
                    }
                    for h in by_sentence[sid]
                    if h.category != cat
                ],
            }
            for _, _, sid, mine in scored[:EVIDENCE_PER_CATEGORY]
        ]
    return out


def _top_terms(
    framing: Lexicon, hits: Sequence[Hit], n: int = 10
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for cat in framing.category_ids:
        counts = Counter(h.entry for h in hits if h.category == cat and not h.negated)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for h in hits:
            if h.category == cat and not h.negated:
                forms[h.entry][h.text.lower()] += 1
        labels = _entry_labels(framing, counts)
        out[cat] = [
            {"entry": e, "count": c, "forms": dict(forms[e].most_common(5))}
            | ({"label": labels[e]} if e in labels else {})
            for e, c in counts.most_common(n)
        ]
    return out


def _sections(
    document: Document,
    lexicon: Lexicon | None,
    sentences: Sequence[SentenceLike],
    hits: Sequence[Hit],
) -> tuple[dict[str, Any], ...]:
    if lexicon is None or not document.sections:
        return ()
    # Profile at the shallowest level with two or more sections, so that a single
    # title heading above the whole plan does not swallow its chapters.
    levels = sorted({s.level for s in document.sections})
    level = next(
        (lv for lv in levels if sum(1 for s in document.sections if s.level == lv) >= 2),
        levels[0],
    )
    by_id = {s.id: s for s in document.sections}
    top_of: dict[str | None, str | None] = {}
    for s in document.sections:
        cur: Section | None = s
        seen: set[str] = set()
        while cur is not None and cur.level > level and cur.parent in by_id and cur.id not in seen:
            seen.add(cur.id)
            cur = by_id[cur.parent]
        top_of[s.id] = cur.id if cur is not None and cur.level >= level else None
    by_top: dict[str | None, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_top[top_of.get(s.section)].append(s)
    hits_by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        hits_by_sentence[h.sentence_id].append(h)
    pos_cats, neg_cats = _poles(lexicon)
    out = []
    ordered = [(None, "(buiten hoofdstukken)")] + [
        (s.id, s.title) for s in document.sections if s.level == level
    ]
    for sid, title in ordered:
        sents = by_top.get(sid, [])
        if not sents:
            continue
        shits = [h for s in sents for h in hits_by_sentence.get(s.id, [])]
        words = count_words(sents)
        stats = _category_stats(lexicon, shits, words, len(sents))
        sec = document.section(sid)
        pos = sum(stats[c].count for c in pos_cats)
        neg = sum(stats[c].count for c in neg_cats)
        out.append(
            {
                "section_id": sid,
                "title": title,
                "page_start": sec.page_start if sec else None,
                "page_end": sec.page_end if sec else None,
                "words": words,
                "sentences": len(sents),
                "categories": {k: v.to_dict() for k, v in stats.items()},
                "balance": balance_value(pos, neg) if pos_cats and neg_cats else None,
            }
        )
    return tuple(out)


def build_profile(
    document: Document,
    sentences: Sequence[SentenceLike],
    hits: Sequence[Hit],
    lexicons: Sequence[Lexicon],
    *,
    fingerprint: list[int] | None = None,
    parts: dict[tuple[Any, ...], Any] | None = None,
) -> Profile:
    """The profile of one document from its sentences and hits.

    ``sentences`` may be :class:`~textscan.model.SentenceInfo` records rather
    than annotated sentences: only their ids, places, texts and word counts
    are read (pass ``fingerprint`` then, which needs the tokens).

    ``fingerprint`` is the document's :func:`text_fingerprint` when already
    known (it depends on the text alone).

    ``parts``, a dict kept for this document between calls (a kept worker's,
    see ``keep_workers`` of :func:`textscan.scan`), holds what depends on one
    lexicon's hits only (the framing figures, each other lexicon's block);
    a later call with the same text takes those of unchanged lexicons from
    it. Only the parts of ``lexicons`` are left in it.
    """
    n_words = count_words(sentences)
    n_sent = len(sentences)
    framing = next((lx for lx in lexicons if lx.type == "framing"), None)
    by_lexicon: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_lexicon[h.lexicon].append(h)
    used: set[tuple[Any, ...]] = set()

    def part(key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        # what depends on one lexicon's hits only, reused from ``parts`` when given
        if parts is None:
            return make()
        used.add(key)
        found = parts.get(key)
        if found is None:
            found = parts[key] = make()
        return found

    titles = {sec.id: sec.title for sec in document.sections}
    framing_hits = by_lexicon.get(framing.name, []) if framing is not None else []

    def framing_parts() -> dict[str, Any]:
        by_sentence: dict[int, Counter[str]] = defaultdict(Counter)
        for h in framing_hits:
            if not h.negated:
                by_sentence[h.sentence_id][h.category] += 1
        if framing is None:
            return {"categories": {}, "balance": Interval(None, None, None), "by_sentence": {}}
        return {
            "categories": _category_stats(framing, framing_hits, n_words, n_sent),
            "balance": framing_balance(framing, sentences, framing_hits),
            "by_sentence": by_sentence,
            "top_terms": _top_terms(framing, framing_hits),
            "evidence": _evidence(framing, sentences, framing_hits, titles),
            "negated_examples": _negated_examples(framing, sentences, framing_hits, titles),
            "sections": _sections(document, framing, sentences, framing_hits),
        }

    fsha = framing.sha256 if framing is not None else None
    fparts = part(("framing", framing.name if framing else None, fsha), framing_parts)
    categories, balance = fparts["categories"], fparts["balance"]
    groups: dict[str, dict[str, Any]] = {}
    for lx in lexicons:
        if lx is framing:
            continue
        key = lx.type if lx.type != "custom" and lx.type not in groups else lx.name

        def block_of(lx: Lexicon = lx) -> dict[str, Any]:
            lhits = by_lexicon.get(lx.name, [])
            block = _group_block(lx, lhits, n_words, n_sent)
            if lx.type == "actors":
                block.update(_actor_extras(lx, lhits))
            elif lx.type == "themes":
                block.update(_theme_framing(lx, lhits, framing, fparts["by_sentence"]))
            return block

        themed = fsha if lx.type == "themes" else None
        groups[key] = part(("block", lx.name, lx.type, lx.sha256, themed), block_of)
    if framing is not None:
        groups["top_terms"] = fparts["top_terms"]
        groups["evidence"] = fparts["evidence"]
        groups["negated_examples"] = fparts["negated_examples"]
    if parts is not None:  # only the parts of these lexicons stay
        for old in [k for k in parts if k not in used]:
            del parts[old]
    groups["fingerprint"] = fingerprint if fingerprint is not None else text_fingerprint(sentences)
    return Profile(
        document=document.name,
        path=document.path,
        sha256=document.sha256,
        words=n_words,
        sentences=n_sent,
        pages=len(document.pages) if document.pages else None,
        categories=categories,
        balance=balance,
        lexicon=framing.info if framing else None,
        lexicons=tuple(lx.info for lx in lexicons),
        groups=groups,
        sections=fparts.get("sections", ()),
        warnings=document.warnings,
        extractor=dict(document.extractor),
        title=document_title(document),
    )


def document_title(document: Document) -> str | None:
    """The title in the document's metadata (``metadata["title"]``), one line, or None.

    A document extracted by an older textscan (a cached outline without a
    title) has none.
    """
    title = (document.metadata or {}).get("title")
    if not isinstance(title, str):
        return None
    return " ".join(title.split()) or None
