"""l05 – infographic page (large numbers with short captions in a grid), then
normal text; headings in capitals; justified text with words hyphenated at
line ends (soft hyphens inserted by hyph.py, plus hyphens:auto lang=nl)."""
from common import Truth, esc, render, verify
from hyph import hyphenate

NAME = "l05"
HEADER = "VEILIG LINDEMEER 2024–2027"
FOOT_LEFT = "Gemeente Lindemeer"
FOOT_RIGHT = "{page}"

# blocks: ("h1"|"h2", TEXT) ("p", text) ("lead", text) ("grid", [(number, caption)]) ("cap", text) ("sign", text)
PAGES = [
    [
        ("h1", "VOORWOORD"),
        ("p", "Lindemeer is een gemeente waar mensen graag wonen. Dat horen we terug in gesprekken met inwoners, en we zien het in de cijfers: het overgrote deel van de inwoners voelt zich veilig in de eigen straat. Toch verandert de wereld om ons heen. Criminelen verplaatsen hun activiteiten naar het internet, jongeren worden via sociale media benaderd voor klusjes die niet deugen, en achter sommige voordeuren gebeuren dingen die het daglicht niet verdragen. Met dit veiligheidsplan kiezen we waar we de komende vier jaar onze aandacht op richten."),
        ("p", "Ik ben alle inwoners, ondernemers, professionals en vrijwilligers dankbaar die hebben meegedacht. Hun ervaringen en ideeën hebben dit plan sterker gemaakt. Veiligheid is iets wat we samen doen, en ik reken erop dat we die samenwerking de komende jaren verder uitbouwen."),
        ("sign", "Marieke van den Akker, burgemeester van Lindemeer"),
        ("h1", "INLEIDING"),
        ("p", "Het integraal veiligheidsplan is het belangrijkste beleidsdocument van de gemeente op het gebied van openbare orde en veiligheid. Het plan geeft richting aan de inzet van de gemeente en haar samenwerkingspartners, zoals de politie, het Openbaar Ministerie, de woningcorporaties, Veilig Thuis en het jongerenwerk. Het plan beslaat de periode 2024 tot en met 2027 en wordt jaarlijks uitgewerkt in een uitvoeringsprogramma met concrete activiteiten."),
        ("p", "Bij het opstellen van het plan hebben we gebruikgemaakt van politiecijfers, de uitkomsten van de veiligheidsmonitor en de resultaten van een digitale peiling onder het inwonerspanel. Ook zijn er gesprekken gevoerd met wijkagenten, jongerenwerkers, schooldirecteuren en ondernemers. De gemeenteraad heeft in een themabijeenkomst zijn wensen en bedenkingen meegegeven."),
    ],
    [
        ("h1", "LINDEMEER IN CIJFERS"),
        ("lead", "De belangrijkste cijfers over 2023 in één oogopslag."),
        ("grid", [("412", "meldingen jeugdoverlast"),
                  ("-15%", "woninginbraken ten opzichte van 2022"),
                  ("81%", "van de inwoners voelt zich veilig in de buurt"),
                  ("256", "meldingen bij Veilig Thuis"),
                  ("+34%", "aangiften van online oplichting"),
                  ("5", "drugslabs en kwekerijen opgerold"),
                  ("1 op 4", "inwoners kreeg een nepbericht van een ‘familielid’"),
                  ("23", "actieve buurtpreventieteams"),
                  ("€ 520.000", "per jaar voor de uitvoering van dit plan")]),
        ("cap", "Bronnen: politie, Veilig Thuis, veiligheidsmonitor 2023 en inwonerspanel Lindemeer."),
        ("p", "De cijfers laten een tweeledig beeld zien. Aan de ene kant daalt de traditionele criminaliteit: er wordt minder ingebroken, er worden minder fietsen gestolen en het aantal vernielingen is stabiel. Aan de andere kant stijgt de gedigitaliseerde criminaliteit snel, en ook het aantal meldingen van jeugdoverlast neemt toe. De politie ziet bovendien meer signalen van ondermijnende criminaliteit in het buitengebied en op de bedrijventerreinen langs de rijksweg."),
        ("p", "Cijfers vertellen nooit het hele verhaal. Veel slachtoffers van huiselijk geweld of online oplichting doen geen melding. Daarom combineren we de registraties met de ervaringen van professionals en inwoners."),
    ],
    [
        ("h1", "ONZE PRIORITEITEN"),
        ("p", "Op basis van de cijfers en de gesprekken kiest Lindemeer voor vijf prioriteiten. Voor elke prioriteit formuleren we een doel voor 2027 en benoemen we de belangrijkste maatregelen."),
        ("h2", "ONDERMIJNING"),
        ("p", "Ondermijnende criminaliteit tast de rechtsstaat aan en zorgt voor een onveilige leefomgeving. Criminelen maken misbruik van leegstaande bedrijfspanden, van horecagelegenheden en van kwetsbare inwoners die hun woning of bankrekening beschikbaar stellen. De gemeente zet in op bewustwording bij medewerkers en ondernemers, op het consequent toepassen van de Wet Bibob bij vergunningverlening en op gezamenlijke controles met de politie, de belastingdienst en de brandweer. Verdachte panden worden gesloten wanneer daar aanleiding voor is."),
        ("p", "Ons doel is dat in 2027 het aantal signalen van ondermijning dat wordt opgevolgd met de helft is toegenomen, en dat alle medewerkers van vergunningverlening en handhaving een training hebben gevolgd."),
        ("h2", "JEUGD EN VEILIGHEID"),
        ("p", "De toename van jeugdoverlast baart inwoners zorgen, vooral in het centrum en rond het sportpark De Weide. Het jongerenwerk is vaker op straat aanwezig en legt actief contact met groepen die overlast veroorzaken. Voor jongeren die afglijden richting criminaliteit zetten we een persoonsgerichte aanpak in, waarbij de politie, het jongerenwerk, de leerplichtambtenaar en de jeugdhulp samen één plan maken. Ouders worden daarbij nadrukkelijk betrokken. Op de middelbare scholen komen voorlichtingslessen over de verleiding van snel geld en over de gevolgen van een strafblad."),
    ],
    [
        ("h2", "HUISELIJK GEWELD"),
        ("p", "Huiselijk geweld en kindermishandeling hebben grote gevolgen voor slachtoffers, ook op de lange termijn. We investeren in deskundigheid van professionals, zodat signalen eerder worden herkend en besproken. Bij acute onveiligheid wordt het tijdelijk huisverbod ingezet. Daarnaast besteden we aandacht aan ouderenmishandeling, die vaak onopgemerkt blijft, en aan financiële uitbuiting van kwetsbare inwoners."),
        ("h2", "WONINGINBRAAK"),
        ("p", "Het aantal woninginbraken is flink gedaald. Om die daling vast te houden, blijven we inwoners wijzen op eenvoudige preventiemaatregelen zoals deugdelijk hang- en sluitwerk en verlichting bij de voordeur. De buurtpreventieteams krijgen ondersteuning in de vorm van materialen, een jaarlijkse bijeenkomst en een vast aanspreekpunt bij de gemeente. Na een inbraak krijgen de buren binnen twee werkdagen een brief met tips."),
        ("h2", "CYBERCRIME"),
        ("p", "Online oplichting, hacken van accounts en afpersing met beelden komen steeds vaker voor. Slachtoffers schamen zich en doen daardoor vaak geen aangifte. We werken aan bewustwording en weerbaarheid met voorlichtingsbijeenkomsten in de bibliotheek, een lesprogramma voor de bovenbouw van de basisscholen en een digitale veiligheidsscan voor kleine ondernemers. Ook de eigen organisatie wordt weerbaarder gemaakt tegen digitale aanvallen."),
    ],
    [
        ("h1", "SAMEN AAN DE SLAG"),
        ("p", "De gemeente voert de regie op de uitvoering van dit plan, maar veiligheid is een verantwoordelijkheid van velen. In dit hoofdstuk beschrijven we hoe we samenwerken en hoe we de voortgang bewaken."),
        ("h2", "PARTNERS"),
        ("p", "Vaste partners zijn de politie, het Openbaar Ministerie, Veilig Thuis, het Zorg- en Veiligheidshuis, de veiligheidsregio, de woningcorporaties Lindewoon en Het Meerhuis, de stichting Jongerenwerk Lindemeer, de scholen en de ondernemersvereniging. De driehoek van burgemeester, politie en Openbaar Ministerie stuurt op de hoofdlijnen. In het kwartaaloverleg bespreken alle partners de voortgang en stemmen zij hun inzet op elkaar af."),
        ("h2", "MONITORING"),
        ("p", "Elk jaar rapporteert het college aan de gemeenteraad over de voortgang. De rapportage bevat de belangrijkste cijfers, de stand van zaken van de maatregelen en de knelpunten die zich hebben voorgedaan. In 2025 voeren we opnieuw de veiligheidsmonitor uit. In 2027 volgt een evaluatie van het hele plan, waarvan de uitkomsten de basis vormen voor het volgende veiligheidsplan."),
    ],
]

CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'DejaVu Serif', serif; font-size: 10.2pt; line-height: 1.5; color: #222; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden; page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.rh { position: absolute; top: 11mm; right: 24mm; font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt;
      letter-spacing: 1pt; color: #8a3d8f; }
.foot { position: absolute; bottom: 11mm; left: 24mm; right: 24mm; font-family: 'DejaVu Sans', sans-serif;
        font-size: 8pt; color: #555; display: flex; justify-content: space-between; }
.main { position: absolute; top: 24mm; left: 30mm; right: 30mm; bottom: 24mm; }
h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 15pt; letter-spacing: 0.6pt; color: #8a3d8f; margin: 8mm 0 3mm 0; }
h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; letter-spacing: 0.8pt; color: #8a3d8f; margin: 5mm 0 1.5mm 0; }
.main > :first-child { margin-top: 0; }
p { margin: 0 0 2.6mm 0; text-align: justify; hyphens: auto; -webkit-hyphens: auto; }
p.sign { font-style: italic; text-align: left; }
p.lead { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; text-align: left; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin: 4mm 0 3mm 0; }
.tile { background: #f3e9f4; padding: 4mm 3mm; min-height: 30mm; box-sizing: border-box; font-family: 'DejaVu Sans', sans-serif; }
.tile .n { font-size: 25pt; font-weight: bold; color: #8a3d8f; line-height: 1.1; white-space: nowrap; }
.tile .c { font-size: 8.5pt; line-height: 1.3; margin-top: 2mm; color: #333; }
.cap { font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #666; margin: 0 0 6mm 0; }
"""


def build():
    t = Truth(NAME, [HEADER, FOOT_LEFT, FOOT_RIGHT])
    out = []
    for i, blocks in enumerate(PAGES, start=1):
        parts = [f'<div class="page"><div class="rh">{esc(HEADER)}</div><div class="main chk" data-id="main{i}">']
        for b in blocks:
            kind = b[0]
            if kind in ("h1", "h2"):
                assert b[1] == b[1].upper()
                parts.append(f"<{kind}>{esc(b[1])}</{kind}>")
                t.heading(b[1], 1 if kind == "h1" else 2, i)
            elif kind == "p":
                parts.append(f"<p>{esc(hyphenate(b[1]))}</p>")
                t.para(b[1], i, "body")
            elif kind in ("sign", "lead"):
                parts.append(f'<p class="{kind}">{esc(b[1])}</p>')
                t.para(b[1], i, "body")
            elif kind == "grid":
                parts.append('<div class="grid">')
                for num, cap in b[1]:
                    parts.append(f'<div class="tile"><div class="n">{esc(num)}</div><div class="c">{esc(cap)}</div></div>')
                    t.para(f"{num} {cap}", i, "figure")
                parts.append("</div>")
            elif kind == "cap":
                parts.append(f'<div class="cap">{esc(b[1])}</div>')
                t.para(b[1], i, "caption")
        parts.append("</div>")
        parts.append(f'<div class="foot"><span>{esc(FOOT_LEFT)}</span><span>{FOOT_RIGHT.format(page=i)}</span></div></div>')
        out.append("".join(parts))
    t.npages = len(PAGES)
    doc = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Veilig Lindemeer 2024–2027</title>'
           f"<style>{CSS}</style></head><body>" + "\n".join(out) + "</body></html>")
    return t, doc


if __name__ == "__main__":
    t, doc = build()
    render(NAME, doc)
    t.dump()
    verify(t, doc)
