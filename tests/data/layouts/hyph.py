"""Insert soft hyphens (U+00AD) into long Dutch words.

Chromium's `hyphens: auto` did not hyphenate Dutch in this headless build
(no hyphenation dictionary), so break opportunities are inserted explicitly.
A small lexicon gives the split points of compounds; other long words get a
simple syllable heuristic. Only the HTML gets soft hyphens; the truth keeps the
plain words."""
import re

SHY = "\u00ad"

LEXICON = {
    # compounds and frequent long words: '|' marks a break opportunity
    "veiligheidsplan": "vei|lig|heids|plan",
    "veiligheidsplannen": "vei|lig|heids|plan|nen",
    "veiligheidsbeleid": "vei|lig|heids|be|leid",
    "veiligheidsgevoel": "vei|lig|heids|ge|voel",
    "veiligheidsmonitor": "vei|lig|heids|mo|ni|tor",
    "veiligheidsregio": "vei|lig|heids|re|gio",
    "veiligheidsoverleg": "vei|lig|heids|over|leg",
    "woninginbraken": "wo|ning|in|bra|ken",
    "woninginbraak": "wo|ning|in|braak",
    "jeugdoverlast": "jeugd|over|last",
    "ondermijning": "on|der|mij|ning",
    "ondermijnende": "on|der|mij|nen|de",
    "gemeenteraad": "ge|meen|te|raad",
    "woningcorporaties": "wo|ning|cor|po|ra|ties",
    "woningcorporatie": "wo|ning|cor|po|ra|tie",
    "buurtpreventieteams": "buurt|pre|ven|tie|teams",
    "buurtpreventie": "buurt|pre|ven|tie",
    "jongerenwerkers": "jon|ge|ren|wer|kers",
    "jongerenwerk": "jon|ge|ren|werk",
    "kindermishandeling": "kin|der|mis|han|de|ling",
    "huiselijk": "hui|se|lijk",
    "criminaliteit": "cri|mi|na|li|teit",
    "samenwerking": "sa|men|wer|king",
    "samenwerkingspartners": "sa|men|wer|kings|part|ners",
    "ondernemers": "on|der|ne|mers",
    "ondernemersvereniging": "on|der|ne|mers|ver|eni|ging",
    "bedrijventerreinen": "be|drij|ven|ter|rei|nen",
    "informatievoorziening": "in|for|ma|tie|voor|zie|ning",
    "verantwoordelijk": "ver|ant|woor|de|lijk",
    "verantwoordelijkheid": "ver|ant|woor|de|lijk|heid",
    "voorlichtingsbijeenkomsten": "voor|lich|tings|bij|een|kom|sten",
    "voorlichting": "voor|lich|ting",
    "persoonsgerichte": "per|soons|ge|rich|te",
    "professionals": "pro|fes|sio|nals",
    "uitvoeringsprogramma": "uit|voe|rings|pro|gram|ma",
    "vergunningverlening": "ver|gun|ning|ver|le|ning",
    "handhaving": "hand|ha|ving",
    "vrijwilligers": "vrij|wil|li|gers",
    "meldingen": "mel|din|gen",
    "politiecijfers": "po|li|tie|cij|fers",
    "hennepkwekerijen": "hen|nep|kwe|ke|rij|en",
    "drugsgerelateerde": "drugs|ge|re|la|teer|de",
    "wijkagenten": "wijk|agen|ten",
    "preventiemaatregelen": "pre|ven|tie|maat|re|ge|len",
    "weerbaarheid": "weer|baar|heid",
    "bewustwording": "be|wust|wor|ding",
    "ontwikkelingen": "ont|wik|ke|lin|gen",
    "doelstellingen": "doel|stel|lin|gen",
    "burgemeester": "bur|ge|mees|ter",
    "basisscholen": "ba|sis|scho|len",
    "ouderenmishandeling": "ou|de|ren|mis|han|de|ling",
    "slachtoffers": "slacht|of|fers",
    "slachtoffer": "slacht|of|fer",
    "onveiligheid": "on|vei|lig|heid",
    "onveilig": "on|vei|lig",
    "inwonerspanel": "in|wo|ners|pa|nel",
    "tegelijkertijd": "te|ge|lij|ker|tijd",
    "uitgangspunten": "uit|gangs|pun|ten",
    "signalering": "sig|na|le|ring",
    "investeren": "in|ves|te|ren",
    "geregistreerde": "ge|re|gi|streer|de",
    "geregistreerd": "ge|re|gi|streerd",
    "cybercriminaliteit": "cy|ber|cri|mi|na|li|teit",
    "gedigitaliseerde": "ge|di|gi|ta|li|seer|de",
    "rapportage": "rap|por|ta|ge",
    "evaluatie": "eva|lu|a|tie",
    "leefbaarheid": "leef|baar|heid",
}

VOWELS = "aeiouyéëïöüáàèê"
ONSETS3 = ("schr", "sch", "str", "spr", "spl", "tr", "pr", "kr", "gr", "br", "dr", "fr", "bl", "pl", "kl", "gl", "fl")
KEEP2 = ("ch",)


def _heuristic(word):
    w = word.lower()
    # mark vowel positions; treat 'ij' as a vowel unit
    isv = [c in VOWELS for c in w]
    for k in range(len(w) - 1):
        if w[k] == "i" and w[k + 1] == "j":
            isv[k + 1] = True
    groups = []  # (start, end) of vowel runs
    k = 0
    while k < len(w):
        if isv[k]:
            s = k
            while k < len(w) and isv[k]:
                k += 1
            groups.append((s, k))
        else:
            k += 1
    cuts = []
    for (s1, e1), (s2, e2) in zip(groups, groups[1:]):
        cl = w[e1:s2]
        if not cl or not cl.isalpha():
            continue
        if len(cl) == 1:
            cut = e1
        elif len(cl) == 2:
            if cl in KEEP2:
                cut = e1
            elif cl == "ng":
                continue  # 'ng' + vowel is ambiguous in compounds: no break
            else:
                cut = e1 + 1
        else:
            cut = s2 - 1
            for on in ONSETS3:
                if cl.endswith(on) and len(cl) > len(on):
                    cut = s2 - len(on)
                    break
            else:
                if cl.endswith("ch"):
                    cut = s2 - 2
        if 2 <= cut <= len(w) - 3:
            cuts.append(cut)
    out = word
    for c in reversed(cuts):
        out = out[:c] + SHY + out[c:]
    return out


def hyph_word(word):
    low = word.lower()
    if low in LEXICON:
        pattern = LEXICON[low]
        assert pattern.replace("|", "") == low, pattern
        res, k = [], 0
        for part in pattern.split("|"):
            res.append(word[k:k + len(part)])
            k += len(part)
        return SHY.join(res)
    if len(word) >= 9 and word.isalpha() and not word.isupper():
        return _heuristic(word)
    return word


def hyphenate(text):
    return re.sub(r"[^\W\d_]+", lambda m: hyph_word(m.group(0)), text)


if __name__ == "__main__":
    for w in ["veiligheidsplan", "verschillende", "ontmanteld", "gemeentelijke", "kwetsbaarheid",
              "preventieactiviteiten", "opgevolgd", "aangiften", "criminelen", "winkelcentrum"]:
        print(hyph_word(w).replace(SHY, "-"))
