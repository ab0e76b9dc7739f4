"""spaCy's Dutch tokenizer, run without importing spaCy.

Every process that annotated text imported spaCy (0.3 s) and built its Dutch
pipeline (0.1 s) only to split the one chunk in ten that is not a plain word
("(o.a.", "COVID-19", "€12,50", "jongeren-werk"). That was a third of the
fixed cost of every cold run. This module reads the rules of spaCy's Dutch
tokenizer (its prefix, suffix and infix expressions, URL and token patterns,
special cases) once per installation, stores them under the cache folder
(``tables/``, named by spaCy's version and this module's source, beside the
lemma tables; as marshal, read in 4 ms where JSON took 60; the expressions
with the code ``re`` compiles them to, so that no process compiles them
again) and applies them with the same algorithm as spaCy's ``Tokenizer``,
written here in Python for one chunk between whitespace:

1. Strip prefixes and suffixes (one of each per round) until neither is left,
   stopping early at a special case ("o.a.") or when the rest matches the
   token pattern.
2. What is left is a special case, one token (token or URL pattern), or split
   at its infixes (an infix at the very start does not split).
3. The prefixes come before it and the suffixes after it, the last stripped
   first.
4. Special cases that the affix rules would cut up ("a.s." is "a.s" and ".")
   are found again in that token sequence and put back: the longest first,
   and of equal length the leftmost, none overlapping another.

A word followed by one mark ("veiligheid," "buurt."), seven in ten of the
chunks that are not a plain word, comes out of these steps as the word and
the mark whenever the mark is a suffix after the word's last letter; which
letters those are for each mark is worked out with spaCy when the rules are
compiled (see :func:`_word_marks`), and such a chunk is then split without
running the expressions (a tenth of annotation's CPU for the manifestos).

When the rules are compiled, the result is checked against spaCy's own
tokenizer on every special case (alone and between brackets, quotes and
punctuation) and on a list of chunks that exercise each rule; should a spaCy
release ever tokenise differently, the check fails and textscan keeps using
spaCy's tokenizer (with a warning), so the tokens never silently change. The
tests compare the two on generated text as well.

The lexical attributes annotation reads are computed as spaCy's Dutch
vocabulary computes them: ``is_punct`` (every character a Unicode punctuation
character) and ``like_num`` (digits, with "." and "," ignored, a fraction of
digits, or one of spaCy's Dutch number and ordinal words).

Example:
    >>> tok = get_tokenizer()
    >>> tok.split("(o.a.")
    ['(', 'o.a.']
    >>> tok.split("jongerenwerk,")
    ['jongerenwerk', ',']
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_VERSION = "3"


class RulesError(Exception):
    """spaCy's tokenizer could not be read, or its rules tokenise differently here."""


# ---------------------------------------------------------------- the algorithm


