"""Findings, questions and safe rendering of the reports (no browser needed)."""

from __future__ import annotations

import copy
import html as htmllib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from textscan.report import findings as F
from textscan.report import highlight_segments, render_corpus_report, render_diagnosis
from textscan.report.labels import nl_num, nl_pct

REPORT_DATA = Path(__file__).resolve().parent / "data" / "report"


def _cat(count: int, words: int = 1000, sentences: int = 100, share: float | None = None):
    return {
        "count": count,
        "per_1000_words": 1000 * count / words,
        "sentence_share": share if share is not None else min(count / sentences, 1.0),
        "negated": 0,
    }


def make_profile(
    rep: int,
    prev: int,
    pos: int,
    *,
    chain: int = 10,
    partners: int = 10,
    residents: int = 10,
    residents_share: float = 0.1,
    partner_entries: dict[str, int] | None = None,
    themes: dict[str, dict[str, Any]] | None = None,
    domains: dict[str, int] | None = None,
    subjective: int = 1,
    objective: int = 1,
    sha: str = "a" * 64,
) -> dict[str, Any]:
    """A profile dict shaped like Profile.to_dict(), with chosen figures."""
    total = pos + rep
    value = None if total == 0 else (pos - rep) / total
    entries = dict(
        partner_entries
        if partner_entries is not None
        else {"woningcorporatie": 2, "school": 3, "ondernemer": 2, "ggd": 3}
    )
    actor_entries = {"politie": chain, **entries, "bewoner": residents}
    return {
        "document": "plan-" + sha[:4],
        "path": "plans/plan.txt",
        "sha256": sha,
        "words": 1000,
        "sentences": 100,
        "pages": 10,
        "categories": {"repressive": _cat(rep), "preventive": _cat(prev), "positive": _cat(pos)},
        "balance": {
            "value": value,
            "ci_low": None if value is None else max(-1.0, value - 0.2),
            "ci_high": None if value is None else min(1.0, value + 0.2),
        },
        "lexicon": {"name": "framing", "version": "1.0.0", "sha256": "f" * 64},
        "lexicons": [
            {"name": "framing", "version": "1.0.0", "sha256": "f" * 64},
            {"name": "actors", "version": "1.0.0", "sha256": "e" * 64},
        ],
        "actors": {
            "lexicon": "actors",
            "categories": {
                "chain": _cat(chain),
                "partners": _cat(partners),
                "residents": _cat(residents, share=residents_share),
            },
            "entries": actor_entries,
            "entries_by_category": {
                "chain": {"politie": chain} if chain else {},
                "partners": entries,
                "residents": {"bewoner": residents} if residents else {},
            },
            "breadth_entries": len([v for v in actor_entries.values() if v]),
            "breadth_categories": 3,
            "diversity": 1.5,
            "evenness": 0.95,
            "absent_categories": [],
            "network": {
                "nodes": [
                    {"id": "politie", "category": "chain", "mentions": chain},
                    {"id": "bewoner", "category": "residents", "mentions": residents},
                ],
                "edges": [{"source": "bewoner", "target": "politie", "weight": 2}],
            },
        },
        "themes": {
            "lexicon": "themes",
            "categories": {},
            "framing_by_category": themes or {},
            "framing_by_entry": {},
        },
        "domains": {
            "lexicon": "domains",
            "categories": {
                d: _cat(n)
                for d, n in (
                    domains
                    or {
                        "housing": 2,
                        "space": 2,
                        "education": 1,
                        "care": 3,
                        "leisure": 1,
                        "economy": 1,
                        "traffic": 1,
                    }
                ).items()
            },
        },
        "perception": {
            "lexicon": "perception",
            "categories": {"subjective": _cat(subjective), "objective": _cat(objective)},
        },
        "top_terms": {},
        "evidence": {},
        "sections": [],
        "warnings": [],
        "extractor": {"engine": "text"},
        "textscan_version": "0.1.0",
    }


def codes(items) -> set[str]:
    return {x.code for x in items}


# ---------------------------------------------------------------- findings
def test_balance_finding_follows_the_figures() -> None:
    rep = F.derive_findings(make_profile(40, 5, 4))
    pos = F.derive_findings(make_profile(4, 5, 40))
    mixed = F.derive_findings(make_profile(20, 5, 22))
    assert rep[0].code == pos[0].code == mixed[0].code == "balance"
    assert rep[0].tone == "repressive" and rep[0].title == "Overwegend repressief"
    assert pos[0].tone == "positive"
    assert mixed[0].title == "Gemengd"
    # the text carries the plan's own figures
    assert nl_num((4 - 40) / 44, signed=True) in rep[0].text
    assert "10,0 repressieve" in rep[0].text  # 40 repressive per 4 positive


def test_balance_threshold_is_the_documented_constant() -> None:
    # balance just above / below -BALANCE_CLEAR
    just_in = make_profile(67, 0, 33)  # (33-67)/100 = -0.34
    just_out = make_profile(66, 0, 34)  # -0.32
    assert F.derive_findings(just_in)[0].title == "Overwegend repressief"
    # below the threshold, an interval clear of 0 still gives the direction, lightly
    assert F.derive_findings(just_out)[0].title == "Licht meer repressief dan verbindend"


def test_a_balance_on_a_few_terms_claims_no_direction() -> None:
    # one positive word gives B = +1; that is no "meer verbindend" plan
    thin = F.derive_findings(make_profile(0, 2, F.BALANCE_MIN_TERMS - 1))
    assert thin[0].code == "balance_thin" and thin[0].tone == "gap"
    assert "Meer verbindend" not in " ".join(f.title for f in thin)
    enough = F.derive_findings(make_profile(0, 2, F.BALANCE_MIN_TERMS))
    assert enough[0].code == "balance" and enough[0].tone == "positive"


def test_no_balance_without_repressive_or_positive_terms() -> None:
    f = F.derive_findings(make_profile(0, 3, 0))
    assert "balance_undefined" in codes(f)


def test_preventive_leading_and_scarce() -> None:
    # prevention as the most used register leads the headline (a prevention plan is
    # not summed up by its balance of repressive against positive terms alone)
    lead = F.derive_findings(make_profile(5, 30, 10))[0]
    assert lead.code == "balance" and lead.title.startswith("Vooral preventief")
    assert lead.text.startswith("Preventieve taal komt het vaakst voor: 30,0")
    thin = F.derive_findings(make_profile(1, 30, 2))[0]
    assert thin.code == "balance_thin" and thin.title == "Vooral preventief"
    assert "preventive_scarce" in codes(F.derive_findings(make_profile(20, 1, 10)))
    mixed = F.derive_findings(make_profile(20, 10, 10))
    assert "preventive_scarce" not in codes(mixed)
    assert not mixed[0].title.startswith("Vooral preventief")


def test_actor_findings_narrow_broad_and_absent_partners() -> None:
    narrow = make_profile(
        10, 1, 2, chain=40, partners=3, residents=2, partner_entries={"ondernemer": 3}
    )
    f = F.derive_findings(narrow)
    assert {"actors_narrow", "partners_absent"} <= codes(f)
    absent = next(x for x in f if x.code == "partners_absent")
    assert "woningcorporaties" in absent.text and "scholen" in absent.text
    assert "ondernemers" not in absent.text
    broad = make_profile(2, 1, 20, chain=5, partners=20, residents=15)
    assert "actors_broad" in codes(F.derive_findings(broad))


def test_residents_hardly_named_gives_finding_and_question() -> None:
    p = make_profile(10, 5, 10, residents=1, residents_share=0.01)
    assert "residents_low" in codes(F.derive_findings(p))
    q = F.derive_questions(p)
    assert "residents_role" in codes(q)
    assert nl_pct(0.01, 1) in next(x for x in q if x.code == "residents_role").reason


def test_a_gap_of_a_threshold_stands_only_where_the_peers_do_not_contradict_it() -> None:
    # little preventive language (1,8 per 1.000 words, the scarcest of the three), but
    # more than most of the documents beside it: no "where is prevention"
    plan = make_profile(20, 18, 30, sha="1" * 64)
    plan["words"] = 10_000
    for c, n in (("repressive", 70), ("preventive", 18), ("positive", 130)):
        plan["categories"][c] = _cat(n, words=10_000)
    alone_f, alone_q = codes(F.derive_findings(plan)), codes(F.derive_questions(plan))
    assert "preventive_scarce" in alone_f and "where_prevention" in alone_q
    lower = [make_profile(20, 1, 30, sha=str(i) * 64) for i in range(2, 7)]
    for p in lower:
        p["words"] = 10_000
        p["categories"]["preventive"] = _cat(9, words=10_000)  # 0,9 per 1.000 words
    assert "preventive_scarce" not in codes(F.derive_findings(plan, lower))
    assert "where_prevention" not in codes(F.derive_questions(plan, lower))
    # beside peers with more, the gap stands and its reason names their median
    higher = [make_profile(20, 40, 30, sha=str(i) * 64) for i in range(2, 7)]
    q = next(x for x in F.derive_questions(plan, higher) if x.code == "where_prevention")
    assert "mediaan van de 5 vergeleken plannen: 40,0" in q.reason


def test_residents_named_often_in_a_long_text_are_no_tick_beside_a_gap() -> None:
    # 38 mentions, but in 4,4% of the sentences: the finding and the checklist agree
    plan = make_profile(10, 5, 10, residents=38, residents_share=0.044, sha="1" * 64)
    finding = next(f for f in F.derive_findings(plan) if f.code == "residents_low")
    assert "38 keer" in finding.text and "4,4%" in finding.text
    assert "nauwelijks" not in finding.title
    html = htmllib.unescape(render_diagnosis(plan))
    checklist = html[html.index('class="checklist"') :].split("</ul>")[0]
    residents = next(li for li in checklist.split("<li>") if "Bewoners zelf" in li)
    assert 'class="mark few"' in residents and "✓" not in residents
    assert "weinig: 38×, in 4,4% van de zinnen" in residents
    # a partner group named once is marked as named little, as the question calls it
    thin = make_profile(10, 5, 10, partner_entries={"school": 1, "woningcorporatie": 3})
    html = htmllib.unescape(render_diagnosis(thin))
    checklist = html[html.index('class="checklist"') :].split("</ul>")[0]
    schools = next(li for li in checklist.split("<li>") if "Scholen" in li)
    assert 'class="mark few"' in schools and "weinig: 1×" in schools
    # beside documents that name residents still less, neither finding nor mark
    peers = [
        make_profile(10, 5, 10, residents=3, residents_share=0.01, sha=str(i) * 64)
        for i in range(2, 6)
    ]
    assert "residents_low" not in codes(F.derive_findings(plan, peers))
    assert "residents_role" not in codes(F.derive_questions(plan, peers))
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    checklist = html[html.index('class="checklist"') :].split("</ul>")[0]
    residents = next(li for li in checklist.split("<li>") if "Bewoners zelf" in li)
    assert 'class="mark yes"' in residents and "weinig" not in residents


