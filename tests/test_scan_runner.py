"""The batch runner: workers, limits, cache, resume, progress, Dask."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PLAN_TEXT, make_pdf
from textscan.checks import discover, dutch_share, safe_output_name, words_of
from textscan.runner import ConsoleReporter, ScanInterrupted, scan

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = (
    "profiles.csv",
    "hits.csv",
    "failures.csv",
    "warnings.csv",
    "profiles.jsonl",
    "profiles.parquet",
    "hits.parquet",
    "sentences.parquet",
)
PLANS = {
    "akkerdorp": "De gemeente pakt overlast en criminaliteit hard aan. Wij handhaven streng.",
    "bergstede": "Wij investeren in preventie, vertrouwen en verbinding tussen bewoners.",
    "dijkhoven": "De politie treedt op tegen drugshandel, maar wij kiezen ook voor preventie.",
    "zeewolde-west": "Samen met scholen en jongerenwerk werken wij aan een veilige wijk.",
}


def _plan_text(name: str, line: str) -> str:
    return PLAN_TEXT.replace("Proefdorp", name.title()) + "\n## 3. Extra\n\n" + line + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Five small plans: four text files and one PDF."""
    folder = tmp_path / "plannen"
    folder.mkdir()
    for name, line in PLANS.items():
        (folder / f"{name}.txt").write_text(_plan_text(name, line), encoding="utf-8")
    make_pdf(
        folder / "havenmond.pdf",
        [
            ["# 1. Inleiding", "Het college pakt de overlast aan. " + PLANS["dijkhoven"]],
            ["# 2. Samen", PLANS["bergstede"]],
        ],
    )
    return folder


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_one_path_given_alone_is_one_path(corpus, tmp_path, monkeypatch):
    # a string is an iterable of letters: scan("plan.txt") must not look for files
    # named "p", "l" ... nor walk "." (the folder it runs in) or "/"
    monkeypatch.chdir(corpus)  # holds four other plans
    one = scan("akkerdorp.txt", jobs=0, cache=False)
    assert list(one.profiles["document"]) == ["akkerdorp"]
    assert len(one.failures) == 0
    assert list(scan(Path("akkerdorp.txt"), jobs=0, cache=False).profiles["document"]) == [
        "akkerdorp"
    ]
    folder = scan(str(corpus), jobs=0, cache=False)
    assert len(folder.profiles) == len(list(corpus.iterdir()))
    assert [p.name for p in discover("akkerdorp.txt").files] == ["akkerdorp.txt"]


def test_two_workers_give_the_same_outputs_as_one(corpus, tmp_path):
    one = scan([corpus], tmp_path / "one", jobs=1, cache=False)
    two = scan([corpus], tmp_path / "two", jobs=2, cache=False)
    assert list(one.profiles["document"]) == sorted(p.stem for p in corpus.iterdir())
    assert one.ok and two.ok
    _same_outputs(tmp_path / "one", tmp_path / "two")
    # in-process (no workers) is the same too
    scan([corpus], tmp_path / "zero", jobs=0, cache=False)
    _same_outputs(tmp_path / "one", tmp_path / "zero")
    assert not (tmp_path / "one" / ".parts").exists()  # removed after a complete run


def test_second_run_uses_the_cache_and_a_new_lexicon_rematches_without_extracting(
    corpus, tmp_path, monkeypatch, test_lexicon_path
):
    cache_dir = tmp_path / "cache"
    first = scan([corpus], tmp_path / "a", jobs=1, cache_dir=cache_dir)
    assert first.stats["document_cache_misses"] == 5
    assert first.stats["document_cache_hits"] == 0
    again = scan([corpus], tmp_path / "b", jobs=1, cache_dir=cache_dir)
    assert again.stats["document_cache_hits"] == 5
    assert again.stats["sentence_cache_hits"] == 5
    _same_outputs(tmp_path / "a", tmp_path / "b")

    # another lexicon: extraction and annotation must not run again
    import importlib

    def boom(*args, **kwargs):
        raise AssertionError("re-extracted or re-annotated despite the cache")

    monkeypatch.setattr(importlib.import_module("textscan.extract"), "extract", boom)
    monkeypatch.setattr(importlib.import_module("textscan.nlp"), "annotate", boom)
    from textscan.lexicon import load_lexicons

    lexicons = load_lexicons([test_lexicon_path])
    other = scan([corpus], tmp_path / "c", jobs=0, cache_dir=cache_dir, lexicons=lexicons)
    assert other.ok, other.failures.to_dict("records")
    assert other.stats["sentence_cache_hits"] == 5
    assert "testframing" in set(other.hits["lexicon"])
    assert "testframing" not in set(first.hits["lexicon"])


def test_only_an_edited_lexicon_is_matched_again_and_the_hits_equal_a_fresh_run(
    corpus, tmp_path, test_lexicon_path
):
    from textscan.lexicon import load_lexicons

    cache_dir = tmp_path / "cache"
    first = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    n_default = len(load_lexicons())
    assert first.stats["hits_cache_misses"] == 5 * n_default
    assert first.stats["hits_cache_hits"] == 0
    # one lexicon added: the defaults' hits come from the cache, only it is matched
    added = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=_lexicons(test_lexicon_path))
    assert added.stats["hits_cache_hits"] == 5 * n_default
    assert added.stats["hits_cache_misses"] == 5
    # edited (same name, one entry more): matched again, and the new entry is found
    edited = _edited_lexicon(tmp_path, test_lexicon_path)
    again = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=_lexicons(edited))
    assert again.stats["hits_cache_misses"] == 5
    assert "investeren" in set(again.hits["entry"])
    assert "investeren" not in set(added.hits["entry"])
    # every table equals that of a run without any cache, hit for hit and in order
    fresh = scan([corpus], None, jobs=0, cache=False, lexicons=_lexicons(edited))
    for name in ("hits", "profiles", "sentences"):
        a, b = getattr(again, name), getattr(fresh, name)
        assert a.equals(b), name


def _kept_scan(corpus, cache_dir, lexicons=None, jobs=2):
    """A scan that leaves its workers running for the next one."""
    return scan(
        [corpus], None, jobs=jobs, cache_dir=cache_dir, lexicons=lexicons, keep_workers=True
    )


def test_kept_workers_take_the_next_scan_with_an_edited_lexicon(
    corpus, tmp_path, test_lexicon_path
):
    import multiprocessing

    from textscan.runner import close_workers

    cache_dir = tmp_path / "cache"
    try:
        first = _kept_scan(corpus, cache_dir, jobs=2)
        kept = {p.pid for p in multiprocessing.active_children()}
        assert first.ok and len(kept) == 2  # idle, waiting for the next scan
        added = _kept_scan(corpus, cache_dir, _lexicons(test_lexicon_path), jobs=2)
        edited = _edited_lexicon(tmp_path, test_lexicon_path)
        again = _kept_scan(corpus, cache_dir, _lexicons(edited), jobs=2)
        # the same two processes did all three scans, each given the lexicons it lacked
        assert {p.pid for p in multiprocessing.active_children()} == kept
        assert added.stats["hits_cache_misses"] == 5 and again.stats["hits_cache_misses"] == 5
        assert "investeren" in set(again.hits["entry"])
        assert "investeren" not in set(added.hits["entry"])
    finally:
        close_workers()
    assert not multiprocessing.active_children()
    fresh = scan([corpus], None, jobs=2, cache=False, lexicons=_lexicons(edited))
    for name in ("hits", "profiles", "sentences"):
        assert getattr(again, name).equals(getattr(fresh, name)), name
    # a scan without keep_workers takes kept workers over and stops them at its end
    _kept_scan(corpus, cache_dir, jobs=2)
    assert len(multiprocessing.active_children()) == 2
    scan([corpus], None, jobs=2, cache_dir=cache_dir, lexicons=_lexicons(edited))
    assert not multiprocessing.active_children()


