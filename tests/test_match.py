"""The matching engine, rule by rule of the codebook (with a fixed test lexicon)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textscan.errors import LexiconError
from textscan.lexicon import parse_lexicon
from textscan.match import Matcher, WordVocabulary
from textscan.nlp import annotate_text


def entries(found):
    return [e for _, e, neg in found if not neg]


# Rule 1: lemmas, not word forms
@pytest.mark.parametrize(
    "sentence, entry",
    [
        ("De gemeente bestrijdt ondermijning.", "bestrijden"),
        ("Criminaliteit werd jarenlang bestreden.", "bestrijden"),
        ("Het vertrouwen van bewoners groeit.", "vertrouwen"),
        ("De overlast is vorig jaar aangepakt.", "aanpakken"),
    ],
)
def test_match_counts_inflected_forms_by_lemma(match, sentence, entry):
    assert entry in entries(match(sentence))


# Rule 2: separable verbs
@pytest.mark.parametrize(
    "sentence, entry, text",
    [
        (
            "Wij pakken de overlast in het centrum aan.",
            "aanpakken",
            "pakken de overlast in het centrum aan",
        ),
        ("De politie treedt op tegen straatintimidatie.", "optreden", "treedt op"),
        ("Partners werken samen met de scholen.", "samenwerken", "werken samen"),
        (
            "We dringen het aantal inbraken terug.",
            "terugdringen",
            "dringen het aantal inbraken terug",
        ),
        ("Om de overlast aan te pakken, zetten we boa's in.", "aanpakken", "aan te pakken"),
    ],
)
def test_match_counts_separable_verb_once_with_both_parts(matcher, sentence, entry, text):
    hits = matcher.match(annotate_text(sentence))
    found = [h for h in hits if h.entry == entry]
    assert len(found) == 1
    h = found[0]
    assert h.text == text
    assert h.sentence[h.start : h.end] == h.text
    assert len(h.parts) >= 2 or h.match_kind != "separable"
    for s, e in h.parts:
        assert h.start <= s < e <= h.end


def test_separable_verb_in_subordinate_clause_is_one_word(match):
    assert entries(match("Het is goed dat partners samenwerken.")) == ["samenwerken"]
    assert entries(match("Wij willen dat de politie optreedt.")) == ["optreden"]


def test_particle_in_another_clause_does_not_count(match):
    # "aan" belongs to the next clause: no separable verb here
    assert "aanpakken" not in entries(match("Wij pakken de koffers, en de wijk kijkt ernaar aan."))


def test_particle_of_a_nearer_verb_is_not_taken(match):
    # "aan" closes the clause of "wijzen" (aanwijzen), not of "pakken"
    sentence = "Bewoners pakken een plattegrond en wijzen aan waar zij zich onveilig voelen."
    assert "aanpakken" not in entries(match(sentence))
    assert "aanpakken" in entries(match("Bewoners pakken de overlast samen met de buurt aan."))
    # a plural noun is no such verb, even when particle and noun make one (samenscholen)
    assert "samenwerken" in entries(match("Wij werken met de politie en scholen samen."))


def test_preposition_is_not_taken_for_a_particle(match):
    assert "tegengaan" not in entries(match("We gaan tegen de stroom in."))


# Rule 3: compounds
@pytest.mark.parametrize(
    "word, entry",
    [
        ("drugsbestrijding", "bestrijding"),
        ("criminaliteitsbestrijding", "bestrijding"),
        ("handhavingsprioriteiten", "handhaving"),
        ("cameratoezicht", "toezicht"),
        ("jeugdparticipatie", "participatie"),
        ("ontmoetingsruimte", "ontmoeting"),
    ],
)
def test_match_finds_entry_inside_compound(match, word, entry):
    found = match(f"In de wijk is {word} belangrijk.")
    assert entries(found) == [entry]
    assert found[0][0] == word


def test_compound_counts_once(matcher):
    hits = matcher.match(annotate_text("De drugsbestrijding gaat door."))
    assert len(hits) == 1


def test_word_with_framing_letters_but_no_compound_is_not_matched(match):
    # "zorgvuldig" starts with "zorg" but "vuldig" is no word
    assert entries(match("Wij werken zorgvuldig.")) == []


# Rule 4: senses
def test_plan_van_aanpak_is_not_repressive(match):
    assert entries(match("Het plan van aanpak verschijnt in mei.")) == []
    assert entries(match("De aanpak van woninginbraak werkt.")) == ["aanpak"]


def test_transport_verbinding_is_excluded(match):
    assert entries(match("De fietsverbinding wordt verbreed.")) == []
    assert entries(match("Wij zoeken verbinding met bewoners.")) == ["verbinding"]


def test_zorgen_voor_in_sense_to_ensure_is_excluded(match):
    assert entries(match("De gemeente draagt zorg voor goede verlichting.")) == []


def test_handhaven_in_sense_to_keep_is_excluded(match):
    assert entries(match("We handhaven de bestaande subsidieregeling.")) == []
    assert entries(match("Boa's handhaven de regels in het park.")) == ["handhaven"]


# Rule 5: negation
@pytest.mark.parametrize(
    "sentence, entry",
    [
        ("Wij kiezen niet voor repressie.", "repressie"),
        ("Er komt geen gebiedsverbod.", "gebiedsverbod"),
        ("Dit gebeurt zonder cameratoezicht.", "toezicht"),
        ("Repressie is nooit de oplossing.", "repressie"),
    ],
)
def test_negated_expression_is_reported_negated(matcher, sentence, entry):
    hits = [h for h in matcher.match(annotate_text(sentence)) if h.entry == entry]
    assert len(hits) == 1 and hits[0].negated
    assert hits[0].negator is not None


def test_negation_stays_in_its_clause(match):
    found = match("Wij kiezen niet voor repressie, maar wij investeren in vertrouwen.")
    assert ("repressie", "repressie", True) in found
    assert ("vertrouwen", "vertrouwen", False) in found


def test_an_infinitive_after_het_is_a_noun_for_negation(match):
    # "het aanpakken van overlast" is a noun phrase: "is niet nieuw" denies the
    # newness, as it does after "de aanpak"; a judging predicate still denies it
    found = match("Het aanpakken van overlast door jongeren is niet nieuw.")
    assert ("aanpakken", "aanpakken", False) in found
    found = match("Het bestrijden van criminaliteit werkt niet.")
    assert ("bestrijden", "bestrijden", True) in found


def test_niet_alleen_maar_ook_is_not_negation(match):
    found = match("Niet alleen handhaving, maar ook preventie is nodig.")
    assert ("handhaving", "handhaving", False) in found
    assert ("preventie", "preventie", False) in found


# Overlaps: the longest match wins
def test_longest_match_wins_preventief_fouilleren(match):
    assert entries(match("Preventief fouilleren wordt ingezet.")) == ["preventief-fouilleren"]


def test_multiword_expression_on_lemmas(match):
    assert entries(match("De sociale cohesie in de buurt is sterk.")) == ["sociale-cohesie"]
    assert entries(match("De strijd tegen ondermijning gaat door.")) == ["strijd-tegen"]


def test_offsets_always_match_text(matcher):
    text = (
        "Wij pakken, samen met de politie, de overlast niet aan; de drugsbestrijding en het "
        "cameratoezicht blijven, maar we werken samen aan vertrouwen."
    )
    for h in matcher.match(annotate_text(text)):
        assert h.sentence[h.start : h.end] == h.text
        assert all(h.sentence[s:e].strip() for s, e in h.parts)


def test_wildcard_pattern_entries():
    lex = parse_lexicon(
        """