class DutchTokenizer:
    """spaCy's tokenizer algorithm over rules read from spaCy (see :func:`compile_rules`)."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.spacy_version: str = rules["spacy"]
        self._prefix = _method(rules["prefix"])
        self._suffix = _method(rules["suffix"])
        self._infix = _method(rules["infix"])
        self._token_match = _method(rules["token_match"])
        self._url_match = _method(rules["url_match"])
        self.specials: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in rules["specials"].items()
        }
        # special cases the affix rules cut up, by the tokens they are cut into
        self._patterns: dict[tuple[str, ...], str] = {
            tuple(tokens): key for key, tokens in rules["patterns"].items()
        }
        self._pattern_starts = frozenset(p[0] for p in self._patterns)
        self._longest_pattern = max((len(p) for p in self._patterns), default=0)
        self.punct_chars: frozenset[str] = frozenset(rules["punct_chars"])
        self._numbers = frozenset(rules["number_words"])
        # mark -> the last letters of a word the mark is always split from (see _word_marks)
        self._word_marks: dict[str, frozenset[str]] = {
            mark: frozenset(letters) for mark, letters in rules.get("word_marks", {}).items()
        }

    # -- lexical attributes, as spaCy's Dutch vocabulary computes them
    @staticmethod
    def is_punct(text: str) -> bool:
        """Every character is Unicode punctuation (category P*)."""
        if text[:1].isalnum():  # a word or a number: no need to look further
            return False
        return all(unicodedata.category(c)[0] == "P" for c in text)

    def like_num(self, text: str) -> bool:
        """Digits (ignoring "." and ","), a fraction of digits, or a Dutch number word."""
        if text.isalpha():  # most tokens: only a number word can count
            return text.lower() in self._numbers
        bare = text.replace(",", "").replace(".", "")
        if bare.isdigit():
            return True
        if bare.count("/") == 1:
            top, bottom = bare.split("/")
            if top.isdigit() and bottom.isdigit():
                return True
        return bare.lower() in self._numbers

    # -- tokens of one chunk (a string without whitespace)
    def split(self, chunk: str) -> list[str]:
        """The tokens of ``chunk``, a string without whitespace, as spaCy's tokenizer gives them."""
        special = self.specials.get(chunk)
        if special is not None:
            tokens = list(special)
        else:
            # a word and a mark ("veiligheid," "buurt."): seven in ten of the chunks
            # that are not a plain word; the affix rules would strip the mark and
            # find nothing more, here without running their expressions
            word = chunk[:-1]
            letters = self._word_marks.get(chunk[-1:])  # "" for an empty chunk: no mark
            if (
                letters is not None
                and word[-1:] in letters
                and word.isalpha()
                and word not in self.specials
            ):
                tokens = [word, chunk[-1]]
            else:
                tokens = self._affixes(chunk, True)
        if self._pattern_starts.isdisjoint(tokens):
            return tokens
        return self._put_back_specials(tokens)

    def _affixes(self, chunk: str, specials: bool) -> list[str]:
        prefixes: list[str] = []
        suffixes: list[str] = []
        rest = self._strip(chunk, prefixes, suffixes, specials)
        middle = self._middle(rest, specials) if rest else []
        suffixes.reverse()
        return prefixes + middle + suffixes

    def _strip(self, text: str, prefixes: list[str], suffixes: list[str], specials: bool) -> str:
        """Strip prefixes and suffixes off ``text``; returns what is left between them."""
        table = self.specials if specials else {}
        token_match = self._token_match
        before = 0
        while text and len(text) != before:
            if (token_match is not None and token_match(text)) or text in table:
                break
            before = len(text)
            n_pre = _length(self._prefix, text)
            if n_pre:
                without_pre = text[n_pre:]
                if without_pre and without_pre in table:
                    prefixes.append(text[:n_pre])
                    return without_pre
            n_suf = _length(self._suffix, text[n_pre:])
            if n_suf:
                without_suf = text[:-n_suf]
                if without_suf and without_suf in table:
                    suffixes.append(text[-n_suf:])
                    return without_suf
            if n_pre and n_suf and n_pre + n_suf <= len(text):
                prefixes.append(text[:n_pre])
                suffixes.append(text[-n_suf:])
                text = text[n_pre:-n_suf]
            elif n_pre:
                prefixes.append(text[:n_pre])
                text = text[n_pre:]
            elif n_suf:
                suffixes.append(text[-n_suf:])
                text = text[:-n_suf]
        return text

    def _middle(self, text: str, specials: bool) -> list[str]:
        """Tokens of what stripping left: a special case, one token, or split at its infixes."""
        if specials:
            special = self.specials.get(text)
            if special is not None:
                return list(special)
        if (self._token_match is not None and self._token_match(text)) or (
            self._url_match is not None and self._url_match(text)
        ):
            return [text]
        if self._infix is None:
            return [text]
        tokens: list[str] = []
        start = 0
        for m in self._infix(text):
            at, end = m.span()
            if at == 0:  # an infix at the very start does not split
                continue
            if at != start:
                tokens.append(text[start:at])
            if at != end:
                tokens.append(text[at:end])
            start = end
        if start < len(text):
            tokens.append(text[start:])
        return tokens

    def _put_back_specials(self, tokens: list[str]) -> list[str]:
        """Merge token runs that spell a special case the affix rules cut up into its tokens."""
        patterns = self._patterns
        n = len(tokens)
        found: list[tuple[int, int]] = []
        for i in range(n):
            if tokens[i] not in self._pattern_starts:
                continue
            for j in range(i + 1, min(n, i + self._longest_pattern) + 1):
                if tuple(tokens[i:j]) in patterns:
                    found.append((i, j))
        if not found:
            return tokens
        # the longest first; of equal length the leftmost; a run whose first or last
        # token is taken is left out, and its tokens count as taken all the same
        found.sort(key=lambda s: (s[0] - s[1], s[0]))
        taken: set[int] = set()
        kept: list[tuple[int, int]] = []
        for i, j in found:
            if i not in taken and j - 1 not in taken:
                kept.append((i, j))
            taken.update(range(i, j))
        kept.sort()
        out: list[str] = []
        at = 0
        for i, j in kept:
            out.extend(tokens[at:i])
            out.extend(self.specials.get("".join(tokens[i:j]), tokens[i:j]))
            at = j
        out.extend(tokens[at:])
        return out


