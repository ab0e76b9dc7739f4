"""The output tables written without pandas must be what pandas wrote."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from textscan.tables import Table, _plain_arrow_array, column_kind, to_arrow, write_csv

VALUES = st.one_of(
    st.none(),
    st.just(math.nan),
    st.just(math.inf),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from(["", "wijk", "a,b", 'zei "ja"', "twee\nregels", "é", "0.5", "True"]),
)


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """What textscan did to a frame before ``Table.from_pandas`` when it wrote through
    pandas (until session 12): object columns of mixed values as their text."""
    out = frame.copy()
    for col in out.columns:
        if (
            out[col].dtype == object
            and not out[col].map(lambda v: isinstance(v, str) or v is None).all()
        ):
            out[col] = out[col].map(lambda v: None if v is None or v != v else str(v))
    return out


def _pandas_csv(frame: pd.DataFrame, tmp: Path) -> str:
    frame.to_csv(tmp, index=False)
    return tmp.read_text(encoding="utf-8")


def _same_arrow(frame: pd.DataFrame, table: Table) -> None:
    want = pa.Table.from_pandas(_parquet_safe(frame), preserve_index=False)
    got = to_arrow(table)
    assert got.schema.remove_metadata() == want.schema.remove_metadata()
    assert json.loads(got.schema.metadata[b"pandas"]) == json.loads(want.schema.metadata[b"pandas"])
    assert repr(got.to_pylist()) == repr(want.to_pylist())  # repr: NaN == NaN


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(
        st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), VALUES, max_size=4),
        min_size=1,
        max_size=5,
    ).filter(any)
)
def test_rows_are_written_as_pandas_writes_them(rows, tmp_path_factory) -> None:
    tmp = tmp_path_factory.mktemp("t")
    frame = pd.DataFrame(rows)
    table = Table.from_rows(rows)
    assert table.names == list(frame.columns)
    write_csv(table, tmp / "ours.csv")
    assert (tmp / "ours.csv").read_text(encoding="utf-8") == _pandas_csv(frame, tmp / "p.csv")
    _same_arrow(frame, table)


@settings(max_examples=200, deadline=None)
@given(
    pages=st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=500)), min_size=1),
    texts=st.lists(st.text(max_size=5), min_size=1),
)
def test_columns_cast_as_astype_does(pages, texts, tmp_path_factory) -> None:
    # the hit and sentence tables: page numbers with gaps are nullable integers
    tmp = tmp_path_factory.mktemp("t")
    n = min(len(pages), len(texts))
    columns = {"page": pages[:n], "text": texts[:n], "id": list(range(n))}
    frame = pd.DataFrame(columns).astype({"page": "Int64", "id": "int64"})
    table = Table.from_columns(columns, ["page", "text", "id"], {"page": "Int64", "id": "int64"})
    write_csv(table, tmp / "ours.csv")
    assert (tmp / "ours.csv").read_text(encoding="utf-8") == _pandas_csv(frame, tmp / "p.csv")
    _same_arrow(frame, table)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.text(max_size=6), min_size=1, max_size=40),
    ints=st.lists(st.integers(min_value=-(10**15), max_value=10**15), min_size=1, max_size=40),
    floats=st.lists(st.floats(width=64), min_size=1, max_size=40),
    flags=st.lists(st.booleans(), min_size=1, max_size=40),
    gaps=st.sets(st.integers(min_value=0, max_value=39), max_size=5),
)
def test_columns_of_one_type_are_written_as_pandas_writes_them(
    texts, ints, floats, flags, gaps, tmp_path_factory
) -> None:
    # the usual columns (one Python type, with or without gaps) take a faster way
    tmp = tmp_path_factory.mktemp("t")
    n = min(len(texts), len(ints), len(floats), len(flags))
    columns = {"text": texts[:n], "n": ints[:n], "x": floats[:n], "flag": flags[:n]}
    for name in list(columns):
        columns[f"{name}_gaps"] = [None if i in gaps else v for i, v in enumerate(columns[name])]
    frame = pd.DataFrame(columns)
    table = Table.from_columns(columns, list(columns))
    for kind, name in zip(table.kinds, ("text", "n", "x", "flag"), strict=False):
        assert _plain_arrow_array(kind, columns[name]) is not None  # the faster way was taken
    write_csv(table, tmp / "ours.csv")
    assert (tmp / "ours.csv").read_text(encoding="utf-8") == _pandas_csv(frame, tmp / "p.csv")
    _same_arrow(frame, table)


def test_empty_tables(tmp_path) -> None:
    frame = pd.DataFrame(columns=["file", "pages"])
    table = Table.from_rows([], ["file", "pages"])
    write_csv(table, tmp_path / "ours.csv")
    assert (tmp_path / "ours.csv").read_text() == _pandas_csv(frame, tmp_path / "p.csv")
    _same_arrow(frame, table)
    none = Table.from_rows([])
    write_csv(none, tmp_path / "none.csv")
    assert (tmp_path / "none.csv").read_text() == _pandas_csv(pd.DataFrame([]), tmp_path / "q.csv")


def test_column_kinds() -> None:
    assert column_kind([1, 2]) == "int64"
    assert column_kind([1, None]) == "float64"  # a gap turns whole numbers into floats
    assert column_kind([True, None]) == "object"
    assert column_kind([None, None]) == "empty"
    assert column_kind([math.nan]) == "float64"
    assert column_kind(["a", None]) == "str"
    assert column_kind(["a", 1]) == "object"


def test_a_quiet_scan_does_not_import_pandas(tmp_path, plan_txt) -> None:
    code = (
        "import atexit, sys\n"
        "flag = sys.argv.pop(1)\n"
        "atexit.register(lambda: open(flag, 'w').write(str('pandas' in sys.modules)))\n"
        "from textscan.cli import main\n"
        "main()\n"
    )
    flag = tmp_path / "pandas.txt"
    out = tmp_path / "out"
    args = ["scan", str(plan_txt), "--out", str(out), "--quiet", "--cache-dir", str(tmp_path)]
    proc = subprocess.run(
        [sys.executable, "-c", code, str(flag), *args], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert flag.read_text() == "False"
    assert (out / "profiles.csv").read_text(encoding="utf-8").startswith("document,path,sha256")
    assert pd.read_parquet(out / "hits.parquet")["page"].dtype == "Int64"


def test_scan_results_build_their_frames_when_first_read(plan_txt, tmp_path) -> None:
    from textscan.runner import scan

    result = scan([plan_txt], tmp_path / "out", jobs=0, cache=False)
    assert result._frames == {}  # writing the files built no DataFrame
    assert result.ok and result.n_failures == 0 and result.n_warnings == 0
    profiles = result.profiles
    assert result.profiles is profiles and set(result._frames) == {"profiles"}
    assert list(profiles["document"]) == [plan_txt.stem]
    assert profiles["pages"].dtype == "Int64"
    written = pd.read_csv(tmp_path / "out" / "hits.csv")
    assert len(written) == len(result.hits) > 0
    assert "1 profiles, 0 failures" in repr(result)


def test_the_large_tables_are_held_once(plan_txt) -> None:
    from textscan.runner import scan

    result = scan([plan_txt], None, jobs=0, cache=False)
    assert result._parts.hits and result._parts.sentences
    hits, sentences = result.hits, result.sentences
    assert result._parts.hits == [] and result._parts.sentences == []  # the frames hold them
    assert result.hits is hits and result.sentences is sentences and len(hits) and len(sentences)


def test_numpy_scalars_are_typed_as_pandas_types_them(tmp_path) -> None:
    import numpy as np

    rows = [
        {"n": np.int64(3), "f": np.float64(0.5), "b": np.bool_(True), "gap": np.int64(2)},
        {"n": np.int64(4), "f": np.float64("nan"), "b": np.bool_(False)},
    ]
    frame = pd.DataFrame(rows)
    table = Table.from_rows(rows)
    assert table.kinds == ["int64", "float64", "bool", "float64"]
    write_csv(table, tmp_path / "ours.csv")
    assert (tmp_path / "ours.csv").read_text() == _pandas_csv(frame, tmp_path / "p.csv")
    _same_arrow(frame, table)


def test_installed_versions_are_read_without_importing_the_packages_or_their_metadata():
    """The Parquet metadata names pandas' version and the lemma tables' file name
    those of simplemma and spacy-lookups-data: each read from the package's own
    version file, in a fresh process that imports neither the packages nor
    ``importlib.metadata`` (20-50 ms before a scan's first worker)."""
    import os
    from importlib.metadata import version

    from conftest import run_python

    proc = run_python(
        "import sys\n"
        "from textscan._version import installed_version, pandas_version\n"
        "from textscan.lemmatizer import tables_path\n"
        "tables_path()\n"
        "print(pandas_version(),\n"
        "      installed_version('simplemma', 'simplemma', '__metadata__.py'),\n"
        "      installed_version('spacy-lookups-data', 'spacy_lookups_data', 'about.py'),\n"
        "      installed_version('spacy', 'spacy', 'about.py'))\n"
        "print(*(m in sys.modules for m in ('pandas', 'simplemma', 'spacy_lookups_data',\n"
        "                                   'spacy', 'importlib.metadata')))\n",
        dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    versions, imported = proc.stdout.splitlines()
    expected = [version(d) for d in ("pandas", "simplemma", "spacy-lookups-data", "spacy")]
    assert versions.split() == expected
    assert imported.split() == ["False"] * 5


def test_an_installed_version_without_a_version_file_comes_from_the_metadata():
    from importlib.metadata import version

    from textscan._version import installed_version

    # pandas has no "no_such_file.py": its package metadata answers
    assert installed_version("pandas", "pandas", "no_such_file.py") == version("pandas")
    assert installed_version("no-such-dist", "no_such_module", "about.py") == "unknown"