name: wild
version: "1"
categories: [{id: rep, label: R}]
entries:
  - {id: bestrijd, category: rep, pattern: "bestrijd*"}
  - {id: zero, category: rep, pattern: "zero toleran*"}
""",
        "wild.yaml",
    )
    m = Matcher([lex])
    hits = m.match(annotate_text("Wij bestrijden overlast met zero tolerance."))
    assert [(h.entry, h.text) for h in hits] == [
        ("bestrijd", "bestrijden"),
        ("zero", "zero tolerance"),
    ]


def test_a_case_sensitive_pattern_finds_the_abbreviation_not_the_word():
    lex = parse_lexicon(
        """
name: abbr
version: "1"
categories: [{id: chain, label: C}]
entries:
  - {id: om, category: chain, pattern: OM, case_sensitive: true}
""",
        "abbr.yaml",
    )
    m = Matcher([lex])

    def found(text: str) -> list[str]:
        return [h.text for s in annotate_text(text) for h in m.match_sentence(s)]

    assert found("De politie en het OM werken samen.") == ["OM"]
    assert found("Wij doen dit om de wijk veilig te houden.") == []
    assert found("Om negen uur sluit het terras.") == []
    assert found("EEN LAND OM IN TE WONEN") == []  # a heading in capitals


def test_case_sensitive_applies_to_patterns_only():
    with pytest.raises(LexiconError, match="case_sensitive"):
        parse_lexicon(
            """
name: abbr
version: "1"
categories: [{id: chain, label: C}]
entries:
  - {id: om, category: chain, lemma: om, case_sensitive: true}
""",
            "abbr.yaml",
        )


@pytest.mark.parametrize("with_leading_wildcard", [False, True])
def test_patterns_are_found_next_to_other_lexicons_and_leading_wildcards(with_leading_wildcard):
    extra = '  - {id: anyhandhaving, category: rep, pattern: "*handhaving"}\n'
    lex = parse_lexicon(
        f"""
name: wild
version: "1"
categories: [{{id: rep, label: R}}]
entries:
  - {{id: drugspand, category: rep, pattern: "drugspand*"}}
  - {{id: sluiten, category: rep, lemma: sluiten}}
{extra if with_leading_wildcard else ""}""",
        "wild.yaml",
    )
    other = parse_lexicon(
        """
name: other
version: "1"
categories: [{id: x, label: X}]
entries:
  - {id: politie, category: x, lemma: politie}
""",
        "other.yaml",
    )
    text = "De politie sloot drie drugspanden na verkeershandhaving."
    hits = [(h.lexicon, h.entry, h.text) for h in Matcher([other, lex]).match(annotate_text(text))]
    expected = [
        ("other", "politie", "politie"),
        ("wild", "sluiten", "sloot"),
        ("wild", "drugspand", "drugspanden"),
    ]
    if with_leading_wildcard:
        expected.append(("wild", "anyhandhaving", "verkeershandhaving"))
    assert hits == expected


def test_each_lexicon_counts_its_own_overlaps(test_lexicon):
    other = parse_lexicon(
        """
name: themes-test
version: "1"
type: themes
categories: [{id: drugs, label: Drugs}]
entries:
  - {id: drugs, category: drugs, lemma: drugs, compound: modifier}
