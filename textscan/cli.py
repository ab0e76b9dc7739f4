"""The ``textscan`` command: a thin shell over the library.

Exit codes: 0 success; 1 some input could not be processed (the rest is
complete); 2 usage or configuration error (bad option, bad lexicon).
"""

from __future__ import annotations

import difflib
import gc
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from textscan._version import __version__
from textscan.errors import LexiconError, TextscanError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from textscan.lexicon import Lexicon

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _LazyConsole:
    """A rich ``Console`` on stdout or stderr, made (and rich imported) when first used.

    A quiet ``textscan scan`` prints nothing, and rich's import (40 ms) delayed
    the start of its first worker.
    """

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def _get(self) -> Console:
        if self._console is None:
            from rich.console import Console

            stream = sys.stderr if self._stderr else sys.stdout
            # wide enough for the tables when output goes to a file or a pipe
            width = None if stream.isatty() else 160
            self._console = Console(stderr=self._stderr, soft_wrap=True, width=width)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)


_stdout = _LazyConsole(stderr=False)
_stderr = _LazyConsole(stderr=True)


def _table(*args: Any, **kwargs: Any) -> Table:
    """A rich ``Table`` (rich imported on first use, see :class:`_LazyConsole`)."""
    from rich.table import Table

    return Table(*args, **kwargs)


def _fail(message: str, code: int) -> None:
    _stderr.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    sys.exit(code)


def _writable(out: Path, *, folder: bool = False) -> None:
    """Fail now, before any work, when ``--out`` cannot be written.

    ``out`` is a file to write (or, with ``folder``, a folder to write files
    in). Its missing parent folders are made, as the command would make them,
    and a file is created and removed there to prove it can be written:
    otherwise a read-only folder, or a file where a folder is needed, would
    only show once the work was done.
    """
    if folder and out.exists() and not out.is_dir():
        _fail(f"{out}: is a file; --out takes a folder here", EXIT_USAGE)
    if not folder and out.is_dir():
        _fail(f"{out}: is a folder; --out takes a file name here", EXIT_USAGE)
    where = out if folder else out.parent
    import tempfile

    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, prefix=".textscan-probe-"):
            pass
    except OSError as exc:
        _fail(_cannot_write(out, exc, where), EXIT_USAGE)


def _cannot_write(out: Path, exc: OSError, where: Path | None = None) -> str:
    """Why ``out`` cannot be written, naming the path at fault (``where``: its folder)."""
    for parent in [out, *out.parents]:
        if parent.exists() and not parent.is_dir() and parent != out:
            return f"{out}: cannot write there: {parent} is a file, not a folder"
    reason = exc.strerror or str(exc)
    if where is not None:
        return f"{out}: cannot write there: no file can be created in {where} ({reason})"
    return f"{out}: cannot write there ({reason})"


def _warn_unwritable_cache(cache_dir: Path | None) -> None:
    """Say so when the cache folder cannot be written: the run works, but keeps nothing."""
    import os

    from textscan.cache import default_cache_dir

    folder = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
    where = folder
    while not where.exists() and where != where.parent:
        where = where.parent
    if not where.is_dir():
        reason = f"{where} is a file, not a folder"
    elif not os.access(where, os.W_OK | os.X_OK):
        reason = f"no permission to write in {where}"
    else:
        return
    _stderr.print(
        f"warning: the cache folder {folder} cannot be written ({reason}): this run "
        "extracts and annotates every file and keeps nothing for the next; give "
        "--cache-dir another folder, or --no-cache",
        highlight=False,
        markup=False,
    )


def _lexicons(paths: Sequence[str], replace: bool) -> list[Lexicon]:
    from textscan.lexicon import DEFAULT_LEXICONS, load_lexicon, load_lexicons

    if replace and not paths:
        _fail(
            "--replace-lexicons needs at least one --lexicon (else nothing is counted)",
            EXIT_USAGE,
        )
    try:
        loaded = load_lexicons(list(paths), replace=replace)
    except LexiconError as exc:
        _fail(str(exc), EXIT_USAGE)
        raise  # unreachable, for type checkers
    if not replace:
        # a given lexicon named after a bundled one takes its place: say so, and say
        # when it is not of the same type (an imported dictionary is 'custom', so a
        # framing lexicon replaced by it leaves the plan without a balance index)
        for lx in loaded[len(loaded) - len(paths) :]:
            bundled = load_lexicon(lx.name) if lx.name in DEFAULT_LEXICONS else None
            if bundled is None or str(lx.path) == str(bundled.path):
                continue
            note = f"note: {lx.path} replaces the bundled lexicon {lx.name!r}"
            if lx.type != bundled.type:
                note += (
                    f"; it is of type {lx.type!r}, not {bundled.type!r}, so the "
                    f"{bundled.type} measures are left out (give it another 'name' to use both)"
                )
            _stderr.print(note, highlight=False, markup=False)
    return loaded


