"""Findings and conversation questions, derived from a profile by documented rules.

Nothing here is canned: every finding and question is chosen by a rule on the
figures of the profile (and of its peers, when given) and its text is filled
in with those figures. The rules and their thresholds are module constants,
listed in :data:`THRESHOLDS` so that the report's appendix prints the very
values the code used.

Rules for findings (each gives a :class:`Finding` with a weight; the summary
shows the heaviest three):

- ``balance``: always, when the balance is defined. ``|B| >= BALANCE_CLEAR``
  is "overwegend repressief" / "overwegend positief", otherwise "gemengd";
  whether the 95% interval excludes 0 says if the direction is clear. With
  fewer than ``BALANCE_MIN_TERMS`` repressive and positive terms together the
  finding is ``balance_thin`` instead: too little framing language to call a
  direction (one positive word gives B = +1 and a bootstrap interval of +1
  to +1).
- ``preventive_leading`` / ``preventive_scarce``: preventive language has the
  highest rate of the three, or the lowest and below ``LOW_RATE`` per 1,000.
- ``actors_narrow`` / ``actors_broad``: the chain has at least
  ``CHAIN_DOMINANCE`` of actor mentions, or partners and residents together
  have at least ``BROAD_DOMINANCE``.
- ``residents_low``: residents named in fewer than ``LOW_SHARE`` of sentences.
- ``partners_absent``: partner groups of the column (``partner_groups.yaml``)
  that the plan does not name at all.
- ``themes_contrast`` / ``themes_repressive``: a theme field whose sentences
  carry at least ``THEME_MIN_HITS`` framing hits is one-sided when its
  balance is at most ``-THEME_ONE_SIDED`` (or at least ``+THEME_ONE_SIDED``);
  a contrast when both kinds exist.
- ``domains_missing``: policy domains the column names (housing, space,
  leisure, care) that no sentence links to.
- ``sections_spread``: among chapters with at least ``SECTION_MIN_HITS``
  framing hits, the balance of the most and least repressive differ by at
  least ``SECTION_SPREAD``.
- ``peer_extreme`` / ``peer_position``: with at least ``PEER_MIN`` peers, the
  plan is the highest or lowest on a key measure, or (balance only) its place.
- ``perception_objective_only``: the plan cites figures but never how safe
  people feel.

Questions (:class:`Question`) follow from the gaps: see :func:`derive_questions`.

Example:
    >>> from textscan.report.findings import derive_findings, derive_questions
    >>> f = derive_findings(profile_dict)  # doctest: +SKIP
    >>> [x.code for x in f]  # doctest: +SKIP
    ['balance', 'actors_narrow', 'themes_repressive']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from textscan.report.labels import FRAMING_ORDER, label, nl_list, nl_num, nl_pct, short

# ------------------------------------------------------------------ thresholds
BALANCE_CLEAR = 0.33
"""|balance| at or above this is one-sided ("overwegend"); below it is mixed."""
BALANCE_MIN_TERMS = 10
"""Repressive + positive terms needed before the balance is called a direction."""
LOW_RATE = 2.0
"""Per 1,000 words: a framing category below this rate is scarce."""
LOW_SHARE = 0.05
"""Share of sentences: an actor group named in fewer is "nauwelijks genoemd"."""
CHAIN_DOMINANCE = 0.60
"""Share of actor mentions: the chain at or above this makes the plan narrow."""
BROAD_DOMINANCE = 0.60
"""Share of actor mentions: partners + residents at or above this is broad."""
THEME_MIN_HITS = 3
"""Framing hits in a theme's sentences needed before its framing is judged."""
THEME_ONE_SIDED = 0.60
"""|balance| of a theme at or above this is one-sided."""
SECTION_MIN_HITS = 5
"""Framing hits in a chapter needed before its balance is compared."""
SECTION_SPREAD = 1.0
"""Difference in balance between chapters that counts as a strong contrast."""
PEER_MIN = 3
"""Peers needed (besides the plan) before its position is reported."""
COLUMN_DOMAINS: tuple[str, ...] = ("housing", "space", "leisure", "care")
"""The policy domains the column asks safety to be linked to."""
MAX_QUESTIONS = 8

