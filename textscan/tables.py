"""The scan's output tables as plain columns, written without pandas.

``textscan scan`` writes ``profiles.csv``, ``hits.csv``, ``failures.csv``,
``warnings.csv`` and three Parquet files at the end of every run. Building
them through pandas meant importing it (0.2 s of CPU, on a core the workers
need) in every run, also in one that only writes files. A :class:`Table`
holds the same columns as plain lists with the column type pandas gives them
(:func:`column_kind`); :func:`write_csv` writes what ``DataFrame.to_csv(index=False)``
writes, and :func:`write_parquet` what ``pyarrow.Table.from_pandas`` makes of
the frame, its pandas metadata included, so that ``pandas.read_parquet``
gives the same frame back. ``ScanResult`` still offers pandas DataFrames,
built when first asked for. Tests compare both ways on generated tables.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real
from pathlib import Path
from typing import Any

#: the column types, named after their pandas dtype: int64 and Int64 (integers,
#: the latter with gaps), float64, bool, str (text, with gaps), object (mixed
#: values) and empty (no value at all)
KINDS = ("int64", "Int64", "float64", "bool", "str", "object", "empty")


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _is_bool(v: Any) -> bool:
    # Python's bool or numpy's (which is no subclass of bool)
    return isinstance(v, bool) or type(v).__name__ in ("bool", "bool_")


def column_kind(values: Sequence[Any]) -> str:
    """The dtype pandas infers for a column of these Python values.

    As ``pandas.DataFrame`` does for a list of values or of row dicts: whole
    numbers are ``int64``, or ``float64`` when a value is missing; booleans
    are ``bool``, or ``object`` when one is missing; text is ``str``; a mix of
    kinds is ``object``; a column without any value is ``empty``. numpy's
    integer, float and boolean scalars count as their Python kinds (numpy's
    32-bit floats, which pandas keeps as float32, do not occur in textscan's
    tables).
    """
    fast = _KIND_OF_TYPES.get(frozenset(map(type, values)))
    if fast is not None:  # the usual columns: one Python type, perhaps with gaps
        return fast
    present = [v for v in values if not _missing(v)]
    if not present:  # None alone keeps an object column; NaN (a missing key) is a number
        return "empty" if all(v is None for v in values) else "float64"
    gaps = len(present) != len(values)
    if all(_is_bool(v) for v in present):
        return "object" if gaps else "bool"
    if all(isinstance(v, Integral) and not _is_bool(v) for v in present):
        return "float64" if gaps else "int64"
    if all(isinstance(v, Real) and not _is_bool(v) for v in present):
        return "float64"
    if all(isinstance(v, str) for v in present):
        return "str"
    return "object"


# the kind of a column whose values are of exactly these Python types (None a gap)
_NONE = type(None)
_KIND_OF_TYPES: dict[frozenset[type], str] = {
    frozenset({str}): "str",
    frozenset({str, _NONE}): "str",
    frozenset({int}): "int64",
    frozenset({int, _NONE}): "float64",
    frozenset({bool}): "bool",
    frozenset({bool, _NONE}): "object",
    frozenset({float}): "float64",
    frozenset({float, _NONE}): "float64",
    frozenset({int, float}): "float64",
    frozenset({_NONE}): "empty",
}


@dataclass
class Table:
    """Named columns of equal length, each with its pandas dtype (see :data:`KINDS`)."""

    names: list[str]
    columns: list[list[Any]]
    kinds: list[str]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, list[Any]],
        names: Sequence[str],
        kinds: Mapping[str, str] | None = None,
    ) -> Table:
        """A table of the columns ``names``; a kind in ``kinds`` is a cast (``astype``)."""
        kinds = kinds or {}
        cols = [list(columns[n]) for n in names]
        if not cols or not cols[0]:
            # no rows: every column of an empty frame is an object column without values
            return cls(list(names), [[] for _ in names], ["empty"] * len(names))
        return cls(
            list(names),
            cols,
            [kinds.get(n) or column_kind(c) for n, c in zip(names, cols, strict=True)],
        )

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[Mapping[str, Any]],
        names: Sequence[str] | None = None,
        kinds: Mapping[str, str] | None = None,
    ) -> Table:
        """A table of row dicts, as ``pandas.DataFrame(rows, columns=names)``.

        Without ``names`` the columns are every key, in the order each first
        appears; a key a row lacks is a missing value there (NaN, as in pandas).
        """
        rows = list(rows)
        if names is None:
            seen: dict[str, None] = {}
            for r in rows:
                seen.update(dict.fromkeys(r))
            names = list(seen)
        columns = {n: [r.get(n, math.nan) for r in rows] for n in names}
        return cls.from_columns(columns, names, kinds)


def _cell(kind: str, v: Any) -> Any:
    """One value as ``DataFrame.to_csv`` writes it."""
    if _missing(v) or kind == "empty":
        return ""
    if kind == "float64":
        return repr(float(v))
    if kind in ("int64", "Int64"):
        return str(int(v))
    return v if isinstance(v, str) else str(v)


def write_csv(table: Table, path: Path) -> None:
    """``table`` as ``DataFrame.to_csv(path, index=False)`` writes it."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(table.names)
        cols = [_cells(kind, col) for kind, col in zip(table.kinds, table.columns, strict=True)]
        writer.writerows(zip(*cols, strict=True))