""",
        "themes-test.yaml",
    )
    m = Matcher([test_lexicon, other])
    hits = m.match(annotate_text("De drugsbestrijding gaat door."))
    assert sorted((h.lexicon, h.entry) for h in hits) == [
        ("testframing", "bestrijding"),
        ("themes-test", "drugs"),
    ]


@pytest.mark.parametrize(
    "sentence, entry, parts",
    [
        ("Om jongeren perspectief te bieden, zetten we in op werk.", "perspectief-bieden", 2),
        ("Wij bieden jongeren een nieuw perspectief.", "perspectief-bieden", 2),
        ("De gemeente biedt perspectief.", "perspectief-bieden", 1),
        ("De burgemeester roept de intimidatie een halt toe.", "halt-toeroepen", 2),
    ],
)
def test_expression_ending_in_a_verb_matches_with_the_verb_moved(matcher, sentence, entry, parts):
    hits = [h for h in matcher.match(annotate_text(sentence)) if h.entry == entry]
    assert len(hits) == 1
    h = hits[0]
    assert h.sentence[h.start : h.end] == h.text
    assert len(h.parts) == parts


def test_verb_of_an_expression_must_stand_in_the_same_clause(match):
    found = match("Wij geven perspectief, en de buurt biedt ruimte.")
    assert "perspectief-bieden" not in entries(found)


# Negation applies to framing (and custom) lexicons; a theme, actor, field or
# perception named under a negation is still named.
def _lexicon(kind: str, negation: str = "") -> str:
    return f"""
name: neg-{kind}
version: "1"
type: {kind}
{negation}
categories: [{{id: c, label: C}}]
entries:
  - {{id: uitgaansgeweld, category: c, lemma: uitgaansgeweld}}
  - {{id: repressie, category: c, lemma: repressie}}
"""


@pytest.mark.parametrize(
    "kind, negation, negated",
    [
        ("framing", "", True),
        ("custom", "", True),
        ("themes", "", False),
        ("actors", "", False),
        ("themes", "negation: true", True),
        ("framing", "negation: false", False),
    ],
)
def test_negation_applies_by_lexicon_type_unless_the_lexicon_says(kind, negation, negated):
    lx = parse_lexicon(_lexicon(kind, negation), "neg.yaml")
    hits = [
        h
        for text in ("Er is geen sprake van uitgaansgeweld.", "Wij kiezen niet voor repressie.")
        for s in annotate_text(text)
        for h in Matcher([lx]).match_sentence(s)
    ]
    assert [h.entry for h in hits] == ["uitgaansgeweld", "repressie"]
    assert [h.negated for h in hits] == [negated, negated]
    assert all((h.negator is not None) == negated for h in hits)


def test_bundled_lexicons_apply_negation_to_framing_only():
    from textscan.lexicon import load_lexicons

    assert {lx.name: lx.negation for lx in load_lexicons()} == {
        "framing": True,
        "actors": False,
        "themes": False,
        "domains": False,
        "perception": False,
    }


@pytest.mark.parametrize(
    "text, entry",
    [
        ("De georganiseerde criminaliteit zoekt de kleinere gemeenten op.", "georganiseerd"),
        ("Ondermijnende criminaliteit raakt de hele wijk.", "ondermijnend"),
        ("Het gaat om personen met verward gedrag.", "verward-gedrag"),
        ("Verwarde personen krijgen sneller zorg.", "verward"),
    ],
)
def test_participle_before_a_noun_matches_in_its_inflected_form(text, entry):
    lx = parse_lexicon(
        """
name: participles
version: "1"
type: themes
categories: [{id: t, label: T}]
entries:
  - {id: georganiseerd, category: t, lemma: georganiseerd criminaliteit}
  - {id: ondermijnend, category: t, lemma: ondermijnend criminaliteit}
  - {id: verward, category: t, lemma: verward persoon}
  - {id: verward-gedrag, category: t, lemma: verward gedrag}