def test_theme_framed_only_repressively_gives_question() -> None:
    themes = {
        "integrity": {
            "sentences": 8,
            "repressive": 6,
            "preventive": 0,
            "positive": 0,
            "balance": -1.0,
        },
        "youth": {"sentences": 5, "repressive": 0, "preventive": 1, "positive": 5, "balance": 1.0},
    }
    p = make_profile(10, 5, 10, themes=themes)
    f = F.derive_findings(p)
    assert "themes_contrast" in codes(f)
    q = F.derive_questions(p)
    theme_q = next(x for x in q if x.code == "theme_repressive")
    assert "integriteit" in theme_q.text.lower() and "jeugd" not in theme_q.text.lower()
    # too few hits: not judged
    few = {
        "integrity": {
            "sentences": 2,
            "repressive": 2,
            "preventive": 0,
            "positive": 0,
            "balance": -1.0,
        }
    }
    assert "theme_integrity" not in codes(F.derive_questions(make_profile(10, 5, 10, themes=few)))


def test_missing_domains_and_perception() -> None:
    p = make_profile(
        10,
        5,
        10,
        domains={
            "housing": 0,
            "space": 0,
            "education": 1,
            "care": 2,
            "leisure": 0,
            "economy": 1,
            "traffic": 1,
        },
        subjective=0,
        objective=6,
    )
    f = F.derive_findings(p)
    dom = next(x for x in f if x.code == "domains_missing")
    named, not_named = dom.text.split(";")
    assert "zorg" in named and "onderwijs" in named
    assert "wonen" in not_named and "recreatie" in not_named and "zorg" not in not_named
    assert "perception_objective_only" in codes(f)
    assert {"domains", "perception"} <= codes(F.derive_questions(p))


def test_findings_and_questions_differ_for_opposite_plans() -> None:
    hard = make_profile(
        50,
        2,
        3,
        chain=40,
        partners=1,
        residents=1,
        residents_share=0.01,
        partner_entries={"ondernemer": 1},
    )
    soft = make_profile(3, 6, 50, chain=5, partners=25, residents=20)
    fh, fs = F.derive_findings(hard), F.derive_findings(soft)
    assert F.summary_findings(fh)[0].text != F.summary_findings(fs)[0].text
    qh, qs = codes(F.derive_questions(hard)), codes(F.derive_questions(soft))
    assert "build_not_only_fight" in qh and "build_not_only_fight" not in qs
    assert "when_intervene" in qs and "when_intervene" not in qh
    assert "beyond_chain" in qh and "beyond_chain" not in qs


def test_summary_takes_at_most_one_finding_per_section() -> None:
    p = make_profile(
        50, 2, 3, chain=40, partners=1, residents=1, residents_share=0.01, partner_entries={}
    )
    summary = F.summary_findings(F.derive_findings(p))
    assert len(summary) == 3
    assert len({f.section for f in summary}) == 3


def test_questions_are_capped() -> None:
    themes = {
        t: {"sentences": 9, "repressive": 8, "preventive": 0, "positive": 0, "balance": -1.0}
        for t in ("living", "business", "youth", "integrity")
    }
    p = make_profile(
        50,
        1,
        2,
        chain=40,
        partners=0,
        residents=0,
        residents_share=0.0,
        partner_entries={},
        themes=themes,
        subjective=0,
        domains={"housing": 0, "space": 0, "care": 0, "leisure": 0},
    )
    assert len(F.derive_questions(p)) == F.MAX_QUESTIONS


# ---------------------------------------------------------------- peers
def test_peer_positions_rank_and_exclude_the_plan_itself() -> None:
    plan = make_profile(40, 2, 4, sha="1" * 64)
    peers = [make_profile(5, 5, 30, sha=str(i) * 64) for i in range(2, 6)] + [plan]
    pos = F.peer_positions(plan, peers)
    bal = pos["balance"]
    assert bal.n == 4  # itself left out
    assert bal.is_lowest and bal.rank == 5
    assert bal.describe().startswith("plaats 5 van 5 op grond van de puntschatting: de laagste")
    f = F.derive_findings(plan, peers)
    assert "peer_extreme" in codes(f)
    assert "peers_lowest" in codes(F.derive_questions(plan, peers))


def test_key_measures_leave_out_absent_blocks() -> None:
    p = make_profile(10, 5, 10)
    for block in ("actors", "themes", "domains", "perception"):
        del p[block]
    m = F.key_measures(p)
    assert set(m) == {"balance", "repressive_per_1000", "preventive_per_1000", "positive_per_1000"}
    assert F.partner_checklist(p) is None
    assert codes(F.derive_findings(p)) <= {"balance", "preventive_leading", "preventive_scarce"}


# ---------------------------------------------------------------- highlighting
def test_highlight_segments_split_at_offsets() -> None:
    text = "Wij pakken de overlast aan en bestrijden drugs."
    hits = [
        {"start": 4, "end": 26, "entry": "aanpakken"},
        {"start": 30, "end": 40, "entry": "bestrijden"},
    ]
    segs = highlight_segments(text, hits)
    assert "".join(s["text"] for s in segs) == text
    assert [s["text"] for s in segs if s["hit"]] == ["pakken de overlast aan", "bestrijden"]


def test_highlight_segments_clip_and_skip_overlaps() -> None:
    text = "kort"
    segs = highlight_segments(
        text,
        [
            {"start": 2, "end": 99, "entry": "a"},
            {"start": 1, "end": 3, "entry": "b"},
            {"start": -5, "end": 1, "entry": "c"},
        ],
    )
    assert "".join(s["text"] for s in segs) == text
    # sorted by start: "k" (clipped at 0), then "or"; the hit from 2 overlaps "or" and is skipped
    assert [s["text"] for s in segs if s["hit"]] == ["k", "or"]


# ---------------------------------------------------------------- rendering
def _evil_profile() -> dict[str, Any]:
    p = make_profile(10, 5, 10)
    evil = "<script>alert(1)</script> en <img src=x onerror=alert(1)>"
    p["document"] = evil
    p["sections"] = [
        {
            "section_id": "s1",
            "title": evil,
            "page_start": 1,
            "page_end": 2,
            "words": 100,
            "sentences": 5,
            "categories": p["categories"],
            "balance": 0.0,
        }
    ]
    text = f"Wij bestrijden {evil} overlast."
    p["evidence"] = {
        "repressive": [
            {
                "sentence_id": 1,
                "page": 1,
                "section": evil,
                "text": text,
                "hits": [
                    {"start": 4, "end": 14, "text": "bestrijden", "entry": "bestrijden"},
                    {"start": 15, "end": 40, "text": "x", "entry": "<b>"},
                ],
            }
        ]
    }
    p["warnings"] = [{"code": "x<y", "message": evil, "pages": [1]}]
    p["actors"]["network"]["nodes"][0]["id"] = evil
    return p


def test_diagnosis_escapes_text_from_the_document() -> None:
    html = render_diagnosis(_evil_profile(), municipality="<b>Gemeente</b>")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Gemeente&lt;/b&gt;" in html
    assert "<script" not in html  # the diagnosis has no script at all
    assert "script-src 'none'" in htmllib.unescape(html)


def test_printed_pages_carry_the_title_as_running_head_and_it_cannot_break_out() -> None:
    from html.parser import HTMLParser

    from textscan.report.render import css_string

    class Elements(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.styles: list[str] = []

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            if self.tags and self.tags[-1] == "style" and self.lasttag == "style":
                self.styles.append(data)

    name = 'Aa "en" Hunze</style><script>alert(1)</script>\\'
    html = render_diagnosis(_evil_profile(), municipality=name)
    parsed = Elements()
    parsed.feed(html)
    assert parsed.tags.count("style") == 1 and "script" not in parsed.tags
    style = "".join(parsed.styles)
    head = css_string(f"Framingdiagnose – {name}")
    assert f"@page {{ @top-left {{ content: {head};" in style
    assert "@page :first { @top-left { content: none; } }" in style  # not over the masthead
    assert "</" not in style
    # the CSS string itself: quotes and backslashes escaped, markup characters as hex
    assert str(css_string('a "b" \\ <c>')) == '"a \\"b\\" \\\\ \\3c c\\3e "'
    long = str(css_string("x" * 200))
    assert len(long) == 92 and long.endswith('\u2026"')


def test_diagnosis_renders_every_section_without_optional_blocks() -> None:
    p = make_profile(10, 5, 10)
    for block in ("actors", "themes", "domains", "perception", "evidence", "top_terms"):
        del p[block]
    html = render_diagnosis(p)
    for sid in (
        "samenvatting",
        "vergelijking",
        "framing",
        "actoren",
        "domeinen",
        "bewijs",
        "vragen",
        "bijlage",
    ):
        assert f'id="{sid}"' in html
    assert "niet gebruikt" in html
    assert "http://" not in html and "https://" not in html


def test_diagnosis_states_lexicon_hashes_and_warnings() -> None:
    p = make_profile(10, 5, 10)
    p["warnings"] = [
        {"code": "no-text-layer", "message": "1 of 10 pages have no text layer", "pages": [3]}
    ]
    html = render_diagnosis(p)
    assert "f" * 64 in html and "e" * 64 in html
    assert "1 van de 10 pagina’s heeft geen tekstlaag" in html and "pagina 3" in html


def test_corpus_report_from_a_results_folder(tmp_path: Path) -> None:
    profiles = [
        make_profile(
            40 - 7 * i, 3 + i, 5 + 8 * i, sha=str(i) * 64, chain=30 - 4 * i, partners=5 + 3 * i
        )
        for i in range(6)
    ]
    for i, p in enumerate(profiles):
        p["document"] = f"plan-{i}"
        p["path"] = f"plans/plan-{i}.pdf"
    profiles[2]["document"] = "<script>alert(1)</script>"
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8"
    )
    (tmp_path / "plans.csv").write_text(
        "file,municipality,period\nplan-0.pdf,Eerstedorp,2024–2027\n", encoding="utf-8"
    )
    html = render_corpus_report(tmp_path)
    assert "Eerstedorp" in html and "2024–2027" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1  # only the sorting script, allowed by its hash
    m = re.search(r"script-src 'sha256-([A-Za-z0-9+/=]+)'", htmllib.unescape(html))
    assert m is not None
    for sid in ("tabel", "spreiding", "schalen", "clusters", "bijlage"):
        assert f'id="{sid}"' in html
    assert '@page { @top-left { content: "Corpusrapport – 6 veiligheidsplannen";' in html


