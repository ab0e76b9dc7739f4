"""l04 – cover page (title, subtitle, logo-like text, date), table of contents
with dotted leaders and page numbers, then chapters. Headings are coloured and
bold but the same size as body text. Running footer: page number only."""
from common import OUT, Truth, esc, render, verify

NAME = "l04"
FOOTER = "{page}"

COVER = {
    "logo_mark": "OW",
    "logo_text": "gemeente Oosterwijde",
    "title": "Integraal Veiligheidsplan 2025–2028",
    "subtitle": "Samen werken aan een veilig en weerbaar Oosterwijde",
    "date": "Vastgesteld door de gemeenteraad op 12 december 2024",
}

# content pages (page 3 onwards): ("h1"|"h2"|"p", text)
CONTENT = [
    [
        ("h1", "1 Inleiding"),
        ("p", "Oosterwijde is een plattelandsgemeente met 27.500 inwoners, verspreid over de hoofdkern Oosterwijde en zeven kleinere dorpen. Inwoners waarderen de rust, de ruimte en de sterke sociale samenhang. Toch is ook Oosterwijde niet immuun voor de veiligheidsproblemen die elders spelen. Drugscriminaliteit zoekt juist het stille platteland op, en online oplichting kent geen gemeentegrenzen."),
        ("h2", "1.1 Aanleiding en doel"),
        ("p", "Dit veiligheidsplan volgt het plan voor de periode 2020–2024 op. Het doel is om voor de komende vier jaar vast te leggen welke veiligheidsthema’s voorrang krijgen, welke resultaten we willen bereiken en wie daarvoor verantwoordelijk is. Het plan is bedoeld voor de gemeenteraad, voor de partners met wie we samenwerken en voor inwoners die willen weten wat de gemeente doet aan veiligheid."),
        ("p", "Het plan is bewust compact gehouden. De concrete acties werken we elk jaar uit in een uitvoeringsprogramma, zodat we kunnen inspelen op nieuwe ontwikkelingen zonder het hele plan te hoeven herschrijven."),
        ("h2", "1.2 Totstandkoming"),
        ("p", "In de zomer van 2024 hebben we in alle dorpen een veiligheidstafel georganiseerd. Ruim 260 inwoners, ondernemers en verenigingen gaven daar aan wat hen bezighoudt. Daarnaast is het plan besproken met de politie, het Openbaar Ministerie, de brandweer, Veilig Thuis, het sociaal team en de woningcorporatie. Met de buurgemeenten Westerbroek en Hoogeloo is afgestemd over thema’s die over de grens heen gaan, zoals ondermijning in het buitengebied."),
        ("h1", "2 Veiligheidsbeeld"),
        ("p", "Oosterwijde is een relatief veilige gemeente. Het aantal geregistreerde misdrijven ligt met 31 per duizend inwoners ruim onder het landelijk gemiddelde. Toch zijn er ontwikkelingen die om aandacht vragen."),
    ],
    [
        ("h2", "2.1 Cijfers"),
        ("p", "De politie registreerde in 2023 in totaal 853 misdrijven. Het aantal woninginbraken daalde van 74 in 2020 naar 49 in 2023. Diefstal van landbouwvoertuigen en gereedschap uit schuren nam daarentegen toe, van 22 naar 37 gevallen. Het aantal aangiften van online oplichting verdrievoudigde in dezelfde periode tot 118. Veilig Thuis ontving 176 meldingen en adviesvragen uit Oosterwijde, en de politie registreerde 94 meldingen van jeugdoverlast, vooral in de hoofdkern en in het dorp Brakel."),
        ("p", "In het buitengebied zijn sinds 2021 drie drugslabs en twee hennepkwekerijen ontmanteld. Bij twee van deze zaken ging het om boeren die hun leegstaande stallen hadden verhuurd zonder te weten waarvoor die gebruikt zouden worden. De kosten voor het opruimen van drugsafval in de natuur liepen op tot ruim 45.000 euro per jaar."),
        ("h2", "2.2 Wat inwoners zeggen"),
        ("p", "Tijdens de veiligheidstafels gaven veel inwoners aan dat zij zich prettig en veilig voelen in hun dorp. Wel maken zij zich zorgen over te hard rijdend verkeer, over jongeren die in auto’s rondhangen op parkeerplaatsen en over onbekende bedrijvigheid op afgelegen erven. Ouderen vertelden vaker dat zij benaderd worden door oplichters, via de telefoon of aan de deur."),
        ("p", "Opvallend was ook dat veel inwoners niet weten dat zij verdachte situaties anoniem kunnen melden. De drempel om te melden ligt in kleine gemeenschappen hoger, omdat mensen elkaar kennen en bang zijn voor de gevolgen."),
        ("h1", "3 Prioriteiten"),
        ("p", "Het college kiest voor vijf prioriteiten. Voor elke prioriteit is een trekker binnen de gemeente aangewezen en zijn meetbare doelen geformuleerd."),
        ("h2", "3.1 Ondermijning in het buitengebied"),
        ("p", "Leegstaande agrarische gebouwen zijn aantrekkelijk voor criminelen. We willen het buitengebied weerbaarder maken door eigenaren te informeren, signalen sneller op te volgen en vaker samen met partners te controleren. Elke boer met een stoppend bedrijf krijgt een bezoek van een erfbetreder die voorlichting geeft over de risico’s van verhuur."),
    ],
    [
        ("p", "Daarnaast maakt de gemeente actief gebruik van de bevoegdheid om panden te sluiten waar drugs zijn aangetroffen. In 2028 willen we dat het aantal meldingen over verdachte situaties in het buitengebied is verdubbeld, omdat meer meldingen betekent dat inwoners alerter zijn."),
        ("h2", "3.2 Jeugd"),
        ("p", "Jongeren hebben in een plattelandsgemeente minder voorzieningen dicht bij huis. Dat leidt soms tot rondhangen en overlast. We investeren in het jongerenwerk, dat in de zomermaanden ook in de kleine dorpen aanwezig is, en in samenwerking met sportverenigingen. Jongeren die in aanraking komen met de politie worden binnen een week besproken in het jeugdoverleg, zodat snel passende hulp of begeleiding kan worden ingezet."),
        ("p", "Ook alcohol en drugs onder jongeren blijven aandacht vragen. Samen met de horeca en de sportkantines handhaven we de leeftijdsgrens van achttien jaar. Ouders krijgen via de scholen informatie over de risico’s van lachgas en vapes."),
        ("h2", "3.3 Huiselijk geweld"),
        ("p", "Huiselijk geweld is in kleine gemeenschappen vaak moeilijk bespreekbaar. Mensen kennen elkaar, en slachtoffers schamen zich of zijn bang om uit de gemeenschap te vallen. We willen dat inwoners en professionals signalen eerder herkennen en weten waar zij terechtkunnen. Huisartsen, scholen en kinderopvang krijgen ondersteuning bij het toepassen van de meldcode."),
        ("p", "Het sociaal team biedt binnen vijf werkdagen na een melding hulp aan het hele gezin. Bij een tijdelijk huisverbod start de hulp voor de uithuisgeplaatste direct. We meten jaarlijks hoeveel gezinnen na twaalf maanden opnieuw in beeld komen."),
    ],
    [
        ("h2", "3.4 Woninginbraak en diefstal uit schuren"),
        ("p", "Het aantal woninginbraken is laag, maar diefstal van gereedschap, quads en GPS-systemen van landbouwmachines neemt toe. Samen met de politie en de land- en tuinbouworganisatie organiseren we voorlichtingsavonden over het beveiligen van erven en het markeren van eigendommen. We stimuleren de oprichting van WhatsApp-buurtpreventiegroepen in alle dorpen, ook voor het buitengebied."),
        ("h2", "3.5 Cybercrime"),
        ("p", "Online oplichting is de snelst groeiende vorm van criminaliteit in Oosterwijde. Daders richten zich vaak op ouderen, maar ook jongeren worden slachtoffer, bijvoorbeeld van oplichting bij online aankopen of van afpersing met beelden. We kiezen voor preventie: in elk dorpshuis komt minimaal één keer per jaar een voorlichting, verzorgd door vrijwilligers die hiervoor zijn opgeleid. Basisscholen krijgen een gratis lespakket."),
        ("p", "Voor ondernemers werken we samen met de regionale ondernemersvereniging aan een cyberweerbaarheidsscan. Het doel is dat in 2028 minstens tweehonderd ondernemers de scan hebben gedaan."),
        ("h1", "4 Samenwerking"),
        ("p", "Veiligheid maken we samen. De gemeente heeft de regie, maar is afhankelijk van de inzet van partners en inwoners."),
        ("h2", "4.1 Partners"),
        ("p", "De burgemeester, de politie en het Openbaar Ministerie overleggen elke maand in de lokale driehoek. Daarnaast is er elk kwartaal een veiligheidsoverleg met de brandweer, Veilig Thuis, het sociaal team, de woningcorporatie Woonwijde, het jongerenwerk en het Regionaal Informatie- en Expertisecentrum. Met de buurgemeenten werken we samen in een gezamenlijk ondermijningsteam."),
    ],
    [
        ("h2", "4.2 Rol van inwoners"),
        ("p", "Inwoners zijn de ogen en oren van de dorpen. Wij vragen hen om verdachte situaties te melden en om naar elkaar om te zien. De gemeente zorgt ervoor dat meldingen serieus worden genomen en dat inwoners horen wat er met hun melding gebeurt. Dorpsbelangenverenigingen worden betrokken bij de jaarlijkse bespreking van de veiligheid in hun dorp."),
        ("h1", "5 Monitoring en financiën"),
        ("p", "Dit laatste hoofdstuk beschrijft hoe we de voortgang volgen en welke middelen beschikbaar zijn voor de uitvoering van het plan."),
        ("h2", "5.1 Monitoring"),
        ("p", "We volgen per prioriteit een beperkt aantal indicatoren, zoals het aantal meldingen van verdachte situaties, het aantal meldingen van jeugdoverlast en het aantal aangiften van online oplichting. Twee keer per jaar bespreekt de lokale driehoek de cijfers. Eens per jaar ontvangt de gemeenteraad een voortgangsrapportage. In 2026 houden we opnieuw veiligheidstafels in de dorpen om te horen of inwoners verschil merken."),
        ("h2", "5.2 Financiën"),
        ("p", "Voor de uitvoering van dit plan is jaarlijks 410.000 euro beschikbaar binnen de begroting. Daarnaast ontvangt de gemeente een rijksbijdrage voor de aanpak van ondermijning, die samen met de buurgemeenten wordt ingezet. Nieuwe maatregelen die niet binnen dit budget passen, legt het college via de voorjaarsnota aan de gemeenteraad voor."),
    ],
]

