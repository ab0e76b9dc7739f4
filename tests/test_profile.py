"""Profile indices: rates, shares, balance and its bootstrap interval."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from textscan.profile import balance_value, bootstrap_balance


def test_balance_is_undefined_without_positive_or_repressive():
    assert balance_value(0, 0) is None
    interval = bootstrap_balance([0, 0, 0], [0, 0, 0])
    assert interval.value is None and interval.ci_low is None and interval.ci_high is None


def test_balance_extremes():
    assert balance_value(5, 0) == 1.0
    assert balance_value(0, 5) == -1.0
    assert balance_value(3, 1) == 0.5


def test_bootstrap_is_reproducible():
    pos = np.random.default_rng(1).poisson(0.3, 400)
    neg = np.random.default_rng(2).poisson(0.2, 400)
    assert bootstrap_balance(pos, neg) == bootstrap_balance(pos, neg)


def test_bootstrap_interval_contains_estimate_and_narrows_as_document_grows():
    rng = np.random.default_rng(7)
    widths = []
    for n in (100, 400, 1600, 6400):
        pos = rng.poisson(0.3, n)
        neg = rng.poisson(0.2, n)
        iv = bootstrap_balance(pos, neg)
        assert iv.ci_low <= iv.value <= iv.ci_high
        widths.append(iv.ci_high - iv.ci_low)
    assert widths == sorted(widths, reverse=True)
    assert widths[-1] < widths[0] / 4


def test_bootstrap_interval_equals_resampling_sentences_one_by_one():
    """The interval drawn over count classes is the one of resampling sentences.

    Reference: each replicate draws n sentence indices with replacement and
    sums their counts, the textbook bootstrap. With 20,000 replicates of each
    the percentile endpoints agree to within the Monte Carlo error (about
    0.005 here), whatever the mix of counts per sentence.
    """
    rng = np.random.default_rng(11)
    n = 300
    for pos, neg in (
        (rng.poisson(0.4, n), rng.poisson(0.25, n)),
        (rng.binomial(1, 0.05, n) * 3, rng.poisson(0.5, n)),  # few, heavy sentences
    ):
        draws = rng.integers(0, n, size=(20000, n))
        p, q = pos[draws].sum(axis=1), neg[draws].sum(axis=1)
        ok = (p + q) > 0
        ref_lo, ref_hi = np.quantile((p[ok] - q[ok]) / (p[ok] + q[ok]), [0.025, 0.975])
        iv = bootstrap_balance(pos, neg, replicates=20000)
        assert abs(iv.ci_low - min(ref_lo, iv.value)) < 0.015
        assert abs(iv.ci_high - max(ref_hi, iv.value)) < 0.015


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=60))
def test_bootstrap_interval_stays_in_range_and_contains_estimate(pairs):
    pos = [p for p, _ in pairs]
    neg = [q for _, q in pairs]
    iv = bootstrap_balance(pos, neg, replicates=200)
    if sum(pos) + sum(neg) == 0:
        assert iv.value is None
        return
    assert -1.0 <= iv.ci_low <= iv.value <= iv.ci_high <= 1.0


def test_profile_counts_rates_and_sections(plan_txt, test_lexicon):
    from textscan.pipeline import analyze

    p = analyze(plan_txt, lexicons=[test_lexicon]).profile
    cats = p.categories
    assert cats["repressive"].count == 2  # pakt ... aan, treedt op
    assert cats["repressive"].negated == 1  # niet voor repressie
    assert cats["positive"].count == 3  # vertrouwen, verbinding, werken samen
    assert abs(cats["positive"].per_1000_words - 1000 * 3 / p.words) < 1e-3
    assert 0 < cats["positive"].sentence_share <= 1
    assert p.balance.value == (3 - 2) / (3 + 2)
    titles = [s["title"] for s in p.sections]
    assert "1. Inleiding" in titles and "2. Samen veilig" in titles
    by_title = {s["title"]: s for s in p.sections}
    assert by_title["1. Inleiding"]["balance"] == -1.0
    assert by_title["2. Samen veilig"]["balance"] == 1.0


def test_words_exclude_punctuation_and_numbers():
    from textscan.nlp import annotate_text

    [s] = annotate_text("In 2023 waren er 45 aangiften, vooral in de wijk!")
    assert s.words == 8  # In waren er aangiften vooral in de wijk


def test_category_counts_in_json_have_every_field_of_the_record():
    # profiles.jsonl and the section breakdown write CategoryStats.to_dict: a field
    # added to the record must reach them too
    from dataclasses import asdict

    from textscan.model import CategoryStats

    stats = CategoryStats(count=7, per_1000_words=3.5, sentence_share=0.25, negated=2)
    assert stats.to_dict() == asdict(stats)


def test_a_profile_built_from_kept_parts_equals_one_built_afresh(test_lexicon_path, tmp_path):
    # a kept worker keeps each lexicon's part of a document's profile between scans;
    # after an edit of one lexicon the profile must equal one made from nothing
    from pathlib import Path

    from textscan.extract import extract
    from textscan.lexicon import load_lexicons
    from textscan.match import Matcher
    from textscan.nlp import annotate
    from textscan.profile import build_profile

    plan = Path(__file__).resolve().parents[1] / "corpus" / "src" / "wilgendaal.md"
    document = extract(plan)
    sentences = annotate(document)
    edited_text = test_lexicon_path.read_text(encoding="utf-8")
    edited_text += "  - {id: investeren, category: positive, lemma: investeren}\n"
    edited = tmp_path / "edited.yaml"
    edited.write_text(edited_text, encoding="utf-8")
    parts: dict = {}
    for lexicons in (
        load_lexicons([test_lexicon_path]),
        load_lexicons([edited]),
        load_lexicons([edited], replace=True),
    ):
        hits = Matcher(lexicons).match(sentences, document.name)
        kept = build_profile(document, sentences, hits, lexicons, parts=parts)
        fresh = build_profile(document, sentences, hits, lexicons)
        assert kept.to_dict() == fresh.to_dict()
        assert {key[1] for key in parts} == {lx.name for lx in lexicons}


def _reference_fingerprint(words: list[str], hashes: int = 64) -> list[int]:
    """The fingerprint as its docstring defines it, written out plainly."""
    import zlib

    from textscan.profile import FINGERPRINT_SEED

    k = min(5, len(words))
    grams = {
        zlib.crc32(" ".join(words[i : i + k]).encode("utf-8")) for i in range(len(words) - k + 1)
    }
    rng = np.random.default_rng(FINGERPRINT_SEED)
    a = rng.integers(1, (1 << 31) - 1, size=hashes, dtype=np.int64)
    b = rng.integers(0, (1 << 31) - 1, size=hashes, dtype=np.int64)
    m = (1 << 31) - 1
    return [min((int(a[i]) * x + int(b[i])) % m for x in grams) for i in range(hashes)]


def test_the_text_fingerprint_keeps_its_definition():
    # fingerprints are kept in caches and compared across runs: the same words
    # must give the same signature whatever the code that computes it
    from textscan.nlp import annotate_text
    from textscan.profile import FINGERPRINT_HASHES, text_fingerprint, words_fingerprint

    texts = [
        "De gemeente pakt overlast aan. Samen met bewoners, scholen en de politie!",
        "Veiligheid in de wijk: ondermijning bestrijden, vertrouwen herstellen; "
        "jongerenwerk versterken, cameratoezicht uitbreiden en buurtpreventie steunen.",
        "Eén woord",
        "Één zin met café, coördinatie en ‘aanhalingstekens’ in één keer",
        # the same 5-grams more than once
        "Wij maken de wijk veilig. Wij maken de wijk veilig. Wij maken de wijk veilig.",
    ]
    for text in texts:
        sentences = annotate_text(text)
        words = [t.text.lower() for s in sentences for t in s.tokens if t.is_word]
        assert text_fingerprint(sentences) == _reference_fingerprint(words, FINGERPRINT_HASHES)
        assert words_fingerprint(words) == text_fingerprint(sentences)  # the runner's way
    assert text_fingerprint(annotate_text("2023 , 45 !")) == []


def test_the_fingerprint_minimum_equals_the_remainder_it_stands_for():
    # the fingerprint folds modulo 2**31 - 1 instead of dividing: at the edges
    # (a * x + b equal to 0, 1, 2 or m - 1 modulo m, and the largest x a CRC-32
    # gives) the minimum must be the one numpy's % gives
    from textscan.profile import _min_mod_mersenne

    m = (1 << 31) - 1
    rng = np.random.default_rng(7)
    for _ in range(400):
        a, b = int(rng.integers(1, m)), int(rng.integers(0, m))
        inverse = pow(a, -1, m)
        x = rng.integers(0, 1 << 32, size=int(rng.integers(1, 40)), dtype=np.uint64)
        # a few x whose a * x + b leaves 0, 1, 2 or m - 1, some of them above m
        for j in range(min(len(x), int(rng.integers(0, 4)))):
            r = int(rng.choice([0, 1, 2, m - 1]))
            x[j] = (r - b) * inverse % m + m * int(rng.integers(0, 2))
        x[-1] = (1 << 32) - 1 if rng.random() < 0.2 else x[-1]
        expected = int(((a * x.astype(object) + b) % m).min())
        v, high = np.empty_like(x), np.empty_like(x)
        assert _min_mod_mersenne(x, np.uint64(a), np.uint64(b), v, high) == expected
        assert _min_mod_mersenne(x, np.uint64(a), np.uint64(b)) == expected


def test_the_text_fingerprint_holds_no_copy_of_a_long_document_in_memory():
    # a 500-page plan's peak memory is a target: the grams are made and hashed one
    # at a time, and no second list of the words (encoded or sliced) is built
    import tracemalloc
    from types import SimpleNamespace

    from textscan.model import Token
    from textscan.profile import text_fingerprint

    words = [f"Woord{i % 40_000}" for i in range(200_000)]
    sentences = [
        SimpleNamespace(tokens=[Token(w, w.lower(), 0, len(w), True) for w in words[i : i + 20]])
        for i in range(0, len(words), 20)
    ]
    tracemalloc.start()
    try:
        lowered = [t.text.lower() for s in sentences for t in s.tokens if t.is_word]
        _, words_peak = tracemalloc.get_traced_memory()
        del lowered
        tracemalloc.reset_peak()
        assert len(text_fingerprint(sentences)) == 64
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the lowercased words (which the fingerprint needs) and little beside them
    assert peak < 1.5 * words_peak


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([-1.0, -0.5, 0.0, 1 / 3, 0.5, 1.0]),
            st.floats(-1, 1, allow_nan=False),
        ),
        min_size=1,
        max_size=400,
    ),
    st.sampled_from([0.025, 0.05, 0.005, 0.1, 0.25, 0.5]),
)
def test_the_interval_endpoints_are_numpys_quantiles_bit_for_bit(values, alpha):
    from textscan.profile import _quantiles

    ordered = sorted(values)
    expected = np.quantile(np.array(values), [alpha, 1 - alpha])
    assert _quantiles(ordered, (alpha, 1 - alpha)) == expected.tolist()


def test_profiling_a_document_does_not_load_numpy_ma(tmp_path):
    # numpy.ma costs every worker of a scan some 20 ms to import; np.unique and
    # np.quantile load it, the bootstrap and the fingerprint avoid both
    import os

    from conftest import run_python

    (tmp_path / "plan.txt").write_text(
        "# Veiligheid\n\nWij pakken overlast aan en werken samen met bewoners. "
        "De politie handhaaft. Wij investeren in preventie en vertrouwen.\n",
        encoding="utf-8",
    )
    proc = run_python(
        "import sys\n"
        "from textscan.runner import scan\n"
        f"result = scan([{str(tmp_path / 'plan.txt')!r}], None, jobs=0, cache=False)\n"
        "print(result.profile_objects[0].balance.ci_low is not None, 'numpy.ma' in sys.modules)\n",
        dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "False"]


def test_a_part_counts_its_own_pages_and_keeps_the_documents(tmp_path):
    from tests.conftest import make_pdf
    from textscan.pipeline import Pipeline
    from textscan.report.render import _scope_text

    pdf = make_pdf(
        tmp_path / "plan.pdf",
        [
            ["# 1. Inleiding", "Dit plan beschrijft onze koers voor vier jaar."],
            ["# 2. Veiligheid", "Wij pakken de overlast aan met de politie."],
            ["De wijkagent werkt samen met bewoners en scholen."],
            ["# 3. Financien", "De begroting volgt in het najaar."],
        ],
    )
    whole = Pipeline().analyze(pdf).profile
    part = Pipeline().analyze(pdf, section="veiligheid").profile
    assert whole.pages == 4
    assert part.pages == 2 and part.scope["document_pages"] == 4
    text = _scope_text(part.scope, part.to_dict())
    assert "(p. 2–3 van 4)" in text