def test_profile_dict_is_not_modified() -> None:
    p = make_profile(10, 5, 10)
    before = copy.deepcopy(p)
    render_diagnosis(p, peers=[make_profile(3, 3, 3, sha="9" * 64)])
    assert p == before


@pytest.mark.parametrize("name", ["plan_hardlijn.txt", "plan_samen.txt"])
def test_constructed_plans_are_present(name: str) -> None:
    assert (REPORT_DATA / name).is_file()


# ---------------------------------------------------------------- command line
def test_report_command_writes_a_diagnosis_and_rejects_a_plain_folder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from textscan.cli import cli

    out = tmp_path / "hardlijn.html"
    res = CliRunner().invoke(
        cli,
        [
            "report",
            str(REPORT_DATA / "plan_hardlijn.txt"),
            "--out",
            str(out),
            "--municipality",
            "Hardlijn",
        ],
    )
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "Hardlijn" in html and 'id="vragen"' in html
    assert "Overwegend repressief" in html
    res = CliRunner().invoke(cli, ["report", str(tmp_path), "--out", str(tmp_path / "x.html")])
    assert res.exit_code == 2
    assert "not a results folder" in res.output


def test_corpus_report_scales_plans_with_lss_too(tmp_path: Path) -> None:
    from textscan.pipeline import scan

    hard = "Wij pakken overlast hard aan. De politie bestrijdt drugshandel. Handhaving gaat voor.\n"
    soft = (
        "Wij bouwen aan vertrouwen. Bewoners werken samen. Ontmoeting en verbinding staan voorop.\n"
    )
    mixed = "Wij pakken overlast aan en bouwen aan vertrouwen. Preventie en samenwerking helpen.\n"
    for name, text in (("hard", hard), ("zacht", soft), ("midden", mixed)):
        (tmp_path / f"{name}.txt").write_text(text * 12, encoding="utf-8")
    out = tmp_path / "res"
    scan(sorted(tmp_path.glob("*.txt")), out, jobs=0, cache=False)
    html = render_corpus_report(out)
    assert "LSS-score (corpus)" in html


def test_corpus_report_leaves_out_a_copy_and_a_foreign_document(tmp_path: Path) -> None:
    from textscan.pipeline import scan

    plans = {
        "hard": "Wij pakken overlast hard aan. De politie bestrijdt drugshandel in de wijk {k}.",
        "zacht": "Wij bouwen aan vertrouwen in wijk {k}. Bewoners en scholen werken samen.",
        "midden": "Wij pakken overlast aan in wijk {k} en investeren in preventie en ontmoeting.",
    }
    src = tmp_path / "plans"
    src.mkdir()
    for name, line in plans.items():
        text = " ".join(line.format(k=k) for k in range(30))
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    (src / "hard.md").write_text("# Plan\n\n" + (src / "hard.txt").read_text("utf-8"), "utf-8")
    (src / "english.txt").write_text(
        "The council works with the police and schools to reduce crime. " * 30, encoding="utf-8"
    )
    out = tmp_path / "res"
    scan([src], out, jobs=0, cache=False)
    html = render_corpus_report(out)
    # three texts compared (not all of them read as a safety plan: "documenten")
    assert re.search(r"<h1>3 (veiligheidsplannen|documenten) vergeleken</h1>", html)
    note = html[html.index('id="buiten"') :].split("</p>")[0]
    # of the two files with one text the Markdown file is kept, the plain text left out
    assert "hard.txt" in note and "dezelfde tekst als Hard" in note
    assert "english.txt" in note and "geen Nederlandse tekst" in note
    table = html[html.index('id="plans"') :].split("</table>")[0]
    assert "english" not in table.lower() and table.count(">Hard<") == 1


def test_a_theme_with_more_prevention_than_repression_is_not_called_repressive() -> None:
    # one repressive term, three preventive, none positive: B = -1 on one term
    themes = {
        "business": {
            "sentences": 7,
            "repressive": 1,
            "preventive": 3,
            "positive": 0,
            "balance": -1.0,
        },
        "living": {
            "sentences": 9,
            "repressive": 5,
            "preventive": 6,
            "positive": 0,
            "balance": -1.0,
        },
    }
    p = make_profile(10, 5, 10, themes=themes)
    assert not {"themes_repressive", "themes_contrast"} & codes(F.derive_findings(p))
    assert not [q for q in F.derive_questions(p) if q.code.startswith("theme")]


def test_peers_leave_out_foreign_text_and_the_plan_in_another_format() -> None:
    from textscan.report.render import choose_peers

    plan = make_profile(40, 2, 4, sha="1" * 64) | {"fingerprint": [1] * 64}
    same_plan_as_md = make_profile(41, 2, 4, sha="2" * 64) | {"fingerprint": [1] * 60 + [9] * 4}
    english = make_profile(1, 1, 1, sha="3" * 64) | {
        "warnings": [{"code": "not-dutch", "message": "...", "pages": []}]
    }
    peer = make_profile(5, 5, 30, sha="4" * 64) | {"fingerprint": [2] * 64}
    copy_of_peer = make_profile(5, 5, 30, sha="5" * 64) | {"fingerprint": [2] * 64}
    other = make_profile(9, 9, 9, sha="6" * 64)  # no fingerprint (older results): kept
    docs = [plan, same_plan_as_md, english, peer, copy_of_peer, other]
    for d in docs:
        d["path"] = f"plans/{d['document']}.pdf"
    kept, left = choose_peers(plan, docs)
    assert [q["sha256"][0] for q in kept] == ["4", "6"]
    reasons = {x["name"]: x["reason"] for x in left}
    assert reasons == {
        "plan-1111.pdf": "dit plan zelf",  # named, as the README promises
        "plan-2222.pdf": "dezelfde tekst als dit plan (ander bestand of andere versie)",
        "plan-3333.pdf": "geen Nederlandse tekst",
        "plan-5555.pdf": "dezelfde tekst als plan-4444.pdf",
    }


def test_a_shared_top_place_is_called_shared_and_is_no_finding() -> None:
    plan = make_profile(5, 5, 30, sha="1" * 64)
    same = [make_profile(5, 5, 30, sha=str(i) * 64) for i in range(2, 5)]
    lower = make_profile(30, 5, 5, sha="5" * 64)
    pos = F.peer_positions(plan, [*same, lower])["balance"]
    assert pos.ties == 3 and not pos.is_highest
    assert pos.describe().startswith(
        "hoogste op grond van de puntschatting, gelijk met 3 andere plannen"
    )
    assert "peer_extreme" not in codes(F.derive_findings(plan, [*same, lower]))


def test_a_mixed_plan_is_asked_how_tackling_and_connecting_relate() -> None:
    q = F.derive_questions(make_profile(20, 5, 22))
    assert "mixed_roles" in codes(q)
    assert "mixed_roles" not in codes(F.derive_questions(make_profile(40, 5, 4)))


def _section(title: str, words: int, rep: int, pos: int) -> dict:
    return {
        "section_id": title,
        "title": title,
        "words": words,
        "balance": (pos - rep) / (pos + rep),
        "categories": {
            "repressive": {"count": rep},
            "preventive": {"count": 0},
            "positive": {"count": pos},
        },
    }


def test_the_hardest_chapter_of_a_connecting_plan_is_asked_about_and_lists_are_not() -> None:
    p = make_profile(8, 5, 20)
    p["sections"] = [
        _section("Handhaving", 400, 9, 1),
        _section("Monitoring", 100, 7, 0),  # a short list of indicators: not judged
        _section("Samen", 400, 1, 15),
    ]
    q = next(x for x in F.derive_questions(p) if x.code == "chapter_hardest")
    assert "‘Handhaving’" in q.text
    assert "9 repressieve termen tegenover 1 verbindende term)" in q.reason
    assert [s["title"] for s in F._judged_sections(p)] == ["Handhaving", "Samen"]


def test_the_interval_is_said_without_overclaiming() -> None:
    text = F.interval_text(0.21, 0.88)
    # what the interval means: another choice of sentences, 95%, miscounts not included
    assert (
        "Met een andere keuze van zinnen zou de balans met 95% waarschijnlijkheid tussen "
        "+0,21 en +0,88 liggen"
    ) in text
    assert "telfouten zijn daarin niet meegenomen" in text
    # a balance clear of 0 is probably no chance, not certainly; the finding says so, once
    sure = _balance_finding(78, 143, 0.15, 0.44)
    assert "waarschijnlijk geen toeval" in sure.text and "wel duidelijk" not in sure.text
    clear = _balance_finding(60, 10, -0.9, -0.5)
    assert clear.title == "Overwegend repressief"
    assert "waarschijnlijk geen toeval" in clear.text and "is dus geen toeval" not in clear.text
    assert "toeval" not in text and "omvat 0" not in F.interval_text(-0.1, 0.3)


def _theme(rep: int, prev: int, pos: int, sentences: int = 9) -> dict[str, Any]:
    return {
        "sentences": sentences,
        "repressive": rep,
        "preventive": prev,
        "positive": pos,
        "balance": (pos - rep) / (pos + rep),
    }


