"""Findings and conversation questions, derived from a profile by documented rules.

Nothing here is canned: every finding and question is chosen by a rule on the
figures of the profile (and of its peers, when given) and its text is filled
in with those figures. The rules and their thresholds are module constants,
listed in :data:`THRESHOLDS` so that the report's appendix prints the very
values the code used.

Rules for findings (each gives a :class:`Finding` with a weight; the summary
shows the heaviest three):

- ``balance``: always, when the balance is defined. ``|B| >= BALANCE_CLEAR``
  is "overwegend repressief" / "meer verbindend dan repressief" when the 95%
  interval excludes 0, else "neigt naar ..., maar niet zeker"; below it
  "licht meer ..." when the interval excludes 0, else "gemengd". The text
  follows the interval and the size: "in evenwicht" only when the interval
  includes 0 and ``|B| < BALANCE_NEAR``, "komt vaker voor ..., maar dat
  verschil is niet zeker" for a larger difference within the interval, never
  "close" when the interval excludes 0. It quotes the plan's own most used
  terms and says the interval in plain words. With fewer than
  ``BALANCE_MIN_TERMS`` repressive and positive terms together the finding
  is ``balance_thin`` instead: too little framing language to call a
  direction (one positive word gives B = +1 and a bootstrap interval of +1
  to +1). When preventive language has the highest
  rate of the three, the finding leads with it ("vooral preventief").
- ``preventive_scarce``: preventive language has the lowest rate of the
  three and is below ``LOW_RATE`` per 1,000.
- ``actors_narrow`` / ``actors_broad``: the chain has at least
  ``CHAIN_DOMINANCE`` of actor mentions, or partners and residents together
  have at least ``BROAD_DOMINANCE``.
- ``residents_low``: residents named in fewer than ``LOW_SHARE`` of sentences.

  A gap of a threshold (``preventive_scarce``, ``residents_low``,
  ``actors_narrow``, and the questions on them) stands only when the figures
  shown beside it agree: among at least ``PEER_MIN`` peers, the plan's value
  must not lie above the peers' median (:func:`peer_gap`). A manifesto with
  1,8 preventive terms per 1,000 words, more than most of its peers, gets no
  "Weinig preventie".
- ``partners_absent``: partner groups of the column (``partner_groups.yaml``)
  that the plan does not name at all.
- ``themes_contrast`` / ``themes_repressive``: a theme field whose sentences
  carry at least ``THEME_MIN_HITS`` repressive and positive terms together
  is one-sided when its balance is at most ``-THEME_ONE_SIDED`` and its
  repressive terms outnumber its preventive ones (or its balance is at least
  ``+THEME_ONE_SIDED``); a contrast when both kinds exist. On fewer than
  ``FIRM_TERMS`` such terms the finding says it rests on few terms, and a
  theme is then "vooral" repressive, not "eenzijdig".
- ``domains_missing``: policy domains the column names (housing, space,
  leisure, care) that the plan never names; the text lists every domain it
  names and every one it does not.
- ``sections_spread``: among chapters with at least ``SECTION_MIN_HITS``
  repressive and positive terms, the balance of the most and least
  repressive differ by at least ``SECTION_SPREAD`` (with fewer than
  ``FIRM_TERMS`` terms in either, it says so).
- ``peer_extreme`` / ``peer_extreme_estimate`` / ``peer_position``: with at
  least ``PEER_MIN`` peers, the plan is the highest or lowest on a key measure,
  or (balance only) its place. On the balance, "the most repressive language of
  the comparison" is said only when the plan's 95% interval overlaps no peer's;
  otherwise it is the lowest *point estimate*, with the peers whose intervals
  overlap. A part of a document compared with whole documents (``--section``)
  gets no such finding: a chapter on safety holds far more safety language
  than a whole document, so its places are no ranking (the report shows the
  table of values with that caveat, and draws no conclusion from it).
- ``perception_objective_only``: the plan cites figures at least
  ``PERCEPTION_MIN_HITS`` times but never how safe people feel (the least
  precise count: a mention or two may all be wrong).

Questions (:class:`Question`) follow from the gaps: see :func:`derive_questions`.

Example:
    >>> from textscan.report.findings import derive_findings, derive_questions
    >>> f = derive_findings(profile_dict)  # doctest: +SKIP
    >>> [x.code for x in f]  # doctest: +SKIP
    ['balance', 'actors_narrow', 'themes_repressive']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from textscan.report.labels import (
    FRAMING_ORDER,
    chapter_title,
    entry_name,
    label,
    nl_cardinal,
    nl_count,
    nl_list,
    nl_num,
    nl_ordinal,
    nl_pct,
    nl_terms,
    short,
)

# ------------------------------------------------------------------ thresholds
BALANCE_CLEAR = 0.33
"""|balance| at or above this is one-sided ("overwegend"); below it is mixed."""
BALANCE_MIN_TERMS = 10
"""Repressive + positive terms needed before the balance is called a direction."""
BALANCE_NEAR = 0.10
"""|balance| below this, with an interval that includes 0, is "in evenwicht" (about 1.2 to 1)."""
LOW_RATE = 2.0
"""Per 1,000 words: a framing category below this rate is scarce."""
LOW_SHARE = 0.05
"""Share of sentences: an actor group named in fewer is "nauwelijks genoemd"."""
CHAIN_DOMINANCE = 0.60
"""Share of actor mentions: the chain at or above this makes the plan narrow."""
BROAD_DOMINANCE = 0.60
"""Share of actor mentions: partners + residents at or above this is broad."""
THEME_MIN_HITS = 5
"""Repressive + positive terms in a theme's sentences needed before its balance is judged."""
THEME_ONE_SIDED = 0.60
"""|balance| of a theme at or above this is one-sided."""
SECTION_MIN_HITS = 5
"""Framing hits in a chapter needed before its balance is compared."""
FIRM_TERMS = 10
"""Repressive + positive terms below which a finding on a theme or chapter says it rests on few."""
PERCEPTION_MIN_HITS = 5
"""Mentions of figures needed before "only figures, no perception" is a finding.

The perception lexicon is the least precise (30-58% of its hits right in the
audits): one or two mentions of figures may all be wrong.
"""
SECTION_MIN_WORDS = 150
"""Words a chapter needs before its balance is compared (not a list of indicators)."""
SECTION_SPREAD = 1.0
"""Difference in balance between chapters that counts as a strong contrast."""
PEER_MIN = 3
"""Peers needed (besides the plan) before its position is reported."""
OFF_TOPIC_SHARE = 0.10
"""Share of sentences naming a safety theme below which a document is mostly not about safety.

Safety plans name a theme in 20-45% of their sentences (the demo plans 21-46%),
a coalition agreement or a party manifesto in 1-5%.
"""
COLUMN_DOMAINS: tuple[str, ...] = ("housing", "space", "leisure", "care")
"""The policy domains the column asks safety to be linked to."""
MAX_QUESTIONS = 8

