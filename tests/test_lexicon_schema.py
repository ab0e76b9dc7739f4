"""Lexicon validation: every problem located by file, path and line."""

from __future__ import annotations

import pytest

from textscan.errors import LexiconError
from textscan.lexicon import load_lexicon, load_lexicons, parse_lexicon

GOOD = """name: mini
version: "1"
categories:
  - {id: rep, label: Repressief, pole: -1}
  - {id: pos, label: Positief, pole: 1}
entries:
  - {id: aanpak, category: rep, lemma: aanpak}
  - {id: vertrouwen, category: pos, lemma: vertrouwen}
"""


def problems(text: str) -> str:
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, "mini.yaml")
    return str(info.value)


def test_good_lexicon_loads_with_hash():
    lx = parse_lexicon(GOOD, "mini.yaml")
    assert lx.category_ids == ("rep", "pos")
    assert len(lx.sha256) == 64
    assert parse_lexicon(GOOD).sha256 == lx.sha256


def test_missing_field_is_located():
    msg = problems(GOOD.replace(", lemma: aanpak", ""))
    assert msg.startswith("mini.yaml: entries[0] (line 7)")
    assert "'lemma' or 'pattern' is required" in msg


def test_unknown_category_is_located():
    msg = problems(GOOD.replace("category: pos", "category: positief"))
    assert "mini.yaml: entries[1]: unknown category 'positief' (valid: rep, pos) (line 8)" in msg


def test_bad_yaml_is_located():
    msg = problems("name: mini\ncategories: [\n")
    assert msg.startswith("mini.yaml: line ") and "invalid YAML" in msg


def test_unknown_key_and_duplicate_id():
    msg = problems(GOOD.replace("name: mini", "name: mini\ncolour: red"))
    assert "colour (line 2): unknown key 'colour'" in msg
    msg = problems(GOOD.replace("id: vertrouwen", "id: aanpak"))
    assert "duplicate id 'aanpak'" in msg


def test_particle_must_prefix_lemma():
    msg = problems(GOOD.replace("lemma: aanpak}", "lemma: aanpak, particle: op}"))
    assert "does not start with particle 'op'" in msg


def test_overly_broad_pattern_is_refused():
    msg = problems(GOOD.replace("lemma: aanpak}", "pattern: '**'}"))
    assert "entries[0]" in msg


def test_missing_lexicon_file_names_it(tmp_path):
    with pytest.raises(LexiconError, match=r"nergens\.yaml: no such lexicon file"):
        load_lexicon(tmp_path / "nergens.yaml")


def test_defaults_include_framing_and_user_lexicon_replaces_same_name(tmp_path):
    names = [lx.name for lx in load_lexicons()]
    assert names[0] == "framing"
    mine = tmp_path / "framing.yaml"
    mine.write_text(GOOD.replace("name: mini", "name: framing"))
    lexicons = load_lexicons([mine])
    framing = [lx for lx in lexicons if lx.name == "framing"]
    assert len(framing) == 1 and framing[0].path == str(mine)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    """Entry errors and the cross checks (unknown category, duplicate id) in one run."""
    from textscan.lexicon import LexiconError, parse_lexicon

    text = (
        'name: t\nversion: "1"\ncategories:\n  - {id: a, label: A}\nentries:\n'
        "  - {id: x, category: a, lemmma: foo}\n"
        "  - {id: y, category: b, lemma: bar}\n"
        "  - {id: y, category: a, lemma: baz}\n"
    )
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, source="t.yaml")
    problems = info.value.problems
    assert any("unknown key 'lemmma'" in p for p in problems)
    assert any("entries[1]: unknown category 'b'" in p and "(line 7)" in p for p in problems)
    assert any("entries[2]: duplicate id 'y'" in p for p in problems)


def test_an_unquoted_version_that_yaml_changes_is_refused():
    from textscan.lexicon import LexiconError, parse_lexicon

    body = "categories:\n  - {id: a, label: A}\nentries:\n  - {id: x, category: a, lemma: foo}\n"
    with pytest.raises(LexiconError, match=r"1.10 is read by YAML as the number 1.1"):
        parse_lexicon("name: t\nversion: 1.10\n" + body)
    assert parse_lexicon("name: t\nversion: 1.0\n" + body).version == "1.0"
    assert parse_lexicon('name: t\nversion: "1.10"\n' + body).version == "1.10"