def test_a_finding_on_few_terms_says_so() -> None:
    # six repressive terms: a direction, but no "eenzijdig" verdict without saying so
    few = make_profile(10, 5, 10, themes={"integrity": _theme(6, 0, 0)})
    f = next(x for x in F.derive_findings(few) if x.code == "themes_repressive")
    assert f.title == "Integriteit en veiligheid: vooral repressief (op weinig termen)"
    assert "spreekt het plan vooral in repressieve termen" in f.text
    assert "rust op maar 6 repressieve en verbindende termen" in f.text
    assert "eenzijdig" not in f.title + f.text
    # on enough terms the headline and the text say the same word
    firm = make_profile(10, 5, 10, themes={"integrity": _theme(F.FIRM_TERMS + 2, 2, 0)})
    f = next(x for x in F.derive_findings(firm) if x.code == "themes_repressive")
    assert f.title == "Integriteit en veiligheid: eenzijdig repressief"
    assert "spreekt het plan eenzijdig in repressieve termen" in f.text
    assert "overwegend" not in f.text and "weinig" not in f.text
    # a contrast of chapters on few terms says which chapter rests on few
    p = make_profile(8, 5, 20)
    p["sections"] = [_section("Handhaving", 400, 5, 1), _section("Samen", 400, 1, 15)]
    f = next(x for x in F.derive_findings(p) if x.code == "sections_spread")
    assert "‘Handhaving’: 6" in f.text and "‘Samen’" not in f.text.split("rust op")[1]


def test_only_figures_no_perception_needs_more_than_a_mention_or_two() -> None:
    one = make_profile(10, 5, 10, subjective=0, objective=1)
    assert "perception_objective_only" not in codes(F.derive_findings(one))
    enough = make_profile(10, 5, 10, subjective=0, objective=F.PERCEPTION_MIN_HITS)
    assert "perception_objective_only" in codes(F.derive_findings(enough))
    # the thresholds are listed in the appendix with the others
    names = [t[0] for t in F.THRESHOLDS]
    assert "PERCEPTION_MIN_HITS" in names and "FIRM_TERMS" in names
    html = htmllib.unescape(render_diagnosis(one))
    appendix = html[html.index('id="bijlage"') :]
    assert "alleen cijfers, geen beleving" in appendix


def test_terms_of_several_words_are_named_as_the_plan_writes_them() -> None:
    from textscan.report.labels import entry_name

    # lemma sequences are not written Dutch; the plan's own words are
    assert entry_name("framing", "sociaal-cohesie") == "sociaal cohesie"
    assert entry_name("framing", "sociaal-cohesie", {"sociale cohesie": 4}) == "sociale cohesie"
    assert entry_name("themes", "georganiseerd-criminaliteit", "georganiseerde criminaliteit") == (
        "georganiseerde criminaliteit"
    )
    # word order changed by the sentence, or an inflected closing verb: the lemmas stay
    assert entry_name("perception", "zich-veilig-voelen", {"voelen zich veilig": 3}) == (
        "zich veilig voelen"
    )
    forms = {"toezicht houdt": 3, "toezicht houden": 1}
    assert entry_name("framing", "toezicht-houden", forms) == "toezicht houden"
    assert entry_name("framing", "toezicht-houden", {"toezicht houdt": 3}) == "toezicht houden"
    # names and abbreviations keep their spelling
    assert entry_name("actors", "openbaar-ministerie", {"openbaar ministerie": 2}) == (
        "Openbaar Ministerie"
    )
    assert entry_name("actors", "oov", {"openbare orde en veiligheid": 1}) == (
        "Openbare Orde en Veiligheid"
    )
    assert entry_name("actors", "riec") == "RIEC"
    # a single word keeps its dictionary form
    assert entry_name("actors", "bewoner", {"bewoners": 9}) == "bewoner"


def test_theme_rows_are_named_by_their_term_not_by_one_form_of_it() -> None:
    from textscan.report.render import _theme_entries

    p = make_profile(5, 2, 20)
    row = {"sentences": 4, "repressive": 2, "preventive": 1, "positive": 1}
    p["themes"] = {
        "framing_by_entry": {"brand": row, "fraude": row, "georganiseerd-criminaliteit": row},
        "entry_forms": {
            "brand": "natuurbranden",  # the term inside a compound: the row counts every fire
            "fraude": "pasfraude",
            "georganiseerd-criminaliteit": "georganiseerde criminaliteit",
        },
    }
    names = [t["name"] for t in _theme_entries(p)]
    assert names == ["branden", "fraude", "georganiseerde criminaliteit"]
    # a term counted only in a context is named with it: not "jong" or "jongere"
    from textscan.report.labels import entry_name

    assert entry_name("themes", "jonge-dader", {"jonge": 2}) == "jonge daders"
    assert entry_name("themes", "jongere-en-criminaliteit", "jongeren") == (
        "jongeren en criminaliteit"
    )
    assert entry_name("actors", "oov") == "Openbare Orde en Veiligheid"  # a name stays one


def test_diagnosis_names_actors_and_terms_in_the_plans_words() -> None:
    p = make_profile(5, 2, 20)
    actors = p["actors"]
    actors["entries_by_category"]["partners"] = {"maatschappelijk-organisatie": 3}
    actors["entry_forms"] = {"maatschappelijk-organisatie": "maatschappelijke organisaties"}
    actors["network"]["nodes"].append(
        {"id": "maatschappelijk-organisatie", "category": "partners", "mentions": 3}
    )
    p["top_terms"] = {
        "positive": [{"entry": "sociaal-cohesie", "count": 4, "forms": {"sociale cohesie": 4}}]
    }
    html = render_diagnosis(p, municipality="Proefstad")
    assert ">maatschappelijke organisaties<" in html  # the network's node label
    assert "maatschappelijk organisatie" not in html
    assert "sociale cohesie" in html and "sociaal cohesie" not in html


# ---------------------------------------------------------------- unlike comparisons
def _with_interval(p: dict, lo: float, hi: float) -> dict:
    p["balance"] = {**p["balance"], "ci_low": lo, "ci_high": hi}
    return p


def _manifesto(sha: str, rep: int, pos: int) -> dict:
    """A whole document that is mostly about other things than safety (a manifesto)."""
    p = make_profile(rep, 3, pos, sha=sha)
    p["themes"]["sentence_share_any"] = 0.03
    return p


def test_a_chapter_compared_with_whole_documents_is_said_to_be_unlike() -> None:
    chapter = make_profile(45, 4, 10, sha="1" * 64)
    chapter["scope"] = {"section": "veiligheid"}
    peers = [_manifesto(str(i) * 64, 10, 30) for i in range(2, 7)]
    assert "peers_lowest" not in codes(F.derive_questions(chapter, peers))
    html = render_diagnosis(chapter, peers=peers)
    # said once, above the table of places it concerns
    assert 'id="let-op"' not in html
    box = html[html.index('id="deel"') :].split("</div>")[0]
    assert "een deel van een document, vergeleken met hele documenten" in box
    assert "ongelijke eenheden" in box
    assert htmllib.unescape(html).count("ongelijke eenheden") == 1
    # the chapter is "het onderzochte deel", the manifestos "documenten", never plans
    section = html[html.index('id="vergelijking"') :].split("</section>")[0]
    assert "Vergelijking met andere documenten" in section
    assert "andere plannen" not in section and "dit plan" not in section


def test_a_chapter_among_whole_documents_is_given_no_rank_as_a_finding() -> None:
    # the most repressive balance, clear of every peer's interval, and the lowest share
    # of partners and residents: among whole documents that is no ranking of a chapter
    chapter = _with_interval(
        make_profile(45, 4, 10, chain=40, partners=2, residents=2, sha="1" * 64), -1.0, -0.6
    )
    chapter["scope"] = {"section": "veiligheid"}
    peers = [_with_interval(_manifesto(str(i) * 64, 10, 30), 0.2, 0.7) for i in range(2, 7)]
    findings = F.derive_findings(chapter, peers)
    assert [f for f in findings if f.section == "peers"] == []
    html = htmllib.unescape(render_diagnosis(chapter, peers=peers))
    section = html[html.index('id="vergelijking"') :].split("</section>")[0]
    # the table of values stays, with its caveat, but no finding ranks the chapter
    assert 'class="peer-table"' in section and 'id="waarden"' in section
    assert 'class="findings"' not in section
    assert "van de vergelijking" not in html
    assert "rangorde" in section
    # the same plan as a whole document among whole documents does get its finding
    whole = copy.deepcopy(chapter)
    del whole["scope"]
    assert any(f.section == "peers" for f in F.derive_findings(whole, peers))


def test_peers_that_are_no_safety_plans_are_not_called_municipalities() -> None:
    plan = _with_interval(make_profile(40, 2, 4, sha="1" * 64), -1.0, -0.7)
    manifestos = [_manifesto(str(i) * 64, 5, 30) for i in range(2, 6)]
    for m in manifestos:
        _with_interval(m, 0.4, 0.9)
    q = next(x for x in F.derive_questions(plan, manifestos) if x.code == "peers_lowest")
    assert "gemeenten" not in q.text and q.text.startswith("De vergeleken documenten")
    html = render_diagnosis(plan, peers=manifestos)
    assert "Andere gemeenten" not in html
    # peers known from a manifest to be municipalities' safety plans may be called so
    plans = [make_profile(5, 5, 30, sha=str(i) * 64) for i in range(2, 6)]
    for p in plans:
        p["themes"]["sentence_share_any"] = 0.3
        _with_interval(p, 0.4, 0.9)
    cmp = F.compare_with(plan, plans, municipal=True)
    assert cmp.noun == "plannen" and cmp.municipal
    q = next(x for x in F.derive_questions(plan, plans, cmp) if x.code == "peers_lowest")
    assert q.text.startswith("Andere gemeenten")


def test_a_lowest_point_estimate_does_not_contradict_the_plans_own_interval() -> None:
    # the plan's interval includes 0 and overlaps its peers': the lowest point estimate
    # is no "most repressive language of the comparison"
    plan = _with_interval(make_profile(15, 4, 9, sha="1" * 64), -0.64, 0.16)
    peers = [
        _with_interval(make_profile(10, 3, 12, sha="2" * 64), -0.2, 0.4),
        _with_interval(make_profile(10, 3, 13, sha="3" * 64), -0.15, 0.45),
        _with_interval(make_profile(4, 3, 30, sha="4" * 64), 0.5, 0.9),
    ]
    findings = F.derive_findings(plan, peers)
    text = " ".join(f.title + " " + f.text for f in findings)
    assert "omvat 0" in text  # the plan's own finding
    assert "meest repressieve" not in text
    peer = next(f for f in findings if f.section == "peers")
    assert "laagste puntschatting" in peer.text
    assert "overlapt met dat van 2 andere plannen (plan-2222 en plan-3333)" in peer.text
    assert "kan toeval zijn" in peer.text and peer.tone == "neutral"
    assert "peers_lowest" not in codes(F.derive_questions(plan, peers))
    # with intervals clear of every peer's, the claim stands
    clear = _with_interval(make_profile(40, 2, 4, sha="1" * 64), -1.0, -0.7)
    peer = next(f for f in F.derive_findings(clear, peers) if f.section == "peers")
    assert peer.title == "De meest repressieve taal van de vergelijking"
    assert "overlapt met dat van geen enkel ander plan" in peer.text