""",
        "participles.yaml",
    )
    found = [h.entry for s in annotate_text(text) for h in Matcher([lx]).match_sentence(s)]
    assert found == [entry]


@pytest.mark.parametrize(
    "text, entry, negated",
    [
        # a negator in another conjunct does not reach the expression
        ("Jongeren krijgen hulp en worden niet onnodig opgepakt.", "hulp", False),
        ("Zij kiezen voor repressie en niet voor hulp.", "repressie", False),
        ("Zij kiezen voor repressie en niet voor hulp.", "hulp", True),
        ("We werken niet met boetes maar met bemiddeling en hulp.", "hulp", False),
        # "geen" denies what follows it, also the noun of a moved verb expression
        ("De wijkagent houdt geen toezicht meer op de hangplek.", "toezicht-houden", True),
        # "zonder dat" denies its whole clause
        ("Zonder dat de politie hoeft in te grijpen, lossen buren het op.", "ingrijpen", True),
        # "niet genoeg" qualifies an amount
        ("Repressie alleen is niet genoeg.", "repressie", False),
        ("Repressie is niet nodig.", "repressie", True),
        # a noun before the finite verb is the clause's first constituent: "niet"
        # after the verb denies the rest, unless the predicate judges the noun
        ("Hulp mag hierbij niet vergeten worden.", "hulp", False),
        ("De hulp is vaak niet adequaat.", "hulp", False),
        ("Repressie werkt niet.", "repressie", True),
        ("Repressie is niet de oplossing.", "repressie", True),
        ("Hulp wordt op veel scholen niet gegeven.", "hulp", True),
        ("Ingrijpen doen we niet.", "ingrijpen", True),
        # a noun before the negator, after the verb, stands outside its scope ...
        ("Scholen mogen de kwaliteit van de hulp niet laten verslechteren.", "hulp", False),
        ("Wij vinden dat hulp niet altijd snel kan worden geregeld.", "hulp", False),
        # ... unless the verb takes a stance on it or the predicate judges it
        ("Wij steunen repressie niet.", "repressie", True),
        ("Gemeenten die de hulp niet erkennen, krijgen een gesprek.", "hulp", True),
        ("De wijk vindt dat repressie niet heeft geleid tot minder overlast.", "repressie", True),
        ("Marktwerking in de hulp heeft niet geleid tot betere zorg.", "hulp", False),
        # a negated verb that would harm the noun after it leaves the noun standing
        ("Het college bezuinigt niet op de hulp aan gezinnen.", "hulp", False),
        ("Marktwerking hoort niet thuis in de hulp.", "hulp", False),
        ("Het college investeert niet in hulp.", "hulp", True),
        # "niet" in the main clause does not reach a "dat" clause (rule 5: own
        # clause); "niet voor iedereen" is no denial
        ("Wij geloven niet dat repressie hier iets oplost.", "repressie", False),
        ("Hulp werkt niet voor iedereen.", "hulp", False),
        # a split judging verb, and "geen" before a judging noun, deny the noun before
        ("Repressie zetten we in deze wijk niet in.", "repressie", True),
        ("Repressie is voor ons geen optie.", "repressie", True),
        # a modal is no stance ("niet beschamen" spares); "niet verlengen" denies
        ("Wij willen de hulp aan gezinnen niet afbouwen.", "hulp", False),
        ("Het college besluit de repressie niet te verlengen.", "repressie", True),
        # a denied verb that denies its te-infinitive affirms it; "besluiten" does not deny
        ("Wij vergeten niet de gezinnen hulp te bieden.", "hulp", False),
        ("Wij laten niet na repressie in te zetten.", "repressie", False),
        ("Het college weigert nooit hulp te bieden.", "hulp", False),
        ("Wij hebben niet besloten repressie in te zetten.", "repressie", True),
        ("Wij weigeren hulp te bieden.", "hulp", False),
        # "geen aanleiding / niet nodig om ... te" denies the measure the om-clause
        # proposes, unless that clause ends it; "niet de taak ... om" does not deny
        ("Wij zien geen aanleiding om in deze wijk repressie in te zetten.", "repressie", True),
        ("Het is niet nodig om hier repressie in te zetten.", "repressie", True),
        ("Er is geen reden meer om de hulp te beëindigen.", "hulp", False),
        ("Het is niet de taak van de school om repressie toe te passen.", "repressie", False),
        # words mentioned as words are no framing (they are named, not used): see
        # test_words_mentioned_as_words_are_not_counted
        # "niet te" before a non-infinitive or attributive: only that word is denied
        ("Scholen spelen een niet te onderschatten rol in de hulp aan gezinnen.", "hulp", False),
        ("De campagne Niet te koop biedt ouders hulp.", "hulp", False),
        ("Wij besluiten de jongeren niet te helpen met repressie.", "repressie", True),
        # "geen X ... in de Y": the X is denied, the setting Y not; "bij" keeps the act denied
        ("Bewoners hebben geen vertrouwen meer in de repressie.", "repressie", False),
        ("Het jeugdwerk heeft nog geen rol bij de hulp.", "hulp", True),
        # "niet meteen" denies ("daar hoeft niet meteen het strafrecht aan te pas te komen")
        ("Daar hoeft niet meteen repressie aan te pas te komen.", "repressie", True),
        # quotation marks mark a term inside its clause; "al dan niet" is "whether or not"
        ("Er komt geen ‘repressie’ in deze wijk.", "repressie", True),
        ("Er komt geen “repressie” in deze wijk.", "repressie", True),
        ("Wij bieden, al dan niet samen met de buurt, hulp aan gezinnen.", "hulp", False),
        # "zonder uitzondering" stresses, it does not deny
        ("Drugspanden worden zonder uitzondering met repressie aangepakt.", "repressie", False),
        # a "zonder" phrase ends before the verb that is the match
        ("Gezinnen worden zonder wachtlijst met hulp ondersteund.", "hulp", False),
        # "zonder" denies its phrase only, which ends at a verb in any form
        ("Jongeren zonder diploma krijgen hulp bij het zoeken naar werk.", "hulp", False),
        # "niet X maar Y" denies the contrasted phrase only
        ("Niet de politie maar de buurtcoach biedt hier de eerste hulp.", "hulp", False),
        ("Wij kiezen niet de weg van repressie maar die van hulp.", "repressie", True),
        ("De wijkagent biedt de jongeren geen hulp.", "hulp", True),
        # two negations affirm; "niet langer alleen ..., maar ook" is no negation
        ("Een veilige wijk komt er niet zonder hulp.", "hulp", False),
        ("We kiezen niet langer alleen voor repressie, maar ook voor hulp.", "repressie", False),
        # "en"/"of" between two noun phrases keeps them under one negator; a verb,
        # a negator right after the coordinator, or a nearer negator parts them
        ("Wij kiezen niet voor een boete of voor repressie.", "repressie", True),
        ("Wij zetten geen boetes of repressie in.", "repressie", True),
        ("Repressie en cameratoezicht zetten wij niet in.", "repressie", True),
        ("Wij geven hulp naar behoefte en niet per aanvraag.", "hulp", False),
        ("Er komt geen boete zonder strenge toets en hulp.", "hulp", False),
        ("Wij zijn niet streng en kiezen voor hulp.", "hulp", False),
        # "zich niet beperken tot" is "not only"; "niet aan de orde" judges
        ("Dat beperkt zich niet tot de lessen en de hulp op school.", "hulp", False),
        ("Repressie is niet aan de orde, wel een gesprek.", "repressie", True),
        # a judging predicate across an adverbial phrase
        ("Repressie werkt op de lange termijn niet.", "repressie", True),
        ("Hulp komt in deze wijk niet van de grond.", "hulp", True),
        # a complete subordinate clause put first ends at the main clause's verb
        ("Jongeren die niet meedoen aan het project wordt hulp geboden.", "hulp", False),
        ("Wij zien dat hulp niet kan worden gegeven.", "hulp", True),
        # an indirect question is a clause of its own
        ("Wij zien niet in waarom repressie hier nodig is.", "repressie", False),
        # "niet" before a contrasted phrase denies that phrase only
        ("Hulp bieden we niet met een folder, maar met een gesprek.", "hulp", False),
        ("We werken niet met repressie, maar met hulp.", "repressie", True),
        # a comma-separated list under one negator; a contrast or a new clause ends it
        ("Wij zetten geen boetes, repressie of toezicht in.", "repressie", True),
        ("Er komt geen boete, wel meer hulp en repressie.", "repressie", False),
        ("Er komt geen boete, hulp en repressie blijven.", "repressie", False),
        # "X alleen ... niet" is "not only"; "het ontbreekt niet aan" affirms
        ("Repressie alleen is niet de oplossing.", "repressie", False),
        ("Het ontbreekt niet aan hulp voor gezinnen.", "hulp", False),
        # existence denied; a fronted object of a support verb; a setting is no object
        ("Van hulp is in deze wijk nooit sprake geweest.", "hulp", True),
        ("Hulp op scholen verzorgen de wijkagenten dit jaar niet.", "hulp", True),
        ("Bij de repressie van overlast zetten we geen extra boa's in.", "repressie", False),
        # "niet in alle", like "niet voor iedereen", limits the scope, it does not deny
        ("Niet in alle wijken is repressie nodig.", "repressie", False),
        # a negator stressed with accents is a negator
        ("Wij kiezen níet voor repressie.", "repressie", True),
        ("Er komt géén repressie.", "repressie", True),
    ],
)
def test_negation_scope(text, entry, negated):
    lx = parse_lexicon(
        """
