"""l02 – one main column plus a narrow coloured sidebar (on some pages) with a
"kader" box and a pull quote; numbered chapter headings 1., 1.1, 2. ..."""
from common import Truth, esc, render, verify

NAME = "l02"
FOOT_LEFT = "Veiligheidsplan Haverdam 2023–2026"
FOOT_RIGHT = "pagina {page}"

# main: list of ("h1"|"h2"|"p", text); side: list of ("box", title, [paras]) | ("quote", text)
PAGES = [
    {"main": [
        ("h1", "1. Inleiding"),
        ("p", "Haverdam is een gemeente met ruim 58.000 inwoners, een historische binnenstad, vier dorpskernen en een van de grootste binnenhavens van de provincie. Die combinatie maakt Haverdam aantrekkelijk om te wonen, te werken en te ondernemen. Tegelijk brengt ze eigen veiligheidsvraagstukken met zich mee: de haven trekt niet alleen bonafide bedrijven aan, en de drukte in de binnenstad vraagt in de weekenden veel van politie en handhaving."),
        ("h2", "1.1 Aanleiding"),
        ("p", "Iedere gemeente stelt eens in de vier jaar een veiligheidsplan vast. In dit plan staat welke veiligheidsproblemen de gemeente de komende jaren met voorrang wil aanpakken en hoe zij dat samen met haar partners doet. Het vorige plan van Haverdam liep af in 2022. Sindsdien is veel veranderd: de coronaperiode heeft sporen nagelaten in de samenleving, de druk op de zorg is toegenomen en criminelen hebben hun werkterrein voor een deel naar de digitale wereld verplaatst."),
        ("p", "Tegelijk zijn er successen geboekt. Het aantal woninginbraken is sinds 2018 met 42 procent gedaald en de overlast in het uitgaansgebied is afgenomen sinds de invoering van vaste sluitingstijden en cameratoezicht op de Kaaistraat. Dit plan bouwt voort op wat werkt en zet nieuwe accenten waar dat nodig is."),
        ("h2", "1.2 Visie: veilig samenleven"),
        ("p", "Het college wil dat iedereen in Haverdam zich veilig voelt, thuis, op straat en online. Veiligheid begint bij de inwoners zelf: bij buren die op elkaar letten en bij ouders die weten wat hun kinderen doen. De gemeente ondersteunt dat, maar treedt ook op waar het nodig is. We kiezen voor een aanpak die preventie, zorg en repressie met elkaar verbindt. Wie hulp nodig heeft, krijgt die. Wie de regels overtreedt, wordt daarop aangesproken."),
        ("p", "Drie uitgangspunten staan centraal. We werken datagestuurd, zodat we onze schaarse capaciteit inzetten waar die het meeste effect heeft. We werken wijkgericht, omdat de problemen in de binnenstad anders zijn dan in de dorpen. En we werken samen, omdat geen enkele organisatie de veiligheid alleen kan waarborgen."),
    ], "side": [
        ("box", "Wat is een integraal veiligheidsplan?", [
            "Een integraal veiligheidsplan beschrijft de veiligheidsprioriteiten van een gemeente voor een periode van vier jaar.",
            "Integraal betekent dat niet alleen politie en justitie, maar ook zorg, onderwijs, woningcorporaties en ondernemers een rol hebben. De gemeenteraad stelt het plan vast; de burgemeester is verantwoordelijk voor de uitvoering.",
        ]),
    ]},
    {"main": [
        ("h2", "1.3 Leeswijzer"),
        ("p", "Hoofdstuk 2 geeft een beeld van de veiligheid in Haverdam aan de hand van cijfers en de uitkomsten van het inwonerspanel. In hoofdstuk 3 beschrijven we de vijf prioriteiten voor de periode 2023 tot en met 2026. Hoofdstuk 4 gaat over de samenwerking met partners, de monitoring van de resultaten en de financiering."),
        ("h1", "2. Veiligheidsbeeld Haverdam"),
        ("p", "Voor dit hoofdstuk zijn cijfers gebruikt van de politie, het Centraal Bureau voor de Statistiek, Veilig Thuis en het gemeentelijke meldpunt openbare ruimte. Daarnaast heeft het inwonerspanel van Haverdam in november 2022 een vragenlijst over veiligheid ingevuld; 1.240 panelleden deden mee."),
        ("h2", "2.1 Ontwikkeling van de criminaliteit"),
        ("p", "In 2022 registreerde de politie 3.412 misdrijven in Haverdam. Dat is 59 per duizend inwoners, vergelijkbaar met andere middelgrote gemeenten in de regio. De meest voorkomende misdrijven zijn fietsendiefstal, winkeldiefstal, vernieling en eenvoudige mishandeling. Het aantal woninginbraken daalde naar 164, het laagste aantal in twintig jaar."),
        ("p", "Zorgen zijn er over de toename van drugsgerelateerde incidenten. De politie trof in 2022 op drie plaatsen in het havengebied opslag van grondstoffen voor synthetische drugs aan. Ook het aantal meldingen over woonoverlast met een drugsachtergrond nam toe, van 38 naar 61. Online oplichting verdubbelde in vier jaar tijd tot 412 aangiften."),
        ("h2", "2.2 Veiligheidsgevoel"),
        ("p", "Van de panelleden voelt 79 procent zich meestal veilig in de eigen buurt. In de binnenstad ligt dat percentage in de avonduren beduidend lager: ruim een kwart vermijdt bepaalde straten na tienen. Jongeren zelf noemen vooral intimidatie door leeftijdsgenoten en het gebruik van lachgas als bron van onveiligheid."),
        ("p", "Inwoners van de dorpskernen maken zich minder zorgen over criminaliteit, maar vaker over verkeersonveiligheid en over leegstaande panden in het buitengebied. Daarnaast geeft een op de drie panelleden aan weleens een verdacht bericht of telefoontje te hebben ontvangen waarin om geld of inloggegevens werd gevraagd."),
    ], "side": []},
    {"main": [
        ("h1", "3. Prioriteiten"),
        ("p", "Op basis van het veiligheidsbeeld en de gesprekken met partners en inwoners heeft het college vijf prioriteiten gekozen: ondermijning, jeugdoverlast en jeugdcriminaliteit, huiselijk geweld, woninginbraak en cybercrime. Per prioriteit beschrijven we het probleem, het doel en de belangrijkste maatregelen."),
        ("h2", "3.1 Ondermijning en de haven"),
        ("p", "De haven is van groot economisch belang voor Haverdam, maar is ook kwetsbaar. Criminele netwerken zoeken plekken waar goederen ongezien kunnen worden overgeslagen of opgeslagen. Uit het ondermijningsbeeld dat de gemeente in 2022 met de politie en de belastingdienst heeft opgesteld, blijkt dat vooral kleine opslagbedrijven, autobedrijven en verhuurders van bedrijfsruimte risico lopen. Criminelen gebruiken de legale economie als dekmantel, en dat merken gewone ondernemers als eersten."),
        ("p", "We richten een havenregieteam op waarin gemeente, politie, douane, havenbeheer en de ondernemersvereniging samenwerken. Het team voert jaarlijks minimaal zes gerichte controles uit. Nieuwe huurders in het havengebied worden gescreend en de gemeente past bij vergunningen de Wet Bibob standaard toe. Ondernemers krijgen een cursus om signalen te herkennen."),
        ("h2", "3.2 Jeugdoverlast en jeugdcriminaliteit"),
        ("p", "In 2022 ontving de politie 512 meldingen over jeugdoverlast, vooral rond het Stationsplein en het skatepark in Haverdam-Noord. Het merendeel van de jongeren in deze groepen is niet crimineel, maar een kleine kern pleegt vernielingen en intimideert voorbijgangers. Daarnaast ziet de politie dat jongeren worden geronseld voor drugshandel."),
        ("p", "We werken met een groepsaanpak: voor elke overlastgevende groep wordt een plan gemaakt waarin jongerenwerk, politie, leerplicht en zorg hun inzet afstemmen. Jongeren met een verhoogd risico krijgen een vaste mentor. Scholen en sportclubs worden betrokken bij voorlichting over de risico’s van snel geld verdienen."),
    ], "side": [
        ("quote", "Criminelen gebruiken de legale economie als dekmantel, en dat merken gewone ondernemers als eersten."),
        ("box", "Signalen van ondermijning", [
            "Een bedrijf dat altijd gesloten lijkt maar wel veel bezoek krijgt, contante betalingen van grote bedragen, afgeplakte ramen of een sterke geur: het kunnen allemaal signalen zijn.",
            "Twijfelt u? Meld het bij de politie of anoniem bij Meld Misdaad Anoniem via 0800-7000.",
        ]),
    ]},
    {"main": [
        ("h2", "3.3 Huiselijk geweld"),
        ("p", "Veilig Thuis registreerde in 2022 in totaal 468 meldingen over huishoudens in Haverdam. Achter elke melding zit een situatie waarin mensen, vaak ook kinderen, niet veilig zijn in hun eigen huis. Huiselijk geweld komt in alle lagen van de bevolking voor en blijft vaak lang verborgen."),
        ("p", "Ons doel is dat geweld eerder wordt gesignaleerd en dat hulp sneller op gang komt. Professionals in de wijkteams, op scholen en in de huisartsenpraktijken krijgen training in het gebruik van de meldcode. Bij ernstige situaties zetten we vaker een tijdelijk huisverbod in. Ook ouderenmishandeling en financiële uitbuiting van ouderen krijgen nadrukkelijk aandacht."),
        ("h2", "3.4 Woninginbraak en babbeltrucs"),
        ("p", "De daling van het aantal woninginbraken is een succes dat we willen vasthouden. Na een inbraak ontvangen buurtbewoners binnen twee dagen een brief met preventietips. Bij nieuwbouw wordt het Politiekeurmerk Veilig Wonen gestimuleerd. Een groeiend probleem zijn babbeltrucs, waarbij oplichters zich aan de deur voordoen als meteropnemer of bankmedewerker. Niemand hoeft een onbekende binnen te laten, ook niet als die een legitimatie laat zien."),
        ("h2", "3.5 Cybercrime"),
        ("p", "Cybercrime heeft zich in korte tijd ontwikkeld tot een van de meest voorkomende vormen van criminaliteit. Vooral oudere inwoners en kleine ondernemers zijn kwetsbaar. De gemeente gaat samen met de bibliotheek en het Seniorenplatform Haverdam voorlichtingsbijeenkomsten organiseren. Op het voortgezet onderwijs komt een lesprogramma over sextortion en het delen van naaktbeelden."),
        ("p", "Ook de gemeente zelf is een doelwit. De afdeling informatievoorziening voert elk jaar een oefening uit waarin een aanval met gijzelsoftware wordt nagespeeld. Zo zorgen we ervoor dat de dienstverlening aan inwoners kan doorgaan als het toch misgaat."),
    ], "side": [
        ("box", "Hulp en advies", [
            "Veilig Thuis is dag en nacht bereikbaar via 0800-2000, ook voor advies.",
            "Slachtoffer van online oplichting? Doe aangifte bij de politie en neem contact op met uw bank.",
        ]),
        ("quote", "Niemand hoeft een onbekende binnen te laten, ook niet als die een legitimatie laat zien."),
    ]},
    {"main": [
        ("h1", "4. Uitvoering en monitoring"),
        ("p", "Een plan is pas waardevol als het wordt uitgevoerd. In dit hoofdstuk beschrijven we hoe de samenwerking is georganiseerd, hoe we de voortgang volgen en welke middelen beschikbaar zijn."),
        ("h2", "4.1 Partners"),
        ("p", "De gemeente voert de regie. Vaste partners zijn de politie, het Openbaar Ministerie, Veilig Thuis, het Zorg- en Veiligheidshuis, de woningcorporaties, het havenbedrijf, Stichting Jongerenwerk Haverdam, de scholen en de ondernemersvereniging. Iedere partner benoemt een vaste contactpersoon voor de prioriteiten uit dit plan."),
        ("h2", "4.2 Monitoring"),
        ("p", "Voor elke prioriteit zijn indicatoren vastgesteld, zoals het aantal woninginbraken, het aantal meldingen van jeugdoverlast en het percentage inwoners dat zich veilig voelt. Het college rapporteert eens per jaar aan de gemeenteraad over de voortgang in een veiligheidsrapportage. Halverwege de planperiode, eind 2024, volgt een tussenevaluatie met het inwonerspanel."),
        ("h2", "4.3 Financiën"),
        ("p", "Voor de uitvoering van dit plan is jaarlijks 780.000 euro beschikbaar. Daarvan gaat 310.000 euro naar de aanpak van ondermijning, 220.000 euro naar jeugd, 120.000 euro naar huiselijk geweld en 130.000 euro naar preventie van woninginbraak en cybercrime. Extra middelen van het Rijk voor de aanpak van ondermijning worden aanvullend ingezet."),
    ], "side": []},
]

CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.6pt; line-height: 1.45; color: #1a1a1a; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden; page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.main { position: absolute; top: 20mm; left: 20mm; width: 122mm; bottom: 24mm; }
.side { position: absolute; top: 0; right: 0; width: 52mm; bottom: 0; background: #dcefe9; box-sizing: border-box;
        padding: 26mm 7mm 20mm 7mm; }
h1 { font-size: 17pt; font-weight: bold; margin: 0 0 4mm 0; color: #0f5a4a; }
h2 { font-size: 12.5pt; font-weight: bold; margin: 5mm 0 2mm 0; color: #0f5a4a; }
p { margin: 0 0 2.6mm 0; }
.main p { text-align: left; }
.kader { background: #ffffff; border-left: 2.5pt solid #0f5a4a; padding: 3mm 3.5mm; margin-bottom: 8mm; font-size: 8.3pt; line-height: 1.4; }
.kader .kt { font-weight: bold; font-size: 9pt; color: #0f5a4a; margin-bottom: 2mm; }
.kader p { margin: 0 0 1.8mm 0; }
.quote { font-family: 'DejaVu Serif', serif; font-style: italic; font-size: 14pt; line-height: 1.3; color: #0f5a4a;
         border-top: 1.5pt solid #0f5a4a; border-bottom: 1.5pt solid #0f5a4a; padding: 4mm 0; margin: 0 0 8mm 0; }
.foot { position: absolute; bottom: 11mm; left: 20mm; width: 122mm; font-size: 7.8pt; color: #666;
        display: flex; justify-content: space-between; border-top: 0.5pt solid #aaa; padding-top: 1.5mm; }
"""


def build():
    t = Truth(NAME, [FOOT_LEFT, FOOT_RIGHT])
    out = []
    for i, pg in enumerate(PAGES, start=1):
        parts = [f'<div class="page"><div class="main chk" data-id="main{i}">']
        for kind, text in pg["main"]:
            if kind in ("h1", "h2"):
                parts.append(f"<{kind}>{esc(text)}</{kind}>")
                t.heading(text, 1 if kind == "h1" else 2, i)
            else:
                parts.append(f"<p>{esc(text)}</p>")
                t.para(text, i, "body")
        parts.append("</div>")
        if pg["side"]:
            # reading order in the truth: sidebar content follows the main column of its page
            parts.append(f'<div class="side chk" data-id="side{i}">')
            for item in pg["side"]:
                if item[0] == "quote":
                    parts.append(f'<div class="quote">{esc(item[1])}</div>')
                    t.para(item[1], i, "pull_quote")
                else:
                    _, title, paras = item
                    parts.append(f'<div class="kader"><div class="kt">{esc(title)}</div>')
                    t.para(title, i, "box")
                    for p in paras:
                        parts.append(f"<p>{esc(p)}</p>")
                        t.para(p, i, "box")
                    parts.append("</div>")
            parts.append("</div>")
        parts.append(f'<div class="foot"><span>{esc(FOOT_LEFT)}</span><span>{esc(FOOT_RIGHT.format(page=i))}</span></div></div>')
        out.append("".join(parts))
    t.npages = len(PAGES)
    # a pull quote must repeat a sentence of the body text on the same page
    for q in t.paragraphs:
        if q["kind"] == "pull_quote":
            assert any(q["text"] in b["text"] for b in t.paragraphs if b["kind"] == "body" and b["page"] == q["page"])
    doc = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{esc(FOOT_LEFT)}</title>'
           f"<style>{CSS}</style></head><body>" + "\n".join(out) + "</body></html>")
    return t, doc


if __name__ == "__main__":
    t, doc = build()
    render(NAME, doc)
    t.dump()
    verify(t, doc)