# ---------------------------------------------------------------- positions and intervals
def _plans(*intervals: tuple[float, float, float]) -> list[dict]:
    """Peers named plan-2222, plan-3333, ... with a balance and its interval each."""
    out = []
    for i, (value, lo, hi) in enumerate(intervals, start=2):
        p = make_profile(10, 3, 10, sha=str(i) * 64)
        p["balance"] = {"value": value, "ci_low": lo, "ci_high": hi}
        out.append(p)
    return out


def test_a_position_is_qualified_by_the_intervals_of_the_plans() -> None:
    plan = _with_interval(make_profile(60, 11, 41, sha="1" * 64), -0.40, 0.05)
    peers = _plans(
        (0.86, 0.75, 0.95), (0.54, 0.12, 0.89), (0.25, -0.08, 0.53), (-0.94, -1.0, -0.88)
    )
    pos = F.peer_positions(plan, peers)["balance"]
    assert pos.clearly_above() == ["plan-2222", "plan-3333"]
    assert pos.clearly_below() == ["plan-5555"] and pos.overlapping() == ["plan-4444"]
    assert pos.describe() == (
        "plaats 4 van 5 op grond van de puntschatting (hoogste eerst); het 95%-interval overlapt "
        "met dat van 1 van de 4 andere plannen"
    )
    f = next(x for x in F.derive_findings(plan, peers) if x.code == "peer_position")
    assert (
        "Het plan is duidelijk verbindender dan plan-5555 en duidelijk repressiever dan plan-2222"
    ) in f.text
    assert "op grond van de puntschatting op de vierde van vijf plaatsen" in f.text
    assert "Met plan-4444 overlapt het interval: dat verschil is niet zeker." in f.text


def test_a_peer_without_a_balance_is_named_where_the_counts_differ() -> None:
    plan = _with_interval(make_profile(40, 2, 4, sha="1" * 64), -1.0, -0.7)
    peers = _plans((0.5, 0.3, 0.7), (0.4, 0.2, 0.6), (0.6, 0.4, 0.8))
    empty = make_profile(0, 0, 0, sha="6" * 64)  # no framing terms: no balance
    empty["document"] = "besluitenlijst"
    html = render_diagnosis(plan, peers=[*peers, empty])
    section = html[html.index('id="vergelijking"') :].split("</section>")[0]
    assert "Vergeleken met (4)" in section
    finding = next(x for x in F.derive_findings(plan, [*peers, empty]) if x.section == "peers")
    assert "de 3 andere plannen met een balans" in finding.text
    assert "besluitenlijst heeft geen balans" in finding.text
    assert "(Besluitenlijst: geen waarde)" in section  # the file's name, readable


def test_with_fewer_peers_than_peer_min_no_place_is_given(tmp_path: Path) -> None:
    plan = make_profile(40, 2, 4, sha="1" * 64)
    peers = _plans((0.5, 0.3, 0.7), (0.4, 0.2, 0.6))
    assert len(peers) < F.PEER_MIN
    html = render_diagnosis(plan, peers=peers)
    section = html[html.index('id="vergelijking"') :].split("</section>")[0]
    assert not re.search(r"plaats \d+ van", section)
    assert "de hoogste" not in section and "de laagste" not in section
    assert "geen plaats: minder dan drie andere plannen hebben een waarde voor deze maat" in (
        section
    )


def test_each_peer_is_named_on_paper_with_its_interval() -> None:
    plan = _with_interval(make_profile(40, 2, 4, sha="1" * 64), -1.0, -0.7)
    peers = _plans((0.5, 0.3, 0.7), (0.4, 0.2, 0.6), (0.6, 0.4, 0.8))
    html = render_diagnosis(plan, peers=peers, municipality="Proefstad")
    forest = html[html.index('class="chart forest"') :].split("</svg>")[0]
    # every plan is a labelled row of the chart, not only a name on hover
    for name, text in (
        ("Plan 2222", "+0,50 (+0,30 tot +0,70)"),
        ("Plan 3333", "+0,40 (+0,20 tot +0,60)"),
        ("Proefstad (dit plan)", "−0,82 (−1,00 tot −0,70)"),
    ):
        assert re.search(rf'class="lbl[^"]*">{re.escape(name)}</text>', forest), name
        assert f">{text}</text>" in forest
    table = html[html.index('id="waarden"') :].split("</table>")[0]
    for name in ("Proefstad (dit plan)", "Plan 2222", "Plan 3333", "Plan 4444"):
        assert f"<td>{name}</td>" in table
    assert "+0,30 tot +0,70" in table


# ---------------------------------------------------------------- accuracy per measure
ROOT = Path(__file__).resolve().parents[1]


def test_the_accuracy_shown_is_per_measure() -> None:
    youth = {"sentences": 6, "repressive": 2, "preventive": 2, "positive": 4, "balance": 0.33}
    html = render_diagnosis(make_profile(10, 5, 10, themes={"youth": youth}))
    limits = htmllib.unescape(html[html.index('id="juistheid"') :].split("</li>")[0])
    assert "repressieve, preventieve en verbindende termen 84 tot 94%" in limits
    # the weaker counts' figures are said once, beside those counts; the limits point there
    assert "De thema’s en de telling van beleving en cijfers zijn minder zeker" in limits
    assert "paragraaf 3 en paragraaf 5" in limits
    assert "62 tot 88%" not in limits and "30 tot 58%" not in limits
    # the framing figure is not claimed for everything that is counted
    assert "84 tot 94% van de gevonden termen juist" not in html
    theme_lead = html[html.index("<h3>Per thema</h3>") :].split("</p>")[0]
    assert "62 tot 88%" in theme_lead
    perception = html[html.index("<h3>Beleving en cijfers</h3>") :].split("</p>")[0]
    assert "30 tot 58%" in perception


def test_the_accuracy_figures_are_those_of_the_readmes_audits() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [
        line
        for line in readme.splitlines()
        if re.match(r"\| a (second, independent|third|fourth|fifth|sixth) audit", line)
    ]
    assert len(rows) == 5
    seen: dict[str, list[float]] = {}
    for row in rows:
        figures = row.split("|")[2]  # the figure column, before its fixes
        for p in F.PRECISION:
            name = {"framing": "framing", "actors": "actors"}.get(p.lexicon, p.lexicon)
            if p.lexicon == "actors" and "when every mention does" in figures:
                m = re.search(r"(\d\.\d\d) when every mention does", figures)
            else:
                m = re.search(rf"\b{name} (\d\.\d\d)", figures)
            if m:
                seen.setdefault(p.lexicon, []).append(float(m.group(1)))
    for p in F.PRECISION:
        assert (p.low, p.high) == (min(seen[p.lexicon]), max(seen[p.lexicon])), p.lexicon


# ---------------------------------------------------------------- the headline and its interval
def _balance_finding(rep: int, pos: int, lo: float, hi: float) -> F.Finding:
    p = _with_interval(make_profile(rep, 5, pos), lo, hi)
    return next(f for f in F.derive_findings(p) if f.code == "balance")


def test_the_headline_follows_the_interval_and_the_size() -> None:
    # an interval clear of 0: a small but certain lean, never "close together"
    sure = _balance_finding(78, 143, 0.15, 0.44)
    assert sure.title == "Licht meer verbindend dan repressief"
    assert "dicht bij elkaar" not in sure.text and "evenwicht" not in sure.text
    assert "Verbindende taal (143 termen) komt vaker voor dan repressieve (78 termen)" in sure.text
    assert "ligt geheel boven 0" in sure.text and "omvat 0" not in sure.text
    # 60 against 41 with an interval that includes 0: more of one, but not certain
    unsure = _balance_finding(60, 41, -0.40, 0.05)
    assert unsure.title == "Gemengd"
    assert "Repressieve taal (60 termen) komt vaker voor dan verbindende (41 termen)" in unsure.text
    assert "niet zeker" in unsure.text and "(−0,40 tot +0,05) omvat 0" in unsure.text
    assert "dicht bij elkaar" not in unsure.text and "evenwicht" not in unsure.text
    # only a small difference with an interval around 0 is "in balance"
    even = _balance_finding(40, 44, -0.2, 0.3)
    assert "houden elkaar ongeveer in evenwicht" in even.text
    # a one-sided balance whose interval includes 0 is no "overwegend"
    few = _balance_finding(9, 3, -0.9, 0.1)
    assert few.title == "Neigt naar repressief, maar niet zeker"
    assert "Overwegend" not in few.title


# ---------------------------------------------------------------- Dutch for the mayor
_ENGLISH_WARNINGS = [
    {
        "code": "no-text-layer",
        "message": "3 of 40 pages have no text layer (scanned images?): pages 2, 9, 10; "
        "their text is missing from the analysis (textscan --ocr reads them by OCR)",
        "pages": [2, 9, 10],
    },
    {
        "code": "ocr",
        "message": "1 page(s) had no text layer and were read by OCR (Tesseract, nld); "
        "OCR errors can change counts there",
        "pages": [4],
    },
    {"code": "blank-page", "message": "2 of 40 pages are empty: pages 39-40", "pages": [39, 40]},
]


