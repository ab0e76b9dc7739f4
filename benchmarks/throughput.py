"""Throughput, memory and cache benchmark of ``textscan scan`` against pdftotext and pypdfium2.

Run from the repository root (needs ../shared/data/pdf, see tests/conftest.py):

    python benchmarks/throughput.py [--copies 4] [--repeat 5] [--json results.json]

It measures, each cold run as the command ``textscan scan ... --out DIR``
(a fresh process, writing every output table) with an empty cache (the
median of ``--repeat`` runs is reported, every run's time is in the JSON). The runs
with ``--jobs 1``, with ``--jobs 2`` and of pdftotext are taken in turn, round
by round, so that a machine that gets busier or quieter during the benchmark
weighs on all of them alike and their ratios compare like with like:

* end-to-end pages/s (extract + annotate + match + profile, with process and
  worker start-up) on the five shared manifestos with ``--jobs 1`` and
  ``--jobs 2``, and on a larger corpus of every shared PDF repeated
  ``--copies`` times (each copy made distinct so it is not a duplicate);
* pages/s of textscan's extraction alone, and tokens/s of annotation and of
  matching (in this process, after warm-up), also of matching a dictionary
  of 10,000 entries (Dutch nouns, as in quanteda's published comparison);
* in the same run, the time of poppler's ``pdftotext`` and of pypdfium2's
  plain text extraction on the same files, and textscan's ratio to them
  (the ratio of the medians; with the lowest and highest of each round's own
  ratio, as for the ``--jobs 2`` speed-up, to show how much they move);
* in each of those rounds, what this machine gives two processes at once: a
  pure-Python loop (dictionary and integer work, about 0.4 s) run alone and
  as two copies side by side, in fresh interpreters; twice the time of one
  over the time of the pair is the speed-up two workers could have at best
  on this host in that round (a virtual machine's two cores share their
  physical core or its caches with other guests: 1.3-1.9 has been seen);
* the fixed cost of any run (a cold run on a one-page PDF), and on the larger
  corpus textscan's time per page beyond that cost against pdftotext's;
* re-profiling the manifestos, and the larger corpus, with a changed lexicon
  from a warm cache (only that lexicon is matched: the others' hits are in
  the cache), and its speed-up over the cold run; each of the ``--repeat``
  re-profiles starts from a copy of one cold run's cache;
* peak resident memory of a worker for a 500-page and a 50-page PDF (built by
  concatenating the shared PDFs with pypdfium2);
* the same re-profile in one session (a notebook, or any program that calls
  :func:`textscan.scan` twice): in a fresh process, a cold scan of the files
  and then a scan with the changed lexicon, each timed inside the process up
  to its ``result.profiles`` table (DataFrames are built when first read);
  once with plain ``scan()`` calls (each scan starts its workers and waits
  for them to exit) and once with ``keep_workers=True`` on both (the
  re-profile is done by the cold scan's workers, kept idle, as in a notebook
  that re-profiles after each lexicon edit);
* the one-time compile of the lemma tables and of spaCy's tokenizer rules
  (done on a machine's first run and kept under the cache folder), timed
  apart; the runs above use the compiled tables and rules, as every run after
  the first does, and so do the bundled lexicons,
  whose parse textscan keeps by their hash; the changed lexicon of each
  re-profile is a text it has not read before, as after an edit (its terms
  are the test lexicon's: analysed at the first re-profile and kept, like the
  terms an edit leaves as they were). Likewise
  textscan's own modules are byte-compiled once, as ``pip install`` does:
  this environment sets ``PYTHONDONTWRITEBYTECODE``, which would otherwise
  leave every run of a source checkout compiling them again.

Figures are printed as a table and written as JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "pdf"
TEST_LEXICON = ROOT / "tests" / "data" / "test_framing.yaml"


def _session_child(args: dict[str, Any]) -> None:
    """In this fresh process: a cold scan, then a re-profile with a changed lexicon.

    Each is timed up to the profiles table, which the notebook then shows (the
    scan's DataFrames are built when first read). pandas is imported first, as
    at the top of a notebook, so that neither scan is charged with it.
    """
    import pandas  # noqa: F401

    from textscan.lexicon import load_lexicons
    from textscan.runner import scan

    options = {"jobs": 2, "cache_dir": args["cache_dir"], "keep_workers": args["keep"]}
    t0 = time.perf_counter()
    first = scan(args["paths"], None, lexicons=load_lexicons(), **options)
    first.profiles  # noqa: B018
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    changed = load_lexicons([args["changed"]])
    again = scan(args["paths"], None, lexicons=changed, **options)
    again.profiles  # noqa: B018
    warm = time.perf_counter() - t0
    out = {"cold": cold, "warm": warm, "matched": again.stats["hits_cache_misses"]}
    print(json.dumps(out))
    gc.freeze()


def session_runs(
    paths: list[Path], work: Path, label: str, repeat: int, keep: bool = False
) -> dict[str, Any]:
    """``repeat`` sessions (each a fresh process and an empty cache): the medians.

    With ``keep``, both scans pass ``keep_workers=True``, as a notebook that
    re-profiles after each lexicon edit does: the re-profile's workers are the
    cold scan's, kept idle.
    """
    runs = []
    for k in range(repeat):
        spec = {
            "paths": [str(p) for p in paths],
            "cache_dir": str(work / f"{label}-{k}"),
            "changed": changed_lexicon(work, f"{label}-{k}"),
            "keep": keep,
        }
        proc = subprocess.run(
            [sys.executable, __file__, "--_session", json.dumps(spec)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            cwd=ROOT,
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"session failed:\n{proc.stderr[-2000:]}")
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    cold = sorted(r["cold"] for r in runs)[len(runs) // 2]
    warm = sorted(r["warm"] for r in runs)[len(runs) // 2]
    return {
        "cold_seconds": cold,
        "warm_seconds": warm,
        "speedup": cold / warm,
        "lexicons_matched_again": runs[0]["matched"],
        "runs": runs,
    }


def run_scan(
    paths: list[Path], jobs: int, cache_dir: Path | None, lexicons: list[str] | None = None
) -> dict[str, Any]:
    """``textscan scan`` in a fresh process, as a user runs it: the wall time includes
    the interpreter's and the workers' start and writing every output table.

    The run's own figures (pages, tokens, cache use, seconds inside the scan,
    peak memory) are read from the ``run`` record of its ``provenance.json``.
    """
    out = Path(tempfile.mkdtemp(prefix="out-", dir=cache_dir.parent if cache_dir else None))
    cmd = [sys.executable, "-m", "textscan", "scan", *map(str, paths), "--out", str(out)]
    cmd += ["--quiet", "--jobs", str(jobs)]
    cmd += ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    for lexicon in lexicons or []:
        cmd += ["--lexicon", lexicon]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    wall = time.perf_counter() - t0
    try:
        if proc.returncode != 0:
            raise SystemExit(f"scan failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
        prov = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    stats = prov["run"]
    return {"seconds": stats["seconds"], "stats": stats, "failed": prov["failed"], "wall": wall}


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median wall time, with every run's wall time under ``walls``."""
    ordered = sorted(runs, key=lambda r: r["wall"])
    median = dict(ordered[len(ordered) // 2])
    median["walls"] = [r["wall"] for r in runs]
    return median


def cold_runs(paths: list[Path], jobs: int, work: Path, label: str, repeat: int) -> dict[str, Any]:
    """``repeat`` cold runs (each with a new, empty cache): the median run, plus all walls.

    One run on a shared 2-core machine varies by a tenth from the next (the
    host's other guests); the median of five is what a user would see on a
    typical run, and moves less between benchmark runs than a median of three.
    """
    return _median_run([run_scan(paths, jobs, work / f"{label}-{k}") for k in range(repeat)])


def interleaved_runs(
    paths: list[Path], files: list[Path], work: Path, label: str, repeat: int
) -> dict[str, Any]:
    """Cold runs with ``--jobs 1`` and ``--jobs 2`` and pdftotext, in turn, ``repeat`` rounds.

    A machine that slows down or speeds up during the benchmark (another
    virtual machine on the same host) then weighs on all three alike, so
    their ratios compare like with like; each is the median of its runs.
    Round k leaves its caches in ``{label}-{jobs}-{k}``.
    """
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    reference: list[float] = []
    machine: list[float] = []
    for k in range(repeat):
        for jobs in (1, 2):
            runs[jobs].append(run_scan(paths, jobs, work / f"{label}-{jobs}-{k}"))
        t = pdftotext_seconds(files)
        if t is not None:
            reference.append(t)
        machine.append(two_process_speedup())
    return {
        "machine_speedups": machine,
        1: _median_run(runs[1]),
        2: _median_run(runs[2]),
        "pdftotext": sorted(reference)[len(reference) // 2] if reference else None,
        "pdftotext_all": reference,
        "speedups": [a["wall"] / b["wall"] for a, b in zip(runs[1], runs[2], strict=True)],
        # each round's --jobs 2 run against that round's pdftotext (the two medians'
        # ratio is the figure; these show how much it moves from round to round)
        "pdftotext_ratios": (
            [b["wall"] / t for b, t in zip(runs[2], reference, strict=True)]
            if len(reference) == repeat
            else []
        ),
    }


def changed_lexicon(work: Path, label: str) -> str:
    """The test lexicon as a text no run has read before (a comment added): an edit.

    textscan keeps what it parsed from a lexicon file by the file's hash, so
    reusing one file for every re-profile would time an unchanged lexicon's
    reading; each re-profile here gets a lexicon that is new to the machine.
    """
    path = work / f"changed-{label}.yaml"
    stamp = f"{time.time_ns()}-{os.getpid()}"
    path.write_text(
        TEST_LEXICON.read_text(encoding="utf-8") + f"\n# benchmark edit {stamp}\n",
        encoding="utf-8",
    )
    return str(path)


def warm_runs(paths: list[Path], work: Path, label: str, repeat: int) -> dict[str, Any]:
    """A re-profile with a changed lexicon on a copy of each cold run's cache: the median run.

    Each run starts from a cache as the cold run left it (a copy), so every
    one of them matches the changed lexicon, as a user's first re-run does.
    """
    runs = []
    for k in range(repeat):
        cache = work / f"{label}-warm-{k}"
        shutil.copytree(work / f"{label}-2-{k}", cache)
        runs.append(run_scan(paths, 2, cache, lexicons=[changed_lexicon(work, f"{label}-{k}")]))
    return _median_run(runs)


def _distinct_copy(src: Path, dst: Path, n: int) -> None:
    # a PDF comment after %%EOF changes the hash, not the document
    dst.write_bytes(src.read_bytes() + f"\n%textscan benchmark copy {n}\n".encode())


def build_pdf(sources: list[Path], pages: int, dst: Path) -> Path:
    """A PDF of ``pages`` pages taken in turn from ``sources`` (pypdfium2 import_pages)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    docs = [pdfium.PdfDocument(str(s)) for s in sources]
    while len(out) < pages:
        for d in docs:
            take = min(len(d), pages - len(out))
            if take <= 0:
                break
            out.import_pages(d, list(range(take)))
    out.save(str(dst))
    for d in docs:
        d.close()
    out.close()
    return dst


def pdftotext_seconds(files: list[Path]) -> float | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    t0 = time.perf_counter()
    for f in files:
        subprocess.run([exe, "-q", str(f), "-"], capture_output=True, check=False)
    return time.perf_counter() - t0


#: the reference loop of :func:`two_process_speedup` (run by ``python -c``)
_SPIN = "d = {}\nfor i in range(3_000_000):\n    d[i % 1000] = d.get(i % 1000, 0) + i\n"


def two_process_speedup() -> float:
    """What two processes at once gain on this machine now: one loop alone, then two.

    Twice the time of one fresh ``python -c`` loop over the time of two run
    side by side: 2.0 on two free cores, less when the cores are shared.
    """
    cmd = [sys.executable, "-c", _SPIN]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    procs = [subprocess.Popen(cmd) for _ in range(2)]
    for proc in procs:
        proc.wait()
    both = time.perf_counter() - t0
    return 2 * one / both


def pdfium_seconds(files: list[Path]) -> float:
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()
    return time.perf_counter() - t0


def stage_rates(files: list[Path]) -> dict[str, float]:
    """Extraction pages/s, annotation and matching tokens/s, in this process after warm-up."""
    from textscan.extract import extract
    from textscan.lexicon import load_lexicons
    from textscan.match import Matcher
    from textscan.nlp import annotate, get_nlp

    get_nlp()
    matcher = Matcher(load_lexicons())
    pages = tokens = 0
    t_ext = t_ann = t_match = 0.0
    annotated = []
    for f in files:
        t0 = time.perf_counter()
        doc = extract(f)
        t1 = time.perf_counter()
        sents = annotate(doc)
        t2 = time.perf_counter()
        matcher.match(sents, doc.name)
        t3 = time.perf_counter()
        t_ext += t1 - t0
        t_ann += t2 - t1
        t_match += t3 - t2
        pages += len(doc.pages)
        tokens += sum(len(s.tokens) for s in sents)
        annotated.append(sents)
    big = Matcher([dictionary_lexicon(DICTIONARY_ENTRIES)])
    t0 = time.perf_counter()
    big.prepare()
    t1 = time.perf_counter()
    big_hits = sum(len(big.match(sents)) for sents in annotated)
    t2 = time.perf_counter()
    return {
        "pages": pages,
        "tokens": tokens,
        "extract_seconds": t_ext,
        "extract_pages_per_s": pages / t_ext,
        "annotate_tokens_per_s": tokens / t_ann,
        "match_tokens_per_s": tokens / t_match,
        "dictionary_entries": DICTIONARY_ENTRIES,
        "dictionary_build_seconds": t1 - t0,
        "dictionary_match_tokens_per_s": tokens / (t2 - t1),
        "dictionary_hits": big_hits,
    }


DICTIONARY_ENTRIES = 10_000


def dictionary_lexicon(n: int) -> Any:
    """A lexicon of ``n`` Dutch nouns (a seeded sample of the lemma tables' noun index).

    quanteda's published benchmark looks up a 10,000-entry dictionary; this
    is one of that size, each entry a word with textscan's default matching
    (lemma, form and compound parts), in two categories.
    """
    import gzip
    import random
    from importlib import resources

    from textscan.lexicon import parse_lexicon

    data = resources.files("spacy_lookups_data") / "data" / "nl_lemma_index.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf8") as fh:
        index = json.load(fh)
    nouns = sorted({w for w in index["noun"] if w.isalpha() and len(w) >= 4})
    words = random.Random(7).sample(nouns, n)
    lines = ["name: dictionary", 'version: "1"', "type: custom", "categories:"]
    lines += ["  - {id: a, label: A}", "  - {id: b, label: B}", "entries:"]
    lines += [f"  - {{id: e{k}, category: {'ab'[k % 2]}, lemma: {w}}}" for k, w in enumerate(words)]
    return parse_lexicon("\n".join(lines) + "\n", "dictionary.yaml")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4, help="copies of each shared PDF (growth)")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    ap.add_argument(
        "--repeat", type=int, default=5, help="cold runs per setting; the median is reported"
    )
    ap.add_argument("--_session", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._session:
        _session_child(json.loads(args._session))
        return
    if not SHARED.is_dir():
        raise SystemExit(f"shared PDFs not found at {SHARED}")
    manifestos = sorted((SHARED / "manifestos-2023").glob("*.pdf"))
    every = sorted(SHARED.rglob("*.pdf"))
    work = Path(tempfile.mkdtemp(prefix="textscan-bench-"))
    fig: dict[str, Any] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    try:
        # ------------------------------------------------- once per installation
        # The lemma tables are compiled on a machine's first run (like .pyc
        # files); time that once, apart, and make sure the runs below find them.
        from textscan.lemmatizer import compile_tables, tables_path

        t0 = time.perf_counter()
        compile_tables(work / "tables-once.sqlite")
        fig["lemma_tables_compile_seconds"] = time.perf_counter() - t0
        if not tables_path().exists():
            compile_tables(tables_path())
        # so are spaCy's tokenizer rules (read from spaCy and checked against it)
        from textscan.tokenizer import compile_rules, rules_path

        t0 = time.perf_counter()
        compile_rules(work / "tokenizer-once.json")
        fig["tokenizer_rules_compile_seconds"] = time.perf_counter() - t0
        if not rules_path().exists():
            compile_rules(rules_path())
        from textscan.lexicon import load_lexicons

        load_lexicons()  # stores the bundled lexicons' parse, as any first run does
        t0 = time.perf_counter()
        compileall.compile_dir(str(ROOT / "textscan"), quiet=1)
        fig["bytecode_compile_seconds"] = time.perf_counter() - t0
        # ---------------------------------------------------------------- cold runs
        cold = interleaved_runs(manifestos, manifestos, work, "cache-cold", args.repeat)
        pages = cold[2]["stats"]["pages"]
        fig["manifestos"] = {
            "files": len(manifestos),
            "pages": pages,
            "tokens": cold[2]["stats"]["tokens"],
            "jobs1_seconds": cold[1]["wall"],
            "jobs2_seconds": cold[2]["wall"],
            "jobs1_pages_per_s": pages / cold[1]["wall"],
            "jobs2_pages_per_s": pages / cold[2]["wall"],
            "jobs2_speedup": cold[1]["wall"] / cold[2]["wall"],
            "jobs2_speedup_per_round": cold["speedups"],
            # the same rounds' speed-up of two plain Python loops (two_process_speedup)
            "machine_two_process_speedup": sorted(cold["machine_speedups"])[args.repeat // 2],
            "machine_two_process_speedup_per_round": cold["machine_speedups"],
            "runs": args.repeat,
            "jobs1_walls": cold[1]["walls"],
            "jobs2_walls": cold[2]["walls"],
            "scan_seconds_jobs2_without_interpreter_start": cold[2]["seconds"],
        }
        # ------------------------------------------------------------ reference tools
        t_pdftotext = cold["pdftotext"]
        t_pdfium = pdfium_seconds(manifestos)
        fig["reference"] = {
            "pdftotext_seconds": t_pdftotext,
            "pdftotext_seconds_all": cold["pdftotext_all"],
            "pdftotext_pages_per_s": pages / t_pdftotext if t_pdftotext else None,
            "pdfium_plain_seconds": t_pdfium,
            "pdfium_plain_pages_per_s": pages / t_pdfium,
            "textscan_jobs2_vs_pdftotext": cold[2]["wall"] / t_pdftotext if t_pdftotext else None,
            "textscan_jobs2_vs_pdftotext_per_round": cold["pdftotext_ratios"],
            "textscan_jobs2_vs_pdfium_plain": cold[2]["wall"] / t_pdfium,
        }
        fig["stages"] = stage_rates(manifestos)
        fig["stages"]["extract_vs_pdfium_plain"] = fig["stages"]["extract_seconds"] / t_pdfium
        # ------------------------------------------------------------- warm cache
        warm = warm_runs(manifestos, work, "cache-cold", args.repeat)
        fig["warm_cache"] = {
            "seconds": warm["wall"],
            "walls": warm["walls"],
            "cache_hits": warm["stats"]["sentence_cache_hits"],
            "speedup_vs_cold": cold[2]["wall"] / warm["wall"],
            "scan_seconds": warm["seconds"],
            "speedup_vs_cold_scan_only": cold[2]["seconds"] / warm["seconds"],
        }
        fig["warm_cache"]["session"] = session_runs(manifestos, work, "session", args.repeat)
        fig["warm_cache"]["session_kept_workers"] = session_runs(
            manifestos, work, "session-kept", args.repeat, keep=True
        )
        # --------------------------------------------------------- larger corpus
        big = work / "corpus"
        big.mkdir()
        for n in range(args.copies):
            for f in every:
                _distinct_copy(f, big / f"{f.stem}-{n}.pdf", n)
        big_files = sorted(big.iterdir())
        rb = interleaved_runs([big], big_files, work, "cache-big", args.repeat)
        bpages = rb[2]["stats"]["pages"]
        # a changed lexicon on the larger corpus: only that lexicon is matched
        bwarm = warm_runs([big], work, "cache-big", args.repeat)
        bsession = session_runs([big], work, "session-big", args.repeat)
        bkept = session_runs([big], work, "session-big-kept", args.repeat, keep=True)
        t_big_pdftotext = rb["pdftotext"]
        # the fixed cost of a run (interpreter, imports, pipeline, workers, tables):
        # a cold run on a one-page PDF
        one = build_pdf(manifestos[:1], 1, work / "pages-1.pdf")
        startup = cold_runs([one], 2, work, "cache-one", args.repeat)["wall"]
        per_page = (rb[2]["wall"] - startup) / bpages
        fig["larger_corpus"] = {
            "files": len(list(big.iterdir())),
            "pages": bpages,
            "jobs1_pages_per_s": bpages / rb[1]["wall"],
            "jobs2_pages_per_s": bpages / rb[2]["wall"],
            "jobs2_speedup": rb[1]["wall"] / rb[2]["wall"],
            "jobs2_speedup_per_round": rb["speedups"],
            "machine_two_process_speedup_per_round": rb["machine_speedups"],
            "jobs1_walls": rb[1]["walls"],
            "jobs2_walls": rb[2]["walls"],
            "worker_peak_rss_mb": rb[2]["stats"]["worker_peak_rss_mb"],
            "parent_peak_rss_mb": rb[2]["stats"]["parent_peak_rss_mb"],
            "warm_changed_lexicon_seconds": bwarm["wall"],
            "warm_changed_lexicon_walls": bwarm["walls"],
            "warm_speedup_vs_cold": rb[2]["wall"] / bwarm["wall"],
            "session": bsession,
            "session_kept_workers": bkept,
            "pdftotext_seconds": t_big_pdftotext,
            "textscan_jobs2_vs_pdftotext": (
                rb[2]["wall"] / t_big_pdftotext if t_big_pdftotext else None
            ),
            "one_page_run_seconds": startup,
            "seconds_per_page_after_startup": per_page,
            "per_page_vs_pdftotext": (
                per_page / (t_big_pdftotext / bpages) if t_big_pdftotext else None
            ),
        }
        # ---------------------------------------------------------------- memory
        mem: dict[str, Any] = {}
        for n in (50, 500):
            pdf = build_pdf(every, n, work / f"pages-{n}.pdf")
            r = run_scan([pdf], 1, None)
            mem[n] = {
                "pages": r["stats"]["pages"],
                "seconds": r["wall"],
                "worker_peak_rss_mb": r["stats"]["worker_peak_rss_mb"],
                "parent_peak_rss_mb": r["stats"]["parent_peak_rss_mb"],
            }
        fig["memory"] = {
            "pdf_50": mem[50],
            "pdf_500": mem[500],
            "ratio_500_vs_50": mem[500]["worker_peak_rss_mb"] / mem[50]["worker_peak_rss_mb"],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _print(fig)
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2), encoding="utf-8")


def _span(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}" if values else "-"


def _print(fig: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    def f(x: Any, d: int = 1) -> str:
        return "–" if x is None else (f"{x:,.{d}f}" if isinstance(x, float) else str(x))

    m, ref, st, w, lc, mem = (
        fig[k]
        for k in ("manifestos", "reference", "stages", "warm_cache", "larger_corpus", "memory")
    )
    t = Table(title=f"textscan throughput ({fig['cpus']} CPUs)")
    t.add_column("measure")
    t.add_column("value", justify="right")
    rows = [
        ("manifestos: files / pages / tokens", f"{m['files']} / {m['pages']} / {m['tokens']:,}"),
        (
            "lemma tables compile, once per installation (s)",
            f(fig["lemma_tables_compile_seconds"], 2),
        ),
        (
            "tokenizer rules compile, once per installation (s)",
            f(fig["tokenizer_rules_compile_seconds"], 2),
        ),
        (
            "byte-compile of textscan, once per installation (s)",
            f(fig["bytecode_compile_seconds"], 2),
        ),
        (f"cold end-to-end, --jobs 1 (pages/s, median of {m['runs']})", f(m["jobs1_pages_per_s"])),
        (f"cold end-to-end, --jobs 2 (pages/s, median of {m['runs']})", f(m["jobs2_pages_per_s"])),
        ("--jobs 2 speed-up over --jobs 1", f(m["jobs2_speedup"], 2)),
        ("  the same, round by round (lowest-highest)", _span(m["jobs2_speedup_per_round"])),
        (
            "  this machine, two Python loops at once: speed-up (median; lowest-highest)",
            f"{f(m['machine_two_process_speedup'], 2)}; "
            f"{_span(m['machine_two_process_speedup_per_round'])}",
        ),
        ("pdftotext (pages/s)", f(ref["pdftotext_pages_per_s"])),
        ("pypdfium2 plain text (pages/s)", f(ref["pdfium_plain_pages_per_s"])),
        ("textscan --jobs 2 time / pdftotext time", f(ref["textscan_jobs2_vs_pdftotext"], 2)),
        (
            "  the same, round by round (lowest-highest)",
            _span(ref["textscan_jobs2_vs_pdftotext_per_round"]),
        ),
        ("textscan extraction alone (pages/s)", f(st["extract_pages_per_s"])),
        ("extraction time / pypdfium2 plain time", f(st["extract_vs_pdfium_plain"], 2)),
        ("annotation (tokens/s)", f(st["annotate_tokens_per_s"], 0)),
        ("matching (tokens/s)", f(st["match_tokens_per_s"], 0)),
        (
            f"matching a {st['dictionary_entries']:,}-entry dictionary, one core (tokens/s)",
            f(st["dictionary_match_tokens_per_s"], 0),
        ),
        ("warm cache, changed lexicon (s)", f(w["seconds"], 2)),
        ("warm speed-up over cold (wall)", f(w["speedup_vs_cold"], 2)),
        ("warm speed-up over cold (scan only)", f(w["speedup_vs_cold_scan_only"], 2)),
        (
            "one session: cold scan / re-profile with the changed lexicon (s)",
            f"{f(w['session']['cold_seconds'], 2)} / {f(w['session']['warm_seconds'], 3)}",
        ),
        ("one session: re-profile speed-up over the cold scan", f(w["session"]["speedup"], 2)),
        (
            "one session, keep_workers=True: cold scan / re-profile (s)",
            f"{f(w['session_kept_workers']['cold_seconds'], 2)} / "
            f"{f(w['session_kept_workers']['warm_seconds'], 3)}",
        ),
        (
            "one session, keep_workers=True: re-profile speed-up",
            f(w["session_kept_workers"]["speedup"], 2),
        ),
        (
            f"larger corpus: {lc['files']} files, {lc['pages']} pages, --jobs 1 (pages/s)",
            f(lc["jobs1_pages_per_s"]),
        ),
        ("larger corpus --jobs 2 (pages/s)", f(lc["jobs2_pages_per_s"])),
        ("larger corpus --jobs 2 speed-up", f(lc["jobs2_speedup"], 2)),
        ("larger corpus, warm, changed lexicon (s)", f(lc["warm_changed_lexicon_seconds"], 2)),
        ("larger corpus warm speed-up over cold --jobs 2", f(lc["warm_speedup_vs_cold"], 2)),
        (
            "larger corpus, one session: cold / re-profile (s)",
            f"{f(lc['session']['cold_seconds'], 2)} / {f(lc['session']['warm_seconds'], 3)}",
        ),
        ("larger corpus, one session: re-profile speed-up", f(lc["session"]["speedup"], 2)),
        (
            "larger corpus, one session, keep_workers=True: re-profile speed-up",
            f(lc["session_kept_workers"]["speedup"], 2),
        ),
        (
            "larger corpus: textscan --jobs 2 time / pdftotext time",
            f(lc["textscan_jobs2_vs_pdftotext"], 2),
        ),
        ("fixed cost: cold run on a one-page PDF, --jobs 2 (s)", f(lc["one_page_run_seconds"], 2)),
        (
            "larger corpus, time per page beyond that fixed cost / pdftotext's",
            f(lc["per_page_vs_pdftotext"], 2),
        ),
        (
            "larger corpus peak RSS worker / parent (MB)",
            f"{f(lc['worker_peak_rss_mb'])} / {f(lc['parent_peak_rss_mb'])}",
        ),
        ("50-page PDF peak RSS worker (MB)", f(mem["pdf_50"]["worker_peak_rss_mb"])),
        ("500-page PDF peak RSS worker (MB)", f(mem["pdf_500"]["worker_peak_rss_mb"])),
        ("500 / 50 page peak ratio", f(mem["ratio_500_vs_50"], 2)),
    ]
    for r in rows:
        t.add_row(*r)
    Console().print(t)


if __name__ == "__main__":
    main()