def _cells(kind: str, col: list[Any]) -> list[Any]:
    """A column's values as ``DataFrame.to_csv`` writes them (see :func:`_cell`)."""
    types = set(map(type, col))
    if kind == "str" and types == {str}:
        return col
    if kind == "str" and types == {str, _NONE}:  # text with gaps (a hit's negator)
        return ["" if v is None else v for v in col]
    if kind == "bool" and types == {bool}:
        return ["True" if v else "False" for v in col]
    if kind in ("int64", "Int64") and types == {int}:
        return list(map(str, col))
    if kind == "float64" and types == {float}:
        return [repr(v) if v == v else "" for v in col]
    return [_cell(kind, v) for v in col]


# the pandas metadata (pandas_type, numpy_type) of each kind, as
# pyarrow.Table.from_pandas writes it for textscan's frames (text is pandas' str)
_PANDAS_TYPES = {
    "int64": ("int64", "int64"),
    "Int64": ("int64", "Int64"),
    "float64": ("float64", "float64"),
    "bool": ("bool", "bool"),
    "str": ("object", "str"),
    "object": ("object", "str"),
    "empty": ("empty", "object"),
}


def _arrow_array(kind: str, col: list[Any]) -> Any:
    """The Arrow array of a column, built from its buffers.

    ``pyarrow.array`` looks whether a list is a pandas object, and so imports
    pandas when it is installed: what writing without pandas is to avoid.
    """
    import numpy as np
    import pyarrow as pa

    n = len(col)
    if kind == "empty":
        return pa.nulls(n)
    fast = _plain_arrow_array(kind, col)
    if fast is not None:
        return fast
    valid = [not _missing(v) for v in col]
    nulls = n - sum(valid)
    bitmap = pa.py_buffer(np.packbits(np.array(valid, dtype=bool), bitorder="little").tobytes())
    validity = bitmap if nulls else None
    if kind in ("str", "object"):  # mixed values are stored as their text
        data = [
            (v if isinstance(v, str) else str(v)).encode("utf-8") if ok else b""
            for v, ok in zip(col, valid, strict=True)
        ]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum([len(b) for b in data], out=offsets[1:])
        buffers = [validity, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(data))]
        return pa.Array.from_buffers(pa.large_string(), n, buffers, null_count=nulls)
    if kind == "bool":
        bits = np.packbits(np.array([bool(v) for v in col], dtype=bool), bitorder="little")
        return pa.Array.from_buffers(
            pa.bool_(), n, [validity, pa.py_buffer(bits.tobytes())], null_count=nulls
        )
    if kind == "float64":
        values = np.array([float(v) if ok else 0.0 for v, ok in zip(col, valid, strict=True)])
        arrow_type = pa.float64()
    else:
        values = np.array([int(v) if ok else 0 for v, ok in zip(col, valid, strict=True)])
        values = values.astype(np.int64)
        arrow_type = pa.int64()
    return pa.Array.from_buffers(
        arrow_type, n, [validity, pa.py_buffer(values.tobytes())], null_count=nulls
    )