def test_extraction_warnings_are_said_in_dutch_and_missing_text_on_top() -> None:
    p = make_profile(10, 5, 10)
    p["pages"] = 40
    p["warnings"] = copy.deepcopy(_ENGLISH_WARNINGS)
    html = htmllib.unescape(render_diagnosis(p))
    for english in ("pages have no text layer", "were read by OCR", "pages are empty", "page(s)"):
        assert english not in html
    appendix = html[html.index("Waarschuwingen bij de extractie") :]
    assert "3 van de 40 pagina’s hebben geen tekstlaag" in appendix
    assert "pagina’s 2, 9 en 10" in appendix
    assert "1 pagina had geen tekstlaag en is gelezen met tekstherkenning (OCR): pagina 4" in (
        appendix
    )
    assert "2 van de 40 pagina’s zijn leeg: pagina’s 39 en 40." in appendix
    # missing and OCR-read text is on top of the report, not only in the appendix
    box = html[html.index('id="let-op"') :].split("</div>")[0]
    assert "een deel van de tekst ontbreekt of is onzeker gelezen" in box
    assert "3 van de 40 pagina’s hebben geen tekstlaag" in box and "OCR" in box
    assert "leeg" not in box  # an empty page misses no text
    # the lexicons have Dutch names
    lexicons = html[html.index("Woordenlijsten") :].split("</table>")[0]
    assert "Actoren" in lexicons and ">actors<" not in lexicons


def test_the_corpus_report_says_warnings_in_dutch(tmp_path: Path) -> None:
    profiles = [make_profile(10 + i, 3, 10, sha=str(i) * 64) for i in range(3)]
    for i, p in enumerate(profiles):
        p["document"], p["pages"] = f"plan-{i}", 40
    profiles[1]["warnings"] = copy.deepcopy(_ENGLISH_WARNINGS)
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8"
    )
    html = htmllib.unescape(render_corpus_report(tmp_path))
    assert "pages have no text layer" not in html
    assert "3 van de 40 pagina’s hebben geen tekstlaag" in html


def test_the_diagnosis_writes_correct_and_plain_dutch() -> None:
    integrity = {
        "sentences": 1,
        "repressive": 12,
        "preventive": 0,
        "positive": 0,
        "balance": -1.0,
    }
    p = make_profile(20, 5, 22, themes={"integrity": integrity})
    p["extractor"] = {"engine": "pdfium", "tables": 1, "furniture_lines_removed": 2}
    p["actors"]["network"]["edges"][0]["weight"] = 1
    peers = [make_profile(10 + i, 4, 20, sha=str(i) * 64) for i in range(2, 6)]
    html = htmllib.unescape(render_diagnosis(p, peers=peers))
    text = re.sub(r"<[^>]+>", " ", html)
    # measures named with agreeing adjectives
    assert "Repressieve termen" in text and "Repressief termen" not in text
    assert "Verbindende termen" in text
    # the question on mixed roles in correct Dutch
    assert "wanneer gaat het ene over in het andere?" in text
    # singular and plural, never "(nen)" or "(len)"
    assert "(nen)" not in html and "(len)" not in html
    assert "bewoner – politie: 1 zin</title>" in html
    assert "1 tabel is als tabel gelezen" in text
    assert "2 regels kop- en voettekst" in text
    # plain Dutch for how the text was read, not the program's name
    assert "uit de tekstlaag van de PDF" in text and "pdfium" not in text
    # one theme is no "Thema’s"; one name per field
    assert "Integriteit en veiligheid: eenzijdig repressief" in text
    assert "Thema's" not in text and "ondermijning" not in text.replace("Ondermijning", "")
    assert "in 1 zin." in text
    # one word for the policy fields, and no jargon for the mayor
    for word in ("beleidsdomein", "beleidsterrein", "bootstrap over zinnen"):
        assert word not in text, word
    for word in ("co-vermeldingsnetwerk", "register schaars", "|balans|", "Tekstwinning"):
        assert word not in text, word


def test_actors_are_named_cleanly() -> None:
    from textscan.report.labels import entry_name

    assert entry_name("actors", "scholier") == "scholier"  # no wildcard of the pattern
    assert entry_name("actors", "ghor") == "GHOR" and entry_name("actors", "ggd") == "GGD"
    forms = {"buitengewoon opsporingsambtenaren": 1}
    assert entry_name("actors", "buitengewoon-opsporingsambtenaar", forms) == (
        "buitengewone opsporingsambtenaar"
    )
    p = make_profile(10, 5, 10, partner_entries={"ggd": 3, "school": 1})
    html = render_diagnosis(p)
    checklist = html[html.index('class="checklist"') :].split("</ul>")[0]
    assert "GGD" in checklist and "ggd" not in checklist


def test_a_shared_place_is_said_plainly() -> None:
    plan = make_profile(10, 5, 10, sha="1" * 64)
    peers = [make_profile(20, 5, 10, sha="2" * 64), make_profile(10, 5, 10, sha="3" * 64)]
    peers += [make_profile(5, 5, 30, sha=str(i) * 64) for i in range(4, 7)]
    pos = F.peer_positions(plan, peers)["repressive_per_1000"]
    assert pos.describe() == "plaats 2 van 6, gelijk met 1 ander plan (plan-3333)"


def test_values_written_alike_share_their_place() -> None:
    # 97,2% and 96,8% are both written 97%; 14,2% and 13,8% both 14%
    plan = make_profile(10, 5, 10, sha="1" * 64, residents_share=0.142)
    plan["actors"]["evenness"] = 0.972
    peers = [make_profile(10, 5, 10, sha=str(i) * 64, residents_share=0.30) for i in range(2, 6)]
    peers[0]["actors"]["evenness"] = 0.968
    peers[1]["actors"]["categories"]["residents"]["sentence_share"] = 0.138
    for p in peers[1:]:
        p["actors"]["evenness"] = 0.80
    pos = F.peer_positions(plan, peers)
    even = pos["actors_evenness"]
    assert not even.is_highest and even.ties == 1
    assert even.describe() == "hoogste, gelijk met 1 ander plan (plan-2222)"
    res = pos["residents_share"].describe()
    assert res == "laagste, gelijk met 1 ander plan (plan-3333)"
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    assert "de hoogste" not in html and "de laagste" not in html
    # the corpus report names both plans as the highest
    for i, p in enumerate([plan, *peers]):
        p["document"] = f"Plan{i}"
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "profiles.jsonl").write_text(
            "".join(json.dumps(p) + "\n" for p in [plan, *peers]), encoding="utf-8"
        )
        corpus = htmllib.unescape(render_corpus_report(tmp))
    rows = corpus[corpus.index('id="spreiding"') :].split('class="dist-row"')
    row = next(r for r in rows if "Evenwicht tussen de groepen" in r)
    assert "hoogst: 97%, bij 2 plannen (Plan0 en Plan1)" in row


def test_the_corpus_report_names_shared_extremes_plainly_and_dates_in_dutch(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from textscan.report.labels import nl_date

    profiles = [make_profile(10 + 5 * i, 3, 10, sha=str(i) * 64) for i in range(6)]
    names = ["Aarveen", "Beekdal", "Cromhout", "Dorpsmeer", "Egmondrade", "Fleerhoven"]
    for p, name in zip(profiles, names, strict=True):
        p["document"] = name
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8"
    )
    html = htmllib.unescape(render_corpus_report(tmp_path))
    # all six name the same seven policy fields
    assert "hoogst: 7, bij 6 plannen (Aarveen, Beekdal, Cromhout, Dorpsmeer en 2 andere)" in html
    assert "plannen (Aarveen, Beekdal, Cromhout …)" not in html
    assert nl_date(dt.date.today()) in html and dt.date.today().isoformat() not in html
    assert "gebruiken textscan.compare" not in html


# ---------------------------------------------------------------- a command that runs
def _agreement(path: Path) -> None:
    """A document mostly about other things than safety, with one chapter on safety."""
    other = {
        "Onderwijs": "De scholen krijgen extra geld voor lesmateriaal in klas {k}. "
        "Leraren volgen een cursus over rekenen en taal in jaar {k}.",
        "Cultuur": "Het museum opent een zaal met schilderijen uit eeuw {k}. "
        "De bibliotheek verlengt de openingstijden op dag {k}.",
        "Economie": "Het ministerie verlaagt de lasten voor kleine bedrijven in sector {k}. "
        "Er komen meer stageplaatsen bij bedrijven in regio {k}.",
    }
    parts = []
    for title, line in other.items():
        parts.append(f"# {title}\n\n" + " ".join(line.format(k=k) for k in range(1, 25)))
    parts.append(
        "# Veiligheid en recht\n\n"
        "Wij pakken drugshandel en ondermijning hard aan. De politie krijgt meer agenten "
        "in de wijk. Wij bestrijden overlast door jongeren en werken samen met scholen."
    )
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def test_the_command_in_the_caution_box_runs_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    from click.testing import CliRunner

    from textscan.cli import cli

    monkeypatch.chdir(tmp_path)
    doc = Path("akkoord 2030.md")  # a space in the name, as file names have
    _agreement(doc)
    res = CliRunner().invoke(cli, ["report", str(doc), "--out", "akkoord.html"])
    assert res.exit_code == 0, res.output
    html = Path("akkoord.html").read_text(encoding="utf-8")
    box = html[html.index('id="let-op"') :].split("</div>")[0]
    assert "grotendeels over andere onderwerpen" in box
    # the command is introduced for the one who made the report, not the mayor
    assert re.search(r"de onderzoeker[^<]*kan dat doen met: <code", box)
    command = htmllib.unescape(re.search(r'<code class="command">(.*?)</code>', box).group(1))
    args = shlex.split(command)
    assert args[:2] == ["textscan", "report"] and "--out" in args
    res = CliRunner().invoke(cli, args[1:])
    assert res.exit_code == 0, (command, res.output)
    out = Path(args[args.index("--out") + 1])
    assert out.is_file() and "Framingdiagnose van een deel van het document" in out.read_text(
        encoding="utf-8"
    )