def test_kept_workers_remember_their_files_for_the_next_scan(corpus, tmp_path, test_lexicon_path):
    import sqlite3

    from textscan.runner import close_workers

    cache_dir = tmp_path / "cache"
    try:
        _kept_scan(corpus, cache_dir, jobs=1)
        # what the worker read or made stays in its memory: with every stored
        # blob damaged, the next scan still takes each file as annotated
        with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
            for table in ("documents", "sentences", "hits", "derived"):
                conn.execute(f"UPDATE {table} SET data = ?", (b"not a blob",))
        edited = _edited_lexicon(tmp_path, test_lexicon_path)
        # one worker, so every file goes back to it (of two, a free one may take
        # over a file the other had, and read it from the cache)
        again = _kept_scan(corpus, cache_dir, _lexicons(edited), jobs=1)
    finally:
        close_workers()
    assert again.stats["sentence_cache_hits"] == 5 and again.stats["hits_cache_misses"] == 5
    fresh = scan([corpus], None, jobs=2, cache=False, lexicons=_lexicons(edited))
    for name in ("hits", "profiles", "sentences"):
        assert getattr(again, name).equals(getattr(fresh, name)), name


def test_kept_workers_stop_after_idling(corpus, tmp_path, monkeypatch):
    import multiprocessing

    from textscan import runner

    monkeypatch.setattr(runner, "KEEP_IDLE_SECONDS", 0.5)
    _kept_scan(corpus, tmp_path / "c", jobs=2)
    assert len(multiprocessing.active_children()) == 2
    deadline = time.monotonic() + 20
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not multiprocessing.active_children()
    assert runner._kept is None


def test_a_kept_worker_that_died_is_replaced(corpus, tmp_path):
    import multiprocessing

    from textscan.runner import close_workers

    try:
        _kept_scan(corpus, tmp_path / "c", jobs=2)
        victim = multiprocessing.active_children()[0]
        victim.kill()
        victim.join(5)
        result = _kept_scan(corpus, tmp_path / "c", jobs=2)
        assert result.ok and len(result.profiles) == 5
        alive = multiprocessing.active_children()
        assert len(alive) == 2 and victim.pid not in {p.pid for p in alive}
    finally:
        close_workers()


def test_a_damaged_hits_entry_is_a_miss_and_matched_again(corpus, tmp_path):
    import sqlite3

    cache_dir = tmp_path / "cache"
    first = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        conn.execute("UPDATE hits SET data = ?", (b"not a blob",))
    again = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    assert again.stats["hits_cache_hits"] == 0
    assert again.hits.equals(first.hits)


def test_entries_compressed_another_way_are_misses_and_made_again(corpus, tmp_path):
    # blobs as the earlier zlib codec wrote them: read as damaged (not raised), redone
    import sqlite3
    import zlib

    import zstandard

    cache_dir = tmp_path / "cache"
    first = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        for table in ("documents", "sentences", "hits", "derived"):
            rows = conn.execute(f"SELECT key, data FROM {table}").fetchall()
            assert rows, table
            for key, data in rows:
                old = zlib.compress(zstandard.decompress(data), 1)
                conn.execute(f"UPDATE {table} SET data = ? WHERE key = ?", (old, key))
    again = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    assert again.stats["sentence_cache_hits"] == again.stats["hits_cache_hits"] == 0
    assert again.stats["document_cache_misses"] == 5
    for name in ("profiles", "sentences", "hits"):
        assert getattr(again, name).equals(getattr(first, name)), name
    third = scan([corpus], None, jobs=0, cache_dir=cache_dir)  # the redone entries are read
    assert third.stats["sentence_cache_hits"] == 5 and third.stats["hits_cache_hits"] > 0
    assert third.hits.equals(first.hits)


def test_a_re_profile_reads_text_figures_from_the_cache_and_a_damaged_entry_is_recomputed(
    corpus, tmp_path, test_lexicon_path, monkeypatch
):
    import sqlite3

    import textscan.profile

    cache_dir = tmp_path / "cache"
    first = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    calls = []
    real = textscan.profile.words_fingerprint
    monkeypatch.setattr(textscan.profile, "words_fingerprint", lambda w: calls.append(1) or real(w))
    again = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=_lexicons(test_lexicon_path))
    assert calls == []  # fingerprint, Dutch share and sentence table came from the cache
    assert again.sentences.equals(first.sentences)
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        conn.execute("UPDATE derived SET data = ?", (b"not a blob",))
    third = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    assert len(calls) == 5
    for name in ("profiles", "sentences", "hits"):
        assert getattr(third, name).equals(getattr(first, name)), name


def test_a_re_profile_builds_tokens_only_where_the_edited_lexicon_can_match(
    corpus, tmp_path, test_lexicon_path, monkeypatch
):
    import sqlite3

    from textscan.cache import Cache, SentenceColumns

    cache_dir = tmp_path / "cache"
    scan([corpus], None, jobs=0, cache_dir=cache_dir)
    built: list[int] = []
    real = SentenceColumns.sentences

    def spy(self, which=None):
        out = real(self, which)
        built.append(len(out))
        return out

    monkeypatch.setattr(SentenceColumns, "sentences", spy)
    read: list[str] = []
    real_document = Cache.get_document
    monkeypatch.setattr(
        Cache, "get_document", lambda self, *a: read.append(a[0]) or real_document(self, *a)
    )
    lexicons = _lexicons(test_lexicon_path)
    again = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=lexicons)
    assert len(built) == 5  # one decoding per document, for the one lexicon matched
    assert read == []  # the text facts' outline of each document serves the profile
    assert 0 < sum(built) < len(again.sentences)  # not every sentence
    # with every lexicon's hits in the cache, no token is decoded at all
    built.clear()
    third = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=lexicons)
    assert built == []
    fresh = scan([corpus], None, jobs=0, cache=False, lexicons=lexicons)
    for name in ("hits", "profiles", "sentences"):
        assert getattr(again, name).equals(getattr(fresh, name)), name
        assert getattr(third, name).equals(getattr(fresh, name)), name
    # an annotation the cache lists but cannot read is made again
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        conn.execute("UPDATE sentences SET data = ?", (b"not a blob",))
    edited = _edited_lexicon(tmp_path, test_lexicon_path)
    repaired = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=_lexicons(edited))
    assert not repaired.failures.shape[0]
    assert len(read) == 5  # the whole text, to annotate again
    fresh = scan([corpus], None, jobs=0, cache=False, lexicons=_lexicons(edited))
    for name in ("hits", "profiles", "sentences"):
        assert getattr(repaired, name).equals(getattr(fresh, name)), name
    # and when the extraction cannot be read either, the file is extracted again
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        conn.execute("UPDATE sentences SET data = ?", (b"not a blob",))
        conn.execute("UPDATE documents SET data = ?", (b"not a blob",))
    commented = tmp_path / "commented.yaml"  # another text, so matched again: another hash
    commented.write_text(edited.read_text(encoding="utf-8") + "# nagekeken\n", encoding="utf-8")
    extracted = scan([corpus], None, jobs=0, cache_dir=cache_dir, lexicons=_lexicons(commented))
    assert not extracted.failures.shape[0]
    assert extracted.stats["hits_cache_misses"] == 5
    for name in ("hits", "profiles", "sentences"):
        assert getattr(extracted, name).equals(getattr(fresh, name)), name


def test_reading_the_cache_leaves_the_garbage_collector_as_it_was(corpus, tmp_path):
    # decoding pauses the collector; a notebook must get it back, also after a bad blob
    import gc
    import sqlite3

    from textscan.cache import Cache
    from textscan.extract import file_sha256

    cache_dir = tmp_path / "cache"
    scan([corpus], None, jobs=0, cache_dir=cache_dir)
    cache = Cache(cache_dir)
    sha = file_sha256(corpus / "akkerdorp.txt")
    engine = "auto"  # the extraction settings of a default scan
    assert gc.isenabled()
    sentences = cache.get_sentences(sha, engine)
    assert sentences and gc.isenabled()
    assert cache.get_document(sha, engine) is not None and gc.isenabled()
    gc.disable()
    try:
        assert cache.get_sentences(sha, engine) == sentences
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
    with sqlite3.connect(cache_dir / "cache.sqlite") as conn:
        conn.execute("UPDATE sentences SET data = ?", (b"not a blob",))
    assert cache.get_sentences(sha, engine) is None
    assert gc.isenabled()
    cache.close()


def test_a_scan_leaves_the_callers_garbage_collector_settings_alone(corpus, tmp_path):
    # workers collect in larger batches (textscan._gc); a notebook's own process must not
    import gc

    before = gc.get_threshold()
    for jobs in (0, 2):
        scan([corpus], None, jobs=jobs, cache_dir=tmp_path / f"cache-{jobs}")
        assert gc.get_threshold() == before, jobs
    assert gc.isenabled()