THRESHOLDS: tuple[tuple[str, str, str], ...] = (
    (
        "BALANCE_CLEAR",
        nl_num(BALANCE_CLEAR),
        "vanaf deze afstand tot 0 (naar de min- of de pluskant) heet een plan overwegend "
        "repressief of overwegend verbindend; daaronder gemengd of licht in één richting",
    ),
    (
        "BALANCE_NEAR",
        nl_num(BALANCE_NEAR),
        "onder deze afstand tot 0, met een interval dat 0 omvat, heten repressieve en "
        "verbindende taal ongeveer in evenwicht",
    ),
    (
        "BALANCE_MIN_TERMS",
        str(BALANCE_MIN_TERMS),
        "repressieve en verbindende termen samen nodig voordat de balans een richting aangeeft",
    ),
    (
        "LOW_RATE",
        nl_num(LOW_RATE, 1),
        "per 1.000 woorden: daaronder komt een soort taal (repressief, preventief of "
        "verbindend) weinig voor",
    ),
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
        "repressieve en verbindende termen samen in de zinnen over een thema "
        "voordat de balans van dat thema beoordeeld wordt",
    ),
    (
        "THEME_ONE_SIDED",
        nl_num(THEME_ONE_SIDED),
        "vanaf deze afstand tot 0 (naar de min- of de pluskant) spreekt een plan over een "
        "thema eenzijdig repressief of eenzijdig verbindend",
    ),
    (
        "FIRM_TERMS",
        str(FIRM_TERMS),
        "repressieve en verbindende termen samen in een thema of hoofdstuk; rust een bevinding "
        "over een thema of hoofdstuk op minder, dan zegt ze dat",
    ),
    (
        "SECTION_MIN_HITS",
        str(SECTION_MIN_HITS),
        "repressieve en verbindende termen samen in een hoofdstuk voordat zijn balans "
        "wordt getoond en vergeleken",
    ),
    (
        "SECTION_MIN_WORDS",
        str(SECTION_MIN_WORDS),
        "woorden in een hoofdstuk voordat het met andere hoofdstukken wordt vergeleken",
    ),
    (
        "SECTION_SPREAD",
        nl_num(SECTION_SPREAD),
        "verschil in balans tussen hoofdstukken dat als sterk contrast geldt",
    ),
    (
        "PERCEPTION_MIN_HITS",
        str(PERCEPTION_MIN_HITS),
        "vermeldingen van cijfers, meldingen of aangiften nodig voordat ‘alleen cijfers, geen "
        "beleving’ als bevinding wordt gemeld (de minst zekere telling)",
    ),
    ("PEER_MIN", str(PEER_MIN), "andere plannen nodig voordat de positie wordt vermeld"),
)


THRESHOLD_LABELS: dict[str, str] = {
    "BALANCE_CLEAR": "Duidelijke richting",
    "BALANCE_NEAR": "Evenwicht",
    "BALANCE_MIN_TERMS": "Termen voor een richting",
    "LOW_RATE": "Weinig voorkomende taal",
    "LOW_SHARE": "Weinig genoemde groep",
    "CHAIN_DOMINANCE": "Smalle kring",
    "BROAD_DOMINANCE": "Brede kring",
    "THEME_MIN_HITS": "Termen voor een thema",
    "THEME_ONE_SIDED": "Eenzijdig over een thema",
    "FIRM_TERMS": "Weinig termen",
    "SECTION_MIN_HITS": "Termen voor een hoofdstuk",
    "SECTION_MIN_WORDS": "Woorden voor een hoofdstuk",
    "SECTION_SPREAD": "Sterk verschil tussen hoofdstukken",
    "PERCEPTION_MIN_HITS": "Vermeldingen van cijfers",
    "PEER_MIN": "Plannen voor een plaats",
}
"""The name of each threshold of :data:`THRESHOLDS` in the report's Dutch; the
report's appendix gives the constants' own names only in a technical note."""


# ------------------------------------------------------------------ accuracy
@dataclass(frozen=True)
class Precision:
    """The share of hits judged right in the independent audits, for one lexicon."""

    lexicon: str
    label: str
    low: float
    high: float
    the: str = ""  # the label in running text: "de thema’s"


PRECISION: tuple[Precision, ...] = (
    Precision("framing", "repressieve, preventieve en verbindende termen", 0.84, 0.94),
    Precision("actors", "actoren", 0.93, 1.00),
    Precision("domains", "andere beleidsvelden", 0.83, 0.99),
    Precision("themes", "thema’s", 0.62, 0.88, "de thema’s"),
    Precision(
        "perception", "beleving en cijfers", 0.30, 0.58, "de telling van beleving en cijfers"
    ),
)
"""Precision per lexicon in the second to sixth audits of the seven shared PDFs.

README.md, section Validation: five independent reviewers judged seeded
samples of hits by the codebook, each before the fixes it led to; the range
is the lowest and highest figure of the five (actors: every mention counts,
as textscan counts them; the sixth audit judged no actors). Themes and
perception are much less precise than framing, so the report says so per
measure instead of one figure for everything.
"""
PRECISION_BY_LEXICON = {p.lexicon: p for p in PRECISION}
PRECISION_SOURCE = (
    "vijf onafhankelijke controles van echte teksten (verkiezingsprogramma’s, een "
    "regeerakkoord en een besluitenlijst van een gemeenteraad)"
)


def precision_text(lexicon: str) -> str:
    """'62 tot 88%' for a lexicon of :data:`PRECISION`, '' for another."""
    p = PRECISION_BY_LEXICON.get(lexicon)
    if p is None:
        return ""
    return f"{nl_num(100 * p.low, 0)} tot {nl_pct(p.high)}"