# ---------------------------------------------------------------- numbers as the page writes them
def test_chart_labels_write_numbers_as_the_page_does(tmp_path: Path) -> None:
    plan = make_profile(10, 5, 10, sha="1" * 64)
    peers = [make_profile(10 + i, 4, 20, sha=str(i) * 64, residents=5 + i) for i in range(2, 6)]
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    titles = re.findall(r"<title>Plan 2222: ([^<]*)</title>", html)
    assert titles, "no labelled peer dots"
    # a count without decimals, a share as a percentage, a rate with one decimal
    assert "6" in titles and not any(t.endswith(",00") for t in titles)
    assert any(re.fullmatch(r"\d+%", t) for t in titles)
    assert not any(re.fullmatch(r"0,\d\d", t) for t in titles)
    # the axis of the number of policy fields ends at the 7 there are, not at 10
    row = html[html.index("Genoemde beleidsvelden") :].split("</tr>")[0]
    ends = re.findall(r'class="tick" text-anchor="(?:start|end)">([^<]*)<', row)
    assert ends == ["0", "7"]
    share_row = html[html.index("Bewoners genoemd") :].split("</tr>")[0]
    assert re.findall(r'class="tick" text-anchor="end">([^<]*)<', share_row)[0].endswith("%")
    # the corpus report too
    for i, p in enumerate([plan, *peers]):
        p["document"] = f"plan-{i}"
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in [plan, *peers]), encoding="utf-8"
    )
    corpus = htmllib.unescape(render_corpus_report(tmp_path))
    rows = corpus[corpus.index('id="spreiding"') :].split('class="dist-row"')
    actors = next(r for r in rows if "Verschillende actoren" in r)
    assert re.findall(r"<title>Plan 2: ([^<]*)</title>", actors) == ["6"]
    residents = next(r for r in rows if "Bewoners genoemd" in r)
    assert re.fullmatch(r"\d+%", re.findall(r"<title>Plan 2: ([^<]*)</title>", residents)[0])


# ---------------------------------------------------------------- Dutch as a reader writes it
def test_counts_of_terms_and_places_are_said_in_plain_dutch() -> None:
    themes = {"integrity": _theme(19, 2, 1, sentences=19)}
    findings = F.derive_findings(make_profile(10, 5, 10, themes=themes))
    f = next(x for x in findings if x.code == "themes_repressive")
    assert "19 repressieve termen, 2 preventieve termen en 1 verbindende term in 19 zinnen" in (
        f.text
    )
    # a place is said in words, with the plan as subject of its clear differences
    plan = _with_interval(make_profile(60, 11, 41, sha="1" * 64), -0.40, 0.05)
    peers = _plans(
        (0.86, 0.75, 0.95),
        (0.54, 0.12, 0.89),
        (0.25, -0.08, 0.53),
        (0.23, -0.09, 0.56),
        (-0.94, -1.0, -0.88),
    )
    f = next(x for x in F.derive_findings(plan, peers) if x.code == "peer_position")
    assert "staat dit plan op grond van de puntschatting op de vijfde van zes plaatsen" in f.text
    assert "Het plan is duidelijk verbindender dan plan-6666" in f.text
    assert "naar de puntschatting" not in f.text and " Duidelijk" not in f.text
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    text = re.sub(r"<[^>]+>", " ", html)
    assert (
        "Een plaats noemen we alleen als minstens drie andere plannen een waarde voor deze "
        "maat hebben"
    ) in text
    # the median is called so; "streepje" named three things and is gone
    assert "de streep in het vak is hun mediaan" in text
    assert "streepje" not in text and "middelste van de andere" not in text
    assert "De lijn door elke stip is het 95%-interval" in text
    assert (
        "De vragen volgen uit de bevindingen hierboven; bij elke vraag staat het cijfer dat "
        "de aanleiding is"
    ) in text
    assert "Bovendien mist de telling uitdrukkingen die niet in de woordenlijsten staan" in text
    assert "lacunes hierboven" not in text and "Een lezer vindt" not in text


def test_the_part_examined_is_named_as_chapters_with_the_pattern_in_their_title() -> None:
    part = make_profile(20, 5, 10)
    part["scope"] = {"section": "veiligheid", "document_pages": 40}
    part["sections"] = [_section("4. Veiligheid in de wijk", 600, 15, 5)]
    part["sections"][0].update(page_start=12, page_end=14)
    html = htmllib.unescape(render_diagnosis(part))
    assert (
        "het hoofdstuk met ‘veiligheid’ in de titel: ‘4.\u00a0Veiligheid in de wijk’ "
        "(p. 12–14 van 40)"
    ) in html
    part["sections"].append(_section("5. Veiligheid op straat", 300, 5, 5))
    part["sections"][1].update(page_start=15, page_end=16)
    html = htmllib.unescape(render_diagnosis(part))
    assert "de hoofdstukken met ‘veiligheid’ in de titel (p. 12–16 van 40)" in html
    assert "waarvan de titel" not in html


def test_theme_rows_are_named_as_subjects_in_running_dutch() -> None:
    import re as _re

    from textscan.lexicon import load_lexicon
    from textscan.report.labels import entry_name

    assert entry_name("themes", "explosie", {"explosies": 3}) == "explosies"
    assert entry_name("themes", "sekswerker") == "sekswerkers"
    assert entry_name("themes", "crimineel-netwerk") == "criminele netwerken"
    assert entry_name("themes", "overlast") == "overlast"  # a phenomenon stays singular
    entries = load_lexicon("themes").entries
    # no row is named with a lemma's bare adjective before its noun, or by an id
    bare = _re.compile(
        r"\b(crimineel|georganiseerd|ondermijnend|digitaal|extern|fysiek|verward|"
        r"bestuurlijk|complex|gevaarlijk|veilig) (?!in\b|en\b|uitgaan\b|ondernemen\b|gedrag\b)\w"
    )
    for e in entries:
        name = entry_name("themes", e.id)
        assert not bare.search(name), (e.id, name)
        assert "-" not in name or "-" in (e.lemma or e.pattern or ""), (e.id, name)


def test_a_sentence_cut_from_a_list_is_quoted_as_a_fragment() -> None:
    p = make_profile(5, 2, 20)
    text = "buurtbewoners praten mee over het plein en krijgen geld voor groen;"
    start = text.index("praten mee")
    p["evidence"] = {
        "positive": [
            {
                "page": 2,
                "section": "3.1 Samen in de wijk",
                "text": text,
                "hits": [{"start": start, "end": start + 10, "entry": "meepraten"}],
            }
        ]
    }
    html = htmllib.unescape(render_diagnosis(p))
    quote = html[html.index("<blockquote>") :].split('<span class="where">')[0]
    plain = re.sub(r"<[^>]+>", "", quote).strip()
    assert plain.startswith("… buurtbewoners praten mee")
    assert plain.endswith("geld voor groen …") and ";" not in plain


def test_a_text_that_is_no_municipal_plan_is_asked_without_the_municipality() -> None:
    hard = dict(
        chain=40, partners=1, residents=1, residents_share=0.01, partner_entries={}, subjective=0
    )
    part = make_profile(50, 2, 3, **hard)
    part["scope"] = {"section": "veiligheid"}
    html = htmllib.unescape(render_diagnosis(part))
    questions = re.sub(r"<[^>]+>", " ", html[html.index('id="vragen"') :].split("</section>")[0])
    assert "Wat moet er worden opgebouwd" in questions
    for said in ("de gemeente opbouwen", "weet de gemeente", "het opstellen van het onderzochte"):
        assert said not in questions, said
    plan = make_profile(50, 2, 3, **hard)
    html = htmllib.unescape(render_diagnosis(plan, municipality="Proefstad"))
    questions = re.sub(r"<[^>]+>", " ", html[html.index('id="vragen"') :].split("</section>")[0])
    assert "Wat wil de gemeente opbouwen" in questions
    assert "betrokken bij het opstellen van het plan" in questions


def test_one_word_for_each_concept() -> None:
    domains = {
        "housing": 2,
        "space": 0,
        "education": 1,
        "care": 3,
        "leisure": 0,
        "economy": 2,
        "traffic": 1,
    }
    plan = make_profile(20, 5, 30, sha="1" * 64, domains=domains)
    peers = [make_profile(10 + i, 4, 20, sha=str(i) * 64) for i in range(2, 6)]
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    text = re.sub(r"<[^>]+>", " ", html)
    # the connecting pole is "verbindend", never "positief"; the measure is the "balans"
    assert not re.search(r"\bpositie(f|ve)\b", text, re.I), re.findall(
        r".{40}positie[fv].{20}", text
    )
    assert "alleen verbindend" in html and "alleen positief" not in html
    assert "Verhouding" not in text and "score" not in text
    # naming is not involving: one phrase for actors and policy fields
    assert text.count("Noemen is nog niet betrekken") == 2
    for other in ("Genoemd is nog niet", "Genoemd worden is nog niet", "nog niet verbinden"):
        assert other not in text
    # the policy fields have one set of names: the chart's labels are the text's words
    chart = html[html.index('aria-label="beleidsvelden"') :].split("</svg>")[0]
    labels = re.findall(r'class="lbl[^"]*">([^<]+)</text>', chart)
    assert labels == [
        "Wonen",
        "Openbare ruimte",
        "Onderwijs",
        "Zorg",
        "Recreatie",
        "Economie",
        "Verkeer",
    ]
    finding = next(f for f in F.derive_findings(plan) if f.code == "domains_missing")
    assert "openbare ruimte en recreatie nergens" in finding.text
    for name in ("Sport en recreatie", "Zorg en welzijn", "Economie en werk"):
        assert name not in text


def test_the_corpus_report_writes_intervals_with_tot(tmp_path: Path) -> None:
    profiles = [make_profile(10 + 5 * i, 3, 10, sha=str(i) * 64) for i in range(4)]
    for i, p in enumerate(profiles):
        p["document"] = f"plan-{i}"
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8"
    )
    html = htmllib.unescape(render_corpus_report(tmp_path))
    table = html[html.index('id="plans"') :].split("</table>")[0]
    cis = re.findall(r'<span class="ci">([^<]*)</span>', table)
    assert len(cis) == 4 and all(" tot " in ci and "–" not in ci for ci in cis), cis


# ---------------------------------------------------------------- said once, named plainly
def test_each_finding_and_caveat_is_said_once() -> None:
    plan = _with_interval(make_profile(30, 5, 25, sha="1" * 64), -0.3, 0.1)
    peers = [make_profile(10 + i, 4, 20, sha=str(i) * 64) for i in range(2, 6)]
    for p, name in zip(peers, ("Aarveen", "Beekdal", "Cromhout", "Dorpsmeer"), strict=True):
        p["document"] = name
    findings = F.derive_findings(plan, peers)
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    text = re.sub(r"<[^>]+>", " ", html)
    for f in findings:
        assert text.count(f.text) == 1, f.code
    # what the interval says about the plan's side is said in the finding, not again below
    assert text.count("omvat 0") == 1
    assert text.count("vergelijking geldt alleen voor") == 1
    # a document mostly about other things says so once, on top
    manifesto = _manifesto("7" * 64, 10, 30)
    html = htmllib.unescape(render_diagnosis(manifesto))
    assert html.count("grotendeels") == 1 and "Geteld in het hele document" not in html