def test_what_is_built_to_keep_goes_to_the_oldest_generation_and_cycles_are_still_found():
    # the pipeline, lemma and term tables: built once, scanned by no young collection
    import gc
    import weakref

    from textscan._gc import collector_paused

    class Node:
        pass

    found = []
    assert gc.isenabled()
    with collector_paused(kept=True):
        assert not gc.isenabled()
        tables = [[str(i)] for i in range(20_000)]
        a, b = Node(), Node()
        a.other, b.other = b, a  # a reference cycle made while paused
        weakref.finalize(a, found.append, "collected")
    assert gc.isenabled()
    young = {id(x) for x in gc.get_objects(generation=0)}
    assert id(tables) not in young and id(tables[-1]) not in young
    assert any(x is tables for x in gc.get_objects(generation=2))
    del a, b
    gc.collect()
    assert found == ["collected"]
    gc.disable()
    try:
        with collector_paused(kept=True):
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_the_command_collects_young_objects_in_large_batches(monkeypatch):
    # textscan's own process, like its workers (textscan._gc); a caller's is left alone
    import gc

    from textscan import cli
    from textscan._gc import OWN_THRESHOLD

    seen = []
    before = gc.get_threshold()
    monkeypatch.setattr(cli, "cli", lambda **kwargs: seen.append(gc.get_threshold()[0]))
    monkeypatch.setattr(cli, "_exit", seen.append)  # not the end of this test process
    try:
        cli.main()
    finally:
        gc.unfreeze()  # main freezes what the run made, for its exit
        gc.set_threshold(*before)
    assert seen == [OWN_THRESHOLD, 0]


def test_an_output_folder_that_cannot_be_made_is_refused_before_any_file_is_read(corpus, tmp_path):
    from click.testing import CliRunner

    from textscan.cli import cli
    from textscan.runner import ScanConfigError

    blocker = tmp_path / "results.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(ScanConfigError, match=r"results\.txt/out: cannot write the results"):
        scan([corpus], blocker / "out", jobs=1, cache=False)
    res = CliRunner().invoke(cli, ["scan", str(corpus), "--out", str(blocker / "out"), "--quiet"])
    assert res.exit_code == 2
    assert "cannot write the results there (Not a directory)" in res.output
    assert "Traceback" not in res.output


def test_a_read_only_cache_looks_without_creating_or_writing_anything(corpus, tmp_path):
    from textscan.cache import Cache
    from textscan.extract import file_sha256

    missing = Cache(tmp_path / "none", read_only=True)
    assert not missing.has_sentences("0" * 64, "auto")
    assert not (tmp_path / "none").exists()
    cache_dir = tmp_path / "cache"
    scan([corpus], None, jobs=0, cache_dir=cache_dir)
    sha = file_sha256(corpus / "akkerdorp.txt")
    looking = Cache(cache_dir, read_only=True)
    assert looking.has_sentences(sha, "auto")
    assert looking.get_sentences(sha, "auto")
    before = (cache_dir / "cache.sqlite").stat().st_size
    looking.put_derived(sha, "auto", "probe", {"a": 1})  # refused, counted, not raised
    assert looking.errors == 1
    assert looking.get_derived(sha, "auto", "probe") is None
    looking.close()
    assert (cache_dir / "cache.sqlite").stat().st_size == before


def test_every_worker_has_exited_when_a_scan_returns(corpus, tmp_path):
    # idle workers are told to stop and waited for once the tables are built
    code = (
        "import os, sys\n"
        "from textscan.runner import scan\n"
        f"r = scan([{str(corpus)!r}], None, jobs=2, cache_dir={str(tmp_path / 'c')!r})\n"
        "assert r.ok and len(r.profiles) == 5\n"
        "try:\n"
        "    print('child left', os.waitpid(-1, os.WNOHANG))\n"
        "except ChildProcessError:\n"
        "    print('no children')\n"
    )
    for _ in range(2):  # cold, then from the cache (no pre-extractor, workers only)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.strip().splitlines()[-1] == "no children", out.stderr[-2000:]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc only")
