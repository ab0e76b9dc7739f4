# -*- coding: utf-8 -*-
"""All Dutch text of the six test documents (invented municipalities, names and figures)."""
from model import H, P, TEXT, DIV, UL, OL, TUL, TABLE, Q, DETAILS, OPEN, CLOSE, BR

# ---------------------------------------------------------------- f01 (Wendeloo)
F01 = dict(
    title="Integraal Veiligheidsplan 2024–2027 – Gemeente Wendeloo",
    header="Integraal Veiligheidsplan 2024–2027 – Gemeente Wendeloo",
    footer=["Pagina ", "PAGE", " van ", "NUMPAGES"],
    blocks=[
        H(1, "Inleiding"),
        P("Dit integraal veiligheidsplan (IVP) beschrijft hoe de gemeente Wendeloo in de periode 2024–2027 "
          "samen met haar partners werkt aan een veilige leefomgeving. Het plan is opgesteld op basis van de "
          "veiligheidsanalyse 2023, gesprekken met inwoners en ondernemers en het regionaal beleidsplan van de politie."),
        P("Op grond van de Politiewet 2012 stelt de gemeenteraad ten minste eenmaal per vier jaar de doelen vast "
          "op het gebied van de veiligheid in de gemeente.",
          fn="Politiewet 2012, artikel 38b, eerste lid. De raad stelt de doelen vast; de burgemeester en het college "
             "zijn verantwoordelijk voor de uitvoering."),
        H(2, "Totstandkoming"),
        P("In het voorjaar van 2023 zijn bijeenkomsten gehouden in de kernen Wendeloo, Aarlo, Heemveld en Bosrijk. "
          "In totaal vulden 186 inwoners de digitale enquête in en spraken 42 ondernemers met de burgemeester "
          "tijdens het ondernemersontbijt."),
        H(2, "Leeswijzer"),
        P("Hoofdstuk 2 geeft een beeld van de veiligheid in cijfers. In hoofdstuk 3 staan de prioriteiten voor de "
          "komende vier jaar. Hoofdstuk 4 beschrijft de samenwerking met partners en hoofdstuk 5 de wijze waarop "
          "wij de voortgang volgen."),
        H(1, "Veiligheid in cijfers"),
        P("Wendeloo telt 31.420 inwoners (peildatum 1 januari 2023). Het totaal aantal geregistreerde misdrijven "
          "daalde tussen 2019 en 2023 met 11 procent, maar het aantal aangiften van online fraude nam in dezelfde "
          "periode toe."),
        TABLE(["Indicator", "2023", "Doel 2027"],
              ["Geregistreerde misdrijven (totaal)", "1.384", "≤ 1.250"],
              ["Woninginbraken", "97", "≤ 75"],
              ["Meldingen huiselijk geweld bij Veilig Thuis", "214", "meer meldingen, minder herhaling"],
              ["Aangiften online fraude", "163", "≤ 140"],
              ["Inwoners die zich weleens onveilig voelen in de buurt", "18%", "≤ 15%"],
              ["Meldingen jeugdoverlast", "256", "≤ 200"]),
        P("Bron: politie (basisvoorziening handhaving), Veilig Thuis Midden-Oost en Veiligheidsmonitor 2023."),
        H(1, "Prioriteiten 2024–2027"),
        P("Op basis van de analyse kiest de gemeente voor vier prioriteiten. Voor elke prioriteit zijn doelen en "
          "een jaarlijks uitvoeringsprogramma opgesteld:"),
        OL("Ondermijning tegengaan",
           "Jeugd en veiligheid",
           "Woninginbraak voorkomen",
           "Huiselijk geweld en kindermishandeling stoppen"),
        H(2, "Ondermijning"),
        P("Ondermijning is de verwevenheid van de onderwereld met de bovenwereld. In het buitengebied van Wendeloo "
          "zijn in 2022 en 2023 drie drugslaboratoria en twee hennepkwekerijen ontmanteld."),
        H(3, "Wat gaan we doen?"),
        UL("Wij passen de Wet Bibob consequent toe bij vergunningen voor horeca, evenementen en vastgoed.",
           "Wij organiseren jaarlijks een integrale controle op bedrijventerrein De Veldkamp.",
           "Wij trainen 120 medewerkers van gemeente, woningcorporatie en netbeheerder in het herkennen van signalen.",
           "Wij sluiten aan bij de campagne „Houd het buitengebied veilig” voor agrariërs."),
        H(2, "Jeugd en veiligheid"),
        P("Rond winkelcentrum Aarlo-Noord en het stationsgebied ervaren inwoners overlast van groepen jongeren. "
          "Het jongerenwerk en de wijkagenten voeren daarom samen groepsgesprekken en betrekken de ouders bij de aanpak."),
        H(2, "Woninginbraak"),
        P("Het aantal woninginbraken is sinds 2019 bijna gehalveerd. Wij blijven inzetten op preventie: "
          "buurtpreventie-apps, het Politiekeurmerk Veilig Wonen bij renovatie en gerichte voorlichting in de "
          "donkere maanden."),
        H(2, "Huiselijk geweld"),
        P("Huiselijk geweld blijft vaak onzichtbaar. Samen met Veilig Thuis, het wijkteam en de politie versterken "
          "wij het gebruik van de meldcode op scholen, in de kinderopvang en bij sportverenigingen."),
        H(1, "Samenwerking met partners"),
        P("Veiligheid maakt de gemeente niet alleen. De volgende partners zijn betrokken bij de uitvoering van dit plan:"),
        UL("Politie, basisteam Wendeloo-Bosrijk",
           "Openbaar Ministerie",
           "Veilig Thuis Midden-Oost",
           "Zorg- en Veiligheidshuis Midden-Oost",
           "Woningcorporatie Thuis in Wendeloo",
           "Brandweer en Veiligheidsregio"),
        H(1, "Monitoring en verantwoording"),
        P("De burgemeester rapporteert jaarlijks in het tweede kwartaal over de voortgang. In 2025 vindt een "
          "tussentijdse evaluatie plaats; de nieuwe Veiligheidsmonitor verschijnt in het voorjaar van 2026."),
    ],
)