def test_a_finding_most_peers_share_is_no_key_finding() -> None:
    # all seven policy fields, as four of the five other plans
    plan = _with_interval(make_profile(30, 5, 25, sha="1" * 64), -0.3, 0.1)
    peers = [make_profile(10 + i, 4, 20, sha=str(i) * 64) for i in range(2, 7)]
    peers[0]["domains"]["categories"]["traffic"] = _cat(0)
    findings = F.derive_findings(plan, peers)
    linked = next(f for f in findings if f.code == "domains_linked")
    assert not linked.key
    assert "Zo is het ook bij 4 van de 5 vergeleken plannen." in linked.text
    assert linked not in F.summary_findings(findings)
    # alone, or beside plans that differ, it may be one
    assert next(f for f in F.derive_findings(plan) if f.code == "domains_linked").key
    for p in peers[1:3]:
        p["domains"]["categories"]["space"] = _cat(0)
    assert next(f for f in F.derive_findings(plan, peers) if f.code == "domains_linked").key


def test_the_appendix_names_thresholds_in_dutch_and_codes_only_in_a_note() -> None:
    html = htmllib.unescape(render_diagnosis(make_profile(10, 5, 10)))
    table = html[html.index('class="thresholds"') :].split("</table>")[0]
    for name, _, _ in F.THRESHOLDS:
        assert f">{name}<" not in table, name
        assert F.THRESHOLD_LABELS[name] in table
    note = html[html.index('class="note technical"') :].split("</p>")[0]
    assert all(name in note for name, _, _ in F.THRESHOLDS)


def test_documents_are_named_by_their_title_or_a_readable_file_name() -> None:
    from textscan.report.render import document_title, readable_name

    assert readable_name("coalitieakkoord-2021-2025") == "Coalitieakkoord 2021–2025"
    assert readable_name("raad-besluitenlijst-2015-06-29") == "Raad besluitenlijst 2015-06-29"
    assert readable_name("havenstad-ivp-2023-2026") == "Havenstad IVP 2023–2026"
    assert readable_name("SP") == "SP"
    plan = make_profile(40, 2, 4, sha="1" * 64)
    plan["document"], plan["path"] = "akkoord-2024-2028", "missing/akkoord-2024-2028.pdf"
    plan["sections"] = [
        {**_section("SAMEN VERDER", 40, 1, 1), "page_start": 1},
        {**_section("1. Inleiding", 400, 3, 3), "page_start": 3},
    ]
    assert document_title(plan) == "Samen verder"
    peers = _plans((0.5, 0.3, 0.7), (0.4, 0.2, 0.6), (0.6, 0.4, 0.8))
    peers[0]["document"] = "raad-besluitenlijst-2015-06-29"
    html = htmllib.unescape(render_diagnosis(plan, peers=peers))
    assert "<h1>Samen verder (Akkoord 2024–2028)</h1>" in html
    section = html[html.index('id="vergelijking"') :].split("</section>")[0]
    assert "Raad besluitenlijst 2015-06-29" in section and "Akkoord 2024–2028 (dit plan)" in section
    assert "raad-besluitenlijst-2015-06-29" not in section.replace(".pdf", "")
    assert "akkoord-2024-2028 (dit" not in section


def test_the_title_comes_from_the_profile_and_the_file_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    from textscan.profile import Profile
    from textscan.report.render import document_title

    opened: list[str] = []

    class Spy(pdfium.PdfDocument):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            opened.append(str(args[0]))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pdfium, "PdfDocument", Spy)
    plan = make_profile(40, 2, 4, sha="1" * 64)
    plan["document"], plan["path"] = "akkoord-2024-2028", "gone/akkoord-2024-2028.pdf"
    plan["title"] = "Samen  verder: akkoord\n2024–2028"
    # the title the scan recorded, though the PDF is gone (a report from a results folder)
    assert document_title(plan) == "Samen verder: akkoord 2024–2028"
    html = htmllib.unescape(render_diagnosis(plan))
    assert "<h1>Samen verder: akkoord 2024–2028</h1>" in html
    # still checked against the file's name: a title left over from another document
    assert document_title({**plan, "title": "Agenda raadsvergadering"}) is None
    # a profile of an older textscan has no title: the heading, and the file is not read
    pdf = tmp_path / "akkoord-2024-2028.pdf"
    c = canvas.Canvas(str(pdf), invariant=1)
    c.setTitle("Akkoord uit de metadata van het bestand")
    c.drawString(72, 700, "Samen verder")
    c.showPage()
    c.save()
    old = {k: v for k, v in plan.items() if k != "title"}
    old["path"] = str(pdf)
    old["sections"] = [{**_section("SAMEN VERDER", 40, 1, 1), "page_start": 1}]
    assert document_title(old) == "Samen verder"
    assert "<h1>Samen verder (Akkoord 2024–2028)</h1>" in htmllib.unescape(render_diagnosis(old))
    assert opened == []
    # and reads back into a Profile, without a title
    full = {**old, "scope": None}
    assert Profile.from_dict(full).title is None
    assert Profile.from_dict({**full, "title": "Akkoord"}).to_dict()["title"] == "Akkoord"


# the names of the theme table as the report gave them from a table in labels.py,
# before the labels moved into themes.yaml (1.19.1): each must stay the same
THEME_NAMES_BEFORE_THE_LEXICON_HAD_THEM = {
    "inbraak": "inbraken",
    "veilig-leefomgeving": "veilige leefomgeving",
    "bekladden": "bekladding",
    "inbraak-bedrijf": "inbraken bij bedrijven",
    "cafe": "cafés",
    "jongere-en-criminaliteit": "jongeren en criminaliteit",
    "afglijden": "afglijden naar criminaliteit",
    "woon-werk-en-leefomgeving": "veilige woon-, werk- en leefomgeving",
    "drillvideo": "drillvideo’s",
    "crisis-bare": "crises",
    "grip": "GRIP",
    "opiumwet": "Opiumwet",
    "bibob": "Bibob",
    "explosie": "explosies",
    "crimineel-netwerk": "criminele netwerken",
    "hic": "high impact crime",
}


def test_theme_labels_come_from_the_lexicon_the_plan_was_counted_with(
    tmp_path: Path, test_lexicon_path: Path
) -> None:
    from textscan.lexicon import load_lexicon, load_lexicons
    from textscan.pipeline import Pipeline
    from textscan.report.labels import entry_name

    # the bundled lexicon labels its entries; a profile without labels (an older
    # textscan's) is named from it, and so is a profile that records them
    themes = load_lexicon("themes")
    labels = {e.id: e.label for e in themes.entries if e.label}
    for entry, name in THEME_NAMES_BEFORE_THE_LEXICON_HAD_THEM.items():
        assert labels[entry] == name
        assert entry_name("themes", entry) == name
        assert entry_name("themes", entry, None, labels.get(entry)) == name
    # a user's own themes lexicon, with a label of its own, in place of the bundled one
    own = tmp_path / "themes.yaml"
    own.write_text(
        """name: themes
version: "9.0.0"
type: themes
categories:
  - {id: integrity, label: Integriteit en veiligheid}
  - {id: living, label: Veilige woon- en leefomgeving}
entries:
  - {id: explosie, category: integrity, lemma: explosie, label: "aanslagen met explosieven"}
  - {id: drugsoverlast, category: living, lemma: drugsoverlast, label: "overlast van drugs"}
  - {id: overlast, category: living, lemma: overlast}
""",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "# Veiligheid\n\nDe explosie bij de woning maakte veel los. Wij pakken de overlast "
        "aan met bewoners. De drugsoverlast in de wijk blijft een zorg.\n",
        encoding="utf-8",
    )
    lexicons = [*load_lexicons([test_lexicon_path], replace=True), load_lexicon(own)]
    profile = Pipeline(lexicons).analyze(plan).profile.to_dict()
    assert profile["themes"]["entry_labels"] == {
        "drugsoverlast": "overlast van drugs",
        "explosie": "aanslagen met explosieven",
    }
    # the theme table names them so, also when made later from profiles.jsonl
    html = htmllib.unescape(render_diagnosis(json.loads(json.dumps(profile))))
    assert "<td>aanslagen met explosieven</td>" in html
    assert "<td>overlast van drugs</td>" in html
    assert "<td>overlast</td>" in html
    assert "<td>explosies</td>" not in html  # the bundled label gives way to the plan's lexicon's


def test_the_corpus_report_colours_every_plan_by_its_balance(tmp_path: Path) -> None:
    from textscan.report import charts

    # one hard plan among connecting ones: it forms a cluster of its own, whose
    # colour may not be the green that elsewhere says "verbindend"
    profiles = [make_profile(60, 1, 2, chain=40, partners=2, residents=1, sha="1" * 64)]
    profiles += [make_profile(5 + i, 4, 30 + 3 * i, sha=str(i) * 64) for i in range(2, 7)]
    names = ["Hardstad", "Aarveen", "Beekdal", "Cromhout", "Dorpsmeer", "Egmondrade"]
    for p, name in zip(profiles, names, strict=True):
        p["document"] = name
    (tmp_path / "profiles.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8"
    )
    html = htmllib.unescape(render_corpus_report(tmp_path))
    marks = re.findall(r'<path class="pt-mark" d="[^"]*" fill="([^"]+)"[^>]*><title>([^<]+)<', html)
    assert marks
    balance = {p["document"]: p["balance"]["value"] for p in profiles}
    for fill, name in marks:
        assert fill == charts.balance_color(balance[name]), name
    hard = {fill for fill, name in marks if name == "Hardstad"}
    assert hard == {charts.COLORS["repressive"]}
    # the cluster tags use no colour of the framing
    framing = {charts.COLORS[c] for c in ("repressive", "preventive", "positive")}
    tags = re.findall(r'class="cluster-tag" style="background: ([^"]+)"', html)
    assert tags and not set(tags) & framing
    assert "De kleur is die van de balans" in html and "Kleur = cluster" not in html