def test_peak_memory_is_the_process_own_not_that_of_the_process_that_started_it():
    # getrusage keeps the starter's peak across exec: a scan run from a large
    # notebook would report the notebook's memory as its own
    child = "from textscan.runner import _peak_rss_mb; print(_peak_rss_mb())"
    code = (
        "import subprocess, sys\n"
        "big = b'x' * (400 * 1024 * 1024)\n"
        f"out = subprocess.run([sys.executable, '-c', {child!r}], capture_output=True, text=True)\n"
        "print(out.stdout.strip())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 5 < float(out.stdout.strip()) < 300


def test_a_changed_file_misses_the_cache(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    scan([corpus], None, jobs=0, cache_dir=cache_dir)
    f = corpus / "akkerdorp.txt"
    f.write_text(
        f.read_text(encoding="utf-8") + "\nWij handhaven ook in de haven.\n", encoding="utf-8"
    )
    result = scan([corpus], None, jobs=0, cache_dir=cache_dir)
    assert result.stats["document_cache_hits"] == 4
    assert result.stats["document_cache_misses"] == 1


def _counting_calls(monkeypatch, name: str) -> list[str]:
    """The names of the files that ``textscan.runner.<name>(path)`` is called for."""
    from textscan import runner

    called: list[str] = []
    real = getattr(runner, name)

    def counting(path):
        called.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(runner, name, counting)
    return called


def _counting_hashes(monkeypatch) -> list[str]:
    return _counting_calls(monkeypatch, "file_sha256")


def test_a_re_profile_reads_no_file_to_hash_it(corpus, tmp_path, monkeypatch):
    import textscan.cache

    monkeypatch.setattr(textscan.cache, "RACY_NS", 0)  # the corpus was written just now
    hashed = _counting_hashes(monkeypatch)
    first = scan([corpus], tmp_path / "one", jobs=0, cache_dir=tmp_path / "c")
    assert sorted(hashed) == sorted(p.name for p in corpus.iterdir())
    hashed.clear()
    again = scan([corpus], tmp_path / "two", jobs=0, cache_dir=tmp_path / "c")
    assert hashed == []  # known by inode, size and times
    assert list(again.profiles["sha256"]) == list(first.profiles["sha256"])
    _same_outputs(tmp_path / "one", tmp_path / "two")
    # without the cache, or after "cache clear", every file is hashed
    scan([corpus], None, jobs=0, cache=False)
    assert len(hashed) == 5
    textscan.cache.Cache(tmp_path / "c").clear()
    hashed.clear()
    scan([corpus], None, jobs=0, cache_dir=tmp_path / "c")
    assert len(hashed) == 5


def test_a_file_changed_with_its_old_size_and_time_is_hashed_again(corpus, tmp_path, monkeypatch):
    import textscan.cache

    monkeypatch.setattr(textscan.cache, "RACY_NS", 0)
    hashed = _counting_hashes(monkeypatch)
    plan_file = next(p for p in corpus.iterdir() if p.suffix == ".txt")
    scan([corpus], None, jobs=0, cache_dir=tmp_path / "c")
    before = plan_file.stat()
    text = plan_file.read_text(encoding="utf-8")
    swapped = text.replace("overlast", "OVERLAST", 1)
    assert swapped != text and len(swapped) == len(text)
    plan_file.write_text(swapped, encoding="utf-8")
    os.utime(plan_file, ns=(before.st_atime_ns, before.st_mtime_ns))  # the old time again
    assert plan_file.stat().st_size == before.st_size
    hashed.clear()
    result = scan([corpus], None, jobs=0, cache_dir=tmp_path / "c")
    assert hashed == [plan_file.name]  # its status-change time gave it away
    import hashlib

    row = result.profiles[result.profiles["document"] == plan_file.stem].iloc[0]
    assert row["sha256"] == hashlib.sha256(plan_file.read_bytes()).hexdigest()


def test_a_cache_folder_that_cannot_be_made_fails_no_scan(corpus, tmp_path, monkeypatch):
    # the cache keeps nothing (the file hashes included), and every file is profiled
    import textscan.cache

    monkeypatch.setattr(textscan.cache, "RACY_NS", 0)  # so that the hashes are to be kept
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map", encoding="utf-8")
    result = scan([corpus], tmp_path / "out", jobs=2, cache_dir=blocker / "cache")
    assert len(result.profile_objects) == 5 and result.ok


def test_files_changed_a_moment_ago_are_hashed_at_every_run(corpus, tmp_path, monkeypatch):
    hashed = _counting_hashes(monkeypatch)
    scan([corpus], None, jobs=0, cache_dir=tmp_path / "c")
    hashed.clear()
    scan([corpus], None, jobs=0, cache_dir=tmp_path / "c")
    assert len(hashed) == 5  # written within RACY_NS: not trusted to the memo


def test_cache_info_and_clear(corpus, tmp_path):
    import shutil

    from click.testing import CliRunner

    from textscan.cli import cli
    from textscan.lemmatizer import _form_tables, tables_path
    from textscan.lexicon import load_lexicons

    cache_dir = tmp_path / "cache"
    scan([corpus], None, jobs=0, cache_dir=cache_dir)
    # this test's own $TEXTSCAN_CACHE gets the tables this process compiled earlier
    in_use = _form_tables().path
    if in_use != tables_path():
        tables_path().parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(in_use, tables_path())
    from textscan.lexicon import parse_lexicon

    parse_lexicon(  # a lexicon file read for the first time: its parse is stored
        "name: kept\nversion: '1'\ncategories:\n  - {id: a, label: A}\n"
        "entries:\n  - {id: wijk, category: a, lemma: wijk}\n"
    )
    runner = CliRunner()
    res = runner.invoke(cli, ["cache", "info", "--cache-dir", str(cache_dir), "--json"])
    assert res.exit_code == 0, res.output
    import json

    info = json.loads(res.output)
    assert info["parsed_lexicons"] >= 1
    assert info["documents"] == 5 and info["sentences"] == 5 and info["bytes"] > 0
    assert info["hits"] == 5 * len(load_lexicons())  # one entry per document and lexicon
    # each document's text facts, and a balance interval for each with framing terms
    assert 5 <= info["derived"] <= 10
    tables = Path(info["lemma_tables"])
    assert tables.is_file() and info["lemma_tables_bytes"] == tables.stat().st_size
    stale = tables.with_name("nl-forms-0000000000000000.sqlite")  # an older version's
    stale.write_bytes(b"")
    # so are tokenizer rules and kept term variants of other versions
    assert Path(info["tokenizer_rules"]).parent == tables.parent
    stale_rules = tables.with_name("nl-tokenizer-0000000000000000.marshal")
    stale_terms = tables.with_name("nl-terms-0000000000000000.marshal")
    stale_rules.write_bytes(b"")
    stale_terms.write_bytes(b"")
    res = runner.invoke(cli, ["cache", "clear", "--cache-dir", str(cache_dir)])
    # documents, sentences, hits per lexicon and derived figures
    n_entries = 10 + 5 * len(load_lexicons()) + info["derived"]
    assert res.exit_code == 0 and f"removed {n_entries} " in res.output
    assert not stale.exists() and tables.is_file()
    assert not stale_rules.exists() and not stale_terms.exists()
    res = runner.invoke(cli, ["cache", "info", "--cache-dir", str(cache_dir), "--json"])
    assert json.loads(res.output)["documents"] == 0
    assert json.loads(res.output)["parsed_lexicons"] == 0


@pytest.mark.parametrize(
    ("hook", "kind"), [("hang", "timeout"), ("crash", "crash"), ("memory", "memory")]
)
def test_a_hanging_crashing_or_greedy_worker_is_recorded_and_the_batch_goes_on(
    corpus, tmp_path, monkeypatch, hook, kind
):
    monkeypatch.setenv("TEXTSCAN_TEST_HOOK", f"{hook}:bergstede.txt")
    started = time.monotonic()
    result = scan([corpus], tmp_path / "o", jobs=2, timeout=4, max_memory=3072, cache=False)
    assert time.monotonic() - started < 60
    rows = result.failures.to_dict("records")
    assert [(Path(r["file"]).name, r["error"]) for r in rows] == [("bergstede.txt", kind)]
    assert "bergstede.txt" in rows[0]["message"]
    assert len(result.profiles) == 4  # the other files are complete


def test_strict_stops_at_the_first_failure(corpus, tmp_path):
    (corpus / "aaa-leeg.txt").write_bytes(b"")
    result = scan([corpus], tmp_path / "o", jobs=1, strict=True, cache=False)
    assert not result.complete
    assert list(result.failures["error"]) == ["empty"]
    assert len(result.profiles) == 0


def _run_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "textscan", "scan", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _wait_for_parts(out: Path, n: int, proc: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if len(list((out / ".parts").glob("*.marshal"))) >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the run did not finish two documents in time")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_killed_run_resumes_to_the_same_outputs(corpus, tmp_path, sig):
    reference = tmp_path / "ref"
    scan([corpus], reference, jobs=0, cache=False)
    out = tmp_path / "o"
    args = [str(corpus), "--out", str(out), "--jobs", "1", "--no-cache", "--quiet"]
    proc = _run_cli(args, _env(TEXTSCAN_TEST_HOOK="delay=0.7:*"))
    _wait_for_parts(out, 2, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "--resume" in err
        written = (out / "profiles.csv").read_text().splitlines()
        assert 2 <= len(written) - 1 < 5  # the finished documents, complete
    else:
        assert proc.returncode == -signal.SIGKILL
    done = len(list((out / ".parts").glob("*.marshal")))
    assert done < 5
    proc = _run_cli([*args, "--resume"], _env())
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    _same_outputs(reference, out)


def test_resume_refuses_another_runs_folder(corpus, tmp_path, test_lexicon_path):
    from textscan.lexicon import load_lexicons
    from textscan.runner import Journal, ScanConfigError

    out = tmp_path / "o"
    Journal(out, {"config": "something else", "version": "0"}).start(resume=False)
    with pytest.raises(ScanConfigError, match="other lexicons"):
        scan(
            [corpus],
            out,
            jobs=0,
            resume=True,
            cache=False,
            lexicons=load_lexicons([test_lexicon_path]),
        )


def test_sigint_in_library_writes_what_finished(corpus, tmp_path, monkeypatch):
    calls = []

    def progress(path, status):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(ScanInterrupted) as info:
        scan([corpus], tmp_path / "o", jobs=0, cache=False, on_progress=progress)
    assert info.value.exit_code == 130
    assert len(info.value.result.profiles) == 2
    assert (tmp_path / "o" / "profiles.csv").read_text().count("\n") == 3


def test_an_interrupted_run_reports_what_a_worker_saved_before_the_parent_read_it(corpus, tmp_path):
    # a worker saves each finished document in the run's journal and then sends
    # it; an interruption in between must not leave that document out of the
    # outputs (--resume would not process it again)
    from textscan.lexicon import load_lexicons
    from textscan.runner import ScanConfig, Task, file_sha256, process_file, save_part

    out = tmp_path / "o"
    files = sorted(corpus.iterdir())
    last = files[-1]
    saved = process_file(
        Task(len(files) - 1, str(last), file_sha256(last)),
        ScanConfig(lexicons=tuple(load_lexicons())),
    )
    calls = []

    def progress(path, status):
        calls.append(path)
        if len(calls) == 2:
            save_part(out / ".parts", saved)  # as a worker would, unread
            raise KeyboardInterrupt

    with pytest.raises(ScanInterrupted) as info:
        scan([corpus], out, jobs=0, cache=False, on_progress=progress)
    names = set(info.value.result.profiles.document) if len(info.value.result.profiles) else set()
    assert len(names) == 3 and last.stem in names
    assert (out / "profiles.csv").read_text().count("\n") == 4


def test_progress_bar_shows_files_pages_and_problems(corpus, tmp_path):
    from rich.console import Console

    (corpus / "kapot.pdf").write_bytes(b"<html>404</html>")
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=160, color_system=None)
    ticks = iter(range(1000))
    reporter = ConsoleReporter(console, clock=lambda: float(next(ticks)))
    scan([corpus], None, jobs=0, cache=False, reporter=reporter)
    text = buf.getvalue()
    assert "6/6" in text and "2 pages" in text and "pages/s" in text
    assert "failed" in text and "kapot.pdf" in text and "HTML page" in text
    buf = io.StringIO()
    quiet = ConsoleReporter(Console(file=buf, force_terminal=False), progress=True)
    scan([corpus], None, jobs=0, cache=False, reporter=quiet)
    assert "pages/s" not in buf.getvalue()  # no bar when stderr is not a terminal


def test_discovery_survives_symlink_loops_and_reports_duplicates(corpus, tmp_path):
    (corpus / "lus").symlink_to(corpus, target_is_directory=True)
    (corpus / "a.txt").symlink_to(corpus / "b.txt")
    (corpus / "b.txt").symlink_to(corpus / "a.txt")
    (corpus / "kopie.txt").write_bytes((corpus / "akkerdorp.txt").read_bytes())
    found = discover([corpus])
    kinds = sorted(p.kind for p in found.problems)
    assert kinds == ["symlink-loop", "symlink-loop", "symlink-loop"]
    result = scan([corpus], tmp_path / "o", jobs=0, cache=False)
    dup = result.warnings[result.warnings["error"] == "duplicate"].to_dict("records")
    assert len(dup) == 1 and dup[0]["file"].endswith("kopie.txt")
    assert "akkerdorp.txt" in dup[0]["message"]
    assert len(result.profiles) == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported(corpus, tmp_path):
    locked = corpus / "dicht"
    locked.mkdir()
    locked.chmod(0)
    try:
        found = discover([corpus])
    finally:
        locked.chmod(0o755)
    assert [p.kind for p in found.problems] == ["unreadable"]


def test_english_text_gets_a_language_warning_not_a_failure(tmp_path):
    text = (
        "The municipality will invest in safety and prevention over the next years. We work "
        "together with the police, schools and residents to reduce crime in every district. "
    ) * 8
    f = tmp_path / "english.txt"
    f.write_text(text, encoding="utf-8")
    result = scan([f], None, jobs=0, cache=False)
    assert result.ok
    assert list(result.warnings["error"]) == ["not-dutch"]
    assert "not-dutch" in result.profiles.loc[0, "warnings"]
    assert dutch_share(words_of(PLAN_TEXT * 3)) > 0.3
    # function words counted in any case, each occurrence once; too few words: None
    assert dutch_share(["De", "gemeente", "en", "HET", "plan"] * 20) == 0.6
    assert dutch_share(["de", "wijk"] * 39) is None


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("plan 2024/../x", "plan_2024___x"),
        ("..", "document"),
        ("C:\\temp\\a.pdf", "C_temp_a.pdf"),
        (".verborgen", "verborgen"),
    ],
)
def test_output_names_cannot_leave_the_folder(name, safe):
    out = safe_output_name(name)
    assert out == safe
    assert "/" not in out and "\\" not in out and not out.startswith(".")


def test_dask_executor_gives_the_local_outputs(corpus, tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] not installed")
    scan([corpus], tmp_path / "local", jobs=1, cache=False)
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        scan([corpus], tmp_path / "dask", executor="dask", scheduler=client, cache=False)
    _same_outputs(tmp_path / "local", tmp_path / "dask")


def test_largest_file_starts_first_and_outputs_keep_input_order(tmp_path, monkeypatch):
    from textscan import runner

    folder = tmp_path / "plannen"
    folder.mkdir()
    sizes = {"a-klein": 1, "b-groot": 40, "c-middel": 10}
    for name, repeat in sizes.items():
        body = " ".join([PLANS["akkerdorp"]] * repeat)
        (folder / f"{name}.txt").write_text(_plan_text(name, body), encoding="utf-8")
    started: list[str] = []
    original = runner._largest_first

    def spy(tasks, *args):
        ordered = original(tasks, *args)
        started.extend(Path(t.path).stem for t in ordered)
        return ordered

    monkeypatch.setattr(runner, "_largest_first", spy)
    result = scan([folder], tmp_path / "out", jobs=2, cache=False)
    assert started == ["b-groot", "c-middel", "a-klein"]
    assert list(result.profiles["document"]) == ["a-klein", "b-groot", "c-middel"]
    written = (tmp_path / "out" / "profiles.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in written[1:]] == ["a-klein", "b-groot", "c-middel"]


def test_one_job_takes_the_files_in_input_order_without_counting_pages(
    corpus, tmp_path, monkeypatch
):
    from textscan import runner

    make_pdf(corpus / "groot.pdf", [[f"Pagina {i}. De wijk is veilig."] for i in range(9)])
    counted = _counting_calls(monkeypatch, "_pdf_pages")
    went: list[str] = []
    real = runner.process_file

    def recording(task, config):
        went.append(Path(task.path).name)
        return real(task, config)

    monkeypatch.setattr(runner, "process_file", recording)  # seen in this process: jobs=0
    names = sorted(p.name for p in corpus.iterdir())
    for jobs in (1, 0):
        runner.start_pre_extraction([corpus], jobs=jobs, cache_dir=tmp_path / f"c{jobs}")
        early = scan([corpus], None, jobs=jobs, cache_dir=tmp_path / f"c{jobs}")
        plain = scan([corpus], None, jobs=jobs, cache=False)  # without the early start
        assert early.stats["processed_now"] == plain.stats["processed_now"] == len(names)
    assert counted == []  # no PDF opened only to order the files
    assert went == names + names  # the in-process runs: in input order, twice
    # with two jobs the largest file goes first: the PDFs' pages are counted
    scan([corpus], None, jobs=2, cache=False)
    assert sorted(counted) == ["groot.pdf", "havenmond.pdf"]


def test_a_re_profile_opens_no_pdf_to_order_the_files(corpus, tmp_path, monkeypatch):
    from textscan import runner

    make_pdf(corpus / "groot.pdf", [[f"Pagina {i}. De wijk is veilig."] for i in range(9)])
    counted = _counting_calls(monkeypatch, "_pdf_pages")
    scan([corpus], None, jobs=2, cache_dir=tmp_path / "c")
    assert sorted(counted) == ["groot.pdf", "havenmond.pdf"]
    counted.clear()
    tasks = runner.plan([corpus], cache_dir=str(tmp_path / "c")).tasks
    ordered = runner._largest_first(tasks, str(tmp_path / "c"))
    assert counted == []  # both page counts known by content
    assert Path(ordered[0].path).name == "groot.pdf"  # nine pages outweigh the text files
    assert [t.index for t in ordered] == [t.index for t in runner._largest_first(tasks)]


def test_a_re_profile_starts_with_the_file_with_most_text(tmp_path):
    from textscan.runner import _largest_first, plan

    folder = tmp_path / "plannen"
    folder.mkdir()
    # twelve pages of one short sentence against 3 kB of text (one page's worth)
    places = ["Akker", "Beek", "Dijk", "Es", "Gaarde", "Haven", "Kade", "Laan", "Markt"]
    places += ["Noord", "Oever", "Polder"]
    pages = [[f"De wijk {p} kreeg een buurtapp."] for p in places]
    make_pdf(folder / "dun.pdf", pages)
    body = " ".join(f"In de wijk {p} komen meer lantaarns en een jongerenwerker." for p in places)
    (folder / "dik.txt").write_text(_plan_text("dik", body * 4), encoding="utf-8")
    cache = str(tmp_path / "c")
    tasks = plan([folder], cache_dir=cache).tasks
    assert [Path(t.path).name for t in _largest_first(tasks, cache, "auto")] == [
        "dun.pdf",
        "dik.txt",
    ]  # nothing annotated yet: by pages and bytes
    scan([folder], None, jobs=1, cache_dir=cache)
    reordered = _largest_first(tasks, cache, "auto")
    assert [Path(t.path).name for t in reordered] == ["dik.txt", "dun.pdf"]
    # a file still to be annotated goes before the annotated ones, however small
    (folder / "nieuw.txt").write_text(_plan_text("nieuw", "Kort."), encoding="utf-8")
    tasks = plan([folder], cache_dir=cache).tasks
    order = [Path(t.path).name for t in _largest_first(tasks, cache, "auto")]
    assert order == ["nieuw.txt", "dik.txt", "dun.pdf"]


def test_a_pdf_weighs_by_its_pages_not_its_bytes(tmp_path):
    from textscan.runner import Task, _largest_first

    few = make_pdf(tmp_path / "weinig.pdf", [["Kort."]])
    # one page padded with an unused stream: many bytes, little text
    few.write_bytes(few.read_bytes() + b"\n%" + b"x" * 400_000 + b"\n")
    many = make_pdf(tmp_path / "veel.pdf", [[f"Pagina {i}."] for i in range(12)])
    text = tmp_path / "notitie.txt"
    text.write_text("Wij pakken overlast aan. " * 200, encoding="utf-8")  # ~5 kB: two pages
    tasks = [Task(i, str(p), "") for i, p in enumerate([few, text, many])]
    assert few.stat().st_size > many.stat().st_size
    assert [Path(t.path).name for t in _largest_first(tasks)] == [
        "veel.pdf",
        "notitie.txt",
        "weinig.pdf",
    ]


def test_pre_extraction_while_the_pipeline_loads_changes_no_output(corpus, tmp_path, monkeypatch):
    from textscan import runner

    real_context = runner._context

    def slow_context(*args, **kwargs):
        # this test process has spaCy loaded already: give the pre-extractor the
        # time a fresh process spends loading it, so that it finishes a file
        time.sleep(1.5)
        return real_context(*args, **kwargs)

    monkeypatch.setattr(runner, "_context", slow_context)
    one = scan([corpus], tmp_path / "one", jobs=1, cache_dir=tmp_path / "c1")
    two = scan([corpus], tmp_path / "two", jobs=2, cache_dir=tmp_path / "c2")
    assert one.stats["pre_extracted"] == 0  # one job: no extra process
    assert two.stats["pre_extracted"] >= 1
    # documents extracted ahead of the workers count as extracted in this run
    assert two.stats["document_cache_misses"] == 5 and two.stats["document_cache_hits"] == 0
    _same_outputs(tmp_path / "one", tmp_path / "two")
    again = scan([corpus], tmp_path / "again", jobs=2, cache_dir=tmp_path / "c2")
    assert again.stats["pre_extracted"] == 0  # all cached: nothing extracted ahead
    assert again.stats["document_cache_hits"] == 5


def test_pre_extraction_leaves_bad_files_to_the_workers(corpus, tmp_path):
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    result = scan([corpus], tmp_path / "out", jobs=2, cache_dir=tmp_path / "c")
    assert list(result.failures["file"].map(lambda p: Path(p).name)) == ["kapot.pdf"]
    assert result.failures["stage"].iloc[0] == "extract"
    assert len(result.profiles) == 5
    assert result.stats["pre_extracted"] <= 5  # the broken file is not counted


def test_an_early_pre_extraction_is_taken_over_by_the_scan(corpus, tmp_path, monkeypatch):
    import multiprocessing

    from textscan import runner

    planned: list[int] = []
    real_plan = runner.plan

    def counting_plan(*args, **kwargs):
        planned.append(1)
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(runner, "plan", counting_plan)
    scan([corpus], tmp_path / "one", jobs=1, cache_dir=tmp_path / "c1")
    assert len(planned) == 1
    # the CLI's early start: files hashed and extracted before the lexicons load
    runner.start_pre_extraction([corpus], jobs=2, cache_dir=tmp_path / "c2")
    assert len(planned) == 2
    deadline = time.monotonic() + 30
    while runner._early.pre.proc.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)  # the "pipeline" takes long: every file gets extracted ahead
    two = scan([corpus], tmp_path / "two", jobs=2, cache_dir=tmp_path / "c2")
    assert len(planned) == 2  # the scan took the early plan over
    assert two.stats["pre_extracted"] == 5
    assert two.stats["document_cache_misses"] == 5 and two.stats["document_cache_hits"] == 0
    _same_outputs(tmp_path / "one", tmp_path / "two")
    assert runner._early is None and not multiprocessing.active_children()


def test_an_early_start_for_other_files_is_stopped(corpus, tmp_path):
    import multiprocessing

    from textscan import runner

    other = tmp_path / "ander"
    other.mkdir()
    (other / "notitie.txt").write_text(PLAN_TEXT, encoding="utf-8")
    runner.start_pre_extraction([other], jobs=2, cache_dir=tmp_path / "c")
    early = runner._early
    assert early is not None and early.pre is not None
    result = scan([corpus], tmp_path / "out", jobs=2, cache_dir=tmp_path / "c")
    assert not early.pre.proc.is_alive()  # stopped, not left running
    assert sorted(result.profiles["document"]) == sorted(p.stem for p in corpus.iterdir())
    assert runner._early is None and not multiprocessing.active_children()
    # without a scan after it: stop_pre_extraction
    runner.start_pre_extraction([other], jobs=2, cache_dir=tmp_path / "c3")
    assert multiprocessing.active_children()
    runner.stop_pre_extraction()
    assert runner._early is None and not multiprocessing.active_children()


def test_a_scan_that_fails_to_start_stops_the_early_pre_extractor(corpus, tmp_path, monkeypatch):
    import multiprocessing

    import textscan.extract as extract_module
    from textscan import runner

    def broken(*args, **kwargs):
        raise RuntimeError("cannot count the CPUs")

    def slow(*args, **kwargs):
        time.sleep(60)  # the pre-extractor is still busy when the scan fails

    monkeypatch.setattr(extract_module, "extract", slow)
    runner.start_pre_extraction([corpus], jobs=2, cache_dir=tmp_path / "c")
    assert multiprocessing.active_children()
    monkeypatch.setattr(runner, "default_jobs", broken)
    with pytest.raises(RuntimeError, match="cannot count"):
        scan([corpus], tmp_path / "out", cache_dir=tmp_path / "c")
    assert runner._early is None and not multiprocessing.active_children()


def test_no_early_pre_extraction_on_a_re_profile_or_with_one_job(corpus, tmp_path):
    from textscan import runner

    scan([corpus], None, jobs=1, cache_dir=tmp_path / "c")
    runner.start_pre_extraction([corpus], jobs=2, cache_dir=tmp_path / "c")
    assert runner._early.pre is None and not runner._early.need_nlp  # all annotated
    runner.start_pre_extraction([corpus], jobs=1, cache_dir=tmp_path / "c1")
    assert runner._early.pre is None and runner._early.need_nlp
    runner.stop_pre_extraction()


def _two_cores() -> bool:
    return sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) >= 2