def _plain_arrow_array(kind: str, col: list[Any]) -> Any | None:
    """The Arrow array of a column of one Python type without gaps (NaN aside), else None.

    Text is joined and encoded once, numbers converted by numpy in one call: a
    third of the time of value-by-value building for the sentence table.
    """
    import numpy as np
    import pyarrow as pa

    n = len(col)
    types = set(map(type, col))
    if kind == "str" and types == {str}:
        data = "".join(col).encode("utf-8")
        chars = np.fromiter(map(len, col), dtype=np.int64, count=n)
        if len(data) != int(chars.sum()):  # not all ASCII: the length of each in bytes
            chars = np.fromiter((len(v.encode("utf-8")) for v in col), dtype=np.int64, count=n)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(chars, out=offsets[1:])
        buffers = [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(data)]
        return pa.Array.from_buffers(pa.large_string(), n, buffers, null_count=0)
    if kind in ("int64", "Int64") and types == {int}:
        values = np.array(col, dtype=np.int64)
        return pa.Array.from_buffers(pa.int64(), n, [None, pa.py_buffer(values.tobytes())])
    if kind == "float64" and types == {float}:
        values = np.array(col, dtype=np.float64)
        gaps = np.isnan(values)
        nulls = int(gaps.sum())
        validity = None
        if nulls:
            values[gaps] = 0.0
            bits = np.packbits(~gaps, bitorder="little")
            validity = pa.py_buffer(bits.tobytes())
        buffers = [validity, pa.py_buffer(values.tobytes())]
        return pa.Array.from_buffers(pa.float64(), n, buffers, null_count=nulls)
    if kind == "bool" and types == {bool}:
        bits = np.packbits(np.array(col, dtype=bool), bitorder="little")
        return pa.Array.from_buffers(pa.bool_(), n, [None, pa.py_buffer(bits.tobytes())])
    return None


def to_arrow(table: Table) -> Any:
    """``table`` as the ``pyarrow.Table`` that ``Table.from_pandas`` makes of its frame."""
    import pyarrow as pa

    from textscan._version import pandas_version

    arrays = []
    meta_columns = []
    for name, kind, col in zip(table.names, table.kinds, table.columns, strict=True):
        pandas_type, numpy_type = _PANDAS_TYPES[kind]
        arrays.append(_arrow_array(kind, col))
        meta_columns.append(
            {
                "name": name,
                "field_name": name,
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": None,
            }
        )
    pandas_meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": meta_columns,
        "attributes": {},
        "creator": {"library": "pyarrow", "version": pa.__version__},
        "pandas_version": pandas_version(),
    }
    schema = pa.schema(
        [pa.field(n, a.type) for n, a in zip(table.names, arrays, strict=True)],
        metadata={b"pandas": json.dumps(pandas_meta).encode("utf-8")},
    )
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(table: Table, path: Path, provenance: dict[str, Any]) -> None:
    """``table`` as Parquet with ``provenance`` (JSON) under the metadata key ``textscan``."""
    import pyarrow.parquet as pq

    arrow = to_arrow(table)
    meta = dict(arrow.schema.metadata or {})
    meta[b"textscan"] = json.dumps(provenance).encode("utf-8")
    pq.write_table(arrow.replace_schema_metadata(meta), path)


__all__ = ["KINDS", "Table", "column_kind", "to_arrow", "write_csv", "write_parquet"]