FIRST_CONTENT_PAGE = 3

CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.5; color: #222; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden; page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.cover { background: #123c5a; color: #fff; }
.logo { position: absolute; top: 22mm; left: 22mm; display: flex; align-items: center; }
.mark { width: 16mm; height: 16mm; border-radius: 50%; background: #f2a900; color: #123c5a; font-weight: bold;
        font-size: 15pt; display: flex; align-items: center; justify-content: center; margin-right: 4mm; }
.wm { font-size: 14pt; letter-spacing: 0.5pt; }
.ctitle { position: absolute; top: 110mm; left: 22mm; right: 22mm; font-size: 30pt; font-weight: bold; line-height: 1.15; }
.csub { position: absolute; top: 150mm; left: 22mm; right: 40mm; font-size: 15pt; color: #f2a900; line-height: 1.3; }
.cdate { position: absolute; bottom: 25mm; left: 22mm; font-size: 10pt; }
.main { position: absolute; top: 25mm; left: 25mm; right: 25mm; bottom: 25mm; }
.toch { font-size: 18pt; font-weight: bold; color: #123c5a; margin-bottom: 10mm; }
.tl { display: flex; margin: 0 0 2.2mm 0; }
.tl.l1 { font-weight: bold; margin-top: 4mm; }
.tl.l2 { padding-left: 8mm; }
.tl .t { white-space: nowrap; }
.tl .d { flex: 1; overflow: hidden; white-space: nowrap; margin: 0 1.5mm; color: #777; }
.tl .d::before { content: '""" + " ." * 150 + """'; }
.tl .n { min-width: 6mm; text-align: right; }
h1, h2 { font-size: 10.5pt; font-weight: bold; color: #c0392b; margin: 5mm 0 1mm 0; }
h1 { color: #123c5a; margin-top: 7mm; }
.main > :first-child { margin-top: 0; }
p { margin: 0 0 3mm 0; }
.foot { position: absolute; bottom: 12mm; left: 0; right: 0; text-align: center; font-size: 9pt; color: #555; }
"""


def build():
    # headings and their pages come from the content data: the TOC is derived from them
    toc = []
    for k, page in enumerate(CONTENT):
        for kind, text in page:
            if kind in ("h1", "h2"):
                toc.append((kind, text, FIRST_CONTENT_PAGE + k))
    toc_lines = [f"{text} {p}" for _, text, p in toc]
    t = Truth(NAME, [FOOTER], toc_lines)
    out = []
    # page 1: cover (no footer)
    c = COVER
    out.append(
        '<div class="page cover">'
        f'<div class="logo"><div class="mark">{esc(c["logo_mark"])}</div><div class="wm">{esc(c["logo_text"])}</div></div>'
        f'<div class="ctitle">{esc(c["title"])}</div><div class="csub">{esc(c["subtitle"])}</div>'
        f'<div class="cdate">{esc(c["date"])}</div></div>')
    t.para(c["logo_mark"], 1, "figure", role="cover_logo")
    t.para(c["logo_text"], 1, "figure", role="cover_logo")
    t.para(c["title"], 1, "body", role="cover_title")
    t.para(c["subtitle"], 1, "body", role="cover_subtitle")
    t.para(c["date"], 1, "body", role="cover_date")
    # page 2: table of contents (title "Inhoud" is neither heading nor toc line)
    parts = ['<div class="page"><div class="main chk" data-id="toc"><div class="toch">Inhoud</div>']
    for kind, text, p in toc:
        lvl = "l1" if kind == "h1" else "l2"
        parts.append(f'<div class="tl {lvl}"><span class="t">{esc(text)}</span><span class="d"></span><span class="n">{p}</span></div>')
    parts.append(f'</div><div class="foot">{FOOTER.format(page=2)}</div></div>')
    out.append("".join(parts))
    # content pages
    for k, page in enumerate(CONTENT):
        i = FIRST_CONTENT_PAGE + k
        parts = [f'<div class="page"><div class="main chk" data-id="main{i}">']
        for kind, text in page:
            if kind in ("h1", "h2"):
                parts.append(f"<{kind}>{esc(text)}</{kind}>")
                t.heading(text, 1 if kind == "h1" else 2, i)
            else:
                parts.append(f"<p>{esc(text)}</p>")
                t.para(text, i, "body")
        parts.append(f'</div><div class="foot">{FOOTER.format(page=i)}</div></div>')
        out.append("".join(parts))
    t.npages = FIRST_CONTENT_PAGE - 1 + len(CONTENT)
    doc = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{esc(c["title"])}</title>'
           f"<style>{CSS}</style></head><body>" + "\n".join(out) + "</body></html>")
    return t, doc


if __name__ == "__main__":
    t, doc = build()
    render(NAME, doc)
    d = t.dump()
    d["toc_title"] = "Inhoud"
    import json
    json.dump(d, open(f"{OUT}/{NAME}.truth.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    verify(t, doc, furniture_skip={1})