@pytest.mark.skipif(not _two_cores(), reason="the spare is forked on Linux with 2+ cores only")
def test_the_entry_point_forks_a_spare_for_a_scan_only(monkeypatch):
    import textscan.__main__ as entry
    import textscan.cli
    from textscan import _spare

    taken: list[object] = []
    monkeypatch.setattr(textscan.cli, "main", lambda: taken.append(_spare.take()))
    for argv in (["textscan", "report", "plan.pdf"], ["textscan", "scan", "plannen"]):
        monkeypatch.setattr(sys, "argv", argv)
        entry.main()
    assert taken[0] is None
    spare = taken[1]
    assert isinstance(spare, _spare.Spare) and spare.is_alive()
    spare.release()  # unused: it ends once its pipe is closed
    spare.join(timeout=30)
    assert not spare.is_alive()


@pytest.mark.skipif(not _two_cores(), reason="the spare is forked on Linux with 2+ cores only")
def test_the_early_start_hands_the_pre_extraction_to_the_spare(corpus, tmp_path):
    import multiprocessing

    from textscan import _spare, runner

    make_pdf(corpus / "groot.pdf", [[f"{PLAN_TEXT} Pagina {k}."] for k in range(6)])
    scan([corpus], tmp_path / "one", jobs=1, cache=False)
    _spare.fork_for(["scan", str(corpus)])
    spare = _spare._spare
    assert spare is not None
    runner.start_pre_extraction([corpus], jobs=2, cache_dir=tmp_path / "c")
    assert runner._early.pre.proc is spare and _spare.take() is None  # no new process
    assert not multiprocessing.active_children()
    two = scan([corpus], tmp_path / "two", jobs=2, cache_dir=tmp_path / "c")
    assert two.stats["pre_extracted"] >= 1  # the spare extracted the PDF, the largest file
    _same_outputs(tmp_path / "one", tmp_path / "two")
    assert not spare.is_alive()  # stopped and reaped by the scan
    # one job: no pre-extractor, the spare is let go
    _spare.fork_for(["scan", str(corpus)])
    spare = _spare._spare
    runner.start_pre_extraction([corpus], jobs=1, cache_dir=tmp_path / "c1")
    assert runner._early.pre is None and _spare.take() is None
    runner.stop_pre_extraction()
    spare.join(timeout=30)
    assert not spare.is_alive()