def _method(spec: dict[str, Any] | None) -> Callable[..., Any] | None:
    if spec is None:
        return None
    return getattr(_pattern(spec), spec["method"])  # type: ignore[no-any-return]


def _pattern(spec: dict[str, Any]) -> re.Pattern[str]:
    """The spec's expression, from its stored compiled form when this Python wrote it.

    spaCy's affix expressions are large (the infixes 20,000 characters):
    ``re.compile`` took ~50 ms per process, before any worker could start.
    The form ``re`` compiles them to (its ``_sre`` code) is stored with the
    rules and given back to ``_sre.compile`` as ``re.compile`` itself does
    (0.3 ms). It is used only under the Python release, ``_sre`` version and
    code word size that wrote it, and was checked equal to ``re.compile``'s
    pattern then (see :func:`_compiled_form`); otherwise, or if anything
    fails, the expression is compiled as usual.
    """
    form = spec.get("sre")
    if isinstance(form, dict) and form.get("python") == sys.hexversion:
        try:
            import _sre

            if form["magic"] == _sre.MAGIC and form["codesize"] == _sre.CODESIZE:
                return _sre.compile(  # type: ignore[no-any-return]
                    spec["pattern"],
                    form["flags"],
                    form["code"],
                    form["groups"],
                    form["groupindex"],
                    tuple(form["indexgroup"]),
                )
        except (ImportError, KeyError, TypeError, ValueError, RuntimeError):
            pass
    return re.compile(spec["pattern"], spec["flags"])


def _compiled_form(pattern: str, flags: int) -> dict[str, Any] | None:
    """What ``_sre.compile`` needs for ``pattern``, as ``re.compile`` builds it (or None).

    Kept only if the pattern built from it equals ``re.compile``'s (equal
    patterns have the same expression, flags and code).
    """
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        form = {
            "python": sys.hexversion,
            "magic": _sre.MAGIC,
            "codesize": _sre.CODESIZE,
            "flags": flags | parsed.state.flags,
            "code": [int(c) for c in _compiler._code(parsed, flags)],
            "groups": parsed.state.groups - 1,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
        }
        spec = {"pattern": pattern, "flags": flags, "sre": form}
        if _pattern(spec) != re.compile(pattern, flags):
            return None
        marshal.dumps(form)  # it must be storable
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None
    return form


def _length(search: Callable[[str], re.Match[str] | None] | None, text: str) -> int:
    if search is None:
        return 0
    m = search(text)
    return 0 if m is None else m.end() - m.start()


# ------------------------------------------------------------ reading spaCy's rules


def _regex_spec(function: Any, name: str) -> dict[str, Any] | None:
    if function is None:
        return None
    pattern = getattr(function, "__self__", None)
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        raise RulesError(f"spaCy's tokenizer {name} is not a compiled regular expression")
    method = function.__name__
    if method not in {"search", "match", "fullmatch", "finditer"}:
        raise RulesError(f"spaCy's tokenizer {name} calls {method!r}")
    return {
        "pattern": pattern.pattern,
        "flags": pattern.flags,
        "method": method,
        "sre": _compiled_form(pattern.pattern, pattern.flags),
    }