def _check_selection(
    lexicons: Sequence[Lexicon],
    *,
    only: Sequence[str] = (),
    entries: Sequence[str] = (),
    categories: Sequence[str] = (),
) -> None:
    """Stop with a usage error on a lexicon, entry or category id that no lexicon has.

    A typo would otherwise select nothing and print "0 hits", which reads as a result.
    """
    names = {lx.name for lx in lexicons}
    scope = [lx for lx in lexicons if not only or lx.name in only]
    known_entries = {e.id for lx in scope for e in lx.entries}
    known_cats = {c for lx in scope for c in lx.category_ids}
    problems = []
    for name in only:
        if name not in names:
            problems.append(
                f"--only {name!r}: no such lexicon (in use: {', '.join(sorted(names))})"
            )
    for e in entries:
        if e not in known_entries:
            close = difflib.get_close_matches(e, sorted(known_entries), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            problems.append(f"--entry {e!r}: no such entry in the lexicons used{hint}")
    for c in categories:
        if c not in known_cats:
            problems.append(
                f"--category {c!r}: no such category (categories: {', '.join(sorted(known_cats))})"
            )
    if problems:
        _fail("; ".join(problems), EXIT_USAGE)


lexicon_options = [
    click.option(
        "--lexicon",
        "lexicon_paths",
        multiple=True,
        metavar="PATH|NAME",
        help="A lexicon file (or bundled name) to use besides the defaults; repeatable. "
        "A lexicon with the same name as a bundled one replaces it.",
    ),
    click.option(
        "--replace-lexicons",
        is_flag=True,
        help="Use only the lexicons given with --lexicon, not the bundled defaults.",
    ),
]
_engine = click.option(
    "--engine",
    type=click.Choice(["auto", "pdfium", "pdfplumber"]),
    default="auto",
    show_default=True,
    help="PDF text engine.",
)
_ocr = click.option(
    "--ocr",
    is_flag=True,
    help="Read PDF pages without a text layer (scans) by OCR; needs "
    "pip install 'textscan[ocr]' and Tesseract with Dutch (tesseract-ocr-nld).",
)


def engine_option(f: Any) -> Any:
    """--engine and --ocr: how PDF text is read."""
    return _engine(_ocr(f))


def _apply(options: list[Any]) -> Any:
    def deco(f: Any) -> Any:
        for opt in reversed(options):
            f = opt(f)
        return f

    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="textscan")
def cli() -> None:
    """Measure how Dutch municipal safety plans frame safety.

    textscan counts repressive, preventive and positive (connecting) language,
    following the codebook, and reports rates, a balance index with its
    uncertainty, actors, themes and policy links, with the sentences and pages
    behind every figure.
    """


# ---------------------------------------------------------------- extract
@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: the analysed text; json: pages, sections, paragraphs, warnings; "
    "markdown: text with headings.",
)
@engine_option
def extract(file: Path, fmt: str, engine: str, ocr: bool) -> None:
    """Print the text textscan extracts from FILE (PDF, DOCX, HTML, TXT or MD)."""
    from textscan.extract import extract as do_extract
    from textscan.output import document_to_dict, document_to_markdown

    try:
        doc = do_extract(file, engine=engine, ocr=ocr)
    except TextscanError as exc:
        _fail(str(exc), EXIT_FAILED)
        return
    if fmt == "json":
        click.echo(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(document_to_markdown(doc))
    else:
        click.echo(doc.text)
    for w in doc.warnings:
        _stderr.print(f"warning: {file}: {w.message}", highlight=False, markup=False)


# ---------------------------------------------------------------- hits
@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="LEXICON",
    help="Show only hits of this lexicon (by name); repeatable.",
)
@_apply(lexicon_options)
@engine_option
def hits(
    file: Path,
    fmt: str,
    only: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    ocr: bool,
) -> None:
    """List every lexicon hit in FILE with its sentence, page and section."""
    from textscan.output import hit_to_dict
    from textscan.pipeline import Pipeline, StageError, hits_to_frame

    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    _check_selection(lexicons, only=only)
    try:
        analysis = Pipeline(lexicons, engine=engine, ocr=ocr).analyze(file)
    except StageError as exc:
        _fail(str(exc), EXIT_FAILED)
        return
    selected = [h for h in analysis.hits if not only or h.lexicon in only]
    if fmt == "jsonl":
        for h in selected:
            click.echo(json.dumps(hit_to_dict(h), ensure_ascii=False))
    elif fmt == "csv":
        click.echo(hits_to_frame(selected).to_csv(index=False), nl=False)
    else:
        table = _table(title=f"{analysis.document.name}: {len(selected)} hits")
        for col in ("page", "section", "text", "entry", "category", "lexicon", "negated"):
            table.add_column(col)
        for h in selected:
            table.add_row(
                "" if h.page is None else str(h.page),
                (h.section or "")[:40],
                h.text,
                h.entry,
                h.category,
                h.lexicon,
                "yes" if h.negated else "",
            )
        _stdout.print(table)
    for w in analysis.document.warnings:
        _stderr.print(f"warning: {file}: {w.message}", highlight=False, markup=False)


# ---------------------------------------------------------------- profile
@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--section",
    metavar="PATTERN",
    help="Profile only sections whose title (or a parent's) matches this "
    "case-insensitive regular expression, e.g. 'veiligheid'.",
)
@click.option(
    "--theme",
    metavar="ID",
    help="Profile only sentences that mention this theme: a category (field) or "
    "entry id of the themes lexicon, e.g. 'youth' or 'ondermijning'.",
)
@_apply(lexicon_options)
@engine_option
def profile(
    file: Path,
    fmt: str,
    section: str | None,
    theme: str | None,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    ocr: bool,
) -> None:
    """Print the framing profile of FILE (or of a part of it)."""
    from textscan.output import profile_table
    from textscan.pipeline import Pipeline, StageError

    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    pipeline = Pipeline(lexicons, engine=engine, ocr=ocr)
    if section is not None:
        try:
            re.compile(section)
        except re.error as exc:
            _fail(f"--section {section!r} is not a valid pattern: {exc}", EXIT_USAGE)
    if theme is not None:
        try:
            pipeline.check_theme(theme)
        except ValueError as exc:
            _fail(f"--theme: {exc}", EXIT_USAGE)
    try:
        analysis = pipeline.analyze(file, section=section, theme=theme)
    except StageError as exc:
        _fail(str(exc), EXIT_FAILED)
        return
    if section is not None and not analysis.sentences:
        _fail(
            f"{file}: no chapter title matches --section {section!r} "
            "(see the titles with 'textscan extract FILE --format json')",
            EXIT_USAGE,
        )
    if fmt == "json":
        click.echo(json.dumps(analysis.profile.to_dict(), ensure_ascii=False, indent=2))
    else:
        for t in profile_table(analysis.profile):
            _stdout.print(t)
    for w in analysis.document.warnings:
        _stderr.print(f"warning: {file}: {w.message}", highlight=False, markup=False)