# ------------------------------------------------------------------ records
@dataclass(frozen=True)
class Finding:
    """One plain-language finding.

    ``section`` is the report section it belongs to ("framing", "peers",
    "themes", "actors", "domains"); ``tone`` is "repressive", "preventive",
    "positive", "gap" or "neutral" and only colours the text; ``weight``
    orders findings (the summary shows the heaviest). ``key`` is False for a
    finding that is no key finding of this plan, because most of its peers
    share the value it rests on (see :func:`derive_findings`).
    """

    code: str
    section: str
    title: str
    text: str
    weight: float
    tone: str = "neutral"
    figures: dict[str, Any] = field(default_factory=dict)
    key: bool = True


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
        "(verbindend − repressief) / (verbindend + repressief)",
        "Balans",
    ),
    Measure("repressive_per_1000", "Repressieve termen", "rate", "per 1.000 woorden", "Repr."),
    Measure("preventive_per_1000", "Preventieve termen", "rate", "per 1.000 woorden", "Prev."),
    Measure(
        "positive_per_1000",
        "Verbindende termen",
        "rate",
        "per 1.000 woorden",
        "Verb.",
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
        "actors_evenness",
        "Evenwicht tussen de groepen",
        "share",
        "hoe evenwichtig keten, partners en bewoners genoemd worden (100% = alle drie even vaak)",
        "Evenwicht",
    ),
    Measure(
        "domains_linked",
        "Genoemde beleidsvelden",
        "count",
        "aantal van de 7 beleidsvelden dat minstens één keer genoemd wordt",
        "Beleidsvelden",
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
        out["actors_evenness"] = actors.get("evenness")
    domains = profile.get("domains")
    if domains:
        out["domains_linked"] = sum(
            1 for v in (domains.get("categories") or {}).values() if v.get("count", 0) > 0
        )
    return out


@dataclass(frozen=True)
class PeerPosition:
    """Where a plan's value stands among its peers' values.

    ``names`` name the peers in the order of ``peers``; ``missing`` names the
    peers that have no value for the measure (a balance needs repressive or
    positive terms). ``interval`` and ``peer_intervals`` are the 95% intervals,
    where the measure has them (the balance).

    ``higher`` and ``lower`` count the peers whose value is higher or lower *as
    the report writes it* (:func:`format_measure`: a share in whole percents, a
    rate with one decimal): two plans that both show 97% share a place, as a
    reader of the table sees them.
    """

    key: str
    value: float
    peers: tuple[float, ...]
    higher: int
    lower: int
    names: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    interval: tuple[float, float] | None = None
    peer_intervals: tuple[tuple[float, float] | None, ...] = ()

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
        """The highest on its own (a value other plans share is no finding)."""
        return self.higher == 0 and self.lower > 0 and self.n == self.lower

    @property
    def is_lowest(self) -> bool:
        """The lowest on its own."""
        return self.lower == 0 and self.higher > 0 and self.n == self.higher

    @property
    def ties(self) -> int:
        """Peers with the same value as the plan."""
        return self.n - self.higher - self.lower

    @property
    def has_intervals(self) -> bool:
        return self.interval is not None and len(self.peer_intervals) == self.n

    def _clearly(self, above: bool) -> list[str]:
        """Peers whose interval lies wholly on one side of the plan's (beyond chance)."""
        if not self.has_intervals:
            return []
        assert self.interval is not None
        lo, hi = self.interval
        return [
            name
            for name, iv in zip(self._names(), self.peer_intervals, strict=True)
            if iv is not None and (iv[0] > hi if above else iv[1] < lo)
        ]

    def clearly_above(self) -> list[str]:
        """Peers whose interval lies wholly above the plan's (a difference beyond chance)."""
        return self._clearly(above=True)

    def clearly_below(self) -> list[str]:
        """Peers whose interval lies wholly below the plan's."""
        return self._clearly(above=False)

    def overlapping(self) -> list[str]:
        """Peers whose interval overlaps the plan's (or has none): no clear difference."""
        clear = set(self.clearly_above()) | set(self.clearly_below())
        return [name for name in self._names() if name not in clear]

    @property
    def clear_extreme(self) -> bool:
        """The lowest or highest, with an interval clear of every peer's interval."""
        if not self.has_intervals:
            return False
        if self.is_lowest:
            return len(self.clearly_above()) == self.n
        if self.is_highest:
            return len(self.clearly_below()) == self.n
        return False

    def _names(self) -> tuple[str, ...]:
        if len(self.names) == self.n:
            return self.names
        return tuple(f"nr. {i + 1}" for i in range(self.n))

    def tied(self) -> list[str]:
        """The peers whose value the report writes as the plan's (the same place)."""
        shown = format_measure(self.key, self.value)
        return [
            name
            for name, v in zip(self._names(), self.peers, strict=True)
            if format_measure(self.key, v) == shown
        ]

    def _shared(self, one: str, noun: str) -> str:
        """'1 ander plan (Duinhoven)'; the names when there are at most three."""
        names = self.tied()
        text = _count(len(names), one, noun)
        return text + (f" ({nl_list(names)})" if 0 < len(names) <= 3 else "")

    def describe(self, noun: str = "plannen") -> str:
        """Dutch text, one form for every position: 'plaats 2 van 6 (hoogste eerst)'.

        A value other plans share is a shared place: 'hoogste, gelijk met 1 ander
        plan'. With fewer than ``PEER_MIN`` peers (that have the measure) no place
        is given. Where the measure has intervals (the balance), the place is that
        of the point estimate, and the text says with how many peers the intervals
        overlap. Peers without a value are named.
        """
        one = _singular(noun)
        if self.n < PEER_MIN:
            text = (
                f"geen plaats: minder dan {nl_cardinal(PEER_MIN)} andere {noun} hebben een "
                "waarde voor deze maat"
            )
        else:
            total = self.n + 1
            est = " op grond van de puntschatting" if self.has_intervals else ""
            if self.ties:
                others = self._shared(one, noun)
                if self.higher == 0:
                    text = f"hoogste{est}, gelijk met {others}"
                elif self.lower == 0:
                    text = f"laagste{est}, gelijk met {others}"
                else:
                    text = f"plaats {self.higher + 1} van {total}{est}, gelijk met {others}"
            elif self.is_highest:
                text = f"plaats 1 van {total}{est}: de hoogste"
            elif self.is_lowest:
                text = f"plaats {total} van {total}{est}: de laagste"
            else:
                text = f"plaats {self.higher + 1} van {total}{est} (hoogste eerst)"
            if self.has_intervals:
                k = len(self.overlapping())
                text += "; " + (
                    f"het 95%-interval overlapt met dat van {k} van de {self.n} andere {noun}"
                    if k
                    else f"het 95%-interval overlapt met dat van geen enkel ander {one}"
                )
        if self.missing:
            text += f" ({nl_list(list(self.missing))}: geen waarde)"
        return text


def _singular(noun: str) -> str:
    """'plan' for 'plannen', 'document' for 'documenten'."""
    return {"plannen": "plan", "documenten": "document"}.get(noun, noun)


def _interval_of(profile: Mapping[str, Any]) -> tuple[float, float] | None:
    b = profile.get("balance") or {}
    lo, hi = b.get("ci_low"), b.get("ci_high")
    return None if lo is None or hi is None else (float(lo), float(hi))


def peer_positions(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    names: Mapping[str, str] | None = None,
) -> dict[str, PeerPosition]:
    """The position of ``profile`` among ``peers`` on every key measure both have.

    A peer with the same ``sha256`` as the plan is the plan itself and is left out.
    ``names`` maps a peer's document name to the name to show (its municipality).
    """
    names = names or {}
    own = key_measures(profile)
    sha = profile.get("sha256")
    kept = [p for p in peers if not (sha and p.get("sha256") == sha)]
    others = [(p, key_measures(p)) for p in kept]

    def name(p: Mapping[str, Any]) -> str:
        doc = str(p.get("document"))
        return names.get(doc, doc)

    out: dict[str, PeerPosition] = {}
    for key, value in own.items():
        if value is None:
            continue
        have = [(p, float(o[key])) for p, o in others if o.get(key) is not None]
        vals = tuple(v for _, v in have)
        balance = key == "balance"
        shown = format_measure(key, value)
        # a value written as the plan's is the same place (97% and 97%), whatever
        # the decimals behind it
        apart = [v for v in vals if format_measure(key, v) != shown]
        out[key] = PeerPosition(
            key=key,
            value=float(value),
            peers=vals,
            higher=sum(1 for v in apart if v > value),
            lower=sum(1 for v in apart if v < value),
            names=tuple(name(p) for p, _ in have),
            missing=tuple(name(p) for p, o in others if o.get(key) is None),
            interval=_interval_of(profile) if balance else None,
            peer_intervals=tuple(_interval_of(p) for p, _ in have) if balance else (),
        )
    return out


# ------------------------------------------------------------------ what is compared
@dataclass(frozen=True)
class Comparison:
    """What the plan is compared with, for the wording of the peer findings.

    ``noun`` is what the peers are called: "plannen" when every peer reads as
    a safety plan (see :func:`reads_as_safety_plan`), "documenten" when one
    does not (a manifesto, a decision list). ``municipal`` says that every peer
    is known to be a municipality's plan (a manifest names it), the only case
    in which the peers are called "gemeenten". ``part`` says the diagnosed text
    is a part of a document (``--section``) while the peers are whole documents:
    unlike units, whose positions the report qualifies. ``names`` maps a peer's
    document name to the name to show.
    """

    noun: str = "plannen"
    municipal: bool = False
    part: bool = False
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def one(self) -> str:
        return _singular(self.noun)


def reads_as_safety_plan(profile: Mapping[str, Any]) -> bool | None:
    """Whether a profile reads as a safety plan: a safety theme in at least
    ``OFF_TOPIC_SHARE`` of its sentences. None when the profile does not say."""
    themes = profile.get("themes")
    if not themes or themes.get("sentence_share_any") is None or profile.get("scope"):
        return None
    return float(themes["sentence_share_any"]) >= OFF_TOPIC_SHARE


def compare_with(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    *,
    names: Mapping[str, str] | None = None,
    municipal: bool = False,
) -> Comparison:
    """The :class:`Comparison` of ``profile`` with ``peers``, read from their profiles."""
    kinds = [reads_as_safety_plan(q) for q in peers]
    noun = "documenten" if any(k is False for k in kinds) else "plannen"
    part = bool(profile.get("scope")) and any(not q.get("scope") for q in peers)
    return Comparison(
        noun=noun,
        municipal=municipal and noun == "plannen",
        part=part,
        names=dict(names or {}),
    )


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


def partner_checklist(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    comparison: Comparison | None = None,
) -> list[dict[str, Any]] | None:
    """For each partner group: its label, whether it is named, how often, and whether
    it is named so little that a finding or question calls it so (``thin``).

    A partner group is thin when named at most ``PARTNER_THIN`` times (the rule of
    the question on partners mentioned in passing); the residents when they are in
    fewer than ``LOW_SHARE`` of the sentences and not above the peers' median (the
    rule of the finding 'Bewoners weinig in beeld', :func:`residents_low`). None
    when the profile has no actors block.
    """
    actors = profile.get("actors")
    if not actors:
        return None
    entries: Mapping[str, int] = actors.get("entries") or {}
    by_cat: Mapping[str, Mapping[str, int]] = actors.get("entries_by_category") or {}
    out = []
    for g in partner_groups():
        share = None
        if g.category is not None:
            named = dict(by_cat.get(g.category, {}))
            share = ((actors.get("categories") or {}).get(g.category) or {}).get("sentence_share")
        else:
            named = {e: entries[e] for e in g.entries if entries.get(e, 0) > 0}
        mentions = sum(named.values())
        if g.category == "residents":
            thin = mentions > 0 and residents_low(profile, peers, comparison)
        else:
            thin = 0 < mentions <= PARTNER_THIN
        out.append(
            {
                "id": g.id,
                "label": g.label,
                "present": mentions > 0,
                "thin": thin,
                "mentions": mentions,
                "share": share,
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
                "balance_terms": d.get("repressive", 0) + d.get("positive", 0),
                **d,
            }
        )
    rows.sort(key=lambda r: -r.get("sentences", 0))
    return rows


def _theme_figures(r: Mapping[str, Any]) -> str:
    """'19 repressieve termen, 2 preventieve termen en 1 verbindende term in 19 zinnen'."""
    counts = nl_terms(
        [
            (r.get("repressive", 0), "repressieve"),
            (r.get("preventive", 0), "preventieve"),
            (r.get("positive", 0), "verbindende"),
        ]
    )
    return f"{counts} in {nl_count(r['sentences'], 'zin', 'zinnen')}"


def judged_balance(d: Mapping[str, Any]) -> float | None:
    """A theme's balance when it rests on at least THEME_MIN_HITS terms, else None."""
    terms = d.get("repressive", 0) + d.get("positive", 0)
    return d.get("balance") if terms >= THEME_MIN_HITS else None


def judged_themes(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Theme fields with enough repressive and positive terms to judge their balance."""
    return [r for r in theme_framing(profile) if judged_balance(r) is not None]


def _repressive_theme(r: Mapping[str, Any]) -> bool:
    """One-sided repressive: low balance, and more repressive than preventive terms."""
    return r["balance"] <= -THEME_ONE_SIDED and r.get("repressive", 0) > r.get("preventive", 0)


def _section_terms(s: Mapping[str, Any]) -> int:
    """The repressive and positive terms of a chapter: those its balance rests on."""
    cats = s.get("categories") or {}
    return sum(cats.get(c, {}).get("count", 0) for c in ("repressive", "positive"))


def _judged_sections(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for s in profile.get("sections") or ():
        hits = _section_terms(s)
        if s.get("section_id") is None or s.get("balance") is None or hits < SECTION_MIN_HITS:
            continue
        if s.get("words", 0) < SECTION_MIN_WORDS:
            continue  # a short chapter (a list of indicators) says little about the plan
        out.append(s)
    return out


# ------------------------------------------------------------------ gaps and peers
@dataclass(frozen=True)
class PeerGap:
    """Whether the peers leave a gap of a threshold standing, and their median.

    A plan below a threshold (little preventive language, residents in few
    sentences, a narrow circle of actors) has a gap, unless the figures shown
    beside it say otherwise: when it stands above the median of the peers it
    is compared with, the low figure is the kind of document, not a gap of
    this plan. ``holds`` is True without peers to compare with (fewer than
    ``PEER_MIN`` with the measure, or a part of a document among whole ones).
    """

    holds: bool = True
    median: float | None = None
    n: int = 0


def peer_gap(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None,
    cmp: Comparison | None,
    key: str,
) -> PeerGap:
    """The :class:`PeerGap` of a low value of measure ``key`` (see :data:`MEASURES`)."""
    if not peers or (cmp is not None and cmp.part):
        return PeerGap()
    pos = peer_positions(profile, peers).get(key)
    if pos is None or pos.n < PEER_MIN:
        return PeerGap()
    median = _median(pos.peers)
    same = format_measure(key, pos.value) == format_measure(key, median)
    return PeerGap(holds=same or pos.value < median, median=median, n=pos.n)


def _median_note(gap: PeerGap, key: str, noun: str) -> str:
    """' (mediaan van de 5 vergeleken plannen: 2,7)' when the gap was checked on peers."""
    if gap.median is None:
        return ""
    return f" (mediaan van de {gap.n} vergeleken {noun}: {format_measure(key, gap.median)})"


FINDING_MEASURES: dict[str, str] = {
    "domains_linked": "domains_linked",
    "domains_missing": "domains_linked",
    "residents_low": "residents_share",
    "preventive_scarce": "preventive_per_1000",
    "actors_narrow": "actors_broad_share",
    "actors_broad": "actors_broad_share",
}
"""The key measure (:data:`MEASURES`) each finding of a threshold rests on."""


def _common(
    f: Finding, profile: Mapping[str, Any], peers: Sequence[Mapping[str, Any]], cmp: Comparison
) -> Finding:
    """``f`` as no key finding when most peers share its value (as the report writes it).

    A plan that names all seven policy fields, as five of its six peers do, has
    no finding that sets it apart: the finding stays in its section, says that
    the peers share it, and is left out of the summary.
    """
    key = FINDING_MEASURES.get(f.code)
    if key is None or cmp.part:
        return f
    pos = peer_positions(profile, peers, cmp.names).get(key)
    if pos is None or pos.n < PEER_MIN:
        return f
    shared = len(pos.tied())
    if 2 * shared <= pos.n:
        return f
    note = (
        f" Zo is het ook bij alle {pos.n} vergeleken {cmp.noun}."
        if shared == pos.n
        else f" Zo is het ook bij {shared} van de {pos.n} vergeleken {cmp.noun}."
    )
    return replace(f, key=False, weight=min(f.weight, 25.0), text=f.text + note)


# ------------------------------------------------------------------ findings
def derive_findings(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    comparison: Comparison | None = None,
) -> list[Finding]:
    """All findings the rules produce for ``profile``, heaviest first.

    ``comparison`` says what the peers are (:func:`compare_with`); without it,
    it is read from the profiles.
    """
    out: list[Finding] = []
    cmp = (comparison or compare_with(profile, peers)) if peers else None
    out += _balance_findings(profile)
    out += _register_findings(profile, peers, cmp)
    out += _actor_findings(profile, peers, cmp)
    out += _theme_findings(profile)
    out += _domain_findings(profile)
    out += _section_findings(profile)
    out += _perception_findings(profile)
    if peers and cmp is not None:
        out = [_common(f, profile, peers, cmp) for f in out]
        out += _peer_findings(profile, peers, cmp)
    out.sort(key=lambda f: -f.weight)
    return out


def summary_findings(findings: Sequence[Finding], n: int = 3) -> list[Finding]:
    """The ``n`` heaviest key findings, at most one per report section."""
    chosen: list[Finding] = []
    seen: set[str] = set()
    for f in findings:
        if f.section in seen or not f.key:
            continue
        chosen.append(f)
        seen.add(f.section)
        if len(chosen) == n:
            break
    return chosen


def top_words(p: Mapping[str, Any], cat: str, n: int = 3) -> str:
    """The plan's most used terms of a framing category, quoted: "‘handhaving’, ...".

    Named as the report's list of most used terms names them (:func:`entry_name`):
    a term, not the stretch of a sentence one use of it spanned ("pakken
    verloederde portieken en achterpaden gezamenlijk aan" is 'aanpakken').
    """
    words = []
    for t in ((p.get("top_terms") or {}).get(cat) or [])[:n]:
        name = entry_name("framing", str(t.get("entry")), t.get("forms"), t.get("label"))
        words.append(f"‘{name}’")
    return nl_list(words)


def interval_text(lo: float | None, hi: float | None) -> str:
    """What the 95% interval of the balance means, in plain Dutch.

    What it says about the plan (a side chosen or not) is the balance finding's
    to say (:func:`interval_conclusion`), once.
    """
    if lo is None or hi is None:
        return ""
    return (
        "Met een andere keuze van zinnen zou de balans met 95% waarschijnlijkheid tussen "
        f"{nl_num(lo, signed=True)} en {nl_num(hi, signed=True)} liggen (het 95%-interval); "
        "telfouten zijn daarin niet meegenomen."
    )


def interval_conclusion(lo: float, hi: float) -> str:
    """What the 95% interval says about the plan's side: clear of 0 or not."""
    span = f"{nl_num(lo, signed=True)} tot {nl_num(hi, signed=True)}"
    if lo > 0 or hi < 0:
        return (
            f"Het 95%-interval ({span}) ligt geheel {'boven' if lo > 0 else 'onder'} 0: dat "
            "de balans niet op evenwicht uitkomt, is waarschijnlijk geen toeval."
        )
    return f"Het 95%-interval ({span}) omvat 0: het plan kiest geen duidelijke kant."


def _preventive_lead(p: Mapping[str, Any]) -> str | None:
    """A sentence on prevention when it is the plan's most used register, else None."""
    prev, rep, pos = _rate(p, "preventive"), _rate(p, "repressive"), _rate(p, "positive")
    if prev is None or rep is None or pos is None or not (prev > rep and prev > pos):
        return None
    words = top_words(p, "preventive")
    return (
        f"Preventieve taal komt het vaakst voor: {nl_num(prev, 1)} termen per 1.000 woorden"
        + (f" (vooral {words})" if words else "")
        + f", tegen {nl_num(rep, 1)} repressieve en {nl_num(pos, 1)} verbindende."
    )


def _balance_findings(p: Mapping[str, Any]) -> list[Finding]:
    b = p.get("balance") or {}
    value, lo, hi = b.get("value"), b.get("ci_low"), b.get("ci_high")
    rep, pos = (
        (p.get("categories") or {}).get("repressive"),
        (p.get("categories") or {}).get("positive"),
    )
    if rep is None or pos is None:
        return []
    lead = _preventive_lead(p)
    if value is None:
        return [
            Finding(
                "balance_undefined",
                "framing",
                "Vooral preventief" if lead else "Geen balans te berekenen",
                (lead + " " if lead else "")
                + "Het plan bevat geen repressieve en geen verbindende termen; een balans is "
                "niet te berekenen.",
                100,
                "preventive" if lead else "gap",
            )
        ]
    nrep, npos = rep.get("count", 0), pos.get("count", 0)
    if nrep + npos < BALANCE_MIN_TERMS:
        return [
            Finding(
                "balance_thin",
                "framing",
                "Vooral preventief" if lead else "Weinig framingtaal",
                (lead + " " if lead else "")
                + "Het plan gebruikt nauwelijks repressieve of verbindende taal: "
                f"{nl_terms([(nrep, 'repressieve'), (npos, 'verbindende')])} in "
                f"{nl_num(p.get('words', 0), 0)} woorden. De "
                f"balans ({nl_num(value, signed=True)}) rust op te weinig termen om een "
                f"richting aan te wijzen.",
                100,
                "preventive" if lead else "gap",
                {"balance": value, "repressive": nrep, "positive": npos},
            )
        ]
    known = lo is not None and hi is not None
    clear = known and (lo > 0 or hi < 0)
    span = f"{nl_num(lo, signed=True)} tot {nl_num(hi, signed=True)}" if known else ""
    figures = {"balance": value, "repressive": nrep, "positive": npos}
    rep_words, pos_words = top_words(p, "repressive"), top_words(p, "positive")
    leaning = "repressief" if value < 0 else "verbindend"
    if value <= -BALANCE_CLEAR:
        title, tone = "Overwegend repressief", "repressive"
        ratio = (
            f" Op elke verbindende term staan er {nl_num(nrep / npos, 1)} repressieve."
            if npos
            else " Verbindende termen ontbreken."
        )
        text = (
            "Repressieve taal"
            + (f" (vooral {rep_words})" if rep_words else "")
            + f" weegt zwaarder dan verbindende: balans {nl_num(value, signed=True)}.{ratio}"
        )
    elif value >= BALANCE_CLEAR:
        title, tone = "Meer verbindend dan repressief", "positive"
        ratio = (
            f" Op elke repressieve term staan er {nl_num(npos / nrep, 1)} verbindende."
            if nrep
            else " Repressieve termen ontbreken."
        )
        text = (
            "Verbindende taal"
            + (f" (vooral {pos_words})" if pos_words else "")
            + f" weegt zwaarder dan repressieve: balans {nl_num(value, signed=True)}.{ratio}"
        )
    else:
        tone = "neutral"
        more, less = ("Verbindende", "repressieve") if value > 0 else ("Repressieve", "verbindende")
        n_more, n_less = (npos, nrep) if value > 0 else (nrep, npos)
        if clear:
            title = f"Licht meer {leaning} dan {'repressief' if value > 0 else 'verbindend'}"
            text = (
                f"{more} taal ({n_more} termen) komt vaker voor dan {less} ({n_less} "
                f"termen): balans {nl_num(value, signed=True)}. Het verschil is niet groot, "
                f"maar waarschijnlijk geen toeval: het 95%-interval ({span}) ligt geheel "
                f"{'boven' if value > 0 else 'onder'} 0."
            )
        elif abs(value) < BALANCE_NEAR:
            title = "Gemengd"
            text = (
                f"Repressieve taal ({nrep} termen) en verbindende taal ({npos} termen) houden "
                f"elkaar ongeveer in evenwicht: balans {nl_num(value, signed=True)}."
            )
        else:
            title = "Gemengd"
            text = (
                f"{more} taal ({n_more} termen) komt vaker voor dan {less} ({n_less} "
                f"termen): balans {nl_num(value, signed=True)}"
                + (", maar dat verschil is niet zeker." if known else ".")
            )
    if known and not clear:
        if abs(value) >= BALANCE_CLEAR:
            # a one-sided balance on few terms: the direction is not certain
            title = f"Neigt naar {leaning}, maar niet zeker"
            tone = "neutral"
        text += " " + interval_conclusion(lo, hi)
    elif known and abs(value) >= BALANCE_CLEAR:
        text += " " + interval_conclusion(lo, hi)
    if lead:
        title = f"Vooral preventief; {title[0].lower()}{title[1:]}"
        text = lead + " " + text
    return [Finding("balance", "framing", title, text, 100, tone, figures)]


def _register_findings(
    p: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    cmp: Comparison | None = None,
) -> list[Finding]:
    prev, rep, pos = _rate(p, "preventive"), _rate(p, "repressive"), _rate(p, "positive")
    if prev is None or rep is None or pos is None:
        return []
    gap = peer_gap(p, peers, cmp, "preventive_per_1000")
    if prev < rep and prev < pos and prev < LOW_RATE and gap.holds:
        noun = cmp.noun if cmp else "plannen"
        return [
            Finding(
                "preventive_scarce",
                "framing",
                "Weinig preventie",
                f"Preventieve taal is schaars: {nl_num(prev, 1)} termen per 1.000 woorden"
                + _median_note(gap, "preventive_per_1000", noun)
                + f", tegen {nl_num(rep, 1)} repressieve en {nl_num(pos, 1)} verbindende.",
                45,
                "gap",
                {"preventive_per_1000": prev},
            )
        ]
    return []


def residents_low(
    p: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    cmp: Comparison | None = None,
) -> bool:
    """Residents named in fewer than ``LOW_SHARE`` of the sentences, and (with peers)
    not in more than the peers' median: the rule of the finding, the question and the
    checklist's mark alike."""
    res = ((p.get("actors") or {}).get("categories") or {}).get("residents")
    if res is None or res.get("sentence_share", 0) >= LOW_SHARE:
        return False
    return peer_gap(p, peers, cmp, "residents_share").holds


def _actor_findings(
    p: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    cmp: Comparison | None = None,
) -> list[Finding]:
    actors = p.get("actors")
    if not actors:
        return []
    out: list[Finding] = []
    counts = _actor_counts(p)
    total = sum(counts.values())
    noun = cmp.noun if cmp else "plannen"
    if total:
        chain = counts.get("chain", 0) / total
        broad = (counts.get("partners", 0) + counts.get("residents", 0)) / total
        narrow = peer_gap(p, peers, cmp, "actors_broad_share")
        if chain >= CHAIN_DOMINANCE and narrow.holds:
            out.append(
                Finding(
                    "actors_narrow",
                    "actors",
                    "Smalle kring: vooral de veiligheidsketen",
                    f"{nl_pct(chain)} van de {total} actorvermeldingen betreft de "
                    f"veiligheidsketen (politie, OM, gemeente, handhaving); maatschappelijke "
                    f"partners en bewoners samen {nl_pct(broad)}"
                    + _median_note(narrow, "actors_broad_share", noun)
                    + ".",
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
    if residents_low(p, peers, cmp):
        res = (actors.get("categories") or {}).get("residents") or {}
        share = res.get("sentence_share", 0)
        gap = peer_gap(p, peers, cmp, "residents_share")
        out.append(
            Finding(
                "residents_low",
                "actors",
                "Bewoners weinig in beeld",
                f"Bewoners worden {nl_count(res.get('count', 0), 'keer', 'keer')} genoemd, in "
                f"{nl_pct(share, 1)} van de zinnen"
                + _median_note(gap, "residents_share", noun)
                + f": minder dan de {nl_pct(LOW_SHARE)} waaronder een groep weinig "
                "genoemd heet.",
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


def _few_terms(rows: Sequence[Mapping[str, Any]], name: str = "short") -> str:
    """A sentence saying that the judgement of some rows (themes, chapters) rests on fewer
    than ``FIRM_TERMS`` repressive and positive terms; '' when none does.

    Each row has ``balance_terms`` and a name under ``name``.
    """
    few = [r for r in rows if r["balance_terms"] < FIRM_TERMS]
    if not few:
        return ""
    if len(rows) == 1:
        return (
            f" Dat oordeel rust op maar {few[0]['balance_terms']} repressieve en verbindende "
            "termen: lees de zinnen voordat u er iets uit afleidt."
        )
    counts = "; ".join(f"{r[name]}: {r['balance_terms']}" for r in few)
    return (
        f" Het oordeel over {nl_list([str(r[name]) for r in few])} rust op weinig repressieve "
        f"en verbindende termen ({counts}): lees de zinnen voordat u er iets uit afleidt."
    )


def _theme_findings(p: Mapping[str, Any]) -> list[Finding]:
    rows = judged_themes(p)
    neg = [r for r in rows if _repressive_theme(r)]
    pos = [r for r in rows if r["balance"] >= THEME_ONE_SIDED]
    if neg and pos:
        n, q = min(neg, key=lambda r: r["balance"]), max(pos, key=lambda r: r["balance"])
        few = _few_terms([n, q])
        return [
            Finding(
                "themes_contrast",
                "themes",
                "Framing verschilt per thema",
                f"Over {n['short']} spreekt het plan repressief (balans "
                f"{nl_num(n['balance'], signed=True)}: {_theme_figures(n)}), over "
                f"{q['short']} verbindend (balans {nl_num(q['balance'], signed=True)}: "
                f"{_theme_figures(q)})." + few,
                50 if few else 62,
                "neutral",
                {"repressive": n["id"], "positive": q["id"]},
            )
        ]
    if neg:
        labels = [r["short"] for r in neg]
        figures = (
            _theme_figures(neg[0])
            if len(neg) == 1
            else "; ".join(f"{r['short']}: {_theme_figures(r)}" for r in neg)
        )
        few = _few_terms(neg)
        # on few terms a theme is "vooral" repressive, not "eenzijdig"; the title and the
        # text say the same word
        firm = any(r["balance_terms"] >= FIRM_TERMS for r in neg)
        word = "eenzijdig" if firm else "vooral"
        title = (
            f"{neg[0]['label']}: {word} repressief"
            if len(neg) == 1
            else f"Thema’s {word} repressief"
        )
        if word == "vooral":
            title += " (op weinig termen)"
        return [
            Finding(
                "themes_repressive",
                "themes",
                title,
                f"Over {nl_list(labels)} spreekt het plan {word} in repressieve termen: "
                + figures
                + "."
                + few,
                (40 if word == "vooral" else 58) + 2 * len(neg),
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
    column_missing = [d for d in COLUMN_DOMAINS if d in cats and cats[d].get("count", 0) == 0]
    missing = [short("domains", d) for d, v in cats.items() if v.get("count", 0) == 0]
    linked = [short("domains", d) for d, v in cats.items() if v.get("count", 0) > 0]
    if not linked:
        return [
            Finding(
                "domains_missing",
                "domains",
                "Geen ander beleid genoemd",
                "Het plan noemt geen enkel ander beleidsveld ("
                + nl_list([short("domains", d) for d in cats])
                + ").",
                40 + 6 * len(column_missing),
                "gap",
                {"missing": missing},
            )
        ]
    if not missing:
        return [
            Finding(
                "domains_linked",
                "domains",
                "Noemt veel ander beleid",
                f"Het plan noemt alle {len(cats)} onderscheiden beleidsvelden ({nl_list(linked)}).",
                30,
                "positive",
                {"linked": linked},
            )
        ]
    text = f"Het plan noemt {nl_list(linked)}; {nl_list(missing)} nergens."
    if column_missing:
        return [
            Finding(
                "domains_missing",
                "domains",
                "Weinig ander beleid genoemd",
                text,
                40 + 6 * len(column_missing),
                "gap",
                {"missing": missing},
            )
        ]
    return [Finding("domains_linked", "domains", "Ander beleid genoemd", text, 30, "positive")]


def _section_findings(p: Mapping[str, Any]) -> list[Finding]:
    secs = _judged_sections(p)
    if len(secs) < 2:
        return []
    lo = min(secs, key=lambda s: s["balance"])
    hi = max(secs, key=lambda s: s["balance"])
    if hi["balance"] - lo["balance"] < SECTION_SPREAD:
        return []
    few = _few_terms(
        [
            {"name": f"‘{chapter_title(s['title'])}’", "balance_terms": _section_terms(s)}
            for s in (lo, hi)
        ],
        "name",
    )
    return [
        Finding(
            "sections_spread",
            "themes",
            "Hoofdstukken verschillen sterk",
            f"Het meest repressieve hoofdstuk is ‘{chapter_title(lo['title'])}’ (balans "
            f"{nl_num(lo['balance'], signed=True)}), het meest verbindende "
            f"‘{chapter_title(hi['title'])}’ "
            f"(balans {nl_num(hi['balance'], signed=True)})." + few,
            40 if few else 48,
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
    if subj == 0 and obj >= PERCEPTION_MIN_HITS:
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


def _count(k: int, one: str, many: str) -> str:
    """'1 ander plan', '3 andere plannen'."""
    return f"{k} ander {one}" if k == 1 else f"{k} andere {many}"


def _peer_findings(
    p: Mapping[str, Any], peers: Sequence[Mapping[str, Any]], cmp: Comparison
) -> list[Finding]:
    if cmp.part:
        # a chapter among whole documents: unlike units, whose places are no ranking
        return []
    pos = peer_positions(p, peers, cmp.names)
    noun, one = cmp.noun, cmp.one
    out: list[Finding] = []
    bal = pos.get("balance")
    if bal is not None and bal.n >= PEER_MIN:
        value = nl_num(bal.value, signed=True)
        median = nl_num(_median(bal.peers), signed=True)
        if bal.is_lowest or bal.is_highest:
            low = bal.is_lowest
            if bal.clear_extreme:
                assert bal.interval is not None
                word = "meest repressieve" if low else "meest verbindende"
                title = f"De {word} taal van de vergelijking"
                text = (
                    f"Met een balans van {value} heeft dit plan de {word} taal van de "
                    f"vergelijking: de {bal.n} andere {noun} met een balans liggen alle "
                    f"{'hoger' if low else 'lager'}, en het 95%-interval van dit plan "
                    f"({nl_num(bal.interval[0], signed=True)} tot "
                    f"{nl_num(bal.interval[1], signed=True)}) overlapt met dat van geen enkel "
                    f"ander {one} (mediaan van de andere {noun}: {median})."
                )
                weight, tone = 80.0, "repressive" if low else "positive"
            else:
                extreme = "laagste" if low else "hoogste"
                title = f"{extreme.capitalize()} balans van de vergelijking, als puntschatting"
                text = (
                    f"Met een balans van {value} heeft dit plan de {extreme} puntschatting van "
                    f"de vergelijking: de {bal.n} andere {noun} met een balans liggen "
                    f"{'hoger' if low else 'lager'} (mediaan: {median})"
                )
                if bal.has_intervals and bal.interval is not None:
                    lo, hi = bal.interval
                    overlap = bal.overlapping()
                    text += (
                        f", maar zijn 95%-interval ({nl_num(lo, signed=True)} tot "
                        f"{nl_num(hi, signed=True)}) overlapt met dat van "
                        f"{_count(len(overlap), one, noun)} ({nl_list(overlap)}): het "
                        f"verschil met {'dat ' + one if len(overlap) == 1 else 'die ' + noun} "
                        "kan toeval zijn."
                    )
                else:
                    text += "; hoe zeker dat verschil is, is niet bekend (geen intervallen)."
                weight, tone = 50.0, "neutral"
            if bal.missing:
                text += (
                    f" {nl_list(list(bal.missing))} "
                    f"{'heeft' if len(bal.missing) == 1 else 'hebben'} geen balans (geen "
                    "repressieve of verbindende termen)."
                )
            out.append(
                Finding(
                    "peer_extreme" if bal.clear_extreme else "peer_extreme_estimate",
                    "peers",
                    title,
                    text,
                    weight,
                    tone,
                    {"rank": bal.rank, "n": bal.n + 1},
                )
            )
        else:
            text = (
                f"Met een balans van {value} staat dit plan op grond van de puntschatting op de "
                f"{nl_ordinal(bal.rank)} van {nl_cardinal(bal.n + 1)} plaatsen: {bal.lower} van "
                f"de {bal.n} andere {noun} "
                f"{'heeft' if bal.lower == 1 else 'hebben'} een lagere balans, {bal.higher} een "
                "hogere."
            )
            if bal.ties:
                text = text[:-1] + f" en {bal.ties} dezelfde."
            if bal.has_intervals:
                above, below = bal.clearly_above(), bal.clearly_below()
                overlap = bal.overlapping()
                clear = []
                if below:
                    clear.append(f"verbindender dan {nl_list(below)}")
                if above:
                    clear.append(f"repressiever dan {nl_list(above)}")
                if clear:
                    text += (
                        f" Het plan is duidelijk {' en duidelijk '.join(clear)}: daar overlappen "
                        "de 95%-intervallen niet."
                    )
                if overlap:
                    text += (
                        f" Met {nl_list(overlap)} overlapt het interval: dat verschil is niet "
                        "zeker."
                    )
            if bal.missing:
                text += (
                    f" {nl_list(list(bal.missing))} "
                    f"{'heeft' if len(bal.missing) == 1 else 'hebben'} geen balans (geen "
                    "repressieve of verbindende termen) en "
                    f"{'telt' if len(bal.missing) == 1 else 'tellen'} hier niet mee."
                )
            out.append(
                Finding(
                    "peer_position",
                    "peers",
                    f"Positie tussen de vergeleken {noun}",
                    text,
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
                f"{m.label} ({m.help}): {format_measure(key, pp.value)}, "
                f"{pp.describe(noun)} (mediaan van de andere {noun}: "
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
    comparison: Comparison | None = None,
    *,
    municipal: bool = True,
) -> list[Question]:
    """Questions for the conversation, from the gaps in ``profile``, most pressing first.

    ``municipal`` says the text is a municipality's plan, whose author the
    questions call "de gemeente"; for another text (a party manifesto, a
    national coalition agreement) they ask the same without naming an author.

    Rules (at most :data:`MAX_QUESTIONS`, each with the figure that prompts it):

    - balance at most ``-BALANCE_CLEAR``: what does the plan want to build?
    - balance at least ``BALANCE_CLEAR``: when and how does the municipality intervene?
    - balance in between, on at least ``BALANCE_MIN_TERMS`` terms: how do tackling and
      connecting relate in practice?
    - preventive language below ``LOW_RATE`` and the scarcest register: where is
      prevention? Preventive language the leading register: how is its effect known?
    - residents in fewer than ``LOW_SHARE`` of sentences: what is their role?
    - chain at least ``CHAIN_DOMINANCE`` of actor mentions: who else carries safety?
    - these three only when the plan does not stand above the peers' median on the
      measure shown beside them (:func:`peer_gap`).
    - partner groups of the column that are absent (one question for all of them),
      or named at most ``PARTNER_THIN`` times.
    - each theme field one-sided repressive (``THEME_ONE_SIDED``, ``THEME_MIN_HITS``);
      otherwise the theme whose balance lies ``THEME_RELATIVE`` or more below the plan's;
      without either, the chapter whose balance lies that far below a plan that is not
      repressive as a whole.
    - column domains never linked: how does safety relate to them?
    - no subjective-safety mention: how do residents experience safety? No figures
      at all: how is progress measured?
    - with peers: the least connecting plan of the comparison, its interval clear of
      every peer's, and no part of a document among whole ones: what explains it?
    """
    qs: list[Question] = []
    cmp = (comparison or compare_with(profile, peers)) if peers else None
    cats = profile.get("categories") or {}
    b = (profile.get("balance") or {}).get("value")
    rep, prev = _rate(profile, "repressive"), _rate(profile, "preventive")
    pos = _rate(profile, "positive")
    if b is not None and b <= -BALANCE_CLEAR:
        qs.append(
            Question(
                "build_not_only_fight",
                "Het plan beschrijft vooral wat bestreden moet worden. "
                + (
                    "Wat wil de gemeente opbouwen: waar investeert zij in vertrouwen en verbinding?"
                    if municipal
                    else "Wat moet er worden opgebouwd: waar wordt geïnvesteerd in vertrouwen "
                    "en verbinding?"
                ),
                f"Balans {nl_num(b, signed=True)}: "
                + nl_terms(
                    [
                        (cats["repressive"]["count"], "repressieve"),
                        (cats["positive"]["count"], "verbindende"),
                    ],
                    "tegenover",
                )
                + ".",
                90,
            )
        )
    if b is not None and b >= BALANCE_CLEAR:
        words = top_words(profile, "positive")
        qs.append(
            Question(
                "when_intervene",
                "Het plan spreekt vooral verbindend"
                + (f" ({words})" if words else "")
                + (
                    ". Wanneer en hoe grijpt de gemeente in als dat niet genoeg is, en wie "
                    "beslist daarover?"
                    if municipal
                    else ". Wanneer en hoe wordt er ingegrepen als dat niet genoeg is, en wie "
                    "beslist daarover?"
                ),
                f"Balans {nl_num(b, signed=True)}; repressieve taal: {nl_num(rep, 1)} termen "
                "per 1.000 woorden.",
                50,
            )
        )
    n_terms = cats.get("repressive", {}).get("count", 0) + cats.get("positive", {}).get("count", 0)
    if b is not None and -BALANCE_CLEAR < b < BALANCE_CLEAR and n_terms >= BALANCE_MIN_TERMS:
        rep_words, pos_words = top_words(profile, "repressive"), top_words(profile, "positive")
        qs.append(
            Question(
                "mixed_roles",
                "Het plan combineert aanpakken"
                + (f" ({rep_words})" if rep_words else "")
                + " met verbinden"
                + (f" ({pos_words})" if pos_words else "")
                + ". Hoe verhouden die zich in de praktijk: wie doet wat, en wanneer gaat het "
                "ene over in het andere?",
                f"Balans {nl_num(b, signed=True)}: "
                + nl_terms(
                    [
                        (cats["repressive"]["count"], "repressieve"),
                        (cats["positive"]["count"], "verbindende"),
                    ]
                )
                + ".",
                46,
            )
        )
    if prev is not None and rep is not None and pos is not None:
        gap = peer_gap(profile, peers, cmp, "preventive_per_1000")
        if prev < LOW_RATE and prev <= min(rep, pos) and gap.holds:
            qs.append(
                Question(
                    "where_prevention",
                    "Waar zit de preventie: wat "
                    + ("doet de gemeente" if municipal else "wordt er gedaan")
                    + " om problemen vóór te zijn?",
                    f"Preventieve taal: {nl_num(prev, 1)} termen per 1.000 woorden"
                    + _median_note(gap, "preventive_per_1000", cmp.noun if cmp else "plannen")
                    + ".",
                    60,
                )
            )
        elif prev > max(rep, pos):
            qs.append(
                Question(
                    "prevention_effect",
                    "Preventie staat centraal. "
                    + ("Hoe weet de gemeente" if municipal else "Hoe is te weten")
                    + " welke preventie werkt, en wie voert haar uit?",
                    f"Preventieve taal: {nl_num(prev, 1)} termen per 1.000 woorden, meer dan "
                    "repressieve en verbindende.",
                    48,
                )
            )
    qs += _actor_questions(profile, peers, cmp, municipal=municipal)
    theme_qs = _theme_questions(profile, municipal=municipal)
    qs += theme_qs
    hardest = _hardest_chapter(profile, municipal=municipal)
    if not theme_qs and hardest is not None:
        qs.append(hardest)
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
                    f"Hoe hangt veiligheid samen met {nl_list(missing)}? "
                    + (
                        "Zijn die beleidsvelden betrokken bij het plan?"
                        if municipal
                        else "Worden die beleidsvelden erbij betrokken?"
                    ),
                    f"Geen zin noemt {nl_list(missing, 'of')}.",
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
                    "Hoe veilig voelen inwoners zich, en "
                    + ("hoe weet de gemeente dat?" if municipal else "hoe is dat te weten?"),
                    "Het plan noemt het veiligheidsgevoel van inwoners nergens"
                    + (f" (wel {obj} keer cijfers of meldingen)." if obj else "."),
                    45,
                )
            )
        elif obj == 0:
            qs.append(
                Question(
                    "figures",
                    "Aan welke cijfers "
                    + (
                        "ziet de gemeente of het plan werkt?"
                        if municipal
                        else "is te zien of het beleid werkt?"
                    ),
                    "Het plan noemt geen cijfers, meldingen of aangiften.",
                    40,
                )
            )
    if peers and b is not None and cmp is not None:
        bal = peer_positions(profile, peers, cmp.names).get("balance")
        if (
            bal is not None
            and bal.n >= PEER_MIN
            and bal.is_lowest
            and bal.clear_extreme
            and not cmp.part
        ):
            who = "Andere gemeenten" if cmp.municipal else f"De vergeleken {cmp.noun}"
            qs.append(
                Question(
                    "peers_lowest",
                    f"{who} spreken verbindender over veiligheid. Wat verklaart het "
                    "verschil: de problemen ter plaatse of de keuze van woorden?",
                    f"Laagste balans van {bal.n + 1} vergeleken {cmp.noun}, met een interval "
                    f"dat met geen enkel ander overlapt (mediaan van de andere {cmp.noun}: "
                    f"{nl_num(_median(bal.peers), signed=True)}).",
                    65,
                )
            )
    qs.sort(key=lambda q: -q.priority)
    return qs[:MAX_QUESTIONS]


def _hardest_chapter(profile: Mapping[str, Any], *, municipal: bool = True) -> Question | None:
    """A question on the most repressive chapter when the plan as a whole is not.

    A mixed or connecting plan can still speak repressively in one chapter;
    without a repressive theme that chapter is where the conversation can start.
    """
    b = (profile.get("balance") or {}).get("value")
    secs = _judged_sections(profile)
    if b is None or b <= -BALANCE_CLEAR or not secs:
        return None
    low = min(secs, key=lambda s: s["balance"])
    if low["balance"] > -BALANCE_CLEAR or low["balance"] > b - THEME_RELATIVE:
        return None
    cats = low.get("categories") or {}
    return Question(
        "chapter_hardest",
        f"In ‘{chapter_title(low['title'])}’ is de toon het hardst. "
        + (
            "Waarom kiest de gemeente daar voor een andere benadering"
            if municipal
            else "Waarom is daar voor een andere benadering gekozen"
        )
        + " dan in de rest van het plan?",
        f"Balans van dit hoofdstuk {nl_num(low['balance'], signed=True)} "
        "("
        + nl_terms(
            [
                (cats.get("repressive", {}).get("count", 0), "repressieve"),
                (cats.get("positive", {}).get("count", 0), "verbindende"),
            ],
            "tegenover",
        )
        + "), in het hele plan "
        f"{nl_num(b, signed=True)}.",
        44,
    )


def _actor_questions(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    cmp: Comparison | None = None,
    *,
    municipal: bool = True,
) -> list[Question]:
    actors = profile.get("actors")
    if not actors:
        return []
    qs: list[Question] = []
    res = (actors.get("categories") or {}).get("residents") or {}
    if residents_low(profile, peers, cmp):
        qs.append(
            Question(
                "residents_role",
                "Welke rol krijgen bewoners zelf: als bron van informatie, als meedenkers, "
                "als partners in de eigen buurt?",
                f"Bewoners komen voor in {nl_pct(res.get('sentence_share', 0), 1)} van de zinnen"
                + _median_note(
                    peer_gap(profile, peers, cmp, "residents_share"),
                    "residents_share",
                    cmp.noun if cmp else "plannen",
                )
                + ".",
                85,
            )
        )
    counts = _actor_counts(profile)
    total = sum(counts.values())
    narrow = peer_gap(profile, peers, cmp, "actors_broad_share").holds
    if total and counts.get("chain", 0) / total >= CHAIN_DOMINANCE and narrow:
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
                + (
                    "kunnen zij spelen, en waren zij betrokken bij het opstellen van het plan?"
                    if municipal
                    else "kunnen zij spelen?"
                ),
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


def _theme_questions(profile: Mapping[str, Any], *, municipal: bool = True) -> list[Question]:
    rows = judged_themes(profile)
    neg = [r for r in rows if _repressive_theme(r)]
    qs: list[Question] = []
    if neg:
        names = nl_list([r["short"] for r in neg])
        qs.append(
            Question(
                "theme_repressive",
                f"Over {names} spreekt het plan vooral in termen van aanpak en handhaving. "
                "Is daar ook ruimte voor preventie en verbinding?",
                "; ".join(f"{r['short']}: {_theme_figures(r)}" for r in neg) + ".",
                75 + 5 * any(r["balance_terms"] >= 2 * THEME_MIN_HITS for r in neg),
            )
        )
    b = (profile.get("balance") or {}).get("value")
    if not qs and rows and b is not None:
        low = min(rows, key=lambda r: r["balance"])
        if low["balance"] <= b - THEME_RELATIVE and low.get("repressive", 0) > low.get(
            "preventive", 0
        ):
            qs.append(
                Question(
                    f"theme_relative_{low['id']}",
                    f"Over {low['short']} is de toon harder dan in de rest van het plan. "
                    + (
                        "Waarom kiest de gemeente daar voor een andere benadering?"
                        if municipal
                        else "Waarom is daar voor een andere benadering gekozen?"
                    ),
                    f"Balans bij dit thema {nl_num(low['balance'], signed=True)} "
                    f"({_theme_figures(low)}), in het hele plan {nl_num(b, signed=True)}.",
                    58,
                )
            )
    return qs
