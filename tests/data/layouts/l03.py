"""l03 – tables (key figures, partners and roles) with running text between
them, bullet lists with short items, footnotes at the page bottom with
superscript reference numbers in the text."""
import re
from common import Truth, esc, render, verify

NAME = "l03"
FOOTER = "Integraal Veiligheidsplan Bruggeloo 2024–2027 | {page}"

# Blocks: ("h1"|"h2", text) ("p", text with [^n] markers) ("ul", [items])
# ("table", caption, header, rows, source) ; page-level "notes": {n: text}
PAGES = [
    {"blocks": [
        ("h1", "Inleiding"),
        ("p", "Voor u ligt het Integraal Veiligheidsplan 2024–2027 van de gemeente Bruggeloo. Het plan beschrijft hoe de gemeente en haar partners de komende vier jaar werken aan een veilige leefomgeving voor de ruim 34.000 inwoners van de stad en de drie omliggende dorpen. Het plan is opgesteld volgens de methode Kernbeleid Veiligheid[^1] en bouwt voort op de evaluatie van het vorige plan."),
        ("p", "De gemeenteraad heeft het plan op 29 januari 2024 vastgesteld. De uitwerking volgt in jaarlijkse uitvoeringsprogramma’s."),
        ("h1", "Kerncijfers"),
        ("p", "De tabel hieronder geeft een overzicht van de belangrijkste indicatoren. Voor elke indicator is ook de doelstelling voor 2026 opgenomen. De cijfers over veiligheidsbeleving komen uit de Veiligheidsmonitor, die eens in de twee jaar wordt gehouden."),
        ("table", "Tabel 1. Kerncijfers veiligheid Bruggeloo",
         ["Indicator", "2022", "2023", "Doel 2026"],
         [["Geregistreerde misdrijven", "1.874", "1.812", "1.650"],
          ["Woninginbraken", "96", "81", "70"],
          ["Meldingen jeugdoverlast", "243", "268", "200"],
          ["Meldingen Veilig Thuis", "287", "311", "niet van toepassing"],
          ["Aangiften online oplichting", "138", "176", "150"],
          ["Signalen ondermijning bij RIEC", "9", "14", "25"],
          ["Inwoners dat zich veilig voelt in de buurt", "82%", "81%", "85%"],
          ["Inwoners dat weet waar overlast te melden", "54%", "57%", "70%"]],
         "Bron: politie, Veilig Thuis, Veiligheidsmonitor en RIEC."),
        ("p", "Het beeld is gemengd. De traditionele criminaliteit daalt langzaam, maar jeugdoverlast en online oplichting nemen toe. Bij het aantal meldingen van Veilig Thuis is bewust geen streefcijfer opgenomen: een stijging kan ook betekenen dat mensen vaker de stap zetten om hulp te zoeken."),
    ], "notes": {1: "Kernbeleid Veiligheid is een methode van de VNG om integraal veiligheidsbeleid op te stellen in vijf stappen."}},
    {"blocks": [
        ("h2", "Wat valt op"),
        ("ul", ["Minder woninginbraken in alle wijken",
                "Meer jeugdoverlast in het centrum",
                "Forse groei van online oplichting",
                "Meer signalen van ondermijning",
                "Veiligheidsgevoel stabiel"]),
        ("p", "Achter deze cijfers zitten verschillen tussen wijken. In de wijk Molenakker ligt het aantal meldingen van jeugdoverlast twee keer zo hoog als gemiddeld, terwijl de dorpen juist vaker te maken hebben met diefstal uit schuren en bedrijfspanden."),
        ("h1", "Prioriteiten"),
        ("p", "Op grond van de cijfers, de evaluatie van het vorige plan en de gesprekken met inwoners en partners kiest Bruggeloo voor vijf prioriteiten. Per prioriteit staan hieronder het probleem en de belangrijkste acties."),
        ("h2", "Ondermijning"),
        ("p", "Ondermijnende criminaliteit is vaak onzichtbaar, maar tast de samenleving aan. In Bruggeloo zien we signalen van drugsopslag in loodsen, van witwassen via horeca en vastgoed en van uitbuiting van arbeidsmigranten. De gemeente wil meer zicht krijgen op deze signalen en er sneller op reageren."),
        ("p", "Wat gaan we doen:"),
        ("ul", ["Bibob-toets bij alle horecavergunningen",
                "Training voor twintig gemeentelijke medewerkers",
                "Twee integrale controles per jaar",
                "Campagne voor verhuurders van loodsen"]),
    ], "notes": {}},
    {"blocks": [
        ("h2", "Jeugd"),
        ("p", "Het overgrote deel van de jongeren in Bruggeloo doet het goed. Een kleine groep zorgt voor overlast, en enkele jongeren zijn betrokken bij drugshandel of bedreiging via sociale media. We kiezen voor een combinatie van preventie en een persoonsgerichte aanpak."),
        ("ul", ["Jongerenwerk ook op vrijdagavond",
                "Vaste wijkagent per school",
                "Persoonsgerichte aanpak voor twaalf jongeren",
                "Ouderavonden over online risico’s"]),
        ("h2", "Woninginbraak"),
        ("p", "Het aantal woninginbraken is in tien jaar tijd meer dan gehalveerd. Dat resultaat willen we vasthouden met voorlichting en buurtpreventie, zonder er veel extra capaciteit in te steken."),
        ("ul", ["Inbraakbrief voor buren na elke inbraak",
                "Steun voor acht buurtpreventieteams",
                "Actie tijdens de donkere dagen"]),
        ("h2", "Huiselijk geweld"),
        ("p", "Huiselijk geweld en kindermishandeling komen in elke wijk voor. Uit landelijk onderzoek blijkt dat ruim een op de twintig volwassenen jaarlijks slachtoffer is[^2]. In Bruggeloo werken het sociaal team, Veilig Thuis en de politie samen in een lokaal casusoverleg, zodat gezinnen niet tussen wal en schip raken."),
        ("p", "We investeren in scholing van professionals, in snellere hulp na een tijdelijk huisverbod en in nazorg. Een jaar na de melding kijken we of de situatie in het gezin duurzaam veilig is."),
    ], "notes": {2: "Bron: Prevalentiemonitor huiselijk geweld en seksueel grensoverschrijdend gedrag, CBS en WODC, 2023."}},
    {"blocks": [
        ("h2", "Cybercrime"),
        ("p", "Steeds meer inwoners worden slachtoffer van online oplichting. Vooral ouderen en kleine ondernemers zijn kwetsbaar. De gemeente zet in op bewustwording en weerbaarheid."),
        ("ul", ["Digitaal spreekuur in de bibliotheek",
                "Les online veiligheid in groep 8",
                "Webinar voor ondernemers"]),
        ("h1", "Partners"),
        ("p", "De gemeente heeft de regie, maar kan niets bereiken zonder haar partners. In de tabel staat per partner welke rol die heeft bij de uitvoering van dit plan."),
        ("table", "Tabel 2. Partners en hun rol",
         ["Partner", "Rol in dit plan"],
         [["Politie basisteam Bruggeloo", "Opsporing en handhaving, informatie over criminaliteit en overlast, wijkagenten"],
          ["Openbaar Ministerie", "Vervolging, afstemming in de driehoek, inzet van strafrechtelijke interventies"],
          ["RIEC", "Analyse van signalen van ondermijning en ondersteuning bij bestuurlijke maatregelen"],
          ["Veilig Thuis", "Advies en meldpunt huiselijk geweld en kindermishandeling"],
          ["Sociaal team Bruggeloo", "Hulp aan gezinnen, signalering en nazorg"],
          ["Woonstichting De Linde", "Aanpak van woonoverlast en signalering van hennepteelt"],
          ["Jongerenwerk Bruggeloo", "Preventie en contact met jongeren op straat"],
          ["Ondernemersvereniging", "Voorlichting aan ondernemers en deelname aan controles"]],
         None),
        ("p", "Met elke partner worden jaarlijks afspraken gemaakt over de inzet. Deze afspraken worden vastgelegd in het uitvoeringsprogramma."),
    ], "notes": {}},
    {"blocks": [
        ("h1", "Monitoring en sturing"),
        ("p", "We willen weten of onze inzet werkt. Daarom volgen we de indicatoren uit tabel 1 en rapporteren we er jaarlijks over aan de gemeenteraad. De rapportage bevat naast cijfers ook verhalen uit de praktijk, omdat cijfers niet alles vertellen[^3]."),
        ("ul", ["Halfjaarlijkse cijfers van de politie",
                "Jaarlijkse rapportage aan de raad",
                "Veiligheidsmonitor in 2025",
                "Evaluatie van het plan in 2027"]),
        ("p", "Als de cijfers of de signalen uit de praktijk daartoe aanleiding geven, kan het college de prioriteiten tussentijds bijstellen. De raad wordt daarover altijd vooraf geïnformeerd."),
        ("h2", "Planning"),
        ("p", "Het eerste uitvoeringsprogramma verschijnt in april 2024. In het najaar van 2025 vindt een tussentijdse evaluatie plaats. Het nieuwe veiligheidsplan voor de periode vanaf 2028 wordt in de loop van 2027 voorbereid, samen met inwoners en partners."),
    ], "notes": {3: "In de jaarlijkse rapportage worden casussen altijd geanonimiseerd."}},
]

CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.42; color: #1b1b1b; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden; page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.main { position: absolute; top: 20mm; left: 22mm; right: 22mm; bottom: 48mm; }
h1 { font-size: 15pt; color: #7a1f2b; margin: 6mm 0 2.5mm 0; }
h1:first-child, h2:first-child { margin-top: 0; }
h2 { font-size: 11.5pt; color: #7a1f2b; margin: 4.5mm 0 1.5mm 0; }
p { margin: 0 0 2.4mm 0; }
sup { font-size: 6.5pt; line-height: 0; vertical-align: super; }
ul { margin: 0 0 3mm 0; padding-left: 6mm; }
li { margin: 0 0 0.6mm 0; }
.cap { font-weight: bold; font-size: 9.5pt; margin: 3mm 0 1.5mm 0; }
.src { font-size: 8pt; color: #555; margin: 1mm 0 3mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 1mm; }
th { background: #7a1f2b; color: #fff; text-align: left; padding: 1.3mm 2mm; }
td { border-bottom: 0.5pt solid #bbb; padding: 1.2mm 2mm; vertical-align: top; }
tr:nth-child(even) td { background: #f6eeee; }
table.kc td:not(:first-child), table.kc th:not(:first-child) { text-align: right; width: 22mm; }
table.pt td:first-child { width: 55mm; font-weight: bold; }
.notes { position: absolute; left: 22mm; right: 22mm; bottom: 22mm; font-size: 7.8pt; line-height: 1.35; color: #333; }
.notes hr { width: 40mm; margin: 0 0 1.5mm 0; border: 0; border-top: 0.5pt solid #333; }
.notes p { margin: 0 0 1mm 0; }
.foot { position: absolute; left: 22mm; right: 22mm; bottom: 11mm; font-size: 8pt; color: #7a1f2b; text-align: center; }
"""

MARK = re.compile(r"\[\^(\d+)\]")


def build():
    t = Truth(NAME, [FOOTER])
    out = []
    ref_section = {}
    for i, pg in enumerate(PAGES, start=1):
        parts = [f'<div class="page"><div class="main chk" data-id="main{i}">']
        for b in pg["blocks"]:
            kind = b[0]
            if kind in ("h1", "h2"):
                parts.append(f"<{kind}>{esc(b[1])}</{kind}>")
                t.heading(b[1], 1 if kind == "h1" else 2, i)
            elif kind == "p":
                raw = b[1]
                refs = [int(n) for n in MARK.findall(raw)]
                htm = MARK.sub(lambda m: f"<sup>{m.group(1)}</sup>", esc(raw))
                parts.append(f"<p>{htm}</p>")
                clean = MARK.sub("", raw)
                for n in refs:
                    ref_section[n] = t.section
                if refs:
                    t.para(clean, i, "body", footnote_refs=refs)
                else:
                    t.para(clean, i, "body")
            elif kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
                for x in b[1]:
                    t.para(x, i, "list_item")
            elif kind == "table":
                _, cap, head, rows, src = b
                cls = "kc" if len(head) == 4 else "pt"
                parts.append(f'<div class="cap">{esc(cap)}</div>')
                t.para(cap, i, "caption")
                parts.append(f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{esc(c)}</th>" for c in head) + "</tr></thead><tbody>")
                t.para(" | ".join(head), i, "table_row")
                for r in rows:
                    parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>")
                    t.para(" | ".join(r), i, "table_row")
                parts.append("</tbody></table>")
                if src:
                    parts.append(f'<div class="src">{esc(src)}</div>')
                    t.para(src, i, "caption")
        parts.append("</div>")
        if pg["notes"]:
            parts.append('<div class="notes"><hr>')
            for n, txt in sorted(pg["notes"].items()):
                parts.append(f"<p>{n} {esc(txt)}</p>")
                # footnotes come last on their page in reading order
                t.para(f"{n} {txt}", i, "footnote", footnote_number=n, section=ref_section[n])
            parts.append("</div>")
        parts.append(f'<div class="foot">{esc(FOOTER.format(page=i))}</div></div>')
        out.append("".join(parts))
    t.npages = len(PAGES)
    doc = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Integraal Veiligheidsplan Bruggeloo</title>'
           f"<style>{CSS}</style></head><body>" + "\n".join(out) + "</body></html>")
    return t, doc


if __name__ == "__main__":
    t, doc = build()
    render(NAME, doc)
    t.dump()
    verify(t, doc)