# ---------------------------------------------------------------- scan
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for profiles.csv, profiles.parquet, profiles.jsonl, hits.csv, hits.parquet, "
    "sentences.parquet, failures.csv, warnings.csv, provenance.json.",
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders found in a folder whose name or path below it "
    "matches GLOB ('README.md', 'src', 'concept-*'); repeatable. Files named on the "
    "command line are always taken.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary table.")
@_apply(lexicon_options)
@engine_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: the number of CPUs; 0 = in this process, no isolation).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=300.0,
    show_default=True,
    help="Seconds a single file may take before its worker is stopped (0 = no limit).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=4096,
    show_default=True,
    metavar="MB",
    help="Address-space limit of each worker in MB (0 = no limit).",
)
@click.option("--strict", is_flag=True, help="Stop at the first file that fails (exit 1).")
@click.option(
    "--resume",
    is_flag=True,
    help="Continue an interrupted run into the same --out folder, skipping finished files.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the extraction cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Cache folder (default: $TEXTSCAN_CACHE or ~/.cache/textscan).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; dask: a Dask cluster (see --scheduler).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address for --executor dask (for example tcp://10.0.0.5:8786).",
)
@click.option(
    "--report",
    "with_report",
    is_flag=True,
    help="Also write OUT/reports/: corpus.html and a diagnosis per plan (HTML, in Dutch), "
    "each with the plan's hits beside it as <plan>-vindplaatsen.csv.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="Also write OUT/results.xlsx (profiles, hits, failures, warnings).",
)
def scan(
    paths: tuple[Path, ...],
    out: Path,
    quiet: bool,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    ocr: bool,
    jobs: int | None,
    timeout: float,
    max_memory: int,
    strict: bool,
    resume: bool,
    no_cache: bool,
    cache_dir: Path | None,
    executor: str,
    scheduler: str | None,
    with_report: bool,
    excel: bool,
    exclude: tuple[str, ...] = (),
) -> None:
    """Profile every PDF, DOCX, HTML, TXT and MD file under PATHS (files or folders).

    Each file is processed in a worker process with a time and memory limit;
    a file that fails gets a row in failures.csv and a line on stderr, and the
    batch goes on. Extracted text and sentences are cached by content, so a
    second run with other lexicons only re-matches.

    Exit codes: 0 every file processed; 1 some failed (each has a row in
    failures.csv and the rest is complete); 2 usage or configuration error;
    130 interrupted (Ctrl-C) or 143 terminated: finished files are written
    and --resume continues.
    """
    import os

    # numpy, which the workers need (the interval, the fingerprint), loads OpenBLAS,
    # which starts a thread per core and sets up its buffers for them: 60 ms of CPU
    # in this process before the first worker can be forked. A scan does no linear
    # algebra and its workers are processes: one thread (unless the user chose)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from textscan import runner
    from textscan.checks import discover
    from textscan.runner import ConsoleReporter, ScanConfigError, ScanInterrupted
    from textscan.runner import scan as do_scan

    runner.LOAD_VALIDATOR_AHEAD = False  # this process ends with its scan

    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    if executor == "dask" and not scheduler:
        _fail("--executor dask needs --scheduler ADDRESS", EXIT_USAGE)
    if scheduler and executor != "dask":
        _fail("--scheduler is for --executor dask (the local executor has none)", EXIT_USAGE)
    found = discover(paths, exclude)
    if not found.files and not found.problems:
        _fail(
            f"no PDF, DOCX, HTML, TXT or MD files found under {', '.join(map(str, paths))}",
            EXIT_USAGE,
        )
    if not no_cache:
        _warn_unwritable_cache(cache_dir)
    if executor == "local" and not no_cache:
        # hash the files and start extracting them on a spare core now, while
        # this process loads the lexicons and the pipeline (see start_pre_extraction)
        runner.start_pre_extraction(
            paths,
            exclude=exclude,
            engine=engine,
            ocr=ocr,
            jobs=jobs,
            cache_dir=cache_dir,
            max_memory=max_memory or None,
            found=found,
        )
    else:
        runner.release_spare()  # no pre-extractor without the cache (see textscan._spare)
    try:
        lexicons = _lexicons(lexicon_paths, replace_lexicons)
    except BaseException:
        runner.stop_pre_extraction()
        raise
    from textscan.output import summary_table

    reporter = ConsoleReporter(_stderr, progress=not quiet, verbose=not quiet)
    try:
        result = do_scan(
            paths,
            out,
            lexicons=lexicons,
            engine=engine,
            ocr=ocr,
            jobs=jobs,
            timeout=timeout or None,
            max_memory=max_memory or None,
            strict=strict,
            resume=resume,
            cache=not no_cache,
            cache_dir=cache_dir,
            executor=executor,
            scheduler=scheduler,
            reporter=reporter,
            exclude=exclude,
        )
    except ScanConfigError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    except ScanInterrupted as exc:
        _stderr.print(f"[bold red]stopped:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)
    if not quiet:
        _stdout.print(summary_table([p.to_row() for p in result.profile_objects]))
        n_warn = result.n_warnings
        _stdout.print(
            f"{len(result.profile_objects)} of {len(result.files)} files profiled, "
            f"{result.n_failures} failed, {n_warn} warnings; "
            f"results in {out}/",
            highlight=False,
        )
    if excel:
        from textscan.runner import write_excel

        _stderr.print(f"wrote {write_excel(out, result)}", highlight=False, markup=False)
    if with_report and result.profile_objects:
        from textscan.report import ReportError, write_reports

        try:
            written = write_reports(out, out / "reports")
        except ReportError as exc:
            _fail(str(exc), EXIT_FAILED)
        pages = [f for f in written if f.suffix == ".html"]
        tables = len(written) - len(pages)
        _stderr.print(
            f"wrote {len(pages)} reports"
            + (f" and the hits of each plan ({tables} files)" if tables else "")
            + f" in {out / 'reports'}/",
            highlight=False,
            markup=False,
        )
    if strict and not result.ok:
        _stderr.print("[bold red]stopped:[/] --strict and a file failed", highlight=False)
    sys.exit(EXIT_OK if result.ok else EXIT_FAILED)


# ---------------------------------------------------------------- cache
@cli.group()
def cache() -> None:
    """Inspect or empty the cache of extracted and annotated documents."""


cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Cache folder (default: $TEXTSCAN_CACHE or ~/.cache/textscan).",
)