@pytest.mark.skipif(not _two_cores(), reason="the spare is forked on Linux with 2+ cores only")
@pytest.mark.parametrize("trouble", ["ended", "too much work"])
def test_without_a_usable_spare_the_pre_extractor_is_forked_as_before(
    corpus, tmp_path, monkeypatch, trouble
):
    import multiprocessing

    from textscan import _spare, runner

    make_pdf(corpus / "groot.pdf", [[f"{PLAN_TEXT} Pagina {k}."] for k in range(6)])
    scan([corpus], tmp_path / "one", jobs=1, cache=False)
    _spare.fork_for(["scan", str(corpus)])
    spare = _spare._spare
    if trouble == "ended":  # killed (or its imports failed) before it got the work
        spare.kill()
        spare.join(timeout=30)
    else:  # a corpus of thousands of files: more work than the pipe holds at once
        monkeypatch.setattr(_spare, "_HAND_OVER_BYTES", 10)
    runner.start_pre_extraction([corpus], jobs=2, cache_dir=tmp_path / "c")
    pre = runner._early.pre
    # a new process, not the spare
    assert isinstance(pre.proc, multiprocessing.process.BaseProcess)
    assert pre.proc.pid != spare.pid
    spare.join(timeout=30)
    assert not spare.is_alive()  # let go
    two = scan([corpus], tmp_path / "two", jobs=2, cache_dir=tmp_path / "c")
    assert two.stats["pre_extracted"] >= 1
    _same_outputs(tmp_path / "one", tmp_path / "two")