name: scope
version: "1"
type: framing
categories: [{id: r, label: R, pole: -1}, {id: p, label: P, pole: 1}]
entries:
  - {id: repressie, category: r, lemma: repressie}
  - {id: ingrijpen, category: r, lemma: ingrijpen, particle: in}
  - {id: toezicht-houden, category: r, lemma: toezicht houden}
  - {id: hulp, category: p, lemma: hulp}
""",
        "scope.yaml",
    )
    found = {
        h.entry: h.negated for s in annotate_text(text) for h in Matcher([lx]).match_sentence(s)
    }
    assert found[entry] is negated, found


@pytest.fixture(scope="module")
def default_matcher():
    from textscan.lexicon import load_lexicons

    return Matcher(load_lexicons())


@pytest.mark.parametrize(
    "text, word, entry, found",
    [
        # derived words are not compounds of a particle or prefix and an entry
        ("De wethouders en aandeelhouders vergaderen.", "wethouders", "ouder", False),
        ("De wethouders en aandeelhouders vergaderen.", "aandeelhouders", "ouder", False),
        ("Statushouders krijgen een woning.", "Statushouders", "ouder", False),
        ("De aansluiting op het openbaar vervoer is goed.", "aansluiting", "sluiting", False),
        ("De uitsluiting van kandidaten volgt later.", "uitsluiting", "sluiting", False),
        ("Ondernemerschap wordt gestimuleerd.", "Ondernemerschap", "ondernemer", False),
        # real compounds still count
        ("Grootouders passen vaak op.", "Grootouders", "ouder", True),
        ("De drugsbestrijding krijgt voorrang.", "drugsbestrijding", "bestrijding", True),
        ("Het wegverkeer neemt toe.", "wegverkeer", "verkeer", True),
        # hyphenated words whose lemma is written closed keep their parts
        ("Via e-participatie denken bewoners mee.", "e-participatie", "participatie", True),
        ("De mkb-ondernemers doen mee.", "mkb-ondernemers", "ondernemer", True),
        ("Er komt meer ggz-zorg in de wijk.", "ggz-zorg", "zorg", True),
    ],
)
def test_compound_parts_must_be_words_not_affixes(default_matcher, text, word, entry, found):
    hits = {
        (h.text, h.entry) for s in annotate_text(text) for h in default_matcher.match_sentence(s)
    }
    assert ((word, entry) in hits) is found, hits


def test_an_exclusion_is_lifted_by_the_word_before_the_match():
    lx = parse_lexicon(
        """
name: unless
version: "1"
type: framing
categories: [{id: p, label: P, pole: 1}]
entries:
  - id: zorg
    category: p
    lemma: zorg
    exclude:
      - {followed_by: [voor], unless_preceded_by: [de, passende]}
""",
        "unless.yaml",
    )
    m = Matcher([lx])

    def found(text: str) -> bool:
        return any(m.match_sentence(s) for s in annotate_text(text))

    assert not found("Zorg voor een veilige wijk.")
    assert found("De zorg voor ouderen verbetert.")
    assert found("Wij bieden passende zorg voor iedereen.")


@pytest.mark.parametrize(
    "text, entry, found",
    [
        # a particle before "te" + an infinitive belongs to that verb
        ("We gaan de plannen op deze manier tegen te houden.", "tegengaan", False),
        ("We gaan de uitbuiting van werknemers tegen.", "tegengaan", True),
        # a particle followed by "elkaar" is a preposition
        ("De partners sluiten hun plannen op elkaar aan.", "opsluiten", False),
        ("De politie sluit de verdachte op.", "opsluiten", True),
        # a bracketed insertion does not end the clause of the verb around it
        ("We pakken (in Europees verband) de marktmacht aan.", "aanpakken", True),
        ("We pakken de overlast aan (zie bijlage 2).", "aanpakken", True),
        # an apostrophe inside a word is no clause boundary
        ("We pakken de overlast van scooter’s en auto’s aan.", "aanpakken", True),
        # the particle inside the brackets belongs to another clause
        ("We pakken de zaak (waar de raad aan werkt) later op.", "aanpakken", False),
        # "als" before a noun phrase opens no clause; before a subject or a verb it does
        ("Wij pakken als gemeente de overlast samen met bewoners aan.", "aanpakken", True),
        ("We pakken de zaak op als er iets aan de hand is.", "aanpakken", False),
        # after a comma and before a word it opens a phrase; at the end it is the particle
        ("Wij richten ons op de wijk, in nauwe samenwerking met de buurt.", "inrichten", False),
        ("We pakken de overlast, samen met de buurt, op.", "oppakken", True),
    ],
)
def test_particles_that_belong_elsewhere_are_not_the_verbs(text, entry, found):
    lx = parse_lexicon(
        """