@cache.command("info")
@cache_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def cache_info(cache_dir: Path | None, as_json: bool) -> None:
    """Show where the cache is, how many documents and lexicon matches it holds, its size."""
    from textscan.cache import Cache

    info = Cache(cache_dir).info()
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    table = _table(title="textscan cache", show_header=False)
    table.add_column("item")
    table.add_column("value")
    table.add_row("path", info["path"])
    table.add_row("files", str(info.get("files", 0)))
    table.add_row("extracted documents", str(info.get("documents", 0)))
    table.add_row("annotated documents", str(info.get("sentences", 0)))
    table.add_row("matched (document, lexicon) pairs", str(info.get("hits", 0)))
    table.add_row("size on disk", f"{info.get('bytes', 0) / 1e6:.1f} MB")
    size = info.get("lemma_tables_bytes", 0)
    table.add_row(
        "lemma tables",
        f"{info['lemma_tables']} ({size / 1e6:.1f} MB)" if size else "not compiled yet",
    )
    size = info.get("tokenizer_rules_bytes", 0)
    table.add_row(
        "tokenizer rules",
        f"{info['tokenizer_rules']} ({size / 1e6:.1f} MB)" if size else "not compiled yet",
    )
    table.add_row("validated lexicon files", str(info.get("parsed_lexicons", 0)))
    _stdout.print(table)


@cache.command("clear")
@cache_dir_option
def cache_clear(cache_dir: Path | None) -> None:
    """Remove every cached document, annotation and hit list (rebuilt on the next scan).

    Compiled lemma tables and tokenizer rules made for other versions of
    simplemma, spacy-lookups-data or spaCy go too (the current ones stay), and
    so do the kept validations of lexicon files.
    """
    from textscan.cache import Cache

    c = Cache(cache_dir)
    n = c.clear()
    _stdout.print(f"removed {n} cache entries from {c.path}", highlight=False)


# ---------------------------------------------------------------- lexicon
@cli.group()
def lexicon() -> None:
    """Inspect and check lexicons."""


@lexicon.command("list")
def lexicon_list() -> None:
    """List the bundled lexicons with their version and size."""
    from textscan.lexicon import available_lexicons, load_lexicon

    table = _table(title="bundled lexicons")
    for col in ("name", "type", "version", "categories", "entries", "sha256"):
        table.add_column(col)
    for name in available_lexicons():
        lx = load_lexicon(name)
        table.add_row(
            lx.name,
            lx.type,
            lx.version,
            ", ".join(lx.category_ids),
            str(len(lx.entries)),
            lx.sha256[:12],
        )
    _stdout.print(table)


@lexicon.command("check")
@click.argument("files", nargs=-1, required=True)
def lexicon_check(files: tuple[str, ...]) -> None:
    """Validate lexicon FILES; print every problem with its place. Exit 2 if any is wrong."""
    from textscan.lexicon import load_lexicon, repeated_entries

    bad = False
    for f in files:
        try:
            lx = load_lexicon(f)
        except LexiconError as exc:
            bad = True
            _stderr.print(str(exc), highlight=False, markup=False)
            continue
        _stdout.print(
            f"ok: {f}: {lx.name} {lx.version}, {len(lx.categories)} categories, "
            f"{len(lx.entries)} entries",
            highlight=False,
        )
        for message in repeated_entries(lx):  # valid, but surely not meant
            _stderr.print(f"warning: {f}: {message}", highlight=False, markup=False)
    sys.exit(EXIT_USAGE if bad else EXIT_OK)