# ---------------------------------------------------------------- f02 (Haverdam)
F02 = dict(
    title="Integraal Veiligheidsplan Haverdam 2024 – 2027",
    header="Integraal Veiligheidsplan Haverdam 2024 – 2027",
    footer=["Gemeente Haverdam – versie 1.0 – december 2023"],
    toc_label="Inhoudsopgave",
    toc=[
        "1. Inleiding .............................................. 2",
        "1.1 Aanleiding ............................................ 2",
        "1.2 Kaders ................................................ 2",
        "2. Veiligheidsbeeld ....................................... 2",
        "3. Thema's ................................................ 3",
        "3.1 Cybercrime ............................................ 3",
        "3.2 Ondermijning .......................................... 3",
        "3.3 Huiselijk geweld ...................................... 3",
        "4. Partners en monitoring ................................. 3",
    ],
    blocks=[
        H(1, "1. Inleiding"),
        P("Voor u ligt het Integraal Veiligheidsplan (IVP) van de gemeente Haverdam voor de jaren 2024 tot en met "
          "2027. Het plan is op 14 december 2023 door de gemeenteraad vastgesteld."),
        H(2, "1.1 Aanleiding"),
        P("Het vorige plan liep af op 31 december 2023. De evaluatie liet zien dat de aanpak van woninginbraak "
          "succesvol was, maar dat nieuwe vormen van criminaliteit, zoals online fraude en ondermijning, meer "
          "aandacht vragen."),
        H(2, "1.2 Kaders"),
        P("Dit plan sluit aan bij de methode Kernbeleid Veiligheid van de VNG, het regionaal beleidsplan van de "
          "politie en het coalitieakkoord „Samen sterk in Haverdam 2022–2026”. De belangrijkste wettelijke kaders zijn:"),
        TUL("Politiewet 2012",
            "Gemeentewet, artikelen 172 tot en met 175",
            "Wet verplichte meldcode huiselijk geweld en kindermishandeling",
            "Wet Bibob"),
        H(1, "2. Veiligheidsbeeld"),
        P("Haverdam is een gemeente met 58.900 inwoners, een historische binnenstad en een haven- en "
          "industriegebied langs de rivier. In vergelijking met gemeenten van dezelfde omvang ligt het aantal "
          "geweldsdelicten iets hoger en het aantal woninginbraken juist lager."),
        TABLE(["Indicator", "2023", "Doel 2027"],
              ["Aangiften cybercrime en online fraude", "412", "≤ 380"],
              ["Woninginbraken", "131", "≤ 110"],
              ["Geweldsmisdrijven", "388", "≤ 340"],
              ["Meldingen huiselijk geweld (Veilig Thuis)", "497", "hogere meldingsbereidheid"],
              ["Veiligheidsgevoel (rapportcijfer)", "6,9", "≥ 7,2"]),
        P("Het aantal aangiften van cybercrime is sinds 2019 ruim verdubbeld. Naar schatting doet slechts één op "
          "de vijf slachtoffers aangifte."),
        H(1, "3. Thema's"),
        P("De raad heeft drie thema's als prioriteit benoemd. Voor ieder thema beschrijven wij de opgave, de doelen "
          "en de belangrijkste acties."),
        ("cols", 2),
        H(2, "3.1 Cybercrime"),
        P("Vooral ouderen en kleine ondernemers worden slachtoffer van phishing, WhatsApp-fraude en ransomware. "
          "De gemeente organiseert samen met de politie en de bibliotheek het programma „Digiveilig Haverdam”."),
        H(3, "3.1.1 Doelen"),
        OL("Het aantal slachtoffers van online fraude daalt met tien procent.",
           "Alle basisscholen geven in groep 7 en 8 een les over online veiligheid.",
           "Ten minste 300 ondernemers nemen deel aan de cybertraining van het Ondernemersloket."),
        H(2, "3.2 Ondermijning"),
        P("In het havengebied zijn signalen van drugssmokkel en van misbruik van bedrijfspanden. Het Regionaal "
          "Informatie- en Expertisecentrum (RIEC) ondersteunt de gemeente bij de analyse en de bestuurlijke aanpak."),
        P("Wij breiden het Bibob-beleid uit naar de branches transport, opslag en autoverhuur en voeren jaarlijks "
          "twee integrale controles uit."),
        ("cols", 1),
        H(2, "3.3 Huiselijk geweld"),
        P("Huiselijk geweld komt in alle lagen van de bevolking voor. Wij investeren in vroegsignalering via het "
          "sociaal wijkteam en in een snelle opvolging van meldingen door Veilig Thuis."),
        P("Daarnaast start in 2024 een pilot waarin het tijdelijk huisverbod wordt gecombineerd met hulpverlening "
          "aan de pleger."),
        H(1, "4. Partners en monitoring"),
        P("De uitvoering gebeurt samen met de politie, het Openbaar Ministerie, het RIEC, Veilig Thuis, het sociaal "
          "wijkteam, de woningcorporaties en de Ondernemersvereniging Haverdam."),
        P("Het college informeert de raad jaarlijks met een voortgangsrapportage. De doelen in de tabel van "
          "hoofdstuk 2 vormen daarbij het uitgangspunt."),
    ],
)