name: particles
version: "1"
type: framing
categories: [{id: r, label: R, pole: -1}]
entries:
  - {id: tegengaan, category: r, lemma: tegengaan, particle: tegen}
  - {id: opsluiten, category: r, lemma: opsluiten, particle: op}
  - {id: aanpakken, category: r, lemma: aanpakken, particle: aan}
  - {id: oppakken, category: r, lemma: oppakken, particle: op}
  - {id: inrichten, category: r, lemma: inrichten, particle: in}
""",
        "particles.yaml",
    )
    hits = [h.entry for s in annotate_text(text) for h in Matcher([lx]).match_sentence(s)]
    assert (entry in hits) is found, hits


def test_an_entry_with_require_counts_only_in_its_context():
    lx = parse_lexicon(
        """
name: req
version: "1"
type: themes
categories: [{id: youth, label: Y}, {id: res, label: R}]
entries:
  - id: jongere-probleem
    category: youth
    lemma: jongere
    require:
      - {context: [overlast, alcohol], window: 6}
  - {id: jongere, category: res, lemma: jongere}
""",
        "req.yaml",
    )
    m = Matcher([lx])

    def entries(text: str) -> list[str]:
        return [h.entry for s in annotate_text(text) for h in m.match_sentence(s)]

    assert entries("Jongeren die overlast veroorzaken, spreken we aan.") == ["jongere-probleem"]
    # without the context the word is free for the lexicon's other entry
    assert entries("Jongeren spelen voetbal in het park.") == ["jongere"]


def test_require_conditions_are_validated_like_exclusions():
    from textscan.errors import LexiconError

    with pytest.raises(LexiconError, match="require"):
        parse_lexicon(
            """
name: req
version: "1"
categories: [{id: c, label: C}]
entries:
  - {id: a, category: c, lemma: jongere, require: [{window: 3}]}
""",
            "req.yaml",
        )


def test_signals_recognised_count_once():
    """'signalen herkennen' is one expression (codebook: unit of counting), not two."""
    from textscan.lexicon import load_lexicons

    matcher = Matcher(load_lexicons(["framing"], replace=True))
    for text in (
        "Wij leren de wijkteams de signalen van uitbuiting te herkennen.",
        "Leerkrachten zijn getraind om signalen van radicalisering vroeg te signaleren.",
        "Professionals zijn alert op signalen van uitbuiting.",
    ):
        hits = [h for s in annotate_text(text) for h in matcher.match_sentence(s)]
        assert [h.category for h in hits] == ["preventive"], (text, [h.text for h in hits])


def test_words_mentioned_as_words_are_not_counted(match):
    """ "woorden als repressie en handhaving" talks about the words (codebook rule 4)."""
    assert match("In het oude plan stonden woorden als repressie en handhaving centraal.") == []
    assert match("Wij vermijden termen als ‘repressie’.") == []
    # the list ends the mention: a use after it counts
    found = match("Woorden als repressie zijn oud, maar wij bouwen aan vertrouwen.")
    assert [(text, entry) for text, entry, _ in found] == [("vertrouwen", "vertrouwen")]


def test_matchers_over_shared_lexicons_in_one_process_do_not_disturb_each_other():
    """A lexicon's tables are built once per process and shared between matchers.

    A notebook re-profiles with one lexicon added or edited; every matcher must
    still find exactly what a matcher of its own lexicons finds, in its order.
    """
    from textscan.lexicon import load_lexicon

    text = (
        "De politie pakt de overlast aan. Wij zetten in op vertrouwen en preventie, "
        "samen met scholen en de woningcorporatie."
    )
    sents = annotate_text(text)
    framing, actors = load_lexicon("framing"), load_lexicon("actors")
    both = Matcher([framing, actors])
    first = both.match(sents)
    # actors first in a second matcher (another place in it); the first one is used after
    alone = Matcher([actors]).match(sents)
    again = both.match(sents)
    assert Matcher([load_lexicon("framing"), load_lexicon("actors")]).match(sents) == first
    assert [h.entry for h in again] == [h.entry for h in first]
    assert [h.entry for h in alone] == [h.entry for h in first if h.lexicon == "actors"]
    assert {"aanpakken", "vertrouwen", "politie", "school"} <= {h.entry for h in first}
    # an edited lexicon (other text) gets tables of its own
    edited = parse_lexicon(
        """
name: framing
version: "9.0.0"
categories: [{id: positive, label: P}]
entries:
  - {id: overlast, category: positive, lemma: overlast}