@lexicon.command("show")
@click.argument("name")
@click.option("--category", help="Only entries of this category.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "yaml", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def lexicon_show(name: str, category: str | None, fmt: str) -> None:
    """List the entries of lexicon NAME (bundled name or file)."""
    import yaml

    from textscan.lexicon import load_lexicon

    try:
        lx = load_lexicon(name)
    except LexiconError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    if category is not None and category not in lx.category_ids:
        _fail(
            f"{name}: unknown category {category!r} (valid: {', '.join(lx.category_ids)})",
            EXIT_USAGE,
        )
    entries = [e for e in lx.entries if category is None or e.category == category]
    if fmt == "json":
        click.echo(
            json.dumps(
                [e.to_dict(exclude_defaults=True) for e in entries], indent=2, ensure_ascii=False
            )
        )
        return
    if fmt == "yaml":
        click.echo(
            yaml.safe_dump(
                [e.to_dict(exclude_defaults=True) for e in entries],
                allow_unicode=True,
                sort_keys=False,
            )
        )
        return
    table = _table(title=f"{lx.name} {lx.version} ({len(entries)} entries)")
    columns = ("id", "category", "lemma/pattern", "particle", "compound", "exclusions")
    for col in (*columns, "requires", "source"):
        table.add_column(col)
    for e in entries:
        table.add_row(
            e.id,
            e.category,
            e.lemma or e.pattern or "",
            e.particle or "",
            e.compound or "",
            str(len(e.exclude)) if e.exclude else "",
            str(len(e.require)) if e.require else "",
            e.source,
        )
    _stdout.print(table)


@lexicon.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["quanteda", "liwc"]),
    default=None,
    help="Dictionary format (default: by suffix, .dic is LIWC, .yml/.yaml quanteda).",
)
@click.option("--name", help="Name of the new lexicon (default: the file name).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the textscan lexicon (YAML).",
)
def lexicon_import(file: Path, fmt: str | None, name: str | None, out: Path) -> None:
    """Convert a quanteda YAML or LIWC .dic dictionary into a textscan lexicon."""
    from textscan.interop import lexicon_to_yaml, read_foreign

    _writable(out)
    try:
        lx = read_foreign(file, fmt, name=name)
    except LexiconError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    try:
        out.write_text(lexicon_to_yaml(lx), encoding="utf-8")
    except OSError as exc:
        _fail(_cannot_write(out, exc), EXIT_FAILED)
    _stdout.print(
        f"wrote {out}: {lx.name}, {len(lx.categories)} categories, {len(lx.entries)} entries",
        highlight=False,
    )


@lexicon.command("export")
@click.argument("name")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["quanteda", "liwc"]),
    default="quanteda",
    show_default=True,
    help="Dictionary format to write.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: standard output).",
)
def lexicon_export(name: str, fmt: str, out: Path | None) -> None:
    """Write lexicon NAME as a quanteda YAML or LIWC .dic dictionary."""
    from textscan.interop import to_liwc_dic, to_quanteda_yaml
    from textscan.lexicon import load_lexicon

    try:
        lx = load_lexicon(name)
    except LexiconError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    text = to_quanteda_yaml(lx) if fmt == "quanteda" else to_liwc_dic(lx)
    if out is None:
        click.echo(text, nl=False)
        return
    _writable(out)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(_cannot_write(out, exc), EXIT_FAILED)


# ---------------------------------------------------------------- kwic
@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--entry", "entries", multiple=True, help="Entry id to show; repeatable.")
@click.option("--category", "categories", multiple=True, help="Category id to show; repeatable.")
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="LEXICON",
    help="Only hits of this lexicon (by name); repeatable.",
)
@click.option(
    "--window",
    default=8,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Words of context on each side.",
)
@click.option(
    "--negated/--no-negated", default=True, show_default=True, help="Include negated hits (marked)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@_apply(lexicon_options)
@engine_option
def kwic(
    files: tuple[Path, ...],
    entries: tuple[str, ...],
    categories: tuple[str, ...],
    only: tuple[str, ...],
    window: int,
    negated: bool,
    fmt: str,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    ocr: bool,
) -> None:
    """Show hits in context (keyword in context) with document, page and section.

    FILES are documents or folders. Select hits with --entry and/or --category
    so that every entry can be judged on its own occurrences.
    """
    from textscan.kwic import kwic_frame
    from textscan.pipeline import Pipeline, StageError, iter_files

    if not entries and not categories:
        _fail("give --entry ID or --category ID (repeatable)", EXIT_USAGE)
    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    _check_selection(lexicons, only=only, entries=entries, categories=categories)
    pipeline = Pipeline(lexicons, engine=engine, ocr=ocr)
    frames = []
    failed = False
    for f in iter_files(files):
        try:
            analysis = pipeline.analyze(f)
        except StageError as exc:
            failed = True
            _stderr.print(f"failed {exc}", highlight=False, markup=False)
            continue
        frames.append(
            kwic_frame(
                analysis,
                entries=entries,
                categories=categories,
                lexicons=only,
                window=window,
                include_negated=negated,
            )
        )
    import pandas as pd

    from textscan.kwic import KWIC_COLUMNS

    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=KWIC_COLUMNS)
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "jsonl":
        for rec in frame.to_dict(orient="records"):
            click.echo(json.dumps(rec, ensure_ascii=False, default=str))
    else:
        table = _table(title=f"{len(frame)} hits in context")
        table.add_column("document / page / section", overflow="fold", max_width=28)
        table.add_column("left", justify="right", overflow="fold")
        table.add_column("match", style="bold")
        table.add_column("right", overflow="fold")
        for r in frame.itertuples(index=False):
            where = f"{r.document} p.{'' if pd.isna(r.page) else r.page} {r.section or ''}"
            match = f"{r.text} [{r.lexicon}:{r.entry}]" + (" (negated)" if r.negated else "")
            table.add_row(where.strip(), r.left, match, r.right)
        _stdout.print(table)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


