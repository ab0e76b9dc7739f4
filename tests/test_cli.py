"""The command line: help everywhere, exact output fields, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from textscan.cli import cli

HIT_FIELDS = {
    "document",
    "page",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "text",
    "lemma",
    "category",
    "entry",
    "lexicon",
    "negated",
}
PROFILE_FIELDS = {
    "document",
    "words",
    "sentences",
    "pages",
    "categories",
    "balance",
    "lexicon",
    "textscan_version",
}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help_text(runner):
    for path, cmd in _commands(cli):
        assert cmd.help, f"textscan {' '.join(path)} has no help text"
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage:" in result.output
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name not in ("help",):
                assert param.help, f"textscan {' '.join(path)} {param.opts[0]} has no help"


@pytest.mark.parametrize("fixture", ["plan_txt", "plan_pdf"])
def test_hits_jsonl_has_exactly_the_documented_fields(runner, request, fixture):
    path: Path = request.getfixturevalue(fixture)
    result = runner.invoke(cli, ["hits", str(path), "--format", "jsonl", "--only", "framing"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows, "the test plan contains framing language"
    for row in rows:
        assert set(row) >= HIT_FIELDS
        assert row["sentence"][row["start"] : row["end"]] == row["text"]
        assert isinstance(row["negated"], bool)
        if fixture == "plan_txt":
            assert row["page"] is None
        else:
            assert row["page"] in (1, 2)
    assert {"repressive", "positive"} <= {r["category"] for r in rows}


@pytest.mark.parametrize("fixture", ["plan_txt", "plan_pdf"])
def test_profile_json_has_the_documented_fields(runner, request, fixture):
    path: Path = request.getfixturevalue(fixture)
    result = runner.invoke(cli, ["profile", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    prof = json.loads(result.output)
    assert set(prof) >= PROFILE_FIELDS
    for cat in ("repressive", "preventive", "positive"):
        assert set(prof["categories"][cat]) >= {"count", "per_1000_words", "sentence_share"}
    assert set(prof["balance"]) >= {"value", "ci_low", "ci_high"}
    assert set(prof["lexicon"]) == {"name", "version", "sha256"}
    assert len(prof["lexicon"]["sha256"]) == 64
    assert prof["pages"] == (None if fixture == "plan_txt" else 2)


def test_hits_csv_and_table(runner, plan_txt):
    result = runner.invoke(cli, ["hits", str(plan_txt), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.output.splitlines()))
    assert rows and "sentence" in rows[0]
    result = runner.invoke(cli, ["hits", str(plan_txt)])
    assert result.exit_code == 0 and "hits" in result.output


def test_extract_prints_text(runner, plan_txt):
    result = runner.invoke(cli, ["extract", str(plan_txt)])
    assert result.exit_code == 0
    assert "Het college pakt de overlast" in result.output


def test_scan_writes_outputs_and_exit_code_zero(runner, tmp_path, plan_txt, plan_pdf):
    out = tmp_path / "res"
    result = runner.invoke(cli, ["scan", str(plan_txt), str(plan_pdf), "--out", str(out)])
    assert result.exit_code == 0, result.output
    profiles = list(csv.DictReader((out / "profiles.csv").open()))
    assert [r["document"] for r in profiles] == ["proefdorp", "proefdorp"]
    assert (out / "hits.csv").stat().st_size > 0
    failures = (out / "failures.csv").read_text().splitlines()
    assert failures == ["file,sha256,stage,error,message,pages"]
    prov = json.loads((out / "provenance.json").read_text())
    assert prov["processed"] == 2 and prov["lexicons"]
    # the run's figures, in provenance.json only (not in the tables' metadata)
    assert prov["run"]["pages"] >= 2 and prov["run"]["tokens"] > 50
    assert prov["run"]["seconds"] > 0 and prov["run"]["worker_peak_rss_mb"] > 0
    import pyarrow.parquet as pq

    meta = json.loads(pq.read_schema(out / "profiles.parquet").metadata[b"textscan"])
    assert "run" not in meta and meta["processed"] == 2


def test_scan_records_failures_and_exits_one(runner, tmp_path, plan_txt):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "goed.txt").write_text(plan_txt.read_text(), encoding="utf-8")
    (folder / "leeg.pdf").write_bytes(b"")
    (folder / "nep.pdf").write_text("<html>niet gevonden</html>")
    (folder / "latin.txt").write_bytes(b"caf\xe9 in het centrum")
    out = tmp_path / "res"
    result = runner.invoke(cli, ["scan", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    profiles = list(csv.DictReader((out / "profiles.csv").open()))
    assert [r["document"] for r in profiles] == ["goed"]
    failures = {Path(r["file"]).name: r for r in csv.DictReader((out / "failures.csv").open())}
    assert set(failures) == {"leeg.pdf", "nep.pdf", "latin.txt"}
    assert failures["leeg.pdf"]["error"] == "empty"
    assert failures["nep.pdf"]["error"] == "wrong-type"
    assert failures["latin.txt"]["error"] == "encoding"
    assert all(r["stage"] == "extract" and r["message"] for r in failures.values())


def test_scan_usage_errors_exit_two(runner, tmp_path):
    result = runner.invoke(cli, ["scan", str(tmp_path / "nergens"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["scan", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2  # an empty folder: nothing to do
    plan = tmp_path / "plan.txt"
    plan.write_text("Wij pakken de overlast aan.", encoding="utf-8")
    args = ["scan", str(plan), "--out", str(tmp_path / "o"), "--scheduler", "tcp://h:8786"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2  # a scheduler without the Dask executor is not ignored
    assert "--scheduler is for --executor dask" in result.output


def test_bad_lexicon_is_refused_before_any_document(runner, tmp_path, plan_txt):
    bad = tmp_path / "mijn.yaml"
    bad.write_text(
        "name: mijn\nversion: 1\ncategories:\n  - {id: a, label: A}\nentries:\n"
        "  - {id: x, category: b, lemma: woord}\n"
    )
    result = runner.invoke(
        cli,
        [
            "scan",
            str(plan_txt),
            "--out",
            str(tmp_path / "o"),
            "--lexicon",
            str(bad),
            "--jobs",
            "2",
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code == 2
    assert "mijn.yaml" in result.output and "entries[0]" in result.output
    assert not (tmp_path / "o").exists()
    # the file was being extracted ahead while the lexicons loaded: that stops too
    import multiprocessing

    from textscan import runner as scan_runner

    assert scan_runner._early is None and not multiprocessing.active_children()


def test_lexicon_check_and_show(runner, tmp_path, test_lexicon_path):
    result = runner.invoke(cli, ["lexicon", "check", str(test_lexicon_path)])
    assert result.exit_code == 0 and "ok:" in result.output
    bad = tmp_path / "kapot.yaml"
    bad.write_text("name: [kapot\n")
    result = runner.invoke(cli, ["lexicon", "check", str(bad)])
    assert result.exit_code == 2
    assert "kapot.yaml" in result.output and "line" in result.output
    result = runner.invoke(cli, ["lexicon", "show", "framing", "--category", "positive"])
    assert result.exit_code == 0 and "vertrouwen" in result.output
    result = runner.invoke(cli, ["lexicon", "list"])
    assert result.exit_code == 0 and "framing" in result.output


def test_a_lexicon_taking_a_bundled_ones_place_is_named_and_none_at_all_is_refused(
    runner, tmp_path, plan_txt
):
    custom = tmp_path / "mijn-framing.yaml"
    custom.write_text(
        'name: framing\nversion: "1.0"\ncategories:\n  - {id: hard, label: Hard}\n'
        "entries:\n  - {id: aanpak, category: hard, lemma: aanpak}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["profile", str(plan_txt), "--lexicon", str(custom)])
    assert result.exit_code == 0, result.output
    assert f"{custom} replaces the bundled lexicon 'framing'" in result.output
    assert "of type 'custom', not 'framing'" in result.output
    # the bundled lexicon by name replaces nothing
    result = runner.invoke(cli, ["profile", str(plan_txt), "--lexicon", "framing"])
    assert "replaces the bundled" not in result.output
    result = runner.invoke(
        cli, ["scan", str(plan_txt), "--out", str(tmp_path / "o"), "--replace-lexicons"]
    )
    assert result.exit_code == 2
    assert "--replace-lexicons needs at least one --lexicon" in result.output
    assert not (tmp_path / "o").exists()


def test_user_lexicon_combines_with_or_replaces_defaults(runner, plan_txt, test_lexicon_path):
    args = ["hits", str(plan_txt), "--format", "jsonl", "--lexicon", str(test_lexicon_path)]
    rows = [json.loads(x) for x in runner.invoke(cli, args).output.splitlines()]
    assert {"framing", "testframing"} <= {r["lexicon"] for r in rows}
    rows = [
        json.loads(x) for x in runner.invoke(cli, [*args, "--replace-lexicons"]).output.splitlines()
    ]
    assert {r["lexicon"] for r in rows} == {"testframing"}


def test_scan_writes_parquet_excel_and_reports(runner, tmp_path, plan_txt, plan_pdf):
    import pandas as pd

    other = tmp_path / "tweede.txt"
    other.write_text(
        plan_txt.read_text(encoding="utf-8").replace("Proefdorp", "Tweedorp"), encoding="utf-8"
    )
    out = tmp_path / "res"
    result = runner.invoke(
        cli,
        [
            "scan",
            str(plan_txt),
            str(other),
            "--out",
            str(out),
            "--report",
            "--excel",
            "-q",
            "--jobs",
            "0",
        ],
    )
    assert result.exit_code == 0, result.output
    profiles = pd.read_parquet(out / "profiles.parquet")
    assert list(profiles["document"]) == ["proefdorp", "tweede"]
    hits = pd.read_parquet(out / "hits.parquet")
    assert hits["negated"].dtype == bool
    sheets = pd.read_excel(out / "results.xlsx", sheet_name=None)
    assert set(sheets) == {"profiles", "hits", "failures", "warnings", "provenance"}
    assert "textscan_version" in set(sheets["provenance"]["key"])
    import json

    import pyarrow.parquet as pq

    for name in ("profiles", "hits", "sentences"):
        meta = pq.read_schema(out / f"{name}.parquet").metadata
        assert json.loads(meta[b"textscan"])["lexicons"], name
    assert len(sheets["profiles"]) == 2
    reports = sorted(p.name for p in (out / "reports").iterdir())
    assert reports == [
        "corpus.html",
        "proefdorp-vindplaatsen.csv",
        "proefdorp.html",
        "tweede-vindplaatsen.csv",
        "tweede.html",
    ]
    assert "drugshandel" in (out / "reports" / "proefdorp.html").read_text(encoding="utf-8")
    # each diagnosis has its plan's hits beside it, and links them
    _check_hits_beside_the_diagnoses(out, out / "reports", ["proefdorp", "tweede"])
    assert "wrote 3 reports and the hits of each plan (2 files)" in result.output


def _check_hits_beside_the_diagnoses(results: Path, reports: Path, documents: list[str]) -> None:
    """Each diagnosis in ``reports`` has its plan's rows of hits.csv beside it, named and
    linked in the diagnosis with their number."""
    with (results / "hits.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    for doc in documents:
        with (reports / f"{doc}-vindplaatsen.csv").open(encoding="utf-8", newline="") as fh:
            own = list(csv.reader(fh))
        assert own[0] == table[0]  # the columns of hits.csv (and of 'textscan hits')
        assert own[1:] == [r for r in table[1:] if r[0] == doc]
        assert own[1:], doc
        html = (reports / f"{doc}.html").read_text(encoding="utf-8")
        assert f'<a class="mono" href="{doc}-vindplaatsen.csv">{doc}-vindplaatsen.csv</a>' in html
        assert f"Alle {len(own) - 1} vindplaatsen" in html
        assert f"alle vindplaatsen in {doc}-vindplaatsen.csv" in html


def test_report_of_a_results_folder_writes_each_plans_hits_beside_its_diagnosis(
    runner, tmp_path, plan_txt
):
    other = tmp_path / "tweede.txt"
    other.write_text(
        plan_txt.read_text(encoding="utf-8").replace("Proefdorp", "Tweedorp"), encoding="utf-8"
    )
    out = tmp_path / "res"
    result = runner.invoke(
        cli, ["scan", str(plan_txt), str(other), "--out", str(out), "-q", "--jobs", "0"]
    )
    assert result.exit_code == 0, result.output
    reports = tmp_path / "rapporten"
    result = runner.invoke(cli, ["report", str(out), "--out", str(reports)])
    assert result.exit_code == 0, result.output
    _check_hits_beside_the_diagnoses(out, reports, ["proefdorp", "tweede"])
    assert f"wrote {reports / 'tweede-vindplaatsen.csv'}" in result.output
    # the same file as 'textscan report PLAN' writes beside its diagnosis
    single = tmp_path / "los" / "proefdorp.html"
    assert runner.invoke(cli, ["report", str(plan_txt), "--out", str(single)]).exit_code == 0
    assert (single.parent / "proefdorp-vindplaatsen.csv").read_text(encoding="utf-8") == (
        reports / "proefdorp-vindplaatsen.csv"
    ).read_text(encoding="utf-8")
    assert 'href="proefdorp-vindplaatsen.csv"' in single.read_text(encoding="utf-8")
    # a results folder without a hits table (copied without it): diagnoses without the file
    (out / "hits.csv").unlink()
    (out / "hits.parquet").unlink()
    bare = tmp_path / "zonder"
    result = runner.invoke(cli, ["report", str(out), "--out", str(bare)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in bare.iterdir()) == [
        "corpus.html",
        "proefdorp.html",
        "tweede.html",
    ]
    assert "<code>textscan hits</code> voor alle vindplaatsen" in (
        bare / "proefdorp.html"
    ).read_text(encoding="utf-8")


def test_the_title_in_a_pdfs_metadata_reaches_a_report_made_without_the_pdf(runner, tmp_path):
    from tests.conftest import make_pdf

    plan = make_pdf(
        tmp_path / "proefdorp.pdf",
        [["# 1. Inleiding", "Het college pakt de overlast aan. Wij werken samen met bewoners."]],
        title="Integraal veiligheidsplan Proefdorp 2024",
    )
    out = tmp_path / "res"
    for run in ("extracted", "from the cache"):
        result = runner.invoke(cli, ["scan", str(plan), "--out", str(out), "-q", "--jobs", "0"])
        assert result.exit_code == 0, (run, result.output)
        (prof,) = [json.loads(x) for x in (out / "profiles.jsonl").read_text().splitlines()]
        assert prof["title"] == "Integraal veiligheidsplan Proefdorp 2024", run
    plan.unlink()  # the consultant has the results folder, not the plans
    result = runner.invoke(cli, ["report", str(out), "--out", str(tmp_path / "rapporten")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "rapporten" / "proefdorp.html").read_text(encoding="utf-8")
    assert "<h1>Integraal veiligheidsplan Proefdorp 2024</h1>" in html


def _write_plan(path: Path, chapters: dict[str, str]) -> Path:
    path.write_text(
        "\n\n".join(f"# {title}\n\n{body}" for title, body in chapters.items()), encoding="utf-8"
    )
    return path


def test_report_writes_every_hit_beside_it_and_diagnoses_one_chapter(runner, tmp_path):
    plan = _write_plan(
        tmp_path / "akkoord.md",
        {
            "Onderwijs": "Wij investeren in leraren en in goede scholen voor ieder kind. "
            "Zorg voor ouderen blijft een prioriteit.",
            "Veiligheid": "Wij pakken ondermijning hard aan. De politie treedt op tegen "
            "drugshandel en de gemeente handhaaft streng.",
        },
    )
    out = tmp_path / "rapport.html"
    result = runner.invoke(cli, ["report", str(plan), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (tmp_path / "rapport-vindplaatsen.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"page", "sentence", "text", "category", "lexicon", "negated"} <= set(rows[0])
    framing = {r["entry"] for r in rows if r["lexicon"] == "framing"}
    assert {"hard-aanpakken", "optreden", "streng-handhaven"} <= framing
    assert "rapport-vindplaatsen.csv" in out.read_text(encoding="utf-8")
    part = tmp_path / "veiligheid.html"
    result = runner.invoke(cli, ["report", str(plan), "--section", "veilig", "--out", str(part)])
    assert result.exit_code == 0, result.output
    html = part.read_text(encoding="utf-8")
    assert "Onderzocht deel" in html and "‘veilig’" in html
    assert "Overwegend repressief" in html or "repressief" in html.lower()
    result = runner.invoke(cli, ["report", str(plan), "--section", "zzz", "--out", str(part)])
    assert result.exit_code == 2
    assert "no chapter title matches --section 'zzz'" in result.output


def test_an_unwritable_out_is_refused_before_the_work_naming_the_path(
    runner, tmp_path, monkeypatch
):
    from textscan.pipeline import Pipeline

    plan = _write_plan(tmp_path / "plan.md", {"Aanpak": "Wij pakken overlast aan."})
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand, geen map", encoding="utf-8")
    folder = tmp_path / "een-map.html"
    folder.mkdir()
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "1", "text": "Wij pakken overlast aan.", "labels": {"repressive": True}})
        + "\n",
        encoding="utf-8",
    )
    analysed: list[object] = []
    real = Pipeline.analyze
    monkeypatch.setattr(
        Pipeline, "analyze", lambda self, *a, **k: analysed.append(a) or real(self, *a, **k)
    )
    cases = [
        (["report", str(plan), "--out", str(blocker / "r.html")], f"{blocker} is a file"),
        (["report", str(plan), "--out", str(folder)], "is a folder; --out takes a file name"),
        (["evaluate", str(gold), "--out", str(blocker / "x" / "d.csv")], f"{blocker} is a file"),
        (["lexicon", "export", "framing", "--out", str(blocker / "f.yml")], f"{blocker} is a"),
    ]
    for args, message in cases:
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert analysed == []  # refused before the plan was read
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "een-map.html",
        "geen-map",
        "gold.jsonl",
        "plan.md",
    ]
    # a path that can be written is written, its missing folders made
    out = tmp_path / "nieuw" / "rapport.html"
    assert runner.invoke(cli, ["report", str(plan), "--out", str(out)]).exit_code == 0
    assert out.exists() and len(analysed) == 1


def test_report_refuses_peers_counted_with_another_lexicon_version(runner, tmp_path):
    plan = _write_plan(
        tmp_path / "plan.md", {"Aanpak": "Wij pakken overlast aan en werken samen met bewoners."}
    )
    results = tmp_path / "results"
    assert runner.invoke(cli, ["scan", str(plan), "--out", str(results), "-q"]).exit_code == 0
    lex = tmp_path / "framing.yaml"
    lex.write_text(
        'name: framing\ntype: framing\nversion: "9.0.0"\nlanguage: nl\n'
        "categories:\n"
        "  - {id: repressive, label: Repressief, pole: -1}\n"
        "  - {id: positive, label: Positief, pole: 1}\n"
        "entries:\n"
        "  - {id: aanpakken, category: repressive, lemma: aanpakken, particle: aan}\n"
        "  - {id: samenwerken, category: positive, lemma: samenwerken, particle: samen}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    result = runner.invoke(
        cli,
        ["report", str(plan), "--compare", str(results), "--lexicon", str(lex), "--out", str(out)],
    )
    assert result.exit_code == 1
    assert "framing 9.0.0" in result.output and "not comparable" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kwic", "{plan}", "--entry", "aanpk"], "--entry 'aanpk': no such entry"),
        (["kwic", "{plan}", "--category", "repressiv"], "--category 'repressiv': no such category"),
        (["hits", "{plan}", "--only", "framng"], "--only 'framng': no such lexicon"),
    ],
)
def test_a_typo_in_a_selection_is_an_error_not_zero_hits(runner, tmp_path, args, message):
    plan = tmp_path / "plan.txt"
    plan.write_text("Wij pakken de overlast aan.", encoding="utf-8")
    result = runner.invoke(cli, [a.format(plan=plan) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    if "aanpk" in args:
        assert "did you mean aanpak" in result.output


def test_evaluate_refuses_labels_that_are_not_booleans(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "a", "text": "Wij pakken het aan.", "labels": {"repressive": "false"}}\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["evaluate", str(gold)])
    assert result.exit_code == 2
    assert "line 1: label 'repressive' is \"false\", not true or false" in result.output


def _run_main(tmp_path: Path, args: list[str], before: str = "") -> tuple[int, str, str]:
    """``textscan ARGS`` through the console entry point, in a fresh interpreter."""
    import os

    from conftest import run_python

    script = (
        "import atexit, sys\n"
        f"{before}\n"
        "atexit.register(lambda: print('exit handler ran'))\n"
        f"sys.argv = ['textscan', *{args!r}]\n"
        "from textscan.cli import main\n"
        "main()\n"
        "print('not reached')\n"
    )
    # buffered output, as in most shells (what the end must flush)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = run_python(script, env)
    return proc.returncode, proc.stdout, proc.stderr


def test_the_command_ends_with_its_exit_status_output_and_exit_handlers(tmp_path):
    # main() ends the process without the interpreter's teardown: nothing may be lost
    code, out, err = _run_main(tmp_path, ["--version"])
    assert code == 0, err
    assert "textscan, version" in out and out.rstrip().endswith("exit handler ran")
    assert "not reached" not in out
    code, out, err = _run_main(
        tmp_path, ["scan", str(tmp_path / "missing.pdf"), "--out", str(tmp_path / "out")]
    )
    assert code == 2
    assert "no such file or folder" in err and "missing.pdf" in err
    assert "exit handler ran" in out


def test_the_command_waits_for_a_thread_that_is_not_a_daemon(tmp_path):
    done = tmp_path / "done.txt"
    before = (
        "import threading, time\n"
        "def late():\n"
        "    time.sleep(0.5)\n"
        f"    open({str(done)!r}, 'w').write('written')\n"
        "threading.Thread(target=late).start()\n"
    )
    code, _out, err = _run_main(tmp_path, ["--version"], before)
    assert code == 0, err
    assert done.read_text() == "written"


@pytest.mark.parametrize(("chosen", "threads"), [(None, 1), ("2", 2)])
def test_scan_keeps_numpys_blas_to_one_thread_unless_the_user_chose(tmp_path, chosen, threads):
    """numpy's OpenBLAS would start a thread per core as a scan imports numpy (60 ms
    of CPU before the first worker); the workers are processes and no linear
    algebra is done, so the command sets one thread, and keeps a number the user set."""
    import os

    from conftest import run_python

    plan = tmp_path / "plan.txt"
    plan.write_text("De gemeente pakt overlast aan en werkt samen met scholen.\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if chosen is not None:
        env["OPENBLAS_NUM_THREADS"] = chosen
    proc = run_python(
        "import sys, threadpoolctl\n"
        "from click.testing import CliRunner\n"
        "from textscan.cli import cli\n"
        f"args = ['scan', {str(plan)!r}, '--out', {str(tmp_path / 'out')!r}, '-q', '--jobs', '0',\n"
        "        '--no-cache']\n"
        "result = CliRunner().invoke(cli, args)\n"
        "assert result.exit_code == 0, result.output\n"
        "blas = [i for i in threadpoolctl.threadpool_info() if i['internal_api'] == 'openblas']\n"
        "print('numpy' in sys.modules, [i['num_threads'] for i in blas])\n",
        env,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"True [{threads}]"


def test_a_text_that_is_not_dutch_is_flagged_by_every_command(runner, tmp_path):
    english = tmp_path / "plan.txt"
    english.write_text(
        " ".join(
            ["The council will work with the police and the schools to reduce crime in the town."]
            * 8
        ),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["profile", str(english), "--format", "json"])
    assert result.exit_code == 0, result.output
    start = result.output.index("{")
    profile = json.loads(result.output[start : result.output.rindex("}") + 1])
    assert [w["code"] for w in profile["warnings"]] == ["not-dutch"]
    for args in (["profile", str(english)], ["hits", str(english)]):
        result = runner.invoke(cli, args)
        assert f"warning: {english}: does not look like Dutch text" in result.output, args


def test_a_cache_folder_that_cannot_be_written_is_named_and_the_scan_goes_on(
    runner, tmp_path, plan_txt
):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map", encoding="utf-8")
    out = tmp_path / "o"
    args = ["scan", str(plan_txt), "--out", str(out), "--cache-dir", str(blocker / "cache")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f"the cache folder {blocker / 'cache'} cannot be written" in result.output
    assert f"{blocker} is a file, not a folder" in result.output
    assert (out / "profiles.csv").is_file()
    # a folder that can be written: no warning
    result = runner.invoke(cli, [*args[:4], "--cache-dir", str(tmp_path / "cache")])
    assert "cannot be written" not in result.output


def test_lexicon_check_warns_about_an_entry_that_repeats_another(runner, tmp_path):
    def lexicon(second: str) -> Path:
        path = tmp_path / f"dubbel-{second}.yaml"
        path.write_text(
            'name: dubbel\nversion: "1.0"\ncategories:\n  - {id: hard, label: Hard}\n'
            "  - {id: zacht, label: Zacht}\nentries:\n"
            "  - {id: eerste, category: hard, lemma: overlast}\n"
            f"  - {{id: tweede, category: {second}, lemma: overlast}}\n",
            encoding="utf-8",
        )
        return path

    text = tmp_path / "zin.txt"
    text.write_text("De overlast in de wijk is groot.", encoding="utf-8")
    for second, effect in (
        ("hard", "only 'eerste' is ever counted"),
        ("zacht", "the same words count as both hard and zacht"),
    ):
        path = lexicon(second)
        result = runner.invoke(cli, ["lexicon", "check", str(path)])
        assert result.exit_code == 0
        assert f"entries[1] 'tweede' ({second}) repeats the lemma 'overlast'" in result.output
        assert effect in result.output
        args = ["hits", str(text), "--replace-lexicons", "--lexicon", str(path), "--format", "csv"]
        hits = runner.invoke(cli, args).output
        assert ",eerste," in hits and (",tweede," in hits) == (second == "zacht")  # as it says
    result = runner.invoke(cli, ["lexicon", "check", "lexicons/framing.yaml"])
    assert "warning" not in result.output