""",
        "edited.yaml",
    )
    hits = Matcher([edited]).match(sents)
    assert [(h.entry, h.category) for h in hits] == [("overlast", "positive")]


def test_matching_lexicons_one_at_a_time_gives_the_hits_of_one_call():
    # a re-profile matches only an edited lexicon and takes the others' hits from
    # the cache: that is right only if 'only' changes nothing but the selection
    from pathlib import Path

    from textscan.lexicon import load_lexicons
    from textscan.match import merge_hits

    src = Path(__file__).resolve().parents[1] / "corpus" / "src"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(src.glob("*.md"))[:2])
    sentences = annotate_text(text)
    lexicons = load_lexicons()
    together = Matcher(lexicons).match(sentences, "plan")
    matcher = Matcher(lexicons)
    # one matcher, called in turn (its word memo is kept per selection)
    apart = [matcher.match(sentences, "plan", only={lx.name}) for lx in lexicons]
    assert {len(a) > 0 for a in apart} == {True}
    assert merge_hits(sentences, *apart) == together
    two = matcher.match(sentences, "plan", only={"framing", "actors"})
    assert two == [h for h in together if h.lexicon in {"framing", "actors"}]
    assert matcher.match(sentences, "plan") == together


def test_matching_only_the_sentences_to_match_gives_every_hit(test_lexicon_path):
    # a re-profile reads the cached annotation as columns and builds the tokens of
    # only the sentences a lexicon can match: it must find every hit all the same
    from pathlib import Path

    from textscan.cache import SentenceColumns, sentences_to_blob
    from textscan.lexicon import load_lexicon, load_lexicons

    src = Path(__file__).resolve().parents[1] / "corpus" / "src"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(src.glob("*.md")))
    sentences = annotate_text(text)
    columns = SentenceColumns.from_blob(sentences_to_blob(sentences))
    assert columns.sentences() == sentences
    lexicons = [*load_lexicons(), load_lexicon(test_lexicon_path)]
    matcher = Matcher(lexicons)
    for only in [None, *({lx.name} for lx in lexicons), {"framing", "actors"}]:
        picked = matcher.sentences_to_match(
            columns.lemmas, columns.texts, columns.is_word, columns.bounds, only=only
        )
        assert picked == sorted(set(picked))
        chosen = columns.sentences(picked)
        assert chosen == [sentences[k] for k in picked]
        assert Matcher(lexicons).match(chosen, "plan", only=only) == matcher.match(
            sentences, "plan", only=only
        ), only
        if only is not None and len(only) == 1:
            assert len(picked) < len(sentences), only  # the others are never built
        # kept workers look at each distinct word once (WordVocabulary): the same sentences
        vocabulary = WordVocabulary.of(
            columns.lemmas, columns.texts, columns.is_word, columns.bounds
        )
        assert Matcher(lexicons).sentences_to_match_in(vocabulary, only=only) == picked, only
    # a sentence without tokens and a document without sentences
    empty = SentenceColumns([(0, "", None, None, 0, False, 0)], [[] for _ in range(7)])
    assert matcher.sentences_to_match([], [], [], empty.bounds) == []
    assert matcher.sentences_to_match([], [], [], [0]) == []
    for bounds in (empty.bounds, [0]):
        vocabulary = WordVocabulary.of([], [], [], bounds)
        assert matcher.sentences_to_match_in(vocabulary, only={"framing"}) == []
    # sentences without tokens between others keep their places
    words = [t for s in sentences[:3] for t in s.tokens]
    bounds = [0, 0, len(sentences[0].tokens), len(sentences[0].tokens)]
    bounds += [bounds[-1] + len(sentences[1].tokens), len(words), len(words)]
    lemmas, texts = [t.lemma for t in words], [t.text for t in words]
    is_word = [t.is_word for t in words]
    vocabulary = WordVocabulary.of(lemmas, texts, is_word, bounds)
    for only in [None, {"framing"}, {"actors"}]:
        expected = matcher.sentences_to_match(lemmas, texts, is_word, bounds, only=only)
        assert matcher.sentences_to_match_in(vocabulary, only=only) == expected, only


def test_words_classified_together_get_what_each_gets_alone(test_lexicon_path):
    # a kept worker's re-profile sorts a document's distinct words in one go (most
    # start no candidate); each must get the lexicons it gets when asked alone
    from pathlib import Path

    from textscan.lexicon import load_lexicon, load_lexicons

    src = Path(__file__).resolve().parents[1] / "corpus" / "src"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(src.glob("*.md")))
    keys = {(t.lemma, t.text) for s in annotate_text(text) for t in s.tokens if t.is_word}
    keys |= {
        ("drugs-overlast", "Drugs-overlast"),  # a hyphen: every lexicon
        ("jeugdzorgwerker", "jeugdzorgwerkers"),  # a compound of lexicon words
        ("woninginbraak", "Woninginbraken"),
        ("buurtpreventieteam", "buurtpreventieteam"),
        ("politie", "POLITIE"),  # found by its lowercase form
        ("x", "x"),
        ("a" * 70, "a" * 70),  # longer than any compound is split
    }
    ordered = sorted(keys)
    lexicons = [*load_lexicons(), load_lexicon(test_lexicon_path)]
    # glob patterns' beginnings are looked at too
    assert any(e.pattern for lx in lexicons for e in lx.entries)
    for only in [None, *({lx.name} for lx in lexicons)]:
        alone, together = Matcher(lexicons), Matcher(lexicons)
        selection = alone._selection(only)
        expected = {k: alone._word_positions(selection, *k) for k in ordered}
        assert sum(1 for v in expected.values() if v) > 20, only
        assert sum(1 for v in expected.values() if not v) > 200, only
        batch = together._selection(only)
        together._classify(batch, ordered)
        assert batch.memo == expected, only


def test_a_matcher_builds_the_tables_of_a_lexicon_when_it_first_matches_it(monkeypatch):
    # a re-profile that matches one edited lexicon should not build the others' tables
    import textscan.match as match_module
    from textscan.lexicon import load_lexicons

    built: list[str] = []
    real = Matcher._build
    monkeypatch.setattr(Matcher, "_build", lambda self, lx: built.append(lx.name) or real(self, lx))
    monkeypatch.setattr(match_module, "_INDEXES", {})
    lexicons = load_lexicons()
    matcher = Matcher(lexicons)
    assert built == []
    sentences = annotate_text("De wijkagent en de school pakken de overlast samen aan.")
    hits = matcher.match(sentences, only={"actors"})
    assert built == ["actors"]
    assert {h.entry for h in hits} == {"wijkagent", "school"}
    together = matcher.match(sentences)
    assert sorted(built) == sorted(lx.name for lx in lexicons)
    assert [h for h in together if h.lexicon == "actors"] == hits
    # prepare() builds every table at once (the parent before forking its workers)
    built.clear()
    Matcher(lexicons).prepare()
    assert built == []  # all kept from above in this process
    monkeypatch.setattr(match_module, "_INDEXES", {})
    Matcher(lexicons).prepare()
    assert sorted(built) == sorted(lx.name for lx in lexicons)


def _tables(matcher: Matcher) -> list[tuple]:
    """Each lexicon's look-up keys and the entries under them, in a comparable form."""
    out = []
    for idx in matcher._indexes:
        assert idx is not None
        out.append(
            (
                {k: [e.id for e in v] for k, v in idx.single.items()},
                {k: sorted((seq, e.id) for seq, e in v) for k, v in idx.multi.items()},
                {k: [e.id for e in v] for k, v in idx.separable.items()},
                {k: [e.id for e in v] for k, v in idx.parts.items()},
                sorted(sorted(v) for v in idx.phrases.values()),
            )
        )
    return out