# ---------------------------------------------------------------- evaluate
@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_apply(lexicon_options)
@click.option(
    "--disagreements",
    "show",
    default=50,
    show_default=True,
    type=int,
    help="How many disagreements to list (0 for none).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every disagreement to this CSV file.",
)
def evaluate(
    gold: Path,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    show: int,
    out: Path | None,
) -> None:
    """Score the lexicons against sentence labels in GOLD (JSON lines).

    Each line: {"id": ..., "text": ..., "labels": {"repressive": true, ...}}.
    Label keys are category ids of any lexicon (framing: repressive,
    preventive, positive; actors: chain, partners, residents; themes: living,
    business, youth, physical, integrity, ...); each is scored with the
    lexicon that defines it, a lexicon given with --lexicon before a bundled
    one. Prints precision, recall and F1 per category, the macro-F1 overall
    and per lexicon, and the sentences where textscan and the labels disagree.
    """
    from textscan.errors import InputError
    from textscan.evaluate import evaluate as run

    if out is not None:
        _writable(out)
    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    if lexicon_paths and not replace_lexicons:  # the given ones (appended) come first
        n = len(lexicon_paths)
        lexicons = lexicons[-n:] + lexicons[:-n]
    try:
        result = run(gold, lexicons)
    except InputError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    table = _table(
        title=f"{gold.name}: {len(result.predictions)} sentences, lexicons {result.lexicon}"
    )
    for col in ("lexicon", "category", "precision", "recall", "f1", "support", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col in ("lexicon", "category") else "right")
    for r in result.scores.itertuples(index=False):
        table.add_row(
            r.lexicon,
            r.category,
            f"{r.precision:.3f}",
            f"{r.recall:.3f}",
            f"{r.f1:.3f}",
            str(r.support),
            str(r.tp),
            str(r.fp),
            str(r.fn),
        )
    _stdout.print(table)
    _stdout.print(f"macro-F1 {result.macro_f1:.3f}", highlight=False)
    by_lexicon = result.macro_f1_by_lexicon()
    if len(by_lexicon) > 1:
        _stdout.print(
            "macro-F1 per lexicon: " + ", ".join(f"{k} {v:.3f}" for k, v in by_lexicon.items()),
            highlight=False,
        )
    if result.unknown_labels:
        _stderr.print(
            f"warning: {gold}: labels that no lexicon defines were not scored: "
            + ", ".join(result.unknown_labels),
            highlight=False,
        )
    if show:
        d = _table(title=f"disagreements ({len(result.disagreements)})")
        for col in ("id", "category", "kind", "text", "hits"):
            d.add_column(col, overflow="fold")
        for r in result.disagreements.head(show).itertuples(index=False):
            d.add_row(r.id, r.category, r.kind, r.text, r.hits)
        _stdout.print(d)
    if out is not None:
        try:
            result.disagreements.to_csv(out, index=False)
        except OSError as exc:
            _fail(_cannot_write(out, exc), EXIT_FAILED)