THRESHOLDS: tuple[tuple[str, str, str], ...] = (
    (
        "BALANCE_CLEAR",
        nl_num(BALANCE_CLEAR),
        "vanaf deze |balans| heet een plan overwegend "
        "repressief of overwegend positief; daaronder gemengd",
    ),
    (
        "BALANCE_MIN_TERMS",
        str(BALANCE_MIN_TERMS),
        "repressieve en positieve termen samen nodig voordat de balans een richting aangeeft",
    ),
    ("LOW_RATE", nl_num(LOW_RATE, 1), "per 1.000 woorden: daaronder is een register schaars"),
    (
        "LOW_SHARE",
        nl_pct(LOW_SHARE),
        "van de zinnen: een actorgroep die minder vaak voorkomt, wordt nauwelijks genoemd",
    ),
    (
        "CHAIN_DOMINANCE",
        nl_pct(CHAIN_DOMINANCE),
        "van de actorvermeldingen: vanaf hier leunt het plan op de veiligheidsketen",
    ),
    (
        "BROAD_DOMINANCE",
        nl_pct(BROAD_DOMINANCE),
        "van de actorvermeldingen door partners en bewoners: vanaf hier is de kring breed",
    ),
    (
        "THEME_MIN_HITS",
        str(THEME_MIN_HITS),
        "framingtermen in de zinnen over een thema "
        "voordat de framing van dat thema beoordeeld wordt",
    ),
    (
        "THEME_ONE_SIDED",
        nl_num(THEME_ONE_SIDED),
        "vanaf deze |balans| is een thema eenzijdig geframed",
    ),
    (
        "SECTION_MIN_HITS",
        str(SECTION_MIN_HITS),
        "framingtermen in een hoofdstuk voordat het wordt vergeleken",
    ),
    (
        "SECTION_SPREAD",
        nl_num(SECTION_SPREAD),
        "verschil in balans tussen hoofdstukken dat als sterk contrast geldt",
    ),
    ("PEER_MIN", str(PEER_MIN), "andere plannen nodig voordat de positie wordt vermeld"),
)


# ------------------------------------------------------------------ records
@dataclass(frozen=True)
class Finding:
    """One plain-language finding.

    ``section`` is the report section it belongs to ("framing", "peers",
    "themes", "actors", "domains"); ``tone`` is "repressive", "preventive",
    "positive", "gap" or "neutral" and only colours the text; ``weight``
    orders findings (the summary shows the heaviest).
    """

    code: str
    section: str
    title: str
    text: str
    weight: float
    tone: str = "neutral"
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    """A question for the conversation, with the figure that prompts it."""

    code: str
    text: str
    reason: str
    priority: float


# ------------------------------------------------------------------ measures
@dataclass(frozen=True)
class Measure:
    """A key measure of a profile, shown in peer and corpus comparisons."""

    key: str
    label: str
    kind: str  # "balance", "rate", "share", "count", "bits"
    help: str
    short: str = ""


MEASURES: tuple[Measure, ...] = (
    Measure(
        "balance",
        "Balans",
        "balance",
        "(positief − repressief) / (positief + repressief)",
        "Balans",
    ),
    Measure("repressive_per_1000", "Repressief", "rate", "termen per 1.000 woorden", "Repr."),
    Measure("preventive_per_1000", "Preventief", "rate", "termen per 1.000 woorden", "Prev."),
    Measure(
        "positive_per_1000", "Positief / verbindend", "rate", "termen per 1.000 woorden", "Pos."
    ),
    Measure(
        "actors_breadth",
        "Verschillende actoren",
        "count",
        "aantal verschillende actoren",
        "Actoren",
    ),
    Measure(
        "actors_societal_breadth",
        "Partners en bewonersgroepen",
        "count",
        "aantal verschillende maatschappelijke partners en bewonersgroepen",
        "Partners (versch.)",
    ),
    Measure(
        "actors_broad_share",
        "Partners en bewoners",
        "share",
        "aandeel van alle actorvermeldingen",
        "Partners + bew.",
    ),
    Measure(
        "residents_share", "Bewoners genoemd", "share", "aandeel zinnen met bewoners", "Bewoners"
    ),
    Measure(
        "actors_diversity",
        "Spreiding over groepen",
        "bits",
        "Shannon-entropie over keten, partners, bewoners (max. 1,58)",
        "Spreiding",
    ),
    Measure(
        "domains_linked",
        "Gekoppelde beleidsdomeinen",
        "count",
        "aantal domeinen dat minstens één keer voorkomt",
        "Domeinen",
    ),
)
MEASURE_BY_KEY = {m.key: m for m in MEASURES}


def format_measure(key: str, value: Any) -> str:
    """A measure's value in Dutch notation according to its kind."""
    m = MEASURE_BY_KEY.get(key)
    kind = m.kind if m else "rate"
    if value is None:
        return "–"
    if kind == "balance":
        return nl_num(value, 2, signed=True)
    if kind == "share":
        return nl_pct(value)
    if kind == "count":
        return nl_num(value, 0)
    return nl_num(value, 1)


def _societal(actors: Mapping[str, Any]) -> int:
    """Distinct partners and residents' groups an actors block names (not the chain)."""
    cats = actors.get("entries_by_category") or {}
    return len(cats.get("partners", {})) + len(cats.get("residents", {}))