# ---------------------------------------------------------------- f03 (Lindeveen, long)
F03 = dict(
    title="Integraal Veiligheidsplan Lindeveen 2024–2027",
    header=None,
    footer=["IVP Lindeveen 2024–2027 | pagina ", "PAGE"],
    blocks=[
        H(1, "Voorwoord"),
        P("Veiligheid is een basisbehoefte. Iedereen in Lindeveen moet zich thuis, op straat, op school en online "
          "veilig kunnen voelen. Dat is geen vanzelfsprekendheid: de criminaliteit verandert van karakter en "
          "verplaatst zich steeds vaker naar de digitale wereld."),
        P("Dit plan is tot stand gekomen in gesprek met inwoners, ondernemers, jongeren en professionals. Ik dank "
          "iedereen die heeft meegedacht. Samen zorgen wij ervoor dat Lindeveen een veilige gemeente blijft."),
        P(["Met vriendelijke groet,", BR, "J.P. van Aalst", BR, "burgemeester van Lindeveen"]),
        H(1, "Inleiding"),
        H(2, "Doel van dit plan"),
        P("Het integraal veiligheidsplan 2024–2027 geeft richting aan de inzet van de gemeente en haar partners op "
          "het gebied van openbare orde en veiligheid. Het plan maakt keuzes: niet alles kan tegelijk en niet alles "
          "heeft dezelfde urgentie."),
        P("Het plan vormt de basis voor de jaarlijkse uitvoeringsprogramma's. Daarin staan de concrete "
          "activiteiten, de verantwoordelijke partners en de beschikbare middelen."),
        H(2, "Werkwijze"),
        P("Voor de analyse is gebruikgemaakt van politiecijfers over de periode 2019–2023, gegevens van Veilig "
          "Thuis, de Veiligheidsmonitor 2023 en de jaarverslagen van het Zorg- en Veiligheidshuis."),
        P("Tussen maart en juni 2023 zijn zes werksessies gehouden met in totaal 94 deelnemers. Daarnaast vulden "
          "1.126 inwoners de online vragenlijst in."),
        H(1, "Lindeveen in beeld"),
        H(2, "Inwoners en wijken"),
        P("Lindeveen telt 27.310 inwoners, verdeeld over de hoofdkern en de dorpen Oud-Lindeveen, Brakel en "
          "Zuiderhoek. Het aandeel inwoners van 65 jaar en ouder stijgt van 22 procent nu naar verwachting naar "
          "27 procent in 2030."),
        P("De wijken Molenhoek en De Akkers hebben de hoogste woningdichtheid. Hier komen ook de meeste meldingen "
          "van overlast binnen."),
        H(2, "Criminaliteit en overlast"),
        P("In 2023 registreerde de politie 1.052 misdrijven in Lindeveen, 6 procent minder dan in 2019. "
          "Vermogensdelicten zoals fietsendiefstal en winkeldiefstal maken ruim de helft van het totaal uit."),
        P("Het aantal woninginbraken daalde van 88 in 2019 naar 54 in 2023. Tegelijk nam het aantal meldingen van "
          "online oplichting toe van 61 naar 149."),
        P("Overlast van jongeren concentreert zich rond het busstation en sportpark De Brink, vooral op vrijdag- "
          "en zaterdagavond in de zomermaanden."),
        H(2, "Veiligheidsbeleving"),
        P("Inwoners geven hun buurt gemiddeld een 7,4 voor veiligheid. Dat is iets hoger dan het landelijk "
          "gemiddelde. Wel voelt 21 procent van de inwoners zich 's avonds op straat weleens onveilig."),
        Q("„Ik woon hier al veertig jaar en voel me nog steeds veilig. Maar als ik 's avonds door het park loop, "
          "kijk ik vaker achterom dan vroeger.” – inwoner van Oud-Lindeveen tijdens de werksessie van 12 april 2023"),
        P("Dit soort signalen nemen wij serieus. Het gevoel van veiligheid is net zo belangrijk als de feitelijke "
          "veiligheid."),
        H(1, "Prioriteit 1: Ondermijning"),
        H(2, "Opgave ondermijning"),
        P("Ondermijnende criminaliteit is vaak niet zichtbaar, maar heeft grote gevolgen. Criminelen maken gebruik "
          "van legale structuren, zoals vastgoed, bedrijven en vergunningen, om illegale winsten wit te wassen."),
        P("In Lindeveen zijn signalen van drugsopslag in leegstaande agrarische schuren, van malafide autobedrijven "
          "en van uitbuiting van arbeidsmigranten."),
        H(2, "Aanpak ondermijning"),
        P("Wij versterken de informatiepositie door signalen van medewerkers, ondernemers en inwoners beter te "
          "bundelen. Hiervoor richten wij een gemeentelijk meldpunt ondermijning in."),
        P("Bij vergunningaanvragen in risicobranches voeren wij standaard een Bibob-toets uit. In samenwerking met "
          "het RIEC voeren wij jaarlijks ten minste twee integrale controles uit."),
        P("Vrijkomende agrarische bebouwing brengen wij in kaart. Eigenaren krijgen voorlichting over de risico's "
          "van verhuur aan onbekende huurders."),
        H(1, "Prioriteit 2: Jeugd en veiligheid"),
        H(2, "Opgave jeugd"),
        P("De meeste jongeren in Lindeveen groeien veilig en gezond op. Een kleine groep raakt betrokken bij "
          "overlast, vandalisme of criminaliteit. Zorgelijk zijn de toename van wapenbezit en de rol van sociale "
          "media bij conflicten tussen jongeren."),
        P("In 2023 zijn 38 jongeren aangemeld bij het Zorg- en Veiligheidshuis, tegen 24 in 2021."),
        H(2, "Aanpak jeugd"),
        P("Het jongerenwerk, de wijkagenten en de boa's werken met een gezamenlijk beeld van de jeugdgroepen. Per "
          "groep is één regisseur verantwoordelijk voor de aanpak."),
        P("Op alle scholen voor voortgezet onderwijs worden voorlichtingslessen gegeven over wapens, drugs en "
          "online uitlokking. Ouders worden actief betrokken via ouderavonden."),
        H(1, "Prioriteit 3: Woninginbraak en high impact crimes"),
        P("Woninginbraak, straatroof en overvallen hebben een grote impact op slachtoffers. Hoewel de aantallen "
          "dalen, blijft preventie nodig."),
        P("Wij ondersteunen de 31 WhatsApp-buurtpreventiegroepen, organiseren jaarlijks de Week van de "
          "Inbraakpreventie en verstrekken subsidie voor hang- en sluitwerk aan inwoners met een laag inkomen."),
        H(1, "Prioriteit 4: Huiselijk geweld"),
        H(2, "Opgave huiselijk geweld"),
        P("In 2023 ontving Veilig Thuis 312 meldingen over huishoudens in Lindeveen. Bij ongeveer een derde ging "
          "het om een herhaalde melding."),
        P("Ouderenmishandeling en financiële uitbuiting van ouderen worden nog weinig gesignaleerd. Door de "
          "vergrijzing verwachten wij hier een toename."),
        H(2, "Aanpak huiselijk geweld"),
        P("Wij zetten in op vroegsignalering door huisartsen, wijkverpleging, scholen en het sociaal team. Alle "
          "professionals werken met de meldcode."),
        P("Bij acute onveiligheid legt de burgemeester een tijdelijk huisverbod op. In 2024 onderzoeken wij of een "
          "vaste casusregisseur de doorlooptijd kan verkorten."),
        H(1, "Prioriteit 5: Cybercrime"),
        P("Cybercrime is de snelst groeiende vorm van criminaliteit. Slachtoffers zijn vaak ouderen, maar ook "
          "jongeren en ondernemers worden steeds vaker getroffen."),
        P("De gemeente geeft het goede voorbeeld en verbetert de eigen informatiebeveiliging volgens de Baseline "
          "Informatiebeveiliging Overheid (BIO)."),
        P("Samen met de bibliotheek en de seniorenvereniging organiseren wij spreekuren en workshops „Veilig "
          "online”. Ondernemers kunnen gebruikmaken van een gratis cyberscan."),
        H(1, "Samenwerking"),
        P("De gemeente heeft de regie op het lokale veiligheidsbeleid. De politie, het Openbaar Ministerie, Veilig "
          "Thuis, het Zorg- en Veiligheidshuis, woningcorporatie Lindewonen en de ondernemersvereniging zijn vaste "
          "partners."),
        P("Het lokaal driehoeksoverleg van burgemeester, officier van justitie en teamchef politie komt zes keer "
          "per jaar bijeen en bewaakt de voortgang van dit plan."),
        H(1, "Monitoring en evaluatie"),
        P("Voor iedere prioriteit zijn meetbare doelen opgesteld. Wij volgen deze doelen met een jaarlijks "
          "veiligheidsdashboard dat openbaar wordt gepubliceerd."),
        P(["De raad ontvangt drie producten:", BR,
           "– jaarlijks een voortgangsrapportage in het tweede kwartaal;", BR,
           "– in 2025 een tussentijdse evaluatie;", BR,
           "– in 2027 een eindevaluatie als basis voor het volgende plan."]),
        P("Als de ontwikkelingen daartoe aanleiding geven, kan het college tussentijds prioriteiten bijstellen. "
          "De raad wordt daarover vooraf geïnformeerd."),
        H(1, "Financiën"),
        P("Voor de uitvoering van dit plan is jaarlijks € 415.000 beschikbaar in de begroting. Daarnaast ontvangt "
          "Lindeveen een rijksbijdrage voor de aanpak van ondermijning."),
        P("Activiteiten op het gebied van huiselijk geweld worden grotendeels gefinancierd uit het budget voor het "
          "sociaal domein."),
    ],
)