def test_a_validated_lexicon_is_kept_on_disk_and_a_damaged_copy_is_validated_again(monkeypatch):
    # every run starts by reading the lexicons: what the schema made of a text is kept
    # by the text's hash, and read back without YAML or pydantic
    import os
    from pathlib import Path

    import textscan.lexicon as lexicon_module

    calls: list[int] = []
    real = lexicon_module._validated
    monkeypatch.setattr(
        lexicon_module, "_validated", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    monkeypatch.setattr(lexicon_module, "_PARSED", {})  # no copy validated in this process
    first = parse_lexicon(GOOD)
    stored = list((Path(os.environ["TEXTSCAN_CACHE"]) / "lexicons").glob("*.marshal"))
    assert len(stored) == 1 and calls == [1]
    monkeypatch.setattr(lexicon_module, "_PARSED", {})
    again = parse_lexicon(GOOD)
    assert calls == [1]  # read back, not validated
    assert again.spec == first.spec and again.sha256 == first.sha256
    stored[0].write_bytes(b"\x00 not what was stored")
    monkeypatch.setattr(lexicon_module, "_PARSED", {})
    assert parse_lexicon(GOOD).spec == first.spec
    assert calls == [1, 1]  # validated again, and the copy replaced
    monkeypatch.setattr(lexicon_module, "_PARSED", {})
    parse_lexicon(GOOD)
    assert calls == [1, 1]
    # an edit is another text, parsed; a problem in it is still located by line
    with pytest.raises(LexiconError, match="line 7"):
        parse_lexicon(GOOD.replace("category: rep, lemma: aanpak", "category: nope"))


def test_a_cache_folder_that_cannot_be_written_still_loads_lexicons(monkeypatch, tmp_path):
    import textscan.lexicon as lexicon_module

    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    monkeypatch.setenv("TEXTSCAN_CACHE", str(blocked))
    monkeypatch.setattr(lexicon_module, "_PARSED", {})
    assert parse_lexicon(GOOD).name == "mini"


def test_stored_parses_are_pruned_to_the_newest(monkeypatch):
    # a lexicon edited hundreds of times must not fill the cache folder
    import os
    from pathlib import Path

    import textscan.lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "PARSED_KEEP", 3)
    for k in range(5):
        monkeypatch.setattr(lexicon_module, "_PARSED", {})
        parse_lexicon(GOOD + f"# edit {k}\n")
    folder = Path(os.environ["TEXTSCAN_CACHE"]) / "lexicons"
    assert len(list(folder.glob("*.marshal"))) == 3
    # the newest is among those kept: read back without validating
    calls: list[int] = []
    real = lexicon_module._validated
    monkeypatch.setattr(
        lexicon_module, "_validated", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    monkeypatch.setattr(lexicon_module, "_PARSED", {})
    parse_lexicon(GOOD + "# edit 4\n")
    assert calls == []


def test_stored_parses_are_pruned_in_batches(monkeypatch):
    # the folder's ages are read only once an eighth more than are kept have gathered
    import os
    from pathlib import Path

    import textscan.lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "PARSED_KEEP", 16)
    folder = Path(os.environ["TEXTSCAN_CACHE"]) / "lexicons"
    counts = []
    for k in range(20):
        monkeypatch.setattr(lexicon_module, "_PARSED", {})
        parse_lexicon(GOOD + f"# batch edit {k}\n")
        counts.append(len(list(folder.glob("*.marshal"))))
    assert max(counts) == 18  # 16 kept and two more before a prune
    assert counts[:18] == list(range(1, 19)) and counts[18] == 16 and counts[19] == 17


def test_an_entry_may_have_a_label_for_reports_that_matching_ignores():
    labelled = GOOD.replace(
        "lemma: aanpak}", 'lemma: aanpak, label: "  de  aanpak\n van overlast "}'
    )
    lx = parse_lexicon(labelled, "mini.yaml")
    assert lx.entry_by_id["aanpak"].label == "de aanpak van overlast"  # one line
    assert lx.entry_by_id["vertrouwen"].label is None
    assert lx.to_dict()["entries"][0]["label"] == "de aanpak van overlast"
    assert "label" not in lx.to_dict()["entries"][1]
    msg = problems(GOOD.replace("lemma: aanpak}", 'lemma: aanpak, label: "  "}'))
    assert "mini.yaml: entries[0].label (line 7)" in msg and "must not be empty" in msg
    msg = problems(GOOD.replace("lemma: aanpak}", "lemma: aanpak, label: [a, b]}"))
    assert "entries[0].label" in msg


def test_the_records_have_the_fields_of_the_schema():
    # the schema (pydantic) checks a text, the records carry it: they must not drift apart
    from dataclasses import MISSING, fields

    import textscan._lexicon_schema as schema
    import textscan.lexicon as lexicon_module

    for name in ("Exclusion", "Category", "Entry", "LexiconSpec"):
        model = getattr(schema, name)
        record = getattr(lexicon_module, name)
        assert [f.name for f in fields(record)] == list(model.model_fields), name
        for f in fields(record):
            info = model.model_fields[f.name]
            if not info.is_required():
                assert f.default is not MISSING and f.default == info.default, (name, f.name)


def test_records_read_back_equal_a_fresh_validation_and_dump_as_the_schema_does(monkeypatch):
    # what the kept copy gives is what validating the text gives, field by field
    import yaml

    import textscan._lexicon_schema as schema
    import textscan.lexicon as lexicon_module
    from textscan.lexicon import available_lexicons, default_lexicon_dir, load_lexicon

    for name in available_lexicons():
        text = (default_lexicon_dir() / f"{name}.yaml").read_text(encoding="utf-8")
        model = schema.LexiconSpec.model_validate(yaml.safe_load(text))
        monkeypatch.setattr(lexicon_module, "_PARSED", {})
        first = load_lexicon(name)  # validated now, or read back
        monkeypatch.setattr(lexicon_module, "_PARSED", {})
        again = load_lexicon(name)  # read back
        assert first.spec == again.spec
        assert first.to_dict() == model.model_dump(mode="json", exclude_defaults=True)
        for entry, checked in zip(first.entries, model.entries, strict=True):
            assert entry.to_dict(exclude_defaults=True) == checked.model_dump(exclude_defaults=True)
            assert entry.words == tuple((checked.lemma or checked.pattern or "").split())


def test_lexicons_read_before_load_without_yaml_or_pydantic(tmp_path):
    # a run's start: the bundled lexicons come from what was kept, the schema stays unloaded
    import os

    from conftest import run_python

    script = (
        "import sys\n"
        "from textscan.lexicon import load_lexicons\n"
        "lexicons = load_lexicons()\n"
        "print(len(lexicons), 'pydantic' in sys.modules, 'yaml' in sys.modules)\n"
    )
    env = dict(os.environ, TEXTSCAN_CACHE=str(tmp_path / "cache"))
    runs = [run_python(script, env).stdout.split() for _ in range(2)]
    assert runs[0] == ["5", "True", "True"]  # first: read and validated
    assert runs[1] == ["5", "False", "False"]