def key_measures(profile: Mapping[str, Any]) -> dict[str, float | None]:
    """The key measures of a profile dict; keys of absent blocks are left out."""
    cats = profile.get("categories") or {}
    out: dict[str, float | None] = {"balance": (profile.get("balance") or {}).get("value")}
    for c in FRAMING_ORDER:
        if c in cats:
            out[f"{c}_per_1000"] = cats[c].get("per_1000_words")
    actors = profile.get("actors")
    if actors:
        counts = {k: v.get("count", 0) for k, v in (actors.get("categories") or {}).items()}
        total = sum(counts.values())
        out["actors_breadth"] = actors.get("breadth_entries")
        out["actors_societal_breadth"] = _societal(actors)
        out["actors_broad_share"] = (
            (counts.get("partners", 0) + counts.get("residents", 0)) / total if total else None
        )
        res = (actors.get("categories") or {}).get("residents")
        out["residents_share"] = res.get("sentence_share") if res else None
        out["actors_diversity"] = actors.get("diversity")
    domains = profile.get("domains")
    if domains:
        out["domains_linked"] = sum(
            1 for v in (domains.get("categories") or {}).values() if v.get("count", 0) > 0
        )
    return out


@dataclass(frozen=True)
class PeerPosition:
    """Where a plan's value stands among its peers' values."""

    key: str
    value: float
    peers: tuple[float, ...]
    higher: int
    lower: int

    @property
    def n(self) -> int:
        return len(self.peers)

    @property
    def rank(self) -> int:
        """1 = the highest value of the plan and its peers."""
        return self.higher + 1

    @property
    def percentile(self) -> float:
        """Share of peers below the value, ties counted half (0..100)."""
        if not self.peers:
            return 50.0
        ties = self.n - self.higher - self.lower
        return 100.0 * (self.lower + 0.5 * ties) / self.n

    @property
    def is_highest(self) -> bool:
        return self.higher == 0 and self.lower > 0

    @property
    def is_lowest(self) -> bool:
        return self.lower == 0 and self.higher > 0

    def describe(self) -> str:
        """Dutch text: 'hoger dan 4 van de 5 andere plannen'."""
        if self.is_highest:
            return f"hoogste van {self.n + 1} plannen"
        if self.is_lowest:
            return f"laagste van {self.n + 1} plannen"
        return f"hoger dan {self.lower} van de {self.n} andere plannen"


def peer_positions(
    profile: Mapping[str, Any], peers: Sequence[Mapping[str, Any]]
) -> dict[str, PeerPosition]:
    """The position of ``profile`` among ``peers`` on every key measure both have.

    A peer with the same ``sha256`` as the plan is the plan itself and is left out.
    """
    own = key_measures(profile)
    sha = profile.get("sha256")
    others = [key_measures(p) for p in peers if not (sha and p.get("sha256") == sha)]
    out: dict[str, PeerPosition] = {}
    for key, value in own.items():
        if value is None:
            continue
        vals = tuple(float(o[key]) for o in others if o.get(key) is not None)
        out[key] = PeerPosition(
            key=key,
            value=float(value),
            peers=vals,
            higher=sum(1 for v in vals if v > value + 1e-12),
            lower=sum(1 for v in vals if v < value - 1e-12),
        )
    return out


# ------------------------------------------------------------------ partner groups
@dataclass(frozen=True)
class PartnerGroup:
    id: str
    label: str
    entries: tuple[str, ...] = ()
    category: str | None = None


@lru_cache(maxsize=1)
def partner_groups() -> tuple[PartnerGroup, ...]:
    """The column's broad partner groups (``partner_groups.yaml``)."""
    text = resources.files("textscan.report").joinpath("partner_groups.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return tuple(
        PartnerGroup(
            id=g["id"],
            label=g["label"],
            entries=tuple(g.get("entries", ())),
            category=g.get("category"),
        )
        for g in data["groups"]
    )