# ---------------------------------------------------------------- f04 (Oosterbrugge, web page)
F04 = dict(
    page_title="Integraal Veiligheidsplan 2024–2027 | Gemeente Oosterbrugge",
    skip_link="Direct naar de inhoud",
    logo="Gemeente Oosterbrugge",
    menu=[("Home", "/"), ("Wonen", "/wonen"), ("Contact", "/contact")],
    breadcrumb=["Home", "Bestuur en organisatie", "Veiligheid"],
    search_label="Zoeken op deze website",
    aside_title="Meer over veiligheid",
    aside_links=[("Melding openbare ruimte doen", "/melding"),
                 ("Buurtpreventie in Oosterbrugge", "/buurtpreventie"),
                 ("Veilig Thuis: advies en meldpunt", "https://www.veiligthuis.nl"),
                 ("Download het volledige plan (PDF, 1,2 MB)", "/documenten/ivp-2024-2027.pdf")],
    footer_lines=["Gemeente Oosterbrugge", "Raadhuisplein 1, 4561 AB Oosterbrugge", "Telefoon 14 0114",
                  "Maandag tot en met vrijdag 8.30 – 17.00 uur"],
    cookie_text="Wij gebruiken functionele en analytische cookies om deze website goed te laten werken. "
                "Lees meer in onze cookieverklaring.",
    cookie_buttons=["Akkoord", "Instellingen"],
    blocks=[
        H(1, "Integraal Veiligheidsplan 2024–2027"),
        P("In het Integraal Veiligheidsplan 2024–2027 staat hoe de gemeente Oosterbrugge de komende vier jaar werkt "
          "aan een veilige gemeente. De gemeenteraad heeft het plan op 7 november 2023 vastgesteld. Op deze pagina "
          "leest u de belangrijkste punten."),
        H(2, "Waarom een veiligheidsplan?"),
        P("De gemeenteraad stelt iedere vier jaar vast wat de belangrijkste veiligheidsproblemen zijn en wat de "
          "gemeente daaraan doet. Zo weten inwoners, ondernemers en partners waar zij aan toe zijn."),
        H(2, "Hoe veilig is Oosterbrugge?"),
        P("Oosterbrugge is een relatief veilige gemeente. Het aantal misdrijven is de afgelopen vijf jaar gedaald. "
          "Wel zijn er zorgen over online oplichting en over ondermijning in het buitengebied."),
        TABLE(["Indicator", "2023", "Doel 2027"],
              ["Totaal geregistreerde misdrijven", "2.106", "1.900 of minder"],
              ["Woninginbraken", "143", "115 of minder"],
              ["Slachtoffers online oplichting", "287", "250 of minder"],
              ["Meldingen jeugdoverlast", "412", "330 of minder"],
              ["Inwoners die zich veilig voelen in de buurt", "82%", "85%"]),
        H(2, "Onze prioriteiten"),
        P("Het plan kent vier prioriteiten:"),
        OL("Ondermijning", "Jeugdoverlast en jeugdcriminaliteit", "Cybercrime", "Huiselijk geweld"),
        H(3, "Ondermijning"),
        P("Criminelen gebruiken soms gewone bedrijven en panden voor hun activiteiten. Dat willen wij voorkomen. "
          "Daarom doen wij het volgende:"),
        UL("We controleren vergunningaanvragen met de Wet Bibob.",
           "We bezoeken samen met de politie en de Belastingdienst bedrijven op de bedrijventerreinen.",
           "We geven agrariërs voorlichting over het verhuren van lege schuren."),
        H(3, "Jeugdoverlast"),
        P("Op een aantal plekken in de gemeente hebben bewoners last van groepen jongeren. Jongerenwerkers en "
          "wijkagenten gaan met deze jongeren in gesprek. Waar nodig betrekken we ook de ouders."),
        H(3, "Cybercrime"),
        P("Steeds meer inwoners worden slachtoffer van oplichting via internet, bijvoorbeeld via nepberichten van "
          "de bank. We geven voorlichting in buurthuizen en op scholen, en werken samen met de bibliotheek."),
        H(3, "Huiselijk geweld"),
        P(["Huiselijk geweld en kindermishandeling zijn vaak onzichtbaar. Twijfelt u of maakt u zich zorgen? "
           "Neem dan contact op met ", ("a", "Veilig Thuis", "https://www.veiligthuis.nl"),
           ", ook als u niet zeker weet of er echt iets aan de hand is."]),
        H(2, "Samenwerken"),
        P("De gemeente werkt voor dit plan samen met onder andere:"),
        UL("de politie", "het Openbaar Ministerie", "het RIEC", "Veilig Thuis", "woningcorporatie Brugwonen",
           "de ondernemersvereniging"),
        H(2, "Hoe houden we u op de hoogte?"),
        P("Ieder jaar maken we een verslag van wat we hebben gedaan. Dit verslag bespreekt de gemeenteraad in juni. "
          "In 2025 kijken we halverwege of de aanpak werkt."),
    ],
)

