"""The ``textscan`` command: a thin shell over the library.

Exit codes: 0 success; 1 some input could not be processed (the rest is
complete); 2 usage or configuration error (bad option, bad lexicon).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from textscan._version import __version__
from textscan.errors import LexiconError, TextscanError
from textscan.lexicon import Lexicon, available_lexicons, load_lexicon, load_lexicons

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# Wide enough for the tables when output goes to a file or a pipe.
_stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
_stderr = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 160)


def _fail(message: str, code: int) -> None:
    _stderr.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    sys.exit(code)


def _lexicons(paths: Sequence[str], replace: bool) -> list[Lexicon]:
    try:
        return load_lexicons(list(paths), replace=replace)
    except LexiconError as exc:
        _fail(str(exc), EXIT_USAGE)
        raise  # unreachable, for type checkers


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
engine_option = click.option(
    "--engine",
    type=click.Choice(["auto", "pdfium", "pdfplumber"]),
    default="auto",
    show_default=True,
    help="PDF text engine.",
)


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
def extract(file: Path, fmt: str, engine: str) -> None:
    """Print the text textscan extracts from FILE (PDF, TXT or MD)."""
    from textscan.extract import extract as do_extract
    from textscan.output import document_to_dict, document_to_markdown

    try:
        doc = do_extract(file, engine=engine)
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
) -> None:
    """List every lexicon hit in FILE with its sentence, page and section."""
    from textscan.output import hit_to_dict
    from textscan.pipeline import Pipeline, StageError, hits_to_frame

    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    try:
        analysis = Pipeline(lexicons, engine=engine).analyze(file)
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
        table = Table(title=f"{analysis.document.name}: {len(selected)} hits")
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
@_apply(lexicon_options)
@engine_option
def profile(
    file: Path, fmt: str, lexicon_paths: tuple[str, ...], replace_lexicons: bool, engine: str
) -> None:
    """Print the framing profile of FILE."""
    from textscan.output import profile_table
    from textscan.pipeline import Pipeline, StageError

    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    try:
        analysis = Pipeline(lexicons, engine=engine).analyze(file)
    except StageError as exc:
        _fail(str(exc), EXIT_FAILED)
        return
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
    help="Folder for profiles.csv, profiles.jsonl, hits.csv, sentences.parquet, failures.csv, "
    "warnings.csv, provenance.json.",
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
def scan(
    paths: tuple[Path, ...],
    out: Path,
    quiet: bool,
    lexicon_paths: tuple[str, ...],
    replace_lexicons: bool,
    engine: str,
    jobs: int | None,
    timeout: float,
    max_memory: int,
    strict: bool,
    resume: bool,
    no_cache: bool,
    cache_dir: Path | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Profile every PDF, TXT and MD file under PATHS (files or folders).

    Each file is processed in a worker process with a time and memory limit;
    a file that fails gets a row in failures.csv and a line on stderr, and the
    batch goes on. Extracted text and sentences are cached by content, so a
    second run with other lexicons only re-matches.

    Exit codes: 0 every file processed; 1 some failed (each has a row in
    failures.csv and the rest is complete); 2 usage or configuration error;
    130 interrupted (Ctrl-C) or 143 terminated: finished files are written
    and --resume continues.
    """
    from textscan.checks import discover
    from textscan.output import summary_table
    from textscan.runner import ConsoleReporter, ScanConfigError, ScanInterrupted
    from textscan.runner import scan as do_scan

    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    if executor == "dask" and not scheduler:
        _fail("--executor dask needs --scheduler ADDRESS", EXIT_USAGE)
    lexicons = _lexicons(lexicon_paths, replace_lexicons)
    found = discover(paths)
    if not found.files and not found.problems:
        _fail(
            f"no PDF, TXT or MD files found under {', '.join(map(str, paths))}", EXIT_USAGE
        )
    reporter = ConsoleReporter(_stderr, progress=not quiet, verbose=not quiet)
    try:
        result = do_scan(
            paths, out, lexicons=lexicons, engine=engine, jobs=jobs, timeout=timeout or None,
            max_memory=max_memory or None, strict=strict, resume=resume, cache=not no_cache,
            cache_dir=cache_dir, executor=executor, scheduler=scheduler, reporter=reporter,
        )
    except ScanConfigError as exc:
        _fail(str(exc), EXIT_USAGE)
        return
    except ScanInterrupted as exc:
        _stderr.print(f"[bold red]stopped:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)
    if not quiet:
        _stdout.print(summary_table(result.profiles))
        n_warn = 0 if result.warnings is None else len(result.warnings)
        _stdout.print(
            f"{len(result.profiles)} of {len(result.files)} files profiled, "
            f"{len(result.failures)} failed, {n_warn} warnings; "
            f"results in {out}/",
            highlight=False,
        )
    if strict and not result.failures.empty:
        _stderr.print("[bold red]stopped:[/] --strict and a file failed", highlight=False)
    sys.exit(EXIT_OK if result.failures.empty else EXIT_FAILED)


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
    """Show where the cache is, how many documents it holds and its size."""
    from textscan.cache import Cache

    info = Cache(cache_dir).info()
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    table = Table(title="textscan cache", show_header=False)
    table.add_column("item")
    table.add_column("value")
    table.add_row("path", info["path"])
    table.add_row("files", str(info.get("files", 0)))
    table.add_row("extracted documents", str(info.get("documents", 0)))
    table.add_row("annotated documents", str(info.get("sentences", 0)))
    table.add_row("size on disk", f"{info.get('bytes', 0) / 1e6:.1f} MB")
    _stdout.print(table)


@cache.command("clear")
@cache_dir_option
def cache_clear(cache_dir: Path | None) -> None:
    """Remove every cached document (they are rebuilt on the next scan)."""
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
    table = Table(title="bundled lexicons")
    for col in ("name", "type", "version", "categories", "entries", "sha256"):
        table.add_column(col)
    for name in available_lexicons():
        lx = load_lexicon(name)
        table.add_row(
            lx.name, lx.type, lx.version, ", ".join(lx.category_ids), str(len(lx.entries)),
            lx.sha256[:12],
        )
    _stdout.print(table)


@lexicon.command("check")
@click.argument("files", nargs=-1, required=True)
def lexicon_check(files: tuple[str, ...]) -> None:
    """Validate lexicon FILES; print every problem with its place. Exit 2 if any is wrong."""
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
    sys.exit(EXIT_USAGE if bad else EXIT_OK)


@lexicon.command("show")
@click.argument("name")
@click.option("--category", help="Only entries of this category.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "yaml", "json"]), default="table",
    show_default=True, help="Output format.",
)
def lexicon_show(name: str, category: str | None, fmt: str) -> None:
    """List the entries of lexicon NAME (bundled name or file)."""
    import yaml

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
        click.echo(json.dumps([e.model_dump(exclude_defaults=True) for e in entries], indent=2,
                              ensure_ascii=False))
        return
    if fmt == "yaml":
        click.echo(yaml.safe_dump([e.model_dump(exclude_defaults=True) for e in entries],
                                  allow_unicode=True, sort_keys=False))
        return
    table = Table(title=f"{lx.name} {lx.version} ({len(entries)} entries)")
    for col in ("id", "category", "lemma/pattern", "particle", "compound", "exclusions", "source"):
        table.add_column(col)
    for e in entries:
        table.add_row(
            e.id, e.category, e.lemma or e.pattern or "", e.particle or "",
            e.compound or "", str(len(e.exclude)) if e.exclude else "", e.source,
        )
    _stdout.print(table)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="textscan")


if __name__ == "__main__":  # pragma: no cover
    main()