def read_spacy_rules() -> tuple[dict[str, Any], Any]:
    """The rules of spaCy's Dutch tokenizer as plain data, and that tokenizer (imports spaCy)."""
    from textscan._spacy import import_spacy

    spacy = import_spacy()
    from spacy.attrs import NORM, ORTH
    from spacy.lang.nl import lex_attrs
    from spacy.pipeline import Sentencizer

    nlp = spacy.blank("nl")
    tok = nlp.tokenizer
    specials: dict[str, list[str]] = {}
    for key, substrings in tok.rules.items():
        orths = []
        for sub in substrings:
            if set(sub) - {ORTH, NORM, "ORTH", "NORM"}:
                raise RulesError(f"spaCy's special case {key!r} sets more than ORTH and NORM")
            orths.append(sub.get(ORTH, sub.get("ORTH")))
        if "".join(orths) != key or any(not o for o in orths):
            raise RulesError(f"spaCy's special case {key!r} does not spell its key")
        specials[key] = orths
    words = getattr(lex_attrs, "_num_words", None)
    ordinals = getattr(lex_attrs, "_ordinal_words", None)
    if not isinstance(words, set | frozenset) or not isinstance(ordinals, set | frozenset):
        raise RulesError("spaCy's Dutch number words were not found")
    rules: dict[str, Any] = {
        "version": RULES_VERSION,
        "spacy": spacy.__version__,
        "prefix": _regex_spec(tok.prefix_search, "prefix_search"),
        "suffix": _regex_spec(tok.suffix_search, "suffix_search"),
        "infix": _regex_spec(tok.infix_finditer, "infix_finditer"),
        "token_match": _regex_spec(tok.token_match, "token_match"),
        "url_match": _regex_spec(tok.url_match, "url_match"),
        "faster_heuristics": bool(tok.faster_heuristics),
        "specials": dict(sorted(specials.items())),
        "patterns": {},
        "punct_chars": sorted(Sentencizer.default_punct_chars),
        "number_words": sorted(set(words) | set(ordinals)),
    }
    # the special cases spaCy looks for again after the affix rules: those the
    # rules would cut up (with its faster heuristics; all of them without)
    plain = DutchTokenizer(rules)
    patterns: dict[str, list[str]] = {}
    for key in rules["specials"]:
        if (
            not rules["faster_heuristics"]
            or tok.find_prefix(key)
            or tok.find_infix(key)
            or tok.find_suffix(key)
            or " " in key
        ):
            patterns[key] = plain._affixes(key, False)
    rules["patterns"] = patterns
    rules["word_marks"] = _word_marks(tok, plain)
    return rules, nlp


#: marks that often close a word ("veiligheid," "buurt." "zie:")
_WORD_MARKS = ",.;:)!?"
#: the letters a word may end in for the shortcut: Latin with its accents
_MARK_LETTERS = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isalpha())


def _word_marks(spacy_tokenizer: Any, plain: DutchTokenizer) -> dict[str, str]:
    """For each mark, the last letters of a word from which the rules always split it off.

    A chunk of letters and one mark ("veiligheid,") goes through the affix
    rules as: no prefix (it starts with a letter), the mark as suffix, then
    a plain word that nothing splits. Whether the mark is a suffix depends on
    the mark and on at most the two characters before it ("." after a
    lowercase letter or two capitals). A letter is kept for a mark only when
    spaCy's tokenizer and the copy of its rules both give [word, mark] for a
    word of that letter alone and after each pair of lowercase letters and
    capitals (special cases, which :meth:`DutchTokenizer.split` looks up
    first, are not tried). Tested against spaCy on every chunk of the shared
    documents and on generated words.
    """
    specials = plain.specials
    out: dict[str, str] = {}
    for mark in _WORD_MARKS:
        kept = []
        for letter in _MARK_LETTERS:
            ok = True
            for word in (letter, "xq" + letter, "XQ" + letter, "Xq" + letter, "xQ" + letter):
                chunk = word + mark
                if chunk in specials or word in specials:
                    continue  # never reaches the shortcut
                theirs = [t.text for t in spacy_tokenizer(chunk)]
                if theirs != [word, mark] or plain._affixes(chunk, True) != [word, mark]:
                    ok = False
                    break
            if ok:
                kept.append(letter)
        if kept:
            out[mark] = "".join(kept)
    return out


# chunks that exercise each kind of rule, for the check against spaCy at compile time
_PROBES = (
    "COVID-19 e-mail 's-Hertogenbosch 's avonds zo'n auto's 1.000,50 €12,- 12,5% 10:30 "
    "3-4 1e 2de 21ste nr. blz. p. art. 1.2.3 (zie ‘buurt’ “wijk” «x» [1] {a} a/b 1/2 "
    "https://www.gemeente.nl/veiligheid www.politie.nl info@gemeente.nl "
    "jongeren-werk jongeren—werk a–b x&y +31 -5 ±3 5x 2x2 km² m³ °C 50km/u "
    "...wat?! (o.a. o.a.: d.w.z., bijv.) i.s.m. t.a.v. a.s. e.d. enz. etc. :-) :) ;) <3 "
    "A.B.C. U.S.A. St. dhr. mevr. drs. ir. prof. dr. mr. ing. bc. ca. "
    "'t 'n m'n z'n d'r 'k ’s ’t zo’n x’s "
    "2023-2026 2023/2024 1990's 15.00-17.00u 06-12345678 1234AB § §3 #buurt @gemeente "
    "½ ¾ … • ● ■ ▪ – — ‐ ‑ ‒ ― ' \" ` ´ ‘ ’ ‚ “ ” „ ‹ › « » < > = ~ ^ * | \\ / "
)


