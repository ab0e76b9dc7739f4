"""Write the twelve documents the readers read, from the corpora's ground truth.

    python tests/data/documents/make_docs.py OUT_FOLDER

For each ``*.truth.json`` of ``tests/data/layouts`` and ``tests/data/formats``
(in that order, sorted), OUT_FOLDER/Dnn.txt lists the headings ([H1], ...)
and then the paragraphs ([P1], ...) as the truth holds them; index.json maps
the keys to the truth files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    truths = sorted((DATA / "layouts").glob("*.truth.json"))
    truths += sorted((DATA / "formats").glob("*.truth.json"))
    index = []
    for n, path in enumerate(truths, 1):
        truth = json.loads(path.read_text(encoding="utf-8"))
        key = f"D{n:02d}"
        lines = [f"[H{i}] {h['text']}" for i, h in enumerate(truth["headings"], 1)] + [""]
        for i, p in enumerate(truth["paragraphs"], 1):
            lines += [f"[P{i}] {p['text']}", ""]
        (out / f"{key}.txt").write_text("\n".join(lines), encoding="utf-8")
        index.append({"key": key, "truth": f"{path.parent.name}/{path.name}", "file": truth["file"]})
    (out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
