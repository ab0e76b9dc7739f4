"""The bundled framing lexicon applies every sense exclusion of the codebook (rule 4)."""

from __future__ import annotations

import pytest

from textscan.lexicon import load_lexicon
from textscan.match import Matcher
from textscan.nlp import annotate_text


@pytest.fixture(scope="module")
def framing_hits():
    matcher = Matcher([load_lexicon("framing")])

    def run(text: str) -> list[tuple[str, str]]:
        return [
            (h.entry, h.category)
            for s in annotate_text(text)
            for h in matcher.match_sentence(s)
            if not h.negated
        ]

    return run


@pytest.mark.parametrize(
    "sentence",
    [
        "Het plan van aanpak wordt in het najaar aan de raad voorgelegd.",
        "De nieuwe fietsverbinding tussen de kernen is in mei geopend.",
        "De glasvezelverbinding van het gemeentehuis wordt vervangen.",
        "Deze informatie wordt vertrouwelijk behandeld.",
        "De gemeente zorgt ervoor dat de verlichting op orde is.",
        "Het college zorgt voor een sluitende begroting.",
        "De raad voert zijn controlerende taak uit.",
        "We handhaven de bestaande subsidieregeling voor buurthuizen.",
    ],
)
def test_sense_traps_are_not_counted(framing_hits, sentence):
    assert framing_hits(sentence) == []


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("De aanpak van woninginbraak krijgt prioriteit.", "repressive"),
        ("Wij zoeken verbinding met bewoners in de wijk.", "positive"),
        ("Het vertrouwen in de politie is gegroeid.", "positive"),
        ("Wij bieden zorg aan kwetsbare inwoners.", "positive"),
        ("De politie controleert de naleving van het alcoholverbod.", "repressive"),
        ("Boa's handhaven het rookverbod rond de scholen.", "repressive"),
    ],
)
def test_the_same_words_in_their_framing_sense_count(framing_hits, sentence, category):
    assert category in {c for _, c in framing_hits(sentence)}


def test_zorgen_as_worries_is_not_care(framing_hits):
    found = framing_hits("Bewoners uiten hun zorgen over de overlast.")
    assert "positive" not in {c for _, c in found}