# ---------------------------------------------------------------- f05 (Maasterp, Word "save as web page")
# NB: f05 is written in windows-1252, so no characters outside cp1252 (no ≤ / ≥).
F05 = dict(
    page_title="Integraal Veiligheidsplan Maasterp 2024-2027",
    author="A. de Vries",
    # per heading level: how Word-HTML renders it
    blocks=[
        H(1, "Inleiding"),
        P("Dit integraal veiligheidsplan beschrijft de ambities van de gemeente Maasterp op het gebied van "
          "veiligheid voor de periode 2024–2027. Het plan is opgesteld door het team Openbare Orde en Veiligheid "
          "in nauwe samenwerking met de politie en maatschappelijke partners."),
        P("Voor de uitvoering trekt de gemeente jaarlijks €\u00a0286.000 uit.",
          fn="Exclusief de bijdrage aan de Veiligheidsregio en de kosten van de inzet van boa's, die via de "
             "begroting van het programma Openbare Ruimte lopen."),
        H(2, "Aanleiding"),
        P("Het vorige veiligheidsplan liep tot en met 2023. Uit de evaluatie blijkt dat de samenwerking met "
          "partners goed verloopt, maar dat de doelen op het gebied van jeugdoverlast niet zijn gehaald."),
        H(1, "Veiligheidsbeeld Maasterp"),
        P("Maasterp telt 19.650 inwoners en bestaat uit de kern Maasterp en de kerkdorpen Ooy, Velden en Hulshout. "
          "De gemeente ligt aan de snelweg en heeft een jachthaven aan de rivier."),
        TABLE(["Indicator", "2023", "Doel 2027"],
              ["Woninginbraken", "41", "maximaal 30"],
              ["Babbeltrucs en phishing bij ouderen", "37", "maximaal 25"],
              ["Meldingen jeugdoverlast", "168", "maximaal 120"],
              ["Meldingen huiselijk geweld", "122", "meer vroegsignalering"],
              ["Veiligheidsgevoel (rapportcijfer)", "7,6", "7,8 of hoger"]),
        P("Het aantal babbeltrucs bij ouderen is in twee jaar verdubbeld. Daders doen zich vaak voor als medewerker "
          "van de bank, de energieleverancier of de thuiszorg."),
        H(1, "Speerpunten 2024–2027"),
        P("De gemeenteraad heeft de volgende speerpunten vastgesteld:"),
        UL("woninginbraak en babbeltrucs", "ondermijning", "jeugd en veiligheid", "huiselijk geweld"),
        H(2, "Woninginbraak en babbeltrucs"),
        P("Wij richten ons vooral op ouderen die zelfstandig wonen. Samen met de seniorenraad en de wijkagent "
          "zetten wij de volgende middelen in:"),
        TUL("voorlichtingsbijeenkomsten in de vier kernen",
            "de folder „Niet zomaar binnen”",
            "huisbezoeken door vrijwilligers van de Veiligheidsbrigade",
            "een WhatsApp-buurtpreventiegroep in iedere kern"),
        H(2, "Ondermijning"),
        P("Rond de jachthaven en op bedrijventerrein Hulshout-Oost zijn signalen van ondermijning. Wij werken samen "
          "met het RIEC en passen het Bibob-instrument toe bij de verhuur van ligplaatsen en bedrijfspanden."),
        H(2, "Jeugd en veiligheid"),
        P("De aanpak van jeugdoverlast verloopt in drie stappen:"),
        OL("signaleren: jongerenwerk, boa's en politie brengen de groepen in beeld;",
           "bespreken: in het jeugdoverleg wordt per groep een aanpak afgesproken;",
           "handelen: de regisseur jeugd bewaakt de uitvoering en koppelt terug aan de melders."),
        H(3, "Preventieve inzet op scholen"),
        P("Op de twee middelbare scholen in Maasterp geeft het jongerenwerk lessen over drugs, wapens en "
          "groepsdruk. Ouders ontvangen een nieuwsbrief met tips."),
        H(2, "Huiselijk geweld"),
        P("Wij zorgen dat professionals signalen eerder herkennen en dat slachtoffers snel hulp krijgen. Het "
          "sociaal team en Veilig Thuis werken volgens één gezamenlijk afwegingskader."),
        H(1, "Partners"),
        P("Dit plan voeren wij uit samen met:"),
        UL("Politie, basisteam Maas-Peel", "Openbaar Ministerie", "Veilig Thuis", "Sociaal team Maasterp",
           "Seniorenraad Maasterp", "Woonstichting De Maasoever"),
        H(1, "Monitoring"),
        P("Het college rapporteert jaarlijks over de voortgang aan de raad. In het najaar van 2025 volgt een "
          "tussenevaluatie, waarbij ook de resultaten van de Veiligheidsmonitor worden betrokken."),
    ],
)