def partner_checklist(profile: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """For each partner group: its label, whether it is named, and how often.

    None when the profile has no actors block.
    """
    actors = profile.get("actors")
    if not actors:
        return None
    entries: Mapping[str, int] = actors.get("entries") or {}
    by_cat: Mapping[str, Mapping[str, int]] = actors.get("entries_by_category") or {}
    out = []
    for g in partner_groups():
        if g.category is not None:
            named = dict(by_cat.get(g.category, {}))
        else:
            named = {e: entries[e] for e in g.entries if entries.get(e, 0) > 0}
        out.append(
            {
                "id": g.id,
                "label": g.label,
                "present": sum(named.values()) > 0,
                "mentions": sum(named.values()),
                "named": sorted(named, key=lambda e: -named[e]),
            }
        )
    return out


# ------------------------------------------------------------------ helpers
def _rate(profile: Mapping[str, Any], cat: str) -> float | None:
    st = (profile.get("categories") or {}).get(cat)
    return None if st is None else st.get("per_1000_words")


def _actor_counts(profile: Mapping[str, Any]) -> dict[str, int]:
    actors = profile.get("actors") or {}
    return {k: v.get("count", 0) for k, v in (actors.get("categories") or {}).items()}


def theme_framing(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Theme fields with their framing counts, balance and framing hits, largest first."""
    themes = profile.get("themes") or {}
    rows = []
    for cat, d in (themes.get("framing_by_category") or {}).items():
        hits = sum(d.get(c, 0) for c in FRAMING_ORDER)
        rows.append(
            {
                "id": cat,
                "label": label("themes", cat),
                "short": short("themes", cat),
                "hits": hits,
                **d,
            }
        )
    rows.sort(key=lambda r: -r.get("sentences", 0))
    return rows


def _theme_figures(r: Mapping[str, Any]) -> str:
    return (
        f"{r.get('repressive', 0)} repressieve tegenover {r.get('positive', 0)} "
        f"positieve termen in {r['sentences']} zinnen"
    )


def _judged_sections(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for s in profile.get("sections") or ():
        cats = s.get("categories") or {}
        hits = sum(cats.get(c, {}).get("count", 0) for c in ("repressive", "positive"))
        if s.get("section_id") is None or s.get("balance") is None or hits < SECTION_MIN_HITS:
            continue
        out.append(s)
    return out


# ------------------------------------------------------------------ findings
def derive_findings(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
) -> list[Finding]:
    """All findings the rules produce for ``profile``, heaviest first."""
    out: list[Finding] = []
    out += _balance_findings(profile)
    out += _register_findings(profile)
    out += _actor_findings(profile)
    out += _theme_findings(profile)
    out += _domain_findings(profile)
    out += _section_findings(profile)
    out += _perception_findings(profile)
    if peers:
        out += _peer_findings(profile, peers)
    out.sort(key=lambda f: -f.weight)
    return out


def summary_findings(findings: Sequence[Finding], n: int = 3) -> list[Finding]:
    """The ``n`` heaviest findings, at most one per report section."""
    chosen: list[Finding] = []
    seen: set[str] = set()
    for f in findings:
        if f.section in seen:
            continue
        chosen.append(f)
        seen.add(f.section)
        if len(chosen) == n:
            break
    return chosen


def _balance_findings(p: Mapping[str, Any]) -> list[Finding]:
    b = p.get("balance") or {}
    value, lo, hi = b.get("value"), b.get("ci_low"), b.get("ci_high")
    rep, pos = (
        (p.get("categories") or {}).get("repressive"),
        (p.get("categories") or {}).get("positive"),
    )
    if rep is None or pos is None:
        return []
    if value is None:
        return [
            Finding(
                "balance_undefined",
                "framing",
                "Geen balans te berekenen",
                "Het plan bevat geen repressieve en geen positieve termen; een balans is "
                "niet te berekenen.",
                100,
                "gap",
            )
        ]
    nrep, npos = rep.get("count", 0), pos.get("count", 0)
    interval = f"95%-interval {nl_num(lo, signed=True)} tot {nl_num(hi, signed=True)}"
    if nrep + npos < BALANCE_MIN_TERMS:
        return [
            Finding(
                "balance_thin",
                "framing",
                "Weinig framingtaal",
                f"Het plan gebruikt nauwelijks repressieve of verbindende taal: {nrep} "
                f"repressieve en {npos} positieve termen in {p.get('words', 0)} woorden. De "
                f"balans ({nl_num(value, signed=True)}) rust op te weinig termen om een "
                f"richting aan te wijzen.",
                100,
                "gap",
                {"balance": value, "repressive": nrep, "positive": npos},
            )
        ]
    clear = lo is not None and hi is not None and (lo > 0 or hi < 0)
    if value <= -BALANCE_CLEAR:
        ratio = (
            f" Op elke positieve of verbindende term staan er {nl_num(nrep / npos, 1)} repressieve."
            if npos
            else " Positieve of verbindende termen ontbreken."
        )
        return [
            Finding(
                "balance",
                "framing",
                "Overwegend repressief",
                f"Repressieve taal (bestrijden, handhaven, optreden) weegt zwaarder dan "
                f"verbindende: balans "
                f"{nl_num(value, signed=True)} ({interval}).{ratio}",
                100,
                "repressive",
                {"balance": value, "repressive": nrep, "positive": npos},
            )
        ]
    if value >= BALANCE_CLEAR:
        ratio = (
            f" Op elke repressieve term staan er {nl_num(npos / nrep, 1)} positieve of verbindende."
            if nrep
            else " Repressieve termen ontbreken."
        )
        return [
            Finding(
                "balance",
                "framing",
                "Meer verbindend dan repressief",
                f"Positieve en verbindende taal (vertrouwen, samenwerken, betrekken) weegt "
                f"zwaarder dan repressieve: balans {nl_num(value, signed=True)} "
                f"({interval}).{ratio}",
                100,
                "positive",
                {"balance": value, "repressive": nrep, "positive": npos},
            )
        ]
    certainty = (
        "De richting is wel duidelijk: het interval ligt geheel aan één kant van nul."
        if clear
        else "Het interval omvat nul: het plan kiest geen duidelijke kant."
    )
    return [
        Finding(
            "balance",
            "framing",
            "Gemengd",
            f"Repressieve en verbindende taal houden elkaar ongeveer in evenwicht: balans "
            f"{nl_num(value, signed=True)} ({interval}; {nrep} repressieve tegenover {npos} "
            f"positieve termen). {certainty}",
            100,
            "neutral",
            {"balance": value, "repressive": nrep, "positive": npos},
        )
    ]


def _register_findings(p: Mapping[str, Any]) -> list[Finding]:
    prev, rep, pos = _rate(p, "preventive"), _rate(p, "repressive"), _rate(p, "positive")
    if prev is None or rep is None or pos is None:
        return []
    if prev > rep and prev > pos:
        return [
            Finding(
                "preventive_leading",
                "framing",
                "Preventie voert de boventoon",
                f"Preventieve taal komt het vaakst voor: {nl_num(prev, 1)} termen per 1.000 "
                f"woorden, tegen {nl_num(rep, 1)} repressieve en {nl_num(pos, 1)} positieve.",
                70,
                "preventive",
                {"preventive_per_1000": prev},
            )
        ]
    if prev < rep and prev < pos and prev < LOW_RATE:
        return [
            Finding(
                "preventive_scarce",
                "framing",
                "Weinig preventie",
                f"Preventieve taal is schaars: {nl_num(prev, 1)} termen per 1.000 woorden, "
                f"tegen {nl_num(rep, 1)} repressieve en {nl_num(pos, 1)} positieve.",
                45,
                "gap",
                {"preventive_per_1000": prev},
            )
        ]
    return []


def _actor_findings(p: Mapping[str, Any]) -> list[Finding]:
    actors = p.get("actors")
    if not actors:
        return []
    out: list[Finding] = []
    counts = _actor_counts(p)
    total = sum(counts.values())
    if total:
        chain = counts.get("chain", 0) / total
        broad = (counts.get("partners", 0) + counts.get("residents", 0)) / total
        if chain >= CHAIN_DOMINANCE:
            out.append(
                Finding(
                    "actors_narrow",
                    "actors",
                    "Smalle kring: vooral de veiligheidsketen",
                    f"{nl_pct(chain)} van de {total} actorvermeldingen betreft de "
                    f"veiligheidsketen (politie, OM, gemeente, handhaving); maatschappelijke "
                    f"partners en bewoners samen {nl_pct(broad)}.",
                    60 + 40 * (chain - CHAIN_DOMINANCE),
                    "repressive",
                    {"chain_share": chain},
                )
            )
        elif broad >= BROAD_DOMINANCE:
            out.append(
                Finding(
                    "actors_broad",
                    "actors",
                    "Brede kring van betrokkenen",
                    f"{nl_pct(broad)} van de {total} actorvermeldingen gaat over "
                    f"maatschappelijke partners en bewoners; het plan noemt "
                    f"{_societal(actors)} verschillende partners en bewonersgroepen.",
                    55,
                    "positive",
                    {"broad_share": broad},
                )
            )
    res = (actors.get("categories") or {}).get("residents")
    if res is not None and res.get("sentence_share", 0) < LOW_SHARE:
        share = res.get("sentence_share", 0)
        out.append(
            Finding(
                "residents_low",
                "actors",
                "Bewoners nauwelijks in beeld",
                f"Bewoners worden in {nl_pct(share, 1)} van de zinnen genoemd "
                f"({res.get('count', 0)} keer).",
                65,
                "gap",
                {"residents_share": share},
            )
        )
    checklist = partner_checklist(p) or []
    absent = [g["label"].lower() for g in checklist if not g["present"] and g["id"] != "residents"]
    if absent:
        out.append(
            Finding(
                "partners_absent",
                "actors",
                "Partners die ontbreken",
                f"Het plan noemt geen {nl_list(absent, 'of')}.",
                50 + 5 * len(absent),
                "gap",
                {"absent": absent},
            )
        )
    return out


def _theme_findings(p: Mapping[str, Any]) -> list[Finding]:
    rows = [
        r for r in theme_framing(p) if r["hits"] >= THEME_MIN_HITS and r.get("balance") is not None
    ]
    neg = [r for r in rows if r["balance"] <= -THEME_ONE_SIDED]
    pos = [r for r in rows if r["balance"] >= THEME_ONE_SIDED]
    if neg and pos:
        n, q = min(neg, key=lambda r: r["balance"]), max(pos, key=lambda r: r["balance"])
        return [
            Finding(
                "themes_contrast",
                "themes",
                "Framing verschilt per thema",
                f"Over {n['short']} spreekt het plan repressief (balans "
                f"{nl_num(n['balance'], signed=True)} in {n['sentences']} zinnen), over "
                f"{q['short']} positief (balans {nl_num(q['balance'], signed=True)}).",
                62,
                "neutral",
                {"repressive": n["id"], "positive": q["id"]},
            )
        ]
    if neg:
        labels = [r["short"] for r in neg]
        only = all(r["balance"] <= -1 + 1e-9 for r in neg)
        how = "uitsluitend" if only else "overwegend"
        return [
            Finding(
                "themes_repressive",
                "themes",
                "Thema's eenzijdig repressief",
                f"Over {nl_list(labels)} spreekt het plan {how} in repressieve termen"
                + (f" ({_theme_figures(neg[0])})." if len(neg) == 1 else "."),
                58 + 2 * len(neg),
                "repressive",
                {"themes": [r["id"] for r in neg]},
            )
        ]
    return []


def _domain_findings(p: Mapping[str, Any]) -> list[Finding]:
    domains = p.get("domains")
    if not domains:
        return []
    cats = domains.get("categories") or {}
    missing = [
        short("domains", d) for d in COLUMN_DOMAINS if d in cats and cats[d].get("count", 0) == 0
    ]
    linked = [short("domains", d) for d, v in cats.items() if v.get("count", 0) > 0]
    if linked and len(linked) == len(cats):
        return [
            Finding(
                "domains_linked",
                "domains",
                "Veiligheid verbonden met ander beleid",
                f"Het plan verbindt veiligheid met alle {len(cats)} onderscheiden "
                f"beleidsdomeinen ({nl_list(linked)}).",
                30,
                "positive",
                {"linked": linked},
            )
        ]
    if missing:
        return [
            Finding(
                "domains_missing",
                "domains",
                "Weinig koppeling met ander beleid",
                f"Het plan verbindt veiligheid niet met {nl_list(missing, 'of')}"
                + (
                    f"; wel met {nl_list(linked)}."
                    if linked
                    else "; met geen enkel ander beleidsdomein."
                ),
                40 + 6 * len(missing),
                "gap",
                {"missing": missing},
            )
        ]
    return [
        Finding(
            "domains_linked",
            "domains",
            "Veiligheid verbonden met ander beleid",
            f"Het plan verbindt veiligheid met {nl_list(linked)}.",
            30,
            "positive",
            {"linked": linked},
        )
    ]


def _section_findings(p: Mapping[str, Any]) -> list[Finding]:
    secs = _judged_sections(p)
    if len(secs) < 2:
        return []
    lo = min(secs, key=lambda s: s["balance"])
    hi = max(secs, key=lambda s: s["balance"])
    if hi["balance"] - lo["balance"] < SECTION_SPREAD:
        return []
    return [
        Finding(
            "sections_spread",
            "themes",
            "Hoofdstukken verschillen sterk",
            f"Het meest repressieve hoofdstuk is ‘{lo['title']}’ (balans "
            f"{nl_num(lo['balance'], signed=True)}), het meest verbindende ‘{hi['title']}’ "
            f"(balans {nl_num(hi['balance'], signed=True)}).",
            48,
            "neutral",
            {"low": lo["title"], "high": hi["title"]},
        )
    ]


def _perception_findings(p: Mapping[str, Any]) -> list[Finding]:
    per = p.get("perception")
    if not per:
        return []
    cats = per.get("categories") or {}
    subj = cats.get("subjective", {}).get("count", 0)
    obj = cats.get("objective", {}).get("count", 0)
    if subj == 0 and obj > 0:
        return [
            Finding(
                "perception_objective_only",
                "domains",
                "Alleen cijfers, geen beleving",
                f"Het plan verwijst {obj} keer naar cijfers, meldingen of aangiften, maar "
                "nergens naar hoe veilig inwoners zich voelen.",
                35,
                "gap",
                {"objective": obj},
            )
        ]
    return []


def _peer_findings(p: Mapping[str, Any], peers: Sequence[Mapping[str, Any]]) -> list[Finding]:
    pos = peer_positions(p, peers)
    out: list[Finding] = []
    bal = pos.get("balance")
    if bal is not None and bal.n >= PEER_MIN:
        if bal.is_lowest or bal.is_highest:
            word = "repressiefst" if bal.is_lowest else "meest verbindend"
            out.append(
                Finding(
                    "peer_extreme",
                    "peers",
                    f"Het {word} geframede plan",
                    f"Met een balans van {nl_num(bal.value, signed=True)} is dit het {word} "
                    f"geframede plan van de {bal.n + 1} vergeleken plannen (mediaan van de "
                    f"andere: {nl_num(_median(bal.peers), signed=True)}).",
                    80,
                    "repressive" if bal.is_lowest else "positive",
                    {"rank": bal.rank, "n": bal.n + 1},
                )
            )
        else:
            out.append(
                Finding(
                    "peer_position",
                    "peers",
                    "Positie tussen andere plannen",
                    f"Met een balans van {nl_num(bal.value, signed=True)} is het plan "
                    f"verbindender dan {bal.lower} en repressiever dan {bal.higher} van de "
                    f"{bal.n} andere plannen.",
                    42,
                    "neutral",
                    {"rank": bal.rank, "n": bal.n + 1},
                )
            )
    for key in ("actors_broad_share", "actors_societal_breadth"):
        pp = pos.get(key)
        if pp is None or pp.n < PEER_MIN or not (pp.is_lowest or pp.is_highest):
            continue
        m = MEASURE_BY_KEY[key]
        out.append(
            Finding(
                f"peer_{key}",
                "peers",
                f"{m.label}: {'hoogste' if pp.is_highest else 'laagste'} van de vergelijking",
                f"{m.label} ({m.help}): {format_measure(key, pp.value)}, de "
                f"{pp.describe()} (mediaan van de andere: "
                f"{format_measure(key, _median(pp.peers))}).",
                52,
                "positive" if pp.is_highest else "gap",
                {"key": key},
            )
        )
        break
    return out


def _median(values: Sequence[float]) -> float:
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


# ------------------------------------------------------------------ questions
PARTNER_THIN = 2
"""A partner group named at most this often is "hardly" present."""
THEME_RELATIVE = 0.5
"""A theme whose balance lies this far below the plan's is relatively repressive."""


def derive_questions(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
) -> list[Question]:
    """Questions for the conversation, from the gaps in ``profile``, most pressing first.

    Rules (at most :data:`MAX_QUESTIONS`, each with the figure that prompts it):

    - balance at most ``-BALANCE_CLEAR``: what does the plan want to build?
    - balance at least ``BALANCE_CLEAR``: when and how does the municipality intervene?
    - preventive language below ``LOW_RATE`` and the scarcest register: where is
      prevention? Preventive language the leading register: how is its effect known?
    - residents in fewer than ``LOW_SHARE`` of sentences: what is their role?
    - chain at least ``CHAIN_DOMINANCE`` of actor mentions: who else carries safety?
    - partner groups of the column that are absent (one question for all of them),
      or named at most ``PARTNER_THIN`` times.
    - each theme field one-sided repressive (``THEME_ONE_SIDED``, ``THEME_MIN_HITS``);
      otherwise the theme whose balance lies ``THEME_RELATIVE`` or more below the plan's.
    - column domains never linked: how does safety relate to them?
    - no subjective-safety mention: how do residents experience safety? No figures
      at all: how is progress measured?
    - with peers: the least connecting plan of the comparison: what explains it?
    """
    qs: list[Question] = []
    cats = profile.get("categories") or {}
    b = (profile.get("balance") or {}).get("value")
    rep, prev = _rate(profile, "repressive"), _rate(profile, "preventive")
    pos = _rate(profile, "positive")
    if b is not None and b <= -BALANCE_CLEAR:
        qs.append(
            Question(
                "build_not_only_fight",
                "Het plan beschrijft vooral wat bestreden moet worden. Wat wil de gemeente "
                "opbouwen: waar investeert zij in vertrouwen en verbinding?",
                f"Balans {nl_num(b, signed=True)}: {cats['repressive']['count']} repressieve "
                f"tegenover {cats['positive']['count']} positieve termen.",
                90,
            )
        )
    if b is not None and b >= BALANCE_CLEAR:
        qs.append(
            Question(
                "when_intervene",
                "Het plan zet in op vertrouwen en samenwerking. Wanneer en hoe grijpt de "
                "gemeente in als dat niet genoeg is, en wie beslist daarover?",
                f"Balans {nl_num(b, signed=True)}; repressieve taal: {nl_num(rep, 1)} termen "
                "per 1.000 woorden.",
                50,
            )
        )
    if prev is not None and rep is not None and pos is not None:
        if prev < LOW_RATE and prev <= min(rep, pos):
            qs.append(
                Question(
                    "where_prevention",
                    "Waar zit de preventie: wat doet de gemeente om problemen vóór te zijn?",
                    f"Preventieve taal: {nl_num(prev, 1)} termen per 1.000 woorden.",
                    60,
                )
            )
        elif prev > max(rep, pos):
            qs.append(
                Question(
                    "prevention_effect",
                    "Preventie staat centraal. Hoe weet de gemeente welke preventie werkt, en "
                    "wie voert haar uit?",
                    f"Preventieve taal: {nl_num(prev, 1)} termen per 1.000 woorden, meer dan "
                    "repressieve en positieve.",
                    48,
                )
            )
    qs += _actor_questions(profile)
    qs += _theme_questions(profile)
    domains = profile.get("domains")
    if domains:
        dcats = domains.get("categories") or {}
        missing = [
            short("domains", d)
            for d in COLUMN_DOMAINS
            if d in dcats and dcats[d].get("count", 0) == 0
        ]
        if missing:
            qs.append(
                Question(
                    "domains",
                    f"Hoe hangt veiligheid samen met {nl_list(missing)}? Zijn die "
                    "beleidsterreinen betrokken bij het plan?",
                    f"Geen zin verbindt veiligheid met {nl_list(missing, 'of')}.",
                    55 + 3 * len(missing),
                )
            )
    per = profile.get("perception")
    if per:
        pc = per.get("categories") or {}
        subj = pc.get("subjective", {}).get("count", 0)
        obj = pc.get("objective", {}).get("count", 0)
        if subj == 0:
            qs.append(
                Question(
                    "perception",
                    "Hoe veilig voelen inwoners zich, en hoe weet de gemeente dat?",
                    "Het plan noemt het veiligheidsgevoel van inwoners nergens"
                    + (f" (wel {obj} keer cijfers of meldingen)." if obj else "."),
                    45,
                )
            )
        elif obj == 0:
            qs.append(
                Question(
                    "figures",
                    "Aan welke cijfers ziet de gemeente of het plan werkt?",
                    "Het plan noemt geen cijfers, meldingen of aangiften.",
                    40,
                )
            )
    if peers and b is not None:
        bal = peer_positions(profile, peers).get("balance")
        if bal is not None and bal.n >= PEER_MIN and bal.is_lowest:
            qs.append(
                Question(
                    "peers_lowest",
                    "Andere gemeenten spreken verbindender over veiligheid. Wat verklaart het "
                    "verschil: de problemen ter plaatse of de keuze van woorden?",
                    f"Laagste balans van {bal.n + 1} vergeleken plannen (mediaan van de "
                    f"andere: {nl_num(_median(bal.peers), signed=True)}).",
                    65,
                )
            )
    qs.sort(key=lambda q: -q.priority)
    return qs[:MAX_QUESTIONS]


def _actor_questions(profile: Mapping[str, Any]) -> list[Question]:
    actors = profile.get("actors")
    if not actors:
        return []
    qs: list[Question] = []
    res = (actors.get("categories") or {}).get("residents")
    if res is not None and res.get("sentence_share", 0) < LOW_SHARE:
        qs.append(
            Question(
                "residents_role",
                "Welke rol krijgen bewoners zelf: als bron van informatie, als meedenkers, "
                "als partners in de eigen buurt?",
                f"Bewoners komen voor in {nl_pct(res.get('sentence_share', 0), 1)} van de zinnen.",
                85,
            )
        )
    counts = _actor_counts(profile)
    total = sum(counts.values())
    if total and counts.get("chain", 0) / total >= CHAIN_DOMINANCE:
        qs.append(
            Question(
                "beyond_chain",
                "Wie draagt naast politie, OM, gemeente en handhaving bij aan veiligheid? "
                "Welke partners zitten aan tafel?",
                f"{nl_pct(counts['chain'] / total)} van de actorvermeldingen betreft de "
                "veiligheidsketen.",
                80,
            )
        )
    checklist = [g for g in partner_checklist(profile) or [] if g["id"] != "residents"]
    absent = [g["label"].lower() for g in checklist if not g["present"]]
    thin = [g for g in checklist if g["present"] and g["mentions"] <= PARTNER_THIN]
    if absent:
        qs.append(
            Question(
                "partners_absent",
                f"{nl_list(absent).capitalize()} komen in het plan niet voor. Welke rol "
                "kunnen zij spelen, en waren zij betrokken bij het opstellen van het plan?",
                f"Geen enkele vermelding van {nl_list(absent, 'of')}.",
                70 + 2 * len(absent),
            )
        )
    elif thin:
        names = [g["label"].lower() for g in thin]
        qs.append(
            Question(
                "partners_thin",
                f"{nl_list(names).capitalize()} worden "
                "maar zijdelings genoemd. Wat is hun bijdrage aan de veiligheid?",
                "; ".join(f"{g['label']}: {g['mentions']}×" for g in thin) + ".",
                52,
            )
        )
    return qs


def _theme_questions(profile: Mapping[str, Any]) -> list[Question]:
    rows = [
        r
        for r in theme_framing(profile)
        if r["hits"] >= THEME_MIN_HITS and r.get("balance") is not None
    ]
    qs = [
        Question(
            f"theme_{r['id']}",
            f"Over {r['short']} spreekt het plan vooral in termen van aanpak en handhaving. Is "
            "er ook ruimte voor preventie en verbinding?",
            f"In {r['sentences']} zinnen over dit thema: {r.get('repressive', 0)} repressieve, "
            f"{r.get('preventive', 0)} preventieve en {r.get('positive', 0)} positieve termen.",
            75 + 5 * (r["hits"] >= 2 * THEME_MIN_HITS),
        )
        for r in rows
        if r["balance"] <= -THEME_ONE_SIDED
    ]
    b = (profile.get("balance") or {}).get("value")
    if not qs and rows and b is not None:
        low = min(rows, key=lambda r: r["balance"])
        if low["balance"] <= b - THEME_RELATIVE:
            qs.append(
                Question(
                    f"theme_relative_{low['id']}",
                    f"Over {low['short']} is de toon harder dan in de rest van het plan. "
                    "Waarom kiest de gemeente daar voor een andere benadering?",
                    f"Balans bij dit thema {nl_num(low['balance'], signed=True)}, in het hele "
                    f"plan {nl_num(b, signed=True)}.",
                    58,
                )
            )
    return qs
