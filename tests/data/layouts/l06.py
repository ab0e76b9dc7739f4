"""l06 – landscape A4 pages with three columns of short paragraphs, a chapter
heading that spans the first two columns (the third column runs from the top
of the page), and one page with an image placeholder (grey box + caption)."""
from common import Truth, esc, render, verify

NAME = "l06"
HEADER = "Veiligheidsplan Zuidervaart 2025–2028"
FOOTER = "Gemeente Zuidervaart | {page}"

# Page types:
#  "span":  span heading over columns 1–2; col3 runs full height from the top
#  "three": three plain columns
#  "photo": span heading, grey image box + caption over columns 1–2, then col1/col2; col3 full height
# Reading order (truth): span heading, photo caption, col1, col2, col3.
PAGES = [
    {"type": "span", "span": "Veilig samenleven in Zuidervaart",
     "cols": [
         [("p", "Zuidervaart is een gemeente in beweging. De nieuwe woonwijk Vaartzicht groeit snel, het oude havengebied wordt omgebouwd tot een gebied voor wonen en werken, en de gemeente telt inmiddels ruim 46.000 inwoners."),
          ("p", "Met die groei veranderen ook de vragen over veiligheid. Nieuwe buurten moeten nog een gemeenschap worden, en in gebieden die in ontwikkeling zijn, ontstaan plekken die aantrekkelijk zijn voor criminelen."),
          ("p", "Dit veiligheidsplan beschrijft hoe de gemeente en haar partners in de periode 2025–2028 werken aan een Zuidervaart waar iedereen zich veilig voelt.")],
         [("p", "Het plan is opgesteld na gesprekken met bijna vierhonderd inwoners, met ondernemers in het centrum en op bedrijventerrein De Zwaai, en met professionals van politie, zorg en onderwijs."),
          ("p", "We kiezen voor een beperkt aantal prioriteiten. Zo kunnen we onze mensen en middelen gericht inzetten en na vier jaar laten zien wat het heeft opgeleverd."),
          ("p", "De gemeenteraad stelt het plan vast. Het college werkt het elk jaar uit in een uitvoeringsagenda.")],
         [("h2", "In het kort"),
          ("p", "Vier prioriteiten: ondermijning, jeugd en veilige wijken, huiselijk geweld en cybercrime."),
          ("p", "Jaarlijks 690.000 euro extra voor de uitvoering."),
          ("p", "Een wijkgerichte aanpak met vaste aanspreekpunten in iedere wijk."),
          ("p", "Elk jaar een voortgangsrapportage aan de gemeenteraad."),
          ("p", "Evaluatie van het hele plan in 2028.")],
     ]},
    {"type": "three",
     "cols": [
         [("h1", "Zuidervaart in beeld"),
          ("p", "In 2024 registreerde de politie 2.687 misdrijven in Zuidervaart. Dat is 58 per duizend inwoners en daarmee iets hoger dan het gemiddelde in de regio."),
          ("p", "Het aantal woninginbraken daalde in vijf jaar van 211 naar 126. Fietsendiefstal en winkeldiefstal bleven ongeveer gelijk."),
          ("p", "Het aantal aangiften van online oplichting steeg in dezelfde periode van 181 naar 364. Het gaat vooral om valse webwinkels, nepberichten van zogenaamde bankmedewerkers en oplichting via marktplaatsen.")],
         [("p", "Jeugdoverlast is de meest gemelde vorm van overlast. In 2024 kwamen 455 meldingen binnen, het meest uit de wijken Havenkwartier en Molenveld."),
          ("p", "Veilig Thuis ontving 338 meldingen en adviesvragen over inwoners van Zuidervaart."),
          ("h2", "Wat inwoners ervaren"),
          ("p", "Van de inwoners voelt 78 procent zich meestal veilig in de eigen buurt. In Havenkwartier is dat 64 procent."),
          ("p", "Inwoners noemen vooral rondhangende groepen, drugshandel op straat en te hard rijdende scooters als oorzaak van onveilige gevoelens.")],
         [("h2", "Ontwikkelingen"),
          ("p", "Criminaliteit verplaatst zich steeds meer naar de digitale wereld. Daders zijn moeilijker te vinden en slachtoffers doen minder vaak aangifte."),
          ("p", "Jongeren worden op steeds jongere leeftijd benaderd om mee te doen aan criminele activiteiten, vaak via sociale media."),
          ("p", "De herontwikkeling van het havengebied brengt tijdelijk leegstand met zich mee. Leegstaande panden kunnen worden misbruikt voor opslag of productie van drugs."),
          ("p", "Tegelijk zien we veel betrokkenheid: het aantal buurtpreventieteams groeide van 9 naar 17.")],
     ]},
    {"type": "span", "span": "Ondermijning en georganiseerde criminaliteit",
     "cols": [
         [("p", "Ondermijning is criminaliteit die de samenleving van binnenuit aantast. Criminelen gebruiken legale bedrijven, panden en mensen om illegale activiteiten te verhullen en geld wit te wassen."),
          ("p", "In Zuidervaart zien we signalen in het havengebied, op bedrijventerrein De Zwaai en in sommige horecazaken in het centrum. In 2024 werden twee opslagplaatsen van drugsgrondstoffen ontdekt."),
          ("p", "Ondermijning is vaak niet zichtbaar, maar de gevolgen zijn dat wel: intimidatie, geweld en een omgeving waarin eerlijke ondernemers het moeilijk krijgen.")],
         [("p", "De gemeente heeft meer instrumenten dan vaak wordt gedacht. Met de Wet Bibob kunnen we vergunningen weigeren als er een risico is op misbruik. Met artikel 13b van de Opiumwet kan de burgemeester panden sluiten waar drugs worden gevonden."),
          ("p", "Deze instrumenten werken het best in combinatie met de informatie van de politie, de belastingdienst en het RIEC. Daarom versterken we de informatie-uitwisseling binnen de wettelijke kaders.")],
         [("h2", "Wat we gaan doen"),
          ("p", "Een vast ondermijningsteam van gemeente, politie en RIEC."),
          ("p", "Jaarlijks vier integrale controles in het havengebied en op De Zwaai."),
          ("p", "Bibob-toets bij alle nieuwe horeca- en exploitatievergunningen."),
          ("p", "Training voor alle medewerkers van vergunningen en handhaving."),
          ("p", "Voorlichting aan vastgoedeigenaren en verhuurders van bedrijfsruimte."),
          ("p", "Doel 2028: twee keer zoveel opgevolgde signalen als in 2024.")],
     ]},
    {"type": "photo", "span": "Jeugd en veilige wijken",
     "photo": "Foto: Jongerenwerkers en de wijkagent tijdens een avondronde in het Havenkwartier.",
     "cols": [
         [("p", "De meeste jongeren in Zuidervaart groeien veilig op. Een kleine groep veroorzaakt overlast of raakt betrokken bij criminaliteit. Voor hen werken politie, jongerenwerk en jeugdhulp met één gezamenlijk plan per jongere.")],
         [("p", "In het Havenkwartier en Molenveld is het jongerenwerk vijf avonden per week op straat. Scholen krijgen een vaste wijkagent als aanspreekpunt.")],
         [("h2", "Woninginbraak"),
          ("p", "De daling van het aantal woninginbraken willen we vasthouden. Na iedere inbraak krijgen de buren binnen twee dagen een brief met preventietips."),
          ("p", "In de donkere maanden voeren we samen met de politie extra surveillance uit in wijken waar vaker wordt ingebroken."),
          ("h2", "Buurtpreventie"),
          ("p", "Buurtpreventieteams zijn de ogen en oren van de wijk. De gemeente ondersteunt ze met hesjes, zaklampen, een jaarlijkse training en een vast contactpersoon."),
          ("p", "In Vaartzicht helpen we nieuwe bewoners om een buurtpreventieteam op te richten, zodat de nieuwe wijk vanaf het begin een sterk netwerk heeft."),
          ("p", "Doel 2028: minder dan 110 woninginbraken per jaar.")],
     ]},
    {"type": "span", "span": "Huiselijk geweld en cybercrime",
     "cols": [
         [("h2", "Huiselijk geweld"),
          ("p", "Huiselijk geweld is de meest voorkomende vorm van geweld. Het speelt zich af achter de voordeur en blijft daardoor vaak lang verborgen."),
          ("p", "We willen dat signalen eerder worden opgepikt. Professionals in het sociaal wijkteam, op scholen en bij de huisarts krijgen training in het werken met de meldcode."),
          ("p", "Na een tijdelijk huisverbod start binnen drie werkdagen hulp voor het hele gezin.")],
         [("h2", "Cybercrime"),
          ("p", "Online oplichting treft inwoners van alle leeftijden. Ouderen zijn vaak doelwit van nepberichten, jongeren van sextortion en accountovername."),
          ("p", "We organiseren samen met de bibliotheek een maandelijks digitaal spreekuur en geven op alle basisscholen een les over online veiligheid."),
          ("p", "Kleine ondernemers kunnen gratis een cyberscan laten uitvoeren.")],
         [("h2", "Waar kunt u terecht?"),
          ("p", "Bij acuut gevaar: bel 112."),
          ("p", "Politie, geen spoed: 0900-8844."),
          ("p", "Veilig Thuis, dag en nacht: 0800-2000."),
          ("p", "Anoniem melden: Meld Misdaad Anoniem, 0800-7000."),
          ("p", "Overlast in de openbare ruimte: via de app of website van de gemeente Zuidervaart."),
          ("p", "Fraudehelpdesk bij online oplichting: 088-7867372.")],
     ]},
    {"type": "three",
     "cols": [
         [("h1", "Samenwerking en monitoring"),
          ("p", "De gemeente heeft de regie op de uitvoering van dit plan. Dat betekent dat zij partners bij elkaar brengt, afspraken maakt en de voortgang bewaakt."),
          ("p", "Vaste partners zijn de politie, het Openbaar Ministerie, het RIEC, Veilig Thuis, het Zorg- en Veiligheidshuis, de woningcorporaties, het jongerenwerk, de scholen en de ondernemersvereniging.")],
         [("h2", "Monitoring"),
          ("p", "Voor iedere prioriteit volgen we een paar indicatoren, zoals het aantal woninginbraken, het aantal meldingen van jeugdoverlast en het aandeel inwoners dat zich veilig voelt."),
          ("p", "De driehoek bespreekt de cijfers elk kwartaal. De gemeenteraad ontvangt elk voorjaar een voortgangsrapportage."),
          ("p", "In 2026 houden we een tussentijdse evaluatie, in 2028 een eindevaluatie.")],
         [("h2", "Financiën"),
          ("p", "Voor de uitvoering is jaarlijks 690.000 euro beschikbaar, bovenop de reguliere budgetten voor openbare orde en handhaving."),
          ("p", "Ongeveer 40 procent gaat naar de aanpak van ondermijning, 30 procent naar jeugd en veilige wijken en 30 procent naar huiselijk geweld en cybercrime."),
          ("p", "Rijksmiddelen voor de aanpak van ondermijning en jeugdcriminaliteit komen daar bovenop.")],
     ]},
]

CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.42; color: #222; }
.page { width: 297mm; height: 210mm; position: relative; overflow: hidden; page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.rh { position: absolute; top: 8mm; left: 15mm; font-size: 8pt; color: #2d6a2d; font-weight: bold; }
.foot { position: absolute; bottom: 8mm; right: 15mm; font-size: 8pt; color: #666; }
.grid { position: absolute; top: 18mm; left: 15mm; right: 15mm; bottom: 18mm; display: grid;
        grid-template-columns: 1fr 1fr 1fr; column-gap: 9mm; align-content: start; }
.grid.span { grid-template-rows: auto 1fr; }
.grid.photo { grid-template-rows: auto auto auto 1fr; }
.spanh { grid-column: 1 / 3; grid-row: 1; font-size: 21pt; font-weight: bold; color: #2d6a2d; margin: 0 0 5mm 0;
         padding-bottom: 2mm; border-bottom: 1.5pt solid #2d6a2d; line-height: 1.15; }
.c1 { grid-column: 1; } .c2 { grid-column: 2; } .c3 { grid-column: 3; }
.grid.span .c1, .grid.span .c2 { grid-row: 2; }
.grid.span .c3 { grid-row: 1 / 3; }
.grid.photo .c1, .grid.photo .c2 { grid-row: 4; }
.grid.photo .c3 { grid-row: 1 / 5; }
.grid.three .c1, .grid.three .c2, .grid.three .c3 { grid-row: 1; }
.c3.side { background: #eef5ee; padding: 4mm; box-sizing: border-box; align-self: stretch; }
.img { grid-column: 1 / 3; grid-row: 2; height: 78mm; background: #c8c8c8; }
.figcap { grid-column: 1 / 3; grid-row: 3; font-size: 8.5pt; font-style: italic; color: #444; margin: 1.5mm 0 4mm 0; }
h1 { font-size: 17pt; color: #2d6a2d; margin: 0 0 3mm 0; line-height: 1.15; }
h2 { font-size: 11pt; color: #2d6a2d; margin: 3.5mm 0 1.5mm 0; }
.col > :first-child { margin-top: 0; }
p { margin: 0 0 2.4mm 0; }
"""


def build():
    t = Truth(NAME, [HEADER, FOOTER])
    out = []
    for i, pg in enumerate(PAGES, start=1):
        typ = pg["type"]
        parts = [f'<div class="page"><div class="rh">{esc(HEADER)}</div><div class="grid {typ} chk" data-id="grid{i}">']
        if "span" in pg:
            parts.append(f'<h1 class="spanh">{esc(pg["span"])}</h1>')
            t.heading(pg["span"], 1, i)
        if typ == "photo":
            parts.append('<div class="img"></div>')
            parts.append(f'<div class="figcap">{esc(pg["photo"])}</div>')
            t.para(pg["photo"], i, "caption")
        for k, col in enumerate(pg["cols"], start=1):
            side = " side" if (k == 3 and typ != "three") else ""
            parts.append(f'<div class="col c{k}{side}">')
            for kind, text in col:
                if kind in ("h1", "h2"):
                    parts.append(f"<{kind}>{esc(text)}</{kind}>")
                    t.heading(text, 1 if kind == "h1" else 2, i)
                else:
                    parts.append(f"<p>{esc(text)}</p>")
                    t.para(text, i, "body")
            parts.append("</div>")
        parts.append(f'</div><div class="foot">{esc(FOOTER.format(page=i))}</div></div>')
        out.append("".join(parts))
    t.npages = len(PAGES)
    doc = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{esc(HEADER)}</title>'
           f"<style>{CSS}</style></head><body>" + "\n".join(out) + "</body></html>")
    return t, doc


if __name__ == "__main__":
    t, doc = build()
    render(NAME, doc)
    t.dump()
    verify(t, doc)