# ---------------------------------------------------------------- f06 (Kolmerveen, section/article)
F06 = dict(
    page_title="Veiligheidsplan 2024–2027 – Kolmerveen.nl",
    site_name="Kolmerveen.nl",
    menu=[("Home", "/"), ("Bestuur", "/bestuur"), ("Veiligheid", "/veiligheid")],
    footer_items=["© 2024 Gemeente Kolmerveen", "Privacyverklaring", "Toegankelijkheid"],
    blocks=[
        OPEN("article", ' class="plan"'),
        H(1, "Veiligheidsplan Kolmerveen 2024–2027"),
        DIV(["Veilig wonen, werken en leven in Kolmerveen: dat is het doel van dit plan. Het is opgesteld door de "
             "gemeente, de politie en ", ("a", "ruim twintig partners", "#partners"), "."]),
        OPEN("section", ' id="inleiding"'),
        H(2, "Inleiding"),
        P(["Het vorige veiligheidsplan liep af in 2023. In dit nieuwe plan kiezen wij voor ", ("b", "vier thema's"),
           " waar de komende jaren de meeste winst te behalen is."]),
        DIV(["De gemeenteraad heeft het plan op ", ("i", "25 januari 2024"), " vastgesteld."]),
        OPEN("section"),
        H(3, "Uitgangspunten"),
        OPEN("div", ' class="uitgangspunten"'),
        TEXT("Bij de keuzes in dit plan zijn drie uitgangspunten gehanteerd:"),
        UL("Wij werken wijkgericht en datagestuurd.",
           ["Preventie gaat ", ("b", "waar mogelijk"), " voor repressie."],
           "Inwoners en ondernemers zijn partner, geen toeschouwer."),
        CLOSE("div"),
        CLOSE("section"),
        CLOSE("section"),
        OPEN("section", ' id="cijfers"'),
        H(2, "Cijfers en trends"),
        P(["In 2023 registreerde de politie ", ("b", "1.687 misdrijven"), " in Kolmerveen. Dat is ",
           ("i", "8 procent minder"), " dan in 2019."]),
        TABLE(["Indicator", "2023", "Doel 2027"],
              ["Misdrijven totaal", "1.687", "1.550"],
              ["Woninginbraken", "102", "80"],
              ["Aangiften online fraude", "231", "200"],
              ["Meldingen huiselijk geweld", "276", "300 (meer melden)"]),
        DETAILS("Toelichting op de cijfers",
                P("De cijfers zijn afkomstig uit de politieregistratie en hebben betrekking op het grondgebied van "
                  "de gemeente."),
                P("Een daling van het aantal aangiften betekent niet altijd dat er minder criminaliteit is. Vooral "
                  "bij online fraude en huiselijk geweld is de aangiftebereidheid laag.")),
        CLOSE("section"),
        OPEN("section", ' id="themas"'),
        H(2, "Thema's"),
        OPEN("article"),
        H(3, "Ondermijning"),
        P(["Ondermijning ", ("b", "tast de rechtsstaat aan"), ". Wij pakken dit samen met het RIEC en de politie aan."]),
        OPEN("section"),
        H(4, "Acties in 2024"),
        UL("Bibob-toets bij alle nieuwe horecavergunningen",
           "Twee integrale controles op bedrijventerrein Kolmerhaven",
           "Training ‘signalen herkennen’ voor 80 medewerkers"),
        CLOSE("section"),
        OPEN("section"),
        H(4, "Resultaat in 2027"),
        DIV("Ondernemers en inwoners weten waar zij signalen kunnen melden en het aantal meldingen bij het meldpunt "
            "is verdubbeld."),
        CLOSE("section"),
        CLOSE("article"),
        OPEN("article"),
        H(3, "Jeugd"),
        P(["Jongeren zijn vaker slachtoffer dan dader.", BR,
           "Toch veroorzaakt een kleine groep jongeren veel overlast in het centrum en bij het station."]),
        H(4, "Aanpak jeugd"),
        OL("In beeld brengen van jeugdgroepen", "Gesprekken met jongeren en ouders",
           "Inzet van jongerenwerk in de avonduren"),
        CLOSE("article"),
        OPEN("article"),
        H(3, "Huiselijk geweld"),
        P(["Bel bij acuut gevaar altijd ", ("b", "112"), ".", BR,
           "Voor advies of een melding kunt u 24 uur per dag terecht bij ",
           ("a", "Veilig Thuis", "https://www.veiligthuis.nl"), " via 0800-2000."]),
        DIV(["Wij investeren in vroegsignalering door scholen, huisartsen en het ", ("i", "sociaal team"), "."]),
        CLOSE("article"),
        OPEN("article"),
        H(3, "Cybercrime"),
        DIV("Online oplichting is in Kolmerveen de snelst groeiende vorm van criminaliteit. Met de campagne "
            "„Eerst checken, dan klikken” bereiken wij ouderen én jongeren."),
        CLOSE("article"),
        CLOSE("section"),
        OPEN("section", ' id="partners"'),
        H(2, "Partners en monitoring"),
        P("Het college rapporteert ieder jaar aan de raad over de voortgang. In 2026 volgt een evaluatie."),
        DETAILS("Welke partners werken mee?",
                UL("Politie, basisteam Kolmerveen", "Openbaar Ministerie", "RIEC", "Veilig Thuis",
                   "Jongerenwerk Kolmerveen", "Woningcorporatie Veenhuis")),
        CLOSE("section"),
        CLOSE("article"),
    ],
)