def test_kept_term_variants_give_the_same_tables_without_analysing_a_term(
    tmp_path, monkeypatch
) -> None:
    # the bundled lexicons' terms are analysed once and kept on disk: a later
    # process builds the same tables from the file, with no term analysed again
    import textscan.match as match
    from textscan.lexicon import load_lexicons

    kept = tmp_path / "terms.marshal"
    monkeypatch.setattr(match, "_terms_path", lambda: kept)
    lexicons = load_lexicons()
    monkeypatch.setattr(match, "_TERMS", match._TermMemo())
    monkeypatch.setattr(match, "_INDEXES", {})
    first = Matcher(lexicons).prepare()
    assert kept.is_file() and len(match._TERMS.data) > 1000

    def refuse(text):
        raise AssertionError(f"analysed {text!r} again")

    monkeypatch.setattr(match, "_TERMS", match._TermMemo())  # a fresh process's memo
    monkeypatch.setattr(match, "_INDEXES", {})
    monkeypatch.setattr(match, "analyse_term", refuse)
    again = Matcher(lexicons, lemmatize=None)
    again._lemmatize = refuse
    again.prepare()
    assert _tables(again) == _tables(first)
    sentences = annotate_text("Wij pakken de jeugdoverlast samen met bewoners aan.")
    assert again.match(sentences) == first.match(sentences)


def test_an_unreadable_term_file_is_analysed_again_and_rewritten(tmp_path, monkeypatch) -> None:
    import marshal

    import textscan.match as match

    kept = tmp_path / "terms.marshal"
    kept.write_bytes(b"\x00 not marshal")
    monkeypatch.setattr(match, "_terms_path", lambda: kept)
    monkeypatch.setattr(match, "_TERMS", match._TermMemo())
    monkeypatch.setattr(match, "_INDEXES", {})
    lexicon = parse_lexicon(
        "name: t\nversion: '1'\ncategories:\n  - {id: a, label: A}\n"
        "entries:\n  - {id: wijkagent, category: a, lemma: wijkagenten}\n"
    )
    Matcher([lexicon]).prepare()
    stored = marshal.loads(kept.read_bytes())
    assert ("wijkagenten", False) in stored


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="aeklnst.-", min_size=1, max_size=5), min_size=1, max_size=12),
    st.text(alphabet="aeklnst.-", max_size=30),
)
def test_the_compound_parts_expression_finds_every_place_a_part_begins(words, text):
    # compounds are split only where this expression says a lexicon's part begins
    import re

    from textscan.match import _trie_pattern

    pattern = re.compile(f"(?=(?:{_trie_pattern(words)}))")
    found = {m.start() for m in pattern.finditer(text)}
    assert found == {i for i in range(len(text) + 1) if any(text.startswith(w, i) for w in words)}


@pytest.mark.parametrize(
    "sentence, actors",
    [
        (
            "Wij werken samen met het Openbaar Ministerie (OM) en de politie.",
            ["openbaar-ministerie", "politie"],
        ),
        ("Het OM (Openbaar Ministerie) vervolgt de daders.", ["om"]),
        ("De GGD (Gemeentelijke Gezondheidsdienst) geeft voorlichting.", ["ggd"]),
        # two actors, neither an abbreviation of the other: both named
        ("De politie (wijkagent) loopt door de wijk.", ["politie", "wijkagent"]),
        ("De politie en het OM werken samen.", ["politie", "om"]),
    ],
)
def test_an_abbreviation_in_brackets_names_the_actor_once(sentence, actors):
    from textscan.lexicon import load_lexicons

    matcher = Matcher(load_lexicons(["actors"], replace=True))
    hits = [h.entry for s in annotate_text(sentence) for h in matcher.match_sentence(s)]
    assert hits == actors
