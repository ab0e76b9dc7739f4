"""How the 32 sections of readings.json were chosen and written out for the readers.

Run from the repository root with ../shared beside it:

    python tests/data/sections/choose_sections.py OUT_FOLDER

Every section of the seven shared PDFs (as textscan's extraction divides them)
with 120 to 2,400 words; those with at least three topic words of safety and
justice (a plain regular expression, not a textscan lexicon) are shuffled with
a fixed seed and taken until 17,000 words, then five sections without them.
Writes OUT_FOLDER/S01.txt ... (source, pages, heading, text) and index.json.
The texts are derived from the shared PDFs and are not committed.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "data" / "pdf"
TOPIC = re.compile(
    r"veilig|politie|crimin|justiti|overlast|drugs|geweld|agent|straf|rechtspra|ondermijn|"
    r"radicali|boa\b|wijk|jongeren",
    re.I,
)


def main(out: Path) -> None:
    from textscan.extract import extract
    from textscan.pipeline import section_titles

    rng = random.Random(10)
    candidates = []
    for f in sorted(SHARED.rglob("*.pdf")):
        doc = extract(f)
        titles = section_titles(doc)
        sections: dict[str, list] = {}
        for p in doc.analysed_paragraphs:
            sections.setdefault(p.section, []).append(p)
        for sid, paras in sections.items():
            words = sum(len(p.text.split()) for p in paras)
            text = "\n\n".join(p.text for p in paras)
            if 120 <= words <= 2400:
                candidates.append((f.name, sid, titles.get(sid, ""), words, len(TOPIC.findall(text)), paras))
    safety = [c for c in candidates if c[4] >= 3]
    other = [c for c in candidates if c[4] < 3]
    rng.shuffle(safety)
    rng.shuffle(other)
    pick, total = [], 0
    for c in safety:
        if total + c[3] <= 17000:
            pick.append(c)
            total += c[3]
    pick += other[:5]
    rng.shuffle(pick)
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for n, (name, sid, title, words, _, paras) in enumerate(pick, 1):
        pages = sorted({p.page for p in paras})
        body = "\n\n".join(p.text for p in paras)
        (out / f"S{n:02d}.txt").write_text(
            f"Bron: {name}, pagina {pages[0]}–{pages[-1]}\nKop: {title}\n\n{body}\n", encoding="utf-8"
        )
        index.append({"key": f"S{n:02d}", "file": name, "section": sid, "title": title, "words": words})
    (out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