def test_the_scan_command_with_its_spare_gives_the_library_outputs(corpus, tmp_path):
    # `python -m textscan scan` as users run it: the spare (where it is forked)
    # extracts the PDF ahead, and holds no output open after the command ends
    make_pdf(corpus / "groot.pdf", [[f"{PLAN_TEXT} Pagina {k}."] for k in range(6)])
    scan([corpus], tmp_path / "one", jobs=1, cache=False)
    args = [str(corpus), "--out", str(tmp_path / "two"), "--jobs", "2", "-q"]
    done = subprocess.run(
        [sys.executable, "-m", "textscan", "scan", *args, "--cache-dir", str(tmp_path / "c")],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    _same_outputs(tmp_path / "one", tmp_path / "two")
    import json

    run = json.loads((tmp_path / "two" / "provenance.json").read_text(encoding="utf-8"))["run"]
    assert run["pre_extracted"] >= 1


def test_the_early_pre_extractor_orders_the_files_itself(tmp_path):
    # the pre-extractor counts the PDFs' pages and orders the files, largest first;
    # this process imports the PDF reader before forking it (it needs it later for
    # its workers anyway, and the pre-extractor then starts without importing it),
    # but only for PDFs: a folder of text files loads no PDF library
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for name, pages in (("a-small.pdf", 1), ("b-large.pdf", 4), ("c-middle.pdf", 2)):
        make_pdf(folder / name, [[f"{PLAN_TEXT} Pagina {k}."] for k in range(pages)])
    texts = tmp_path / "texts"
    texts.mkdir()
    for name in ("een", "twee"):
        (texts / f"{name}.txt").write_text(PLAN_TEXT, encoding="utf-8")

    def start(path: Path) -> list[str]:
        code = (
            "import sys\n"
            "from textscan import runner\n"
            f"runner.start_pre_extraction([{str(path)!r}], jobs=2, "
            f"cache_dir={str(tmp_path / path.name)!r})\n"
            "print('pypdfium2' in sys.modules)\n"
            "print([runner.Path(t.path).name for t in runner._early.order])\n"
            "runner.stop_pre_extraction()\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.splitlines()

    assert start(folder) == ["True", "['b-large.pdf', 'c-middle.pdf', 'a-small.pdf']"]
    imported, _ = start(texts)
    assert imported == "False"


def test_a_file_still_being_pre_extracted_is_left_for_last(corpus, tmp_path, monkeypatch):
    import multiprocessing

    import textscan.extract as extract_module

    slow = corpus / "akkerdorp.txt"
    slow.write_text(slow.read_text(encoding="utf-8") * 30, encoding="utf-8")  # the largest
    real = extract_module.extract

    def stuck_ahead(path, *args, **kwargs):
        in_pre = multiprocessing.current_process().name == "textscan-pre-extract"
        if in_pre and Path(path).name == slow.name:
            time.sleep(60)  # the pre-extractor hangs on it; workers must not wait
        return real(path, *args, **kwargs)

    monkeypatch.setattr(extract_module, "extract", stuck_ahead)
    started = time.monotonic()
    result = scan([corpus], tmp_path / "out", jobs=2, cache_dir=tmp_path / "c")
    assert time.monotonic() - started < 40
    assert result.ok and len(result.profiles) == 5
    assert result.stats["document_cache_misses"] == 5


def test_a_re_profile_from_the_cache_does_not_load_spacy(corpus, tmp_path, test_lexicon_path):
    cache_dir = tmp_path / "cache"
    scan([corpus], tmp_path / "first", jobs=2, cache_dir=cache_dir)
    lexicon = str(test_lexicon_path)
    code = (
        "import sys, json\n"
        "from textscan.lexicon import load_lexicons\n"
        "from textscan.runner import scan\n"
        f"r = scan([{str(corpus)!r}], {str(tmp_path / 'again')!r}, jobs=2,\n"
        f"         cache_dir={str(cache_dir)!r}, lexicons=load_lexicons([{lexicon!r}]))\n"
        "print(json.dumps([r.stats['sentence_cache_hits'], 'spacy' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[5, false]"
    # the same profiles as a run that annotates everything anew
    fresh = scan(
        [corpus], tmp_path / "fresh", jobs=2, cache=False, lexicons=_lexicons(test_lexicon_path)
    )
    again = (tmp_path / "again" / "profiles.csv").read_text(encoding="utf-8")
    assert again == (tmp_path / "fresh" / "profiles.csv").read_text(encoding="utf-8")
    assert fresh.ok


def _edited_lexicon(tmp_path, test_lexicon_path):
    """The test lexicon with one entry more (an edit of it: same name, another hash)."""
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        test_lexicon_path.read_text(encoding="utf-8")
        + "  - {id: investeren, category: positive, lemma: investeren}\n",
        encoding="utf-8",
    )
    return edited


def _lexicons(extra):
    from textscan.lexicon import load_lexicons

    return load_lexicons([str(extra)])


def test_exclude_leaves_out_matching_files_and_folders_found_in_a_folder(corpus, tmp_path):
    (corpus / "README.md").write_text("# Over deze map\n\nHier staan de plannen.\n", "utf-8")
    drafts = corpus / "concepten"
    drafts.mkdir()
    (drafts / "akkerdorp-concept.txt").write_text(_plan_text("concept", "Wij handhaven."), "utf-8")
    plans = sorted([*PLANS, "havenmond"])
    found = discover([corpus], exclude=["README.md", "concepten"])
    assert sorted(p.stem for p in found.files) == plans
    # a glob on the path below the folder; a file named as an argument is always taken
    found = discover([corpus, corpus / "README.md"], exclude=["concepten/*", "*.md"])
    assert sorted(p.name for p in found.files) == sorted(
        [*(p.name for p in corpus.iterdir() if p.is_file() and p.suffix != ".md"), "README.md"]
    )
    result = scan([corpus], tmp_path / "out", jobs=0, cache=False, exclude=["*.md", "concepten"])
    assert sorted(result.profiles["document"]) == plans


def test_result_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    """Results are written through private temporary files; they must not stay 0600."""
    import os
    import stat

    from textscan.runner import scan

    plan = tmp_path / "plan.txt"
    plan.write_text("Wij pakken overlast aan en werken samen met bewoners.", encoding="utf-8")
    old = os.umask(0o022)
    try:
        scan([plan], tmp_path / "out", jobs=0, cache=False)
    finally:
        os.umask(old)
    for name in ("profiles.csv", "hits.csv", "profiles.parquet"):
        mode = stat.S_IMODE((tmp_path / "out" / name).stat().st_mode)
        assert mode == 0o644, (name, oct(mode))


def test_the_same_plan_in_two_files_gets_a_same_text_warning_on_the_copy(tmp_path):
    from textscan.runner import scan

    body = " ".join(
        f"In wijk {k} pakken wij de overlast aan en werken wij samen met bewoners en scholen."
        for k in range(40)
    )
    (tmp_path / "plan.md").write_text("# Veiligheidsplan\n\n" + body, encoding="utf-8")
    (tmp_path / "plan-kopie.txt").write_text(body + " Vastgesteld door de raad.", "utf-8")
    (tmp_path / "ander.md").write_text(
        "# Ander plan\n\n" + "Wij voorkomen inbraken met voorlichting en buurtpreventie. " * 30,
        encoding="utf-8",
    )
    result = scan([tmp_path], None, jobs=0, cache=False)
    same = result.warnings[result.warnings["error"] == "same-text"]
    assert len(same) == 1
    # the Markdown file is preferred over the plain text copy; the other plan is left alone
    assert same["file"].iloc[0].endswith("plan-kopie.txt")
    assert "plan.md" in same["message"].iloc[0]
    assert len(result.profiles) == 3  # both are profiled; the warning says which to leave out


def test_a_part_saved_with_sentence_rows_still_resumes(corpus, tmp_path):
    """A run interrupted before sentence tables were sent as columns resumes with this one."""
    from textscan.runner import _frame_of, _parts

    result = scan([corpus], None, jobs=0, cache=False)
    first = result.profile_objects[0]
    payload = {
        "status": "ok",
        "profile": first.to_dict(),
        "hits": [],
        "failures": [],
        "warnings": [],
    }
    columns = result.sentences[result.sentences["document"] == first.document]
    rows = columns.astype(object).where(columns.notna(), None).to_dict("records")
    old = payload | {"sentences": rows}
    frames = [_frame_of(_parts([old], [], []), n) for n in ("profiles", "hits", "sentences")]
    assert frames[2].equals(columns.reset_index(drop=True))


def test_a_part_saved_with_hit_rows_still_resumes(corpus, tmp_path):
    """A run interrupted before hits were sent as columns resumes with this one."""
    from textscan.runner import _frame_of, _parts

    result = scan([corpus], None, jobs=0, cache=False)
    first = result.profile_objects[0]
    hits = result.hits[result.hits["document"] == first.document].reset_index(drop=True)
    assert len(hits)
    rows = hits.astype(object).where(hits.notna(), None).to_dict("records")
    payload = {
        "status": "ok",
        "profile": first.to_dict(),
        "hits": rows,
        "sentences": {},
        "failures": [],
        "warnings": [],
    }
    frames = [_frame_of(_parts([payload], [], []), n) for n in ("profiles", "hits", "sentences")]
    assert frames[1].equals(hits)


def test_a_journal_part_reads_back_as_saved_and_a_damaged_one_is_done_again(tmp_path):
    """--resume takes a finished document's part as the worker sent it; a cut or
    garbled part (a crash while writing, a disk error) means the file is processed again."""
    from textscan.runner import Journal

    journal = Journal(tmp_path, {"config": "x"})
    journal.start(resume=False)
    sha = "ab" * 32
    payload = {
        "sha256": sha,
        "status": "ok",
        "profile": {"document": "plan", "balance": {"value": -0.25, "ci_low": None}},
        "hits": {"page": [1, 2, None], "parts": [((0, 4),), (), ()]},
        "failures": [],
        "warnings": [],
    }
    journal.save(payload)
    assert journal.load(sha) == payload  # tuples and None as they were
    part = journal._path(sha)
    whole = part.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"\x00 not a part", b""):
        part.write_bytes(damaged)
        assert journal.load(sha) is None
    assert journal.load("cd" * 32) is None  # never saved

    class Code(str):  # a value marshal does not take is saved as JSON would give it
        pass

    odd = dict(payload, sha256="ef" * 32, warnings=[{"code": Code("not-dutch")}])
    journal.save(odd)
    assert journal.load("ef" * 32)["warnings"] == [{"code": "not-dutch"}]


def test_a_session_scan_loads_the_lexicon_validator_the_command_does_not(corpus, tmp_path):
    # lexicons read before load without pydantic; in a notebook the first edit would
    # wait for it, so a scan loads it meanwhile; the command's process ends instead
    import os

    from conftest import run_python

    env = dict(os.environ, TEXTSCAN_CACHE=str(tmp_path / "home-cache"))

    def run(script: str) -> list[str]:
        proc = run_python(script, env)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    loaded = "'textscan._lexicon_schema' in sys.modules"
    assert run(
        f"import sys\nfrom textscan import load_lexicons\nload_lexicons()\nprint({loaded})"
    ) == [
        "True"  # validated the first time
    ]
    session = (
        "import sys\n"
        "from textscan.runner import scan\n"
        f"result = scan([{str(corpus)!r}], None, jobs=2, cache_dir={str(tmp_path / 'c1')!r})\n"
        f"print(len(result.profile_objects), {loaded})\n"
    )
    assert run(session) == ["5", "True"]
    command = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print({loaded}))\n"
        f"sys.argv = ['textscan', 'scan', {str(corpus)!r}, '--out', {str(tmp_path / 'out')!r},\n"
        f"            '--quiet', '--jobs', '2', '--cache-dir', {str(tmp_path / 'c2')!r}]\n"
        "from textscan.cli import main\n"
        "main()\n"
    )
    assert run(command) == ["False"]
    assert (tmp_path / "out" / "profiles.csv").is_file()