# ---------------------------------------------------------------- report
# The report command. Kept in this one block (textscan.report owns the logic).
@cli.command()
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The HTML file to write (a plan's hits go beside it as OUT-vindplaatsen.csv). "
    "With a results folder and a path that does not end in .html: a folder that gets "
    "corpus.html and a diagnosis per plan, each with its hits as <plan>-vindplaatsen.csv.",
)
@click.option(
    "--compare",
    "compare_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A results folder of 'textscan scan': show where the plan stands among those plans.",
)
@click.option(
    "--municipality",
    help="The municipality's name for the title (default: from "
    "a plans.csv next to the plan, else the file name).",
)
@click.option(
    "--pdf",
    "pdf",
    is_flag=True,
    help="Also print the report to PDF (same name, .pdf) through headless Chromium.",
)
@click.option(
    "--section",
    metavar="PATTERN",
    help="Diagnose only the chapters whose title (or a parent's) matches this "
    "case-insensitive regular expression, e.g. 'veiligheid' for the safety chapter of a "
    "coalition agreement.",
)
@_apply(lexicon_options)
@engine_option
def report(
    target: Path,
    out: Path,
    compare_dir: Path | None,
    municipality: str | None,
    pdf: bool,
    section: str | None,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    ocr: bool,
) -> None:
    """Write the framing diagnosis of a plan, or the corpus report of a results folder.

    TARGET is a plan (PDF, DOCX, HTML, TXT or MD): a diagnosis for a mayor, in Dutch, with
    findings, evidence sentences and questions for the conversation; every hit of
    the plan is written beside it as OUT-vindplaatsen.csv. TARGET is a results
    folder of 'textscan scan': the researchers' corpus report; with an --out
    that does not end in .html, a folder with the corpus report and a diagnosis
    per plan, each with the plan's hits beside it (<plan>-vindplaatsen.csv,
    its rows of the folder's hits.csv). All are self-contained HTML files (no
    network requests), printable to A4.
    """
    from textscan.pipeline import Pipeline, StageError
    from textscan.report import (
        ReportError,
        html_to_pdf,
        is_results_dir,
        render_corpus_report,
        render_diagnosis,
        write_reports,
    )
    from textscan.report.render import as_profile_dict, find_manifest, hits_file_for

    written: list[Path] = []
    results = is_results_dir(target)
    # a folder for the reports of a whole scan, else one HTML file: checked before
    # the work, so that an unusable --out does not cost the analysis
    _writable(out, folder=results and out.suffix.lower() not in (".html", ".htm"))
    try:
        if results:
            if out.suffix.lower() not in (".html", ".htm"):
                written = write_reports(target, out)
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(render_corpus_report(target), encoding="utf-8")
                written = [out]
        elif target.is_dir():
            _fail(
                f"{target}: a folder, but not a results folder of 'textscan scan' "
                "(no profiles.jsonl)",
                EXIT_USAGE,
            )
        else:
            if section is not None:
                try:
                    re.compile(section)
                except re.error as exc:
                    _fail(f"--section {section!r} is not a valid pattern: {exc}", EXIT_USAGE)
            lexicons = _lexicons(lexicon_paths, replace_lexicons)
            analysis = Pipeline(lexicons, engine=engine, ocr=ocr).analyze(target, section=section)
            if section is not None and not analysis.sentences:
                _fail(
                    f"{target}: no chapter title matches --section {section!r} "
                    "(see the titles with 'textscan extract FILE --format json')",
                    EXIT_USAGE,
                )
            meta = find_manifest(None, [as_profile_dict(analysis)]).get(analysis.document.name, {})
            name = municipality or meta.get("municipality") or None
            hits_path = hits_file_for(out)
            html = render_diagnosis(
                analysis,
                peers=compare_dir,
                municipality=name,
                meta=meta,
                hits_file=hits_path.name,
                n_hits=len(analysis.hits),
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
            analysis.hits_frame().to_csv(hits_path, index=False)
            written = [out, hits_path]
            for w in analysis.document.warnings:
                _stderr.print(f"warning: {target}: {w.message}", highlight=False, markup=False)
    except StageError as exc:
        _fail(str(exc), EXIT_FAILED)
    except ReportError as exc:
        _fail(str(exc), EXIT_FAILED)
    except OSError as exc:  # the folder changed since the check above
        _fail(_cannot_write(out, exc), EXIT_FAILED)
    for f in written:
        _stderr.print(f"wrote {f}", highlight=False, markup=False)
    if pdf:
        try:
            for f in written:
                if f.suffix.lower() not in (".html", ".htm"):
                    continue
                pdf_path = html_to_pdf(f, f.with_suffix(".pdf"))
                _stderr.print(f"wrote {pdf_path}", highlight=False, markup=False)
        except ReportError as exc:
            _fail(str(exc), EXIT_FAILED)


# =========================================================================
# Corpus comparison and lexicon suggestions (textscan.compare).
# Kept as one block at the end so that edits elsewhere in this file stay apart.
# =========================================================================
@cli.command("compare")
@click.argument("results", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for measures, keyness, scaling, pca_loadings, clusters, silhouette, "
    "lss_words and left_out (CSV and Parquet), comparison.xlsx and provenance.json.",
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV with one row per document (a 'document', 'file' or 'id' column) and any "
    "metadata: municipality, CBS code, province, period, population...",
)
@click.option(
    "--target",
    metavar="DOC|VALUE",
    help="Keyness of this document against the rest (with --group-by: of this group). "
    "Default: every document (or every group) in turn.",
)
@click.option(
    "--group-by",
    "group_by",
    metavar="COLUMN",
    help="A manifest (or profile) column: keyness per group and a groups table.",
)
@click.option(
    "--measure",
    "keyness_measure",
    type=click.Choice(["g2", "log_odds"]),
    default="g2",
    show_default=True,
    help="Keyness ranking: signed log-likelihood G2, or the z-score of the log-odds ratio "
    "with an informative Dirichlet prior.",
)
@click.option(
    "--top",
    "keyness_top",
    type=click.IntRange(1),
    default=50,
    show_default=True,
    help="Keep this many most and least characteristic lemmas per keyness target.",
)
@click.option(
    "--components",
    type=click.IntRange(2),
    default=300,
    show_default=True,
    help="SVD dimensions for LSS scaling (capped by the size of the corpus).",
)
@click.option(
    "--all-documents",
    "all_documents",
    is_flag=True,
    help="Keep every document. By default a document that is not Dutch, and a near-copy of "
    "another document's text (the same plan as PDF and Word file: the PDF is kept), are "
    "left out and listed in left_out.csv.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print no summary, only errors.")
def compare_command(
    results: tuple[Path, ...],
    out: Path,
    manifest: Path | None,
    target: str | None,
    group_by: str | None,
    keyness_measure: str,
    keyness_top: int,
    components: int,
    all_documents: bool,
    quiet: bool,
) -> None:
    """Compare the documents of RESULTS (folders written by `textscan scan`, or their files).

    Ranks every profile measure (percentiles, z-scores), finds the words that set
    each document or group apart (keyness), scales documents between the
    repressive and positive seed words (LSS) and on the profile measures (PCA),
    and clusters them.
    """
    from textscan.compare import compare as do_compare

    _writable(out, folder=True)
    try:
        result = do_compare(
            list(results),
            out,
            manifest=manifest,
            target=target,
            group_by=group_by,
            keyness_measure=keyness_measure,
            keyness_top=keyness_top,  # type: ignore[arg-type]
            n_components=components,
            all_documents=all_documents,
        )
    except TextscanError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    except OSError as exc:  # the folder changed since the check above
        _fail(_cannot_write(out, exc), EXIT_FAILED)
        return
    if quiet:
        return
    table = _table(title=f"{len(result.measures)} documents compared")
    for col in ("document", "balance", "LSS score (z)", "± se", "PC1", "cluster", "key lemmas"):
        table.add_column(col, justify="left" if col in ("document", "key lemmas") else "right")
    scaling = result.scaling.set_index("document")
    clusters = result.clusters.set_index("document")["cluster"] if len(result.clusters) else None
    key = result.keyness
    for row in result.measures.itertuples(index=False):
        doc = row.document
        sc = scaling.loc[doc] if doc in scaling.index else None

        def num(v: Any, digits: int = 2) -> str:
            return "–" if v is None or v != v else f"{v:.{digits}f}"

        top = key.loc[(key["target"] == doc) & (key["keyness"] > 0), "lemma"].head(5)
        table.add_row(
            str(doc),
            num(getattr(row, "balance", None)),
            num(sc["lss_score_z"] if sc is not None else None),
            num(sc["lss_se_z"] if sc is not None else None),
            num(sc["PC1"] if sc is not None and "PC1" in sc else None),
            str(clusters.get(doc, "–")) if clusters is not None else "–",
            ", ".join(top),
        )
    _stdout.print(table)
    if group_by is not None:
        for label in list(dict.fromkeys(key["target"]))[:12]:
            top = key.loc[(key["target"] == label) & (key["keyness"] > 0), "lemma"].head(8)
            _stdout.print(f"{group_by} = {label}: {', '.join(top)}", highlight=False)
    if len(result.silhouette):
        best = result.silhouette.loc[result.silhouette["best"]].iloc[0]
        _stdout.print(
            f"clusters: k = {int(best['k'])} (mean silhouette {best['silhouette']:.2f})",
            highlight=False,
        )
    for row in result.left_out.itertuples(index=False):
        why = (
            "not Dutch"
            if row.reason == "not-dutch"
            else f"same text as {row.same_as}"
            + (f" (about {row.overlap:.0%})" if row.overlap == row.overlap and row.overlap else "")
        )
        _stdout.print(f"left out {row.document}: {why}", highlight=False)
    if len(result.left_out):
        _stdout.print("(--all-documents keeps them; see left_out.csv)", highlight=False)
    _stdout.print(
        f"{len(result.files)} files written to {out}/ in {result.seconds:.1f} s",
        highlight=False,
    )


@cli.command("suggest")
@click.argument("category")
@click.option(
    "--corpus",
    "corpus",
    required=True,
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="A results folder of `textscan scan`, or a folder of documents (scanned in "
    "memory); repeatable.",
)
@click.option(
    "-n",
    "n",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="Number of candidates.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="Leave out lemmas seen fewer times in the corpus.",
)
@click.option(
    "--components",
    type=click.IntRange(2),
    default=300,
    show_default=True,
    help="SVD dimensions of the corpus space (capped by the size of the corpus).",
)
@_apply(lexicon_options)
def suggest_command(
    category: str,
    corpus: tuple[Path, ...],
    n: int,
    fmt: str,
    min_count: int,
    components: int,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
) -> None:
    """Suggest new lexicon terms for CATEGORY (e.g. positive, or framing:repressive).

    Lists the corpus lemmas closest to the category's entries in the corpus's
    SVD space that no lexicon matches yet (nor counts as the verb of a split
    verb, "pakken ... aan"; English passages are left out), with counts and
    keyword-in-context lines, for a person to accept or reject.
    """
    from textscan.compare import suggest as do_suggest

    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    try:
        frame = do_suggest(
            category,
            list(corpus) if len(corpus) > 1 else corpus[0],
            n=n,
            lexicons=lexicons,
            n_components=components,
            min_count=min_count,
        )
    except TextscanError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    table = _table(title=f"candidates for {category} ({len(frame)})")
    for col in ("rank", "lemma", "similarity", "count", "docs", "in context"):
        table.add_column(
            col, justify="right" if col in ("rank", "similarity", "count", "docs") else "left"
        )
    from rich.text import Text

    for row in frame.itertuples(index=False):
        # Text(), not str: KWIC lines hold "[word]", which rich would read as markup.
        lines = Text("\n".join(x for x in (row.kwic_1, row.kwic_2, row.kwic_3) if x))
        table.add_row(
            str(row.rank),
            Text(row.lemma),
            f"{row.similarity:.3f}",
            str(row.count),
            str(row.documents),
            lines,
        )
    _stdout.print(table, markup=False, highlight=False)


def main() -> None:
    """Console-script entry point."""
    from textscan._gc import tune_collector

    tune_collector()  # this process is textscan's own: see textscan._gc
    try:
        cli(prog_name="textscan")
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    finally:
        # At exit the interpreter's last garbage collection visits every object
        # the run created (the tokenizer and lemma tables, the lexicons, the hits):
        # 0.4 s after a short scan, for memory the process is giving back
        # anyway. Frozen objects are skipped; exit handlers still run.
        gc.freeze()
    _exit(code)


def _exit(code: object) -> None:
    """End the process as ``sys.exit(code)`` would, without tearing the interpreter down.

    Exit handlers run and the standard streams are flushed, as at any exit;
    then the process ends without freeing each of its objects one by one
    (modules, lemma and matcher tables, results: 25-30 ms after a scan of the
    five manifestos, for memory the operating system takes back at once).
    Every file textscan writes is closed by then and the cache's writes are
    committed. While a thread that is not a daemon still runs, the usual
    exit waits for it, as Python does.
    """
    import atexit
    import contextlib
    import os
    import threading

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as sys.exit: any other value is printed and means failure
        print(code, file=sys.stderr)
        status = 1
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        sys.exit(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe ("textscan ... | head")
            stream.flush()
    os._exit(status & 0xFF if status >= 0 else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
