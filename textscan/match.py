"""Matching: Sentences x Lexicons -> Hits, following the codebook's rules.

1. Lemmas, not word forms.
2. Separable verbs count when verb and particle stand in the same clause
   ("wij pakken de overlast aan"), once, with both parts recorded.
3. Compounds count when a part is an entry, as head or modifier, with the
   linking -s-, -e- or -en- ("drugsbestrijding", "handhavingsprioriteit").
   Words are split against a Dutch word list, not a list of compounds.
4. Sense exclusions carried by the entry (fixed expressions, neighbours,
   context words, compound parts, word forms).
5. Negation by geen, niet, zonder, nooit or noch in the expression's own
   clause gives ``negated=True``; "niet alleen ... maar ook" is not negation.

Within one lexicon every token counts at most once: the longest match wins.

Example:
    >>> from textscan.lexicon import load_lexicon
    >>> from textscan.nlp import annotate_text
    >>> m = Matcher([load_lexicon("framing")])
    >>> [h.entry for h in m.match(annotate_text("Wij pakken de overlast aan."))]
    ['aanpakken']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from textscan.lexicon import Entry, Exclusion, Lexicon
from textscan.model import Hit, Sentence, Token

# Clause boundaries: punctuation and subordinating words. Coordinators only
# bound a clause when a new subject or finite verb follows (see _clauses).
_BOUNDARY_PUNCT = frozenset(",;:()[]{}–—-?!\"“”‘’'«»/|•")
_SUBORDINATORS = frozenset(
    """dat omdat als wanneer zodat terwijl doordat nadat voordat zodra indien hoewel
    opdat waardoor waarmee waarbij waarin waarop waarvoor waarna waaraan waarover
    waarbinnen wat welke die zoals tenzij mits totdat sinds aangezien want maar
    alsof ofschoon zolang""".split()
)
_COORDINATORS = frozenset({"en", "of", "dus", "ofwel", "noch"})
_SUBJECT_HINTS = frozenset(
    """ik jij je u hij zij ze wij we het men er daar hier dit dat deze die
    de gemeente politie""".split()
)
_FINITE_HINTS = frozenset(
    """is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen
    zou zouden kan kunnen kon konden wil willen wilde moet moeten moest mag mogen gaat gaan
    blijft blijven komt komen staat staan zet zetten kiest kiezen kiezen werkt werken
    houdt houden biedt bieden maakt maken brengt brengen neemt nemen geeft geven legt
    leggen richt richten investeert investeren pakt pakken treedt treden zorgt zorgen
    versterkt versterken stimuleert stimuleren ondersteunt ondersteunen voert voeren""".split()
)
NEGATORS = frozenset({"geen", "niet", "zonder", "nooit", "noch"})
# negators whose scope is the rest of their clause; the others cover the whole clause
_FORWARD_NEGATORS = frozenset({"geen", "zonder", "noch"})
_NOT_ONLY = frozenset({"alleen", "enkel", "uitsluitend", "louter", "slechts", "enkele"})
# a particle followed by one of these is a preposition opening a phrase, not a particle
_PHRASE_STARTERS = frozenset(
    """de het een deze die dit dat zijn haar hun ons onze mijn jouw uw elke ieder iedere
    alle veel meer minder enkele sommige beide andere diverse verschillende zo""".split()
)
_LINKERS = ("", "s", "e", "en")
_DERIVATIONAL = frozenset(
    """baar lijk lijke lijkheid heid ig ige isch ische loos loze zaam zame achtig achtige
    matig matige ing ingen er ers eren ster erd aar elijk elijke tje je jes tjes""".split()
)
MIN_COMPOUND_ENTRY = 4
MIN_COMPOUND_REST = 3
MIN_UNKNOWN_MODIFIER_HEAD = 6
# longer tokens are not split into compounds (garbage from broken PDFs, URLs)
MAX_COMPOUND_LEN = 60


class GlobPattern:
    """A wildcard pattern (LIWC/quanteda style, ``*`` = any letters) matched in linear time.

    A regular expression with several ``.*`` can backtrack for a long time on
    a long token (garbage text from a broken PDF); this matcher checks the
    fixed pieces in order with ``str.find``, so it never does.
    """

    __slots__ = ("pattern", "pieces")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pieces = pattern.split("*")

    def match(self, text: str) -> bool:
        pieces = self.pieces
        if len(pieces) == 1:
            return text == pieces[0]
        first, last = pieces[0], pieces[-1]
        if len(text) < len(first) + len(last) or not (
            text.startswith(first) and text.endswith(last)
        ):
            return False
        pos, end = len(first), len(text) - len(last)
        for piece in pieces[1:-1]:
            found = text.find(piece, pos, end)
            if found < 0:
                return False
            pos = found + len(piece)
        return True


def glob_regex(pattern: str) -> GlobPattern:
    """The matcher of a wildcard pattern (kept under its old name)."""
    return GlobPattern(pattern)


@dataclass(frozen=True, slots=True)
class _Candidate:
    lexicon: Lexicon
    entry: Entry
    tokens: tuple[int, ...]  # token indices of every part
    kind: str
    compound_other: str | None = None

    @property
    def first(self) -> int:
        return min(self.tokens)

    @property
    def last(self) -> int:
        return max(self.tokens)

    @property
    def size(self) -> int:
        return len(self.tokens)


@dataclass
class _Index:
    """Lookup tables of one lexicon, keyed by lemma."""

    lexicon: Lexicon
    single: dict[str, list[Entry]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    separable: dict[str, list[Entry]] = field(default_factory=dict)
    heads: dict[str, list[Entry]] = field(default_factory=dict)
    modifiers: dict[str, list[Entry]] = field(default_factory=dict)
    patterns: list[tuple[GlobPattern, int, Entry]] = field(default_factory=list)
    phrases: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)


def _exactness(c: _Candidate, tokens: Sequence[Token]) -> int:
    if c.kind not in ("lemma", "phrase"):
        return 0
    lemma = c.entry.lemma or ""
    forms = " ".join(tokens[t].text.lower() for t in c.tokens)
    if lemma == forms:
        return 2
    if lemma == " ".join(tokens[t].lemma for t in c.tokens):
        return 1
    return 0


def _compound_mode(entry: Entry) -> str:
    if entry.compound is not None:
        return entry.compound
    if entry.particle is not None or entry.lemma is None or " " in entry.lemma:
        return "none"
    return "any"


class Matcher:
    """Finds every lexicon entry in annotated sentences.

    ``lemmatize`` maps a phrase to its lemma sequence (entries go through the
    same pipeline as the text); ``is_known`` says whether a string is a Dutch
    word, for compound splitting. Both default to textscan's own.
    """

    def __init__(
        self,
        lexicons: Sequence[Lexicon],
        *,
        lemmatize: Callable[[str], tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
        is_known: Callable[[str], bool] | None = None,
    ) -> None:
        if lemmatize is None or is_known is None:
            from textscan.lemmatizer import DutchLemmatizer
            from textscan.nlp import lemmatize_phrase

            lemmatize = lemmatize or lemmatize_phrase
            is_known = is_known or DutchLemmatizer().is_known
        self.lexicons = list(lexicons)
        self._lemmatize = lemmatize
        self._is_known = is_known
        self._indexes = [self._build(lx) for lx in self.lexicons]
        self._known_cache: dict[str, bool] = {}

    # ------------------------------------------------------------------ index
    def _variants(self, text: str) -> set[tuple[str, ...]]:
        forms, lemmas = self._lemmatize(text)
        raw = tuple(text.split())
        return {v for v in (raw, forms, lemmas) if v}

    def _build(self, lexicon: Lexicon) -> _Index:
        idx = _Index(lexicon, order={e.id: k for k, e in enumerate(lexicon.entries)})
        for e in lexicon.entries:
            if e.pattern is not None:
                words = e.pattern.split()
                idx.patterns.append((glob_regex(words[0]), len(words), e))
                continue
            assert e.lemma is not None  # guaranteed by the schema
            for variant in self._variants(e.lemma):
                if len(variant) == 1:
                    idx.single.setdefault(variant[0], []).append(e)
                else:
                    idx.multi.setdefault(variant[0], []).append((variant, e))
            if e.particle is not None and e.verb_stem:
                for variant in self._variants(e.verb_stem):
                    if len(variant) == 1:
                        idx.separable.setdefault(variant[0], []).append(e)
            mode = _compound_mode(e)
            if mode != "none" and len(e.lemma) >= MIN_COMPOUND_ENTRY:
                if mode in ("any", "head"):
                    idx.heads.setdefault(e.lemma, []).append(e)
                if mode in ("any", "modifier"):
                    idx.modifiers.setdefault(e.lemma, []).append(e)
            for ex in e.exclude:
                if ex.phrase:
                    idx.phrases.setdefault(id(ex), list(self._variants(ex.phrase)))
        for d in (idx.single, idx.separable, idx.heads, idx.modifiers):
            for k, v in d.items():
                d[k] = list(dict.fromkeys(v))
        return idx

    # --------------------------------------------------------------- helpers
    def known(self, word: str) -> bool:
        hit = self._known_cache.get(word)
        if hit is None:
            hit = len(word) >= MIN_COMPOUND_REST and word not in _DERIVATIONAL and (
                self._is_known(word) or self._is_known_compound(word)
            )
            self._known_cache[word] = hit
        return hit

    def _is_known_compound(self, word: str) -> bool:
        # one level of recursion: "woninginbraak" = "woning" + "inbraak"
        for i in range(MIN_COMPOUND_REST, len(word) - MIN_COMPOUND_REST + 1):
            right = word[i:]
            if right in _DERIVATIONAL or not self._is_known(right):
                continue
            left = word[:i]
            for link in _LINKERS:
                if link and not left.endswith(link):
                    continue
                stem = left[: len(left) - len(link)] if link else left
                if len(stem) >= MIN_COMPOUND_REST and self._is_known(stem):
                    return True
        return False

    def split_compound(
        self, lemma: str, idx: _Index
    ) -> list[tuple[Entry, str, str]]:
        """Entries found as head or modifier of ``lemma``: (entry, role, other part)."""
        found: list[tuple[Entry, str, str]] = []
        n = len(lemma)
        for i in range(MIN_COMPOUND_REST, n - MIN_COMPOUND_ENTRY + 1):
            head = lemma[i:]
            entries = idx.heads.get(head)
            if entries:
                left = lemma[:i]
                for link in _LINKERS:
                    if link and not left.endswith(link):
                        continue
                    stem = left[: len(left) - len(link)] if link else left
                    if stem.endswith("-"):
                        stem = stem[:-1]
                    # a long entry as head ("-bestrijding", "-aanpak") makes a compound
                    # even when the modifier is missing from the word list
                    unknown_ok = len(head) >= MIN_UNKNOWN_MODIFIER_HEAD and len(stem) >= 4
                    if unknown_ok or self.known(stem) or (stem and self.known(stem + "en")):
                        found.extend((e, "head", stem) for e in entries)
                        break
        for j in range(MIN_COMPOUND_ENTRY, n - MIN_COMPOUND_REST + 1):
            mod = lemma[:j]
            entries = idx.modifiers.get(mod)
            if not entries:
                continue
            rest = lemma[j:]
            for link in _LINKERS:
                if link and not rest.startswith(link):
                    continue
                other = rest[len(link) :].lstrip("-")
                if self.known(other):
                    found.extend((e, "modifier", other) for e in entries)
                    break
        return found

    # ---------------------------------------------------------------- clauses
    @staticmethod
    def clauses(tokens: Sequence[Token]) -> list[int]:
        """Clause number of each token (boundaries: punctuation, subordinators, new clauses)."""
        out: list[int] = []
        clause = 0
        n = len(tokens)
        for i, t in enumerate(tokens):
            low = t.text.lower()
            boundary = False
            if t.is_punct and (low in _BOUNDARY_PUNCT or all(c in _BOUNDARY_PUNCT for c in low)):
                boundary = True
            elif low in _SUBORDINATORS and i > 0:
                boundary = True
            elif low == "om" and i + 1 < n and any(
                tokens[k].text.lower() == "te" for k in range(i + 1, min(n, i + 8))
            ):
                boundary = True
            elif low in _COORDINATORS and i + 1 < n:
                nxt = tokens[i + 1].text.lower()
                if nxt in _SUBJECT_HINTS or nxt in _FINITE_HINTS:
                    boundary = True
            if boundary:
                clause += 1
            out.append(clause)
        return out

    # --------------------------------------------------------------- matching
    def _candidates(self, tokens: Sequence[Token], clauses: list[int], idx: _Index) -> list[_Candidate]:
        lx = idx.lexicon
        lemmas = [t.lemma for t in tokens]
        lowers = [t.text.lower() for t in tokens]
        n = len(tokens)
        out: list[_Candidate] = []
        for i in range(n):
            if not tokens[i].is_word:
                continue
            lem, low = lemmas[i], lowers[i]
            # multi-word expressions on lemmas or forms
            for key in {lem, low}:
                for seq, e in idx.multi.get(key, ()):
                    k = len(seq)
                    if i + k <= n and all(
                        seq[j] in (lemmas[i + j], lowers[i + j]) for j in range(k)
                    ):
                        out.append(_Candidate(lx, e, tuple(range(i, i + k)), "phrase"))
            direct = idx.single.get(lem) or idx.single.get(low)
            if direct:
                out.extend(_Candidate(lx, e, (i,), "lemma") for e in direct)
            elif ("-" not in low or low.endswith("-")) and len(lem) <= MAX_COMPOUND_LEN:
                word = lem.rstrip("-") if lem.endswith("-") else lem
                for e, _role, other in self.split_compound(word, idx):
                    out.append(_Candidate(lx, e, (i,), "compound", other))
            elif "-" in low:
                # hyphenated compound: "drugs-bestrijding", "wijk-aanpak"
                parts = [p for p in lem.split("-") if p]
                for p in parts:
                    for e in idx.single.get(p, ()):
                        if _compound_mode(e) != "none":
                            others = "-".join(q for q in parts if q != p)
                            out.append(_Candidate(lx, e, (i,), "compound", others))
            # separable verbs: stem ... particle in the same clause
            for e in idx.separable.get(lem, ()):
                part = self._find_particle(tokens, clauses, i, e.particle or "")
                if part is not None:
                    out.append(_Candidate(lx, e, tuple(sorted((i, part))), "separable"))
            for rx, k, e in idx.patterns:
                if rx.match(low):
                    rest = (e.pattern or "").split()[1:]
                    if i + k <= n and all(
                        glob_regex(w).match(lowers[i + 1 + j]) for j, w in enumerate(rest)
                    ):
                        out.append(_Candidate(lx, e, tuple(range(i, i + k)), "pattern"))
        return out

    @staticmethod
    def _find_particle(
        tokens: Sequence[Token], clauses: list[int], verb: int, particle: str
    ) -> int | None:
        n = len(tokens)
        c = clauses[verb]
        # main clause order: verb ... particle
        for k in range(verb + 1, n):
            if clauses[k] != c:
                break
            if tokens[k].text.lower() == particle:
                nxt = tokens[k + 1].text.lower() if k + 1 < n else ""
                if nxt in _PHRASE_STARTERS or (k + 1 < n and tokens[k + 1].like_num):
                    continue  # "tegen de regels": a preposition, not the particle
                return k
        # te-infinitive: "om de overlast aan te pakken"
        if verb >= 2 and tokens[verb - 1].text.lower() == "te":
            if tokens[verb - 2].text.lower() == particle and clauses[verb - 2] == c:
                return verb - 2
        return None

    def _excluded(
        self, cand: _Candidate, tokens: Sequence[Token], idx: _Index
    ) -> bool:
        lemmas = [t.lemma for t in tokens]
        lowers = [t.text.lower() for t in tokens]
        first, last = cand.first, cand.last
        for ex in cand.entry.exclude:
            if self._exclusion_applies(ex, cand, lemmas, lowers, first, last, idx):
                return True
        return False

    @staticmethod
    def _exclusion_applies(
        ex: Exclusion,
        cand: _Candidate,
        lemmas: list[str],
        lowers: list[str],
        first: int,
        last: int,
        idx: _Index,
    ) -> bool:
        n = len(lemmas)
        if ex.form is not None:
            return any(lowers[t] in ex.form for t in cand.tokens)
        if ex.followed_by is not None:
            j = last + 1
            return j < n and (lemmas[j] in ex.followed_by or lowers[j] in ex.followed_by)
        if ex.preceded_by is not None:
            j = first - 1
            return j >= 0 and (lemmas[j] in ex.preceded_by or lowers[j] in ex.preceded_by)
        if ex.context is not None:
            lo, hi = max(0, first - ex.window), min(n, last + ex.window + 1)
            return any(
                (lemmas[j] in ex.context or lowers[j] in ex.context)
                for j in range(lo, hi)
                if j not in cand.tokens
            )
        if ex.compound_part is not None:
            other = cand.compound_other
            if other is None:
                return False
            return any(other == p or other.endswith(p) or other.startswith(p) for p in ex.compound_part)
        if ex.phrase is not None:
            for seq in idx.phrases.get(id(ex), ()):
                k = len(seq)
                for s in range(max(0, first - k + 1), min(first, n - k) + 1):
                    if all(seq[j] in (lemmas[s + j], lowers[s + j]) for j in range(k)) and (
                        s <= first and last <= s + k - 1 or s <= first <= s + k - 1
                    ):
                        return True
            return False
        return False

    @staticmethod
    def negation(
        tokens: Sequence[Token], clauses: list[int], cand_tokens: Iterable[int]
    ) -> str | None:
        """The negator governing a match in its own clause, or None."""
        toks = sorted(cand_tokens)
        first = toks[0]
        c = clauses[first]
        n = len(tokens)
        for k in range(n):
            if clauses[k] != c or k in toks:
                continue
            low = tokens[k].text.lower()
            if low not in NEGATORS:
                continue
            if low == "niet" and k + 1 < n and tokens[k + 1].text.lower() in _NOT_ONLY:
                continue
            if low in _FORWARD_NEGATORS and k > first:
                continue
            return low
        return None

    def match_sentence(self, sentence: Sentence, document: str = "", section_title: str | None = None) -> list[Hit]:
        tokens = sentence.tokens
        if not tokens:
            return []
        clauses = self.clauses(tokens)
        hits: list[Hit] = []
        for idx in self._indexes:
            cands = self._candidates(tokens, clauses, idx)
            # Longest first, then the earliest, then the entry written exactly as the
            # word (form, then lemma) before one reached through lemmatisation, then
            # lexicon order. An excluded candidate still takes its tokens: the word is
            # used in another sense, so no other entry may claim it.
            order = idx.order
            cands.sort(
                key=lambda c: (
                    -c.size,
                    -(c.last - c.first),
                    c.first,
                    -_exactness(c, tokens),
                    order[c.entry.id],
                )
            )
            used: set[int] = set()
            for c in cands:
                if used.intersection(c.tokens):
                    continue
                used.update(c.tokens)
                if self._excluded(c, tokens, idx):
                    continue
                hits.append(self._hit(c, sentence, clauses, document, section_title))
        hits.sort(key=lambda h: (h.start, h.lexicon))
        return hits

    def _hit(
        self,
        c: _Candidate,
        sentence: Sentence,
        clauses: list[int],
        document: str,
        section_title: str | None,
    ) -> Hit:
        tokens = sentence.tokens
        start = tokens[c.first].start
        end = tokens[c.last].end
        if c.kind == "separable":
            parts = tuple((tokens[t].start, tokens[t].end) for t in sorted(c.tokens))
        else:
            parts = ((start, end),)
        negator = self.negation(tokens, clauses, c.tokens)
        return Hit(
            document=document,
            page=sentence.page,
            section=section_title,
            sentence_id=sentence.id,
            sentence=sentence.text,
            start=start,
            end=end,
            text=sentence.text[start:end],
            lemma=c.entry.lemma or c.entry.pattern or "",
            category=c.entry.category,
            entry=c.entry.id,
            lexicon=c.lexicon.name,
            negated=negator is not None,
            parts=parts,
            match_kind=c.kind,
            negator=negator,
        )

    def match(
        self,
        sentences: Iterable[Sentence],
        document: str = "",
        section_titles: dict[str, str] | None = None,
    ) -> list[Hit]:
        """All hits in ``sentences``, in reading order."""
        titles = section_titles or {}
        out: list[Hit] = []
        for s in sentences:
            out.extend(self.match_sentence(s, document, titles.get(s.section) if s.section else None))
        return out