def _check_chunks(rules: dict[str, Any]) -> list[str]:
    """Every special case alone and with what commonly stands around it, and the probes."""
    around = (("", ""), ("(", ")"), ("", "."), ("", ","), ("“", "”"), ("'", "'s"), ("[", "]:"))
    chunks: list[str] = list(_PROBES.split())
    for key in rules["specials"]:
        if key and not any(c.isspace() for c in key):
            chunks.extend(before + key + after for before, after in around)
    return chunks


def check_rules(tokenizer: DutchTokenizer, spacy_tokenizer: Any, chunks: Iterable[str]) -> None:
    """Raise :class:`RulesError` at the first chunk where the two tokenise differently."""
    for chunk in chunks:
        ours = tokenizer.split(chunk)
        doc = spacy_tokenizer(chunk)
        theirs = [t.text for t in doc]
        if ours != theirs:
            raise RulesError(
                f"spaCy {tokenizer.spacy_version} tokenises {chunk!r} as {theirs}, "
                f"textscan's copy of its rules as {ours}"
            )
        for token in doc:
            if token.is_punct != tokenizer.is_punct(token.text) or token.like_num != (
                tokenizer.like_num(token.text)
            ):
                raise RulesError(
                    f"spaCy {tokenizer.spacy_version} gives {token.text!r} other lexical "
                    "attributes than textscan"
                )


def compile_rules(path: Path | None) -> dict[str, Any]:
    """Read spaCy's Dutch tokenizer rules, check them against spaCy, write them to ``path``.

    Written to a temporary file first and renamed, so that processes starting at
    the same time never read half a file. With ``path`` None nothing is written.
    """
    rules, nlp = read_spacy_rules()
    check_rules(DutchTokenizer(rules), nlp.tokenizer, _check_chunks(rules))
    for word in rules["number_words"]:
        if not nlp.vocab[word].like_num:  # the vocabulary's own getter agrees
            raise RulesError(f"spaCy no longer counts {word!r} as a number word")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(rules))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return rules


def rules_path() -> Path:
    """Where this installation's compiled tokenizer rules live (they may not exist yet)."""
    from textscan._spacy import spacy_version
    from textscan.cache import installation_file

    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return installation_file("tokenizer", [RULES_VERSION, spacy_version(), source], ".marshal")


def stale_rules() -> list[Path]:
    """Compiled rule files of other spaCy or textscan versions (left by an upgrade)."""
    from textscan.cache import stale_files

    return stale_files(rules_path())


@lru_cache(maxsize=1)
def get_tokenizer() -> DutchTokenizer | None:
    """This process's tokenizer over the compiled rules, or None when spaCy's must be used.

    The rules are compiled on first use (about two seconds, spaCy imported
    once, the check against spaCy included) and kept under the cache folder.
    None without a writable cache folder (spaCy's own tokenizer then starts
    faster than compiling and checking the rules in every run), and None with
    a warning if the rules cannot be read from spaCy or do not reproduce its
    tokens.
    """
    path = rules_path()
    try:
        return DutchTokenizer(_read(path))
    except (OSError, ValueError, KeyError, TypeError, EOFError, re.error):
        pass
    if not _writable(path.parent):
        return None
    try:
        return DutchTokenizer(compile_rules(path))
    except OSError:  # could not be written after all
        return None
    except (RulesError, re.error, KeyError, TypeError, ValueError) as exc:
        warnings.warn(f"textscan tokenises with spaCy itself (slower start): {exc}", stacklevel=2)
        return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _read(path: Path) -> dict[str, Any]:
    rules = marshal.loads(path.read_bytes())
    if not isinstance(rules, dict) or rules.get("version") != RULES_VERSION:
        raise ValueError(f"{path}: not tokenizer rules of version {RULES_VERSION}")
    return rules


__all__ = [
    "DutchTokenizer",
    "RulesError",
    "check_rules",
    "compile_rules",
    "get_tokenizer",
    "read_spacy_rules",
    "rules_path",
    "stale_rules",
]