#: a script's scan with two workers, logging which thread writes each Parquet table;
#: ``FAIL`` makes that table's write fail
_WRITER_SCRIPT = """
import json, sys, threading
from pathlib import Path
from textscan import tables
from textscan.lexicon import load_lexicons
from textscan.runner import _write_outputs, scan

corpus, out, fail = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
log, real = out.parent / "writers.log", tables.write_parquet

def write(table, path, provenance):
    name = path.name.lstrip(".").split(".")[0]
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(f"{name} {threading.current_thread().name}\\n")
    if name == fail:
        raise OSError(28, "No space left on device")
    real(table, path, provenance)

tables.write_parquet = write
lexicons = load_lexicons()
result = scan([corpus], None if fail != "-" else out, lexicons=lexicons, jobs=2, cache=False)
if fail != "-":
    try:
        _write_outputs(out, result, lexicons, "auto", len(result.files), parallel=True)
    except OSError as exc:
        print("raised:", exc, file=sys.stderr)
left = [t.name for t in threading.enumerate() if t.name == "textscan-writer"]
writers = [line.split() for line in log.read_text().splitlines()]
tables.write_parquet = real
_write_outputs(out.parent / "serial", result, lexicons, "auto", len(result.files), parallel=False)
print(json.dumps({"writers": writers, "writer_left": left}))
"""


def _scan_with_writer_log(corpus: Path, tmp_path: Path, fail: str = "-") -> dict:
    import json

    from conftest import run_python

    script = "import sys\nsys.argv = ['-', *%r]\n" % [str(corpus), str(tmp_path / "two"), fail]
    proc = run_python(script + _WRITER_SCRIPT, dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.splitlines()[-1])
    found["stderr"] = proc.stderr
    return found


def test_the_large_parquet_tables_are_written_by_a_thread_beside_the_rest(corpus, tmp_path):
    run = _scan_with_writer_log(corpus, tmp_path)
    writers = dict(run["writers"])
    assert writers["profiles"] == "MainThread"
    assert writers["hits"] == writers["sentences"] == "textscan-writer"
    assert not run["writer_left"]
    _same_outputs(tmp_path / "two", tmp_path / "serial")  # as written by one thread
    assert not list((tmp_path / "two").glob(".*.tmp"))


@pytest.mark.parametrize("fail", ["hits", "sentences", "profiles"])
def test_a_table_that_cannot_be_written_raises_its_error_and_leaves_no_writer(
    corpus, tmp_path, fail
):
    # a full disk while the writer thread (hits, sentences) or the main thread
    # (profiles) writes: the scan raises that error, with no thread left behind
    run = _scan_with_writer_log(corpus, tmp_path, fail=fail)
    assert "raised: [Errno 28] No space left on device" in run["stderr"]
    assert ("hits", "textscan-writer") in [tuple(w) for w in run["writers"]]
    assert not run["writer_left"]
    assert not list((tmp_path / "two").glob(".*.tmp"))
