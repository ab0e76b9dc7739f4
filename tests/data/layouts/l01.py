"""l01 – two text columns on every page, full-width chapter title above the
columns on chapter-opening pages, running header and footer on every page."""
from common import Truth, esc, render, verify

NAME = "l01"
GEMEENTE = "Gemeente Ravensloot"
HEADER = "Integraal Veiligheidsplan Ravensloot 2024–2027"
FOOTER = GEMEENTE + " – {page}"

PAGES = [
    {"chapter": "Inleiding", "blocks": [
        ("p", "Ravensloot is een gemeente waar de meeste inwoners zich veilig voelen. Uit de Veiligheidsmonitor van 2023 blijkt dat 84 procent van de inwoners zich zelden of nooit onveilig voelt in de eigen buurt. Dat is een groot goed, maar geen vanzelfsprekendheid. Achter de gemiddelden gaan verschillen tussen wijken schuil, en sommige vormen van criminaliteit zijn voor inwoners nauwelijks zichtbaar terwijl ze wel grote schade aanrichten."),
        ("p", "Met dit Integraal Veiligheidsplan leggen de gemeenteraad en het college vast waar de gemeente de komende vier jaar haar inzet op richt. Het plan is integraal omdat veiligheid niet alleen een taak is van politie en justitie. Zorg, onderwijs, woningcorporaties, ondernemers en inwoners leveren allemaal een bijdrage. De gemeente heeft daarin een regierol: zij brengt partijen bij elkaar, maakt afspraken en houdt de voortgang in de gaten."),
        ("h2", "Waarom een nieuw plan"),
        ("p", "Het vorige plan liep van 2019 tot en met 2023. In die periode is de verschuiving van traditionele criminaliteit naar gedigitaliseerde criminaliteit doorgezet. Het aantal geregistreerde woninginbraken is bijna gehalveerd, terwijl het aantal meldingen van online oplichting en hacken sterk is gestegen. Ook zien we dat jongeren op steeds jongere leeftijd in aanraking komen met drugshandel en dat criminele netwerken gebruikmaken van legale bedrijven in het buitengebied."),
        ("p", "Daarnaast zijn de wettelijke kaders veranderd. De Wet verplichte meldcode huiselijk geweld en kindermishandeling is aangescherpt en de gemeente heeft meer bevoegdheden gekregen om panden te sluiten waar drugs worden verhandeld of geproduceerd. Een nieuw plan is nodig om deze ontwikkelingen een plaats te geven en om keuzes te maken in een tijd waarin de capaciteit van alle partners onder druk staat."),
        ("h2", "Hoe dit plan tot stand kwam"),
        ("p", "Het plan is in het voorjaar van 2024 opgesteld in nauwe samenwerking met de politie basisteam Ravensloot-Oost, het Openbaar Ministerie, de veiligheidsregio en zorgpartners. In vier werksessies hebben professionals de belangrijkste risico’s benoemd. Daarnaast hebben 612 inwoners een online vragenlijst ingevuld en zijn in drie wijken buurtgesprekken gevoerd."),
        ("p", "De gemeenteraad heeft in een beeldvormende sessie op 14 maart 2024 de richting meegegeven. De raad vroeg nadrukkelijk om meer aandacht voor de kwetsbaarheid van jongeren en om heldere, meetbare doelen. Beide wensen zijn in dit plan verwerkt. De prioriteiten zijn vastgesteld op basis van drie criteria: de omvang van het probleem, de ernst van de gevolgen voor slachtoffers en de mogelijkheid van de gemeente om het verschil te maken."),
    ]},
    {"chapter": "Veiligheid in cijfers", "blocks": [
        ("p", "Dit hoofdstuk geeft een beeld van de veiligheid in Ravensloot op basis van politiecijfers, gegevens van Veilig Thuis en de uitkomsten van de Veiligheidsmonitor. De cijfers hebben betrekking op de jaren 2019 tot en met 2023. Waar mogelijk vergelijken we Ravensloot met gemeenten van vergelijkbare omvang in de regio."),
        ("h2", "Geregistreerde criminaliteit"),
        ("p", "In 2023 registreerde de politie in Ravensloot 2.148 misdrijven, ofwel 41 per duizend inwoners. Dat is iets lager dan het regionale gemiddelde van 46 per duizend. Het totale aantal misdrijven is sinds 2019 met 9 procent gedaald. De daling komt vooral op rekening van vermogensdelicten: er werden 118 woninginbraken geregistreerd tegen 231 in 2019, en het aantal fietsendiefstallen daalde van 402 naar 317."),
        ("p", "Tegenover die daling staat een stijging van gedigitaliseerde criminaliteit. Het aantal aangiften van online oplichting, zoals valse webwinkels en nepberichten van zogenaamde familieleden, steeg van 164 naar 289. Het werkelijke aantal slachtoffers ligt naar schatting drie tot vier keer hoger, omdat veel mensen uit schaamte of onwetendheid geen aangifte doen."),
        ("p", "Geweldsmisdrijven bleven met 236 registraties vrijwel stabiel. Bij ongeveer een derde daarvan ging het om geweld binnen de huiselijke kring. Veilig Thuis ontving in 2023 in totaal 394 meldingen en adviesvragen over inwoners van Ravensloot, een stijging van 12 procent ten opzichte van het jaar ervoor."),
        ("h2", "Beleving en vertrouwen"),
        ("p", "Het percentage inwoners dat zich weleens onveilig voelt in de eigen buurt is met 16 procent gelijk gebleven. Opvallend is dat dit aandeel in de wijk De Brink met 27 procent duidelijk hoger ligt. Bewoners noemen daar vooral rondhangende jongeren, slecht verlichte looproutes en drugsoverlast rond het winkelcentrum als oorzaak."),
        ("p", "Het vertrouwen in de politie en de gemeente is licht gestegen. 61 procent van de inwoners vindt dat de gemeente voldoende doet aan veiligheid, tegen 55 procent in 2019. Wel geeft bijna de helft aan niet te weten waar zij terechtkunnen met een melding over overlast of verdachte situaties. Betere informatie aan inwoners is daarom een rode draad in dit plan."),
        ("h2", "Wat de cijfers niet laten zien"),
        ("p", "Niet alles wat de veiligheid bedreigt, komt in de registraties terecht. Ondermijnende criminaliteit speelt zich grotendeels buiten het zicht af, en ook huiselijk geweld en uitbuiting worden vaak pas laat gemeld. Professionals uit de werksessies gaven aan dat zij signalen zien die niet in de cijfers terugkomen. Dit plan combineert daarom cijfers met de kennis van mensen die dagelijks in de wijken werken."),
    ]},
    {"chapter": "Prioriteiten", "blocks": [
        ("p", "Op basis van de analyse kiest Ravensloot voor vijf prioriteiten. Dat betekent niet dat andere onderwerpen geen aandacht krijgen: de reguliere taken op het gebied van openbare orde, evenementenveiligheid en crisisbeheersing lopen gewoon door. De prioriteiten krijgen wel extra capaciteit en worden jaarlijks apart gemonitord."),
        ("h2", "Ondermijning"),
        ("p", "Ondermijning is de vermenging van de onderwereld met de bovenwereld. Criminelen maken gebruik van legale structuren, zoals bedrijfspanden, vakantieparken en vastgoed, om hun activiteiten te verhullen en hun winsten wit te wassen. In het buitengebied van Ravensloot zijn de afgelopen twee jaar vier drugslabs aangetroffen, waarvan twee in leegstaande agrarische schuren."),
        ("p", "De gemeente versterkt de aanpak langs drie lijnen. Ten eerste trainen we medewerkers van de gemeente, zoals handhavers en vergunningverleners, in het herkennen van signalen. Ten tweede passen we de Wet Bibob vaker toe bij vergunningaanvragen in risicobranches. Ten derde organiseren we samen met de politie en de belastingdienst twee keer per jaar een integrale controle op bedrijventerreinen en in het buitengebied."),
        ("p", "Het doel is dat in 2027 alle medewerkers in risicofuncties zijn getraind en dat het aantal signalen dat bij het Regionaal Informatie- en Expertisecentrum wordt ingebracht met de helft is toegenomen."),
        ("h2", "Jeugd en veiligheid"),
        ("p", "De meeste jongeren in Ravensloot groeien veilig op. Een kleine groep veroorzaakt echter overlast of raakt betrokken bij criminaliteit. In 2023 kwamen 187 meldingen van jeugdoverlast binnen, vooral rond het winkelcentrum De Brink en het stationsgebied. Zorgelijker is dat de politie vaker jongeren van twaalf tot vijftien jaar aantreft die als koerier of uitkijk werken voor drugsdealers."),
        ("p", "We zetten in op vroegsignalering via scholen, jongerenwerk en sportverenigingen. Jongeren die dreigen af te glijden krijgen een persoonsgerichte aanpak, waarbij een vaste regisseur de hulp van verschillende organisaties op elkaar afstemt. Ouders worden vanaf het eerste signaal betrokken. Het jongerenwerk breidt zijn avondaanwezigheid in De Brink uit naar vijf avonden per week."),
    ]},
    {"chapter": None, "blocks": [
        ("h2", "Woninginbraak"),
        ("p", "Hoewel het aantal woninginbraken sterk is gedaald, blijft het een delict met grote impact. Slachtoffers voelen zich vaak nog maanden onveilig in hun eigen huis. We willen de daling vasthouden door inwoners te blijven wijzen op eenvoudige maatregelen, zoals goed hang- en sluitwerk en het afsluiten van ramen en deuren bij korte afwezigheid."),
        ("p", "Na elke inbraak ontvangen de directe buren een bericht van de gemeente met preventietips. In de donkere maanden voert de gemeente samen met de politie de campagne Donkere Dagen Offensief. Buurtpreventieteams en WhatsApp-groepen worden ondersteund met informatie en een jaarlijkse bijeenkomst."),
        ("h2", "Huiselijk geweld"),
        ("p", "Huiselijk geweld is de meest voorkomende vorm van geweld en speelt zich grotendeels af achter de voordeur. Het treft alle bevolkingsgroepen. Kinderen die opgroeien in een gezin met geweld lopen een grotere kans om later zelf slachtoffer of pleger te worden. Doorbreken van die cirkel is daarom een belangrijk doel."),
        ("p", "Ravensloot werkt samen met Veilig Thuis en het regionale zorg- en veiligheidshuis. Wijkteams krijgen extra scholing in het voeren van gesprekken over onveiligheid. Bij een tijdelijk huisverbod wordt binnen drie werkdagen hulp gestart voor alle gezinsleden, dus ook voor de pleger. We meten of gezinnen een jaar na de melding duurzaam veilig zijn."),
        ("h2", "Cybercrime"),
        ("p", "Online criminaliteit raakt steeds meer inwoners en ondernemers. Ouderen zijn vaak het doelwit van oplichting via berichtendiensten, jongeren van sextortion en accountovername. Kleine ondernemers worden getroffen door phishing en gijzelsoftware. De gemeente kan dit soort criminaliteit niet alleen aanpakken, maar kan wel bijdragen aan weerbaarheid."),
        ("p", "In samenwerking met de bibliotheek organiseren we maandelijks een digitaal spreekuur. Op alle basisscholen in groep 7 en 8 wordt een les over online veiligheid gegeven. Voor ondernemers komt er een cyberscan en een jaarlijkse voorlichtingsavond met de ondernemersvereniging. Ook de eigen organisatie wordt weerbaarder: alle medewerkers volgen een verplichte training over informatiebeveiliging."),
        ("p", "Het doel is dat in 2027 het aandeel inwoners dat zegt te weten hoe zij zich tegen online oplichting kunnen beschermen is gestegen van 48 naar 65 procent."),
    ]},
    {"chapter": "Samenwerking en monitoring", "blocks": [
        ("p", "Veiligheid is een gezamenlijke opgave. Dit hoofdstuk beschrijft met wie de gemeente samenwerkt en hoe we volgen of de inzet effect heeft."),
        ("h2", "Partners"),
        ("p", "De belangrijkste partners zijn de politie, het Openbaar Ministerie, Veilig Thuis, het zorg- en veiligheidshuis, de veiligheidsregio, de woningcorporaties Thuisbaat en Woonkring, het jongerenwerk van Stichting Op Pad, de scholen en de ondernemersvereniging. Met elke partner maakt de gemeente jaarlijks concrete afspraken over de bijdrage aan de prioriteiten."),
        ("p", "Het driehoeksoverleg van burgemeester, politie en Openbaar Ministerie komt elke zes weken bijeen. Eens per kwartaal is er een breed veiligheidsoverleg waarin ook zorg- en woonpartners aanschuiven. Inwoners betrekken we via de buurtpreventieteams, de wijkraden en een jaarlijkse veiligheidsavond."),
        ("h2", "Monitoring en verantwoording"),
        ("p", "Ieder jaar stelt het college een uitvoeringsprogramma op met concrete acties, verantwoordelijke partijen en de benodigde middelen. De voortgang wordt twee keer per jaar met de raad besproken. Daarbij gebruiken we een vaste set indicatoren, zoals het aantal woninginbraken, het aantal meldingen van jeugdoverlast en het aandeel inwoners dat zich veilig voelt."),
        ("p", "In 2026 voeren we een tussentijdse evaluatie uit. Blijkt dan dat een prioriteit niet de gewenste resultaten oplevert, dan stellen we de aanpak bij. Aan het einde van de planperiode volgt een volledige evaluatie, die de basis vormt voor het volgende plan."),
        ("p", "De gemeente reserveert voor de uitvoering van dit plan jaarlijks 640.000 euro, bovenop de reguliere budgetten voor openbare orde en handhaving. Een groot deel daarvan gaat naar de aanpak van ondermijning en naar preventie bij jongeren."),
    ]},
]

CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.38; color: #111; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden;
        page-break-after: always; box-sizing: border-box; }
.page:last-child { page-break-after: auto; }
.rh { position: absolute; top: 10mm; left: 18mm; right: 18mm; font-family: 'Liberation Sans', sans-serif;
      font-size: 8.5pt; color: #555; border-bottom: 0.4pt solid #999; padding-bottom: 1.5mm; }
.rf { position: absolute; bottom: 10mm; left: 18mm; right: 18mm; font-family: 'Liberation Sans', sans-serif;
      font-size: 8.5pt; color: #555; border-top: 0.4pt solid #999; padding-top: 1.5mm; text-align: right; }
.body { position: absolute; top: 22mm; bottom: 22mm; left: 18mm; right: 18mm; display: flex; flex-direction: column; }
.chapter { font-family: 'Liberation Sans', sans-serif; font-size: 24pt; font-weight: bold; color: #1d4e7a;
           margin: 4mm 0 6mm 0; padding-bottom: 3mm; border-bottom: 2pt solid #1d4e7a; }
.cols { flex: 1; min-height: 0; column-count: 2; column-gap: 8mm; column-fill: balance; }
.cols h2 { font-family: 'Liberation Sans', sans-serif; font-size: 11.5pt; color: #1d4e7a; margin: 3mm 0 1.5mm 0;
           break-after: avoid; }
.cols p { margin: 0 0 2.2mm 0; text-align: justify; }
"""


def build():
    t = Truth(NAME, [HEADER, FOOTER])
    out = []
    for i, pg in enumerate(PAGES, start=1):
        parts = [f'<div class="page"><div class="rh">{esc(HEADER)}</div><div class="body">']
        if pg["chapter"]:
            parts.append(f'<h1 class="chapter">{esc(pg["chapter"])}</h1>')
            t.heading(pg["chapter"], 1, i)
        parts.append(f'<div class="cols chk" data-id="p{i}">')
        for kind, text in pg["blocks"]:
            if kind == "h2":
                parts.append(f"<h2>{esc(text)}</h2>")
                t.heading(text, 2, i)
            else:
                parts.append(f"<p>{esc(text)}</p>")
                t.para(text, i, "body")
        parts.append("</div></div>")
        parts.append(f'<div class="rf">{esc(FOOTER.format(page=i))}</div></div>')
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
