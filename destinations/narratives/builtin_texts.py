"""The texts of the built-in stories: titles, introductions, step prose and the facts each step cites.

Written for destination managers to show partners, in English and Danish, from the rows of
``geodata/attractions.csv``, ``geodata/attraction_visitors.csv`` and ``geodata/fixed_links.csv``.
Rules the tests hold these texts to:

* places are attractions of the data (by id) or municipalities (by code) - no other place is a step;
* every figure in a title, introduction, body or cited fact appears in those files (with its source
  and year in the cited facts); rounded figures are written in words ("half a million");
* data notes (gaps, approximate positions, estimated travel) never appear in the prose: the facts
  box of each step is drawn from the data when the story is built (:mod:`.templates`);
* where the prose relies on background that is not in the data (e.g. which of H.C. Andersen's tales
  mentions a place), the cited facts say so ("background, not in the project's data").

Steps are listed in travel order; the first step's id is its first attraction's id unless given.
"""

from __future__ import annotations

from dataclasses import dataclass

from destinations.narratives.model import DEFAULT_LAYERS, LocalText

T = LocalText


@dataclass(frozen=True)
class StepSpec:
    """One hand-written step: its places, title, prose and the facts the prose uses (with source)."""

    attractions: tuple[str, ...]
    title: LocalText
    body: LocalText
    cites: tuple[LocalText, ...] = ()
    municipalities: tuple[str, ...] = ()
    id: str | None = None
    layers: tuple[str, ...] = DEFAULT_LAYERS


@dataclass(frozen=True)
class BuiltinSpec:
    """A built-in story: id, theme tag, title, introduction and steps in travel order."""

    id: str
    theme: str
    title: LocalText
    intro: LocalText
    steps: tuple[StepSpec, ...]


def S(attractions: tuple[str, ...] | str, title: tuple[str, str], body: tuple[str, str], *,
      cites: tuple[tuple[str, str], ...] = (), municipalities: tuple[str, ...] = (),
      id: str | None = None) -> StepSpec:
    """A :class:`StepSpec` from (en, da) pairs, to keep the texts below readable."""
    places = (attractions,) if isinstance(attractions, str) else tuple(attractions)
    return StepSpec(attractions=places, title=T(*title), body=T(*body),
                    cites=tuple(T(*c) for c in cites), municipalities=municipalities, id=id)


BACKGROUND_EN = "background, not in the project's data"
BACKGROUND_DA = "baggrundsviden, ikke i projektets data"

# ------------------------------------------------------------------------------------- Bornholm
BORNHOLM = BuiltinSpec(
    "bornholm", "bornholm",
    T("Bornholm round the island: from Hammershus to Dueodde",
      "Bornholm rundt: fra Hammershus til Dueodde"),
    T("Bornholm is one municipality and one destination company, so this is a story Destination "
      "Bornholm can tell on its own, from the castle ruin in the north-west to the beach in the "
      "south. It is written for guests who stay several days - couples, families, walkers, cyclists "
      "and food lovers - and who arrive by ferry, 80 minutes from Ystad or overnight from Køge. Most "
      "steps are open all year, which makes the island a spring and autumn story as much as a "
      "summer one; Dueodde's beach is the summer finale.",
      "Bornholm er én kommune og ét destinationsselskab, så denne fortælling kan Destination "
      "Bornholm fortælle alene - fra borgruinen i nordvest til stranden i syd. Den henvender sig "
      "til gæster, der bliver flere dage - par, familier, vandrere, cyklister og madelskere - og "
      "som kommer med færgen, 80 minutter fra Ystad eller med natfærgen fra Køge. De fleste stop "
      "har åbent hele året, så øen er lige så meget en forårs- og efterårsfortælling som en "
      "sommerfortælling; stranden ved Dueodde er sommerens finale."),
    (
        S("hammershus", ("Hammershus: the castle on the rock", "Hammershus: borgen på klippen"),
          ("The story starts where Bornholm's history is written in stone: the medieval castle ruin "
           "of Hammershus on the cliffs of the island's north-west. Guests walk in through the gate, "
           "along the walls and out to the view over the Baltic, at no charge and in every month "
           "of the year. With up to half a million guests a year by local estimates, it is the "
           "island's lighthouse attraction and the natural first chapter.",
           "Fortællingen begynder dér, hvor Bornholms historie står skrevet i sten: middelalderens "
           "borgruin Hammershus på klipperne i øens nordvestlige hjørne. Gæsterne går ind gennem "
           "porten, langs murene og ud til udsigten over Østersøen - gratis og i alle årets "
           "måneder. Med op mod en halv million gæster om året efter lokale skøn er ruinen øens "
           "fyrtårn og det naturlige første kapitel."),
          cites=(("Up to half a million guests a year: 'op mod en halv million gæster' (bornholm.nu, "
                  "undated, article 2018); 'ca. 500.000 om året' (A.P. Møller Fonden project fact "
                  "box); a free, open site counted by estimate (attraction_visitors.csv).",
                  "Op mod en halv million gæster om året: 'op mod en halv million gæster' "
                  "(bornholm.nu, udateret, artikel 2018); 'ca. 500.000 om året' (A.P. Møller Fondens "
                  "projektfaktaboks); gratis, åbent sted, tallet er et skøn (attraction_visitors.csv)."),
                 ("Medieval castle ruin on the north-west cliffs: " + BACKGROUND_EN + ".",
                  "Middelalderlig borgruin på klipperne i nordvest: " + BACKGROUND_DA + "."))),
        S("helligdomsklipperne-bornholms-kunstmuseum",
          ("Helligdomsklipperne: rock and art", "Helligdomsklipperne: klipper og kunst"),
          ("Further along the north coast the rock meets art. At Helligdomsklipperne the cliffs drop "
           "to the sea, and Bornholms Kunstmuseum stands above them, so a walk on the coast and an "
           "hour with the island's art fit into one visit. It is the step that shows partners how "
           "Bornholm's nature and culture make one offer, and a good choice on a grey day.",
           "Længere henne ad nordkysten møder klippen kunsten. Ved Helligdomsklipperne falder "
           "klipperne stejlt i havet, og Bornholms Kunstmuseum ligger lige ovenover, så en tur langs "
           "kysten og en time med øens kunst passer ind i samme besøg. Her ser samarbejdspartnere, "
           "hvordan Bornholms natur og kultur er ét samlet tilbud - og stoppet er et godt valg på en "
           "grå dag."),
          cites=(("Coastal cliffs with the island art museum above them (attractions.csv, coverage "
                  "review).",
                  "Kystklipper med øens kunstmuseum ovenover (attractions.csv, gennemgang af "
                  "dækning)."),)),
        S("gudhjem", ("Gudhjem: down to the harbour", "Gudhjem: ned til havnen"),
          ("Gudhjem brings the guest down to the water: a small harbour town on the north coast "
           "where the day slows down over a meal by the quay. Here the story turns from sights to "
           "the island's everyday life, and a natural base for the nights on the north coast.",
           "I Gudhjem kommer gæsten helt ned til vandet: en lille havneby på nordkysten, hvor dagen "
           "får lov at gå langsomt over et måltid på havnen. Her skifter fortællingen fra seværdig"
           "heder til øens hverdagsliv, og byen er en naturlig base for nætterne på nordkysten."),
          cites=(("Harbour town on the north coast, themes food and the sea (attractions.csv).",
                  "Havneby på nordkysten, temaerne mad og hav (attractions.csv)."),)),
        S("oesterlars-rundkirke", ("Østerlars: the round church", "Østerlars: rundkirken"),
          ("A few kilometres inland stands Østerlars Rundkirke, one of the round churches Bornholm "
           "is known for. Its round, fortress-like form is unlike the village churches elsewhere in "
           "Denmark and gives the story its medieval chapter between the castle and the coast.",
           "Lidt inde i landet ligger Østerlars Rundkirke, en af de rundkirker, Bornholm er kendt "
           "for. Den runde, borglignende form adskiller sig fra landsbykirkerne i resten af Danmark "
           "og giver fortællingen sit middelalderkapitel mellem borgen og kysten."),
          cites=(("Round church, a building type Bornholm is known for: " + BACKGROUND_EN + ".",
                  "Rundkirke, en bygningstype Bornholm er kendt for: " + BACKGROUND_DA + "."),)),
        S("almindingen-ekkodalen", ("Almindingen: the forest in the middle",
                                    "Almindingen: skoven midt på øen"),
          ("In the middle of the island lies Almindingen, Bornholm's central forest, with the "
           "valley of Ekkodalen. Guests walk or cycle under the trees, far from the coast's summer "
           "crowds, in any season. It is the quiet counterweight to the coast and the step that "
           "makes Bornholm a destination for active holidays outside July.",
           "Midt på øen ligger Almindingen, Bornholms store skov, med Ekkodalen. Gæsterne vandrer "
           "eller cykler under træerne, langt fra kystens sommertravlhed og i alle årstider. Det er "
           "modvægten til kysten og det stop, der gør Bornholm til en destination for aktive ferier "
           "uden for juli."),
          cites=(("Bornholm's central forest; themes nature and cycling (attractions.csv, coverage "
                  "review).",
                  "Bornholms centrale skov; temaerne natur og cykling (attractions.csv, gennemgang "
                  "af dækning)."),)),
        S("svaneke", ("Svaneke: the island's larder", "Svaneke: øens spisekammer"),
          ("Svaneke on the east coast is where guests taste Bornholm: a harbour town known for its "
           "smokehouses and food producers. Shops and workshops sell what the island makes, and the "
           "story gets its food chapter - the one guests take home in a bag.",
           "Svaneke på østkysten er stedet, hvor gæsterne smager Bornholm: en havneby kendt for sine "
           "røgerier og fødevareproducenter. Butikker og værksteder sælger det, øen selv laver, og "
           "fortællingen får sit madkapitel - det, gæsterne tager med hjem i en pose."),
          cites=(("Harbour town known for smokehouses and food producers (attractions.csv, coverage "
                  "review).",
                  "Havneby kendt for røgerier og fødevareproducenter (attractions.csv, gennemgang "
                  "af dækning)."),)),
        S("dueodde", ("Dueodde: the summer finale", "Dueodde: sommerens finale"),
          ("The story ends at Dueodde, the wide sandy beach at the island's southern tip. From June "
           "to August this is where families spend their days, and it closes the round of the "
           "island with sea and sand after rock, forest and harbours.",
           "Fortællingen slutter ved Dueodde, den brede sandstrand på øens sydspids. Fra juni til "
           "august er det her, familierne tilbringer dagene, og stranden runder turen rundt om øen "
           "af med hav og sand efter klipper, skov og havne."),
          cites=(("Beach, season June-August (attractions.csv).",
                  "Strand, sæson juni-august (attractions.csv)."),)),
    ),
)

# ------------------------------------------------------------------------- the marsh and the Wadden Sea
WADDEN = BuiltinSpec(
    "wadden-sea", "wadden-sea",
    T("The marsh and the Wadden Sea: from Blåvandshuk to Møgeltønder",
      "Marsken og Vadehavet: fra Blåvandshuk til Møgeltønder"),
    T("The Wadden Sea is Denmark's largest national park and a UNESCO World Heritage site, and "
      "three destination companies share its coast: Destination Vesterhavet, Destination "
      "Vadehavskysten and Destination Sønderjylland. This story follows it south from the lighthouse "
      "at Blåvandshuk to the marsh villages at Tønder, for nature guests, birdwatchers and families. "
      "Its best seasons are spring and autumn, when the starlings gather over the Tønder marsh, so "
      "it lengthens the season as much as it fills the summer beaches.",
      "Vadehavet er Danmarks største nationalpark og UNESCO-verdensarv, og tre "
      "destinationsselskaber deler kysten: Destination Vesterhavet, Destination Vadehavskysten og "
      "Destination Sønderjylland. Fortællingen følger kysten mod syd fra fyret ved Blåvandshuk til "
      "marsklandsbyerne ved Tønder og henvender sig til naturgæster, fuglekiggere og familier. "
      "Bedst er den forår og efterår, når stærene samler sig over Tøndermarsken - den forlænger "
      "sæsonen lige så meget, som den fylder sommerens strande."),
    (
        S("blaavandshuk-fyr", ("Blåvandshuk Fyr: where the Wadden Sea begins",
                               "Blåvandshuk Fyr: hvor Vadehavet begynder"),
          ("The story starts at Blåvandshuk, Denmark's westernmost point, where the open North Sea "
           "coast turns into the Wadden Sea. From the lighthouse guests look out over dunes, beach "
           "and sandbanks, and can see the whole story's landscape begin. Open all year, it is a "
           "walk for the first evening as well as the first day.",
           "Fortællingen begynder ved Blåvandshuk, Danmarks vestligste punkt, hvor den åbne "
           "vestkyst går over i Vadehavet. Fra fyret ser gæsterne ud over klitter, strand og "
           "sandrevler - hele fortællingens landskab begynder her. Fyret har åbent hele året og "
           "er lige så meget en aftentur som dagens første oplevelse."),
          cites=(("Lighthouse, themes North Sea coast, Wadden Sea and nature (attractions.csv).",
                  "Fyr, temaerne Vesterhavskysten, Vadehavet og natur (attractions.csv)."),
                 ("Denmark's westernmost point, the northern end of the Wadden Sea: " + BACKGROUND_EN
                  + ".",
                  "Danmarks vestligste punkt, Vadehavets nordlige ende: " + BACKGROUND_DA + "."))),
        S("fanoe-fanoe-bad-beach", ("Fanø: twelve minutes to the island",
                                    "Fanø: tolv minutter til øen"),
          ("From Esbjerg the ferry crosses to Nordby on Fanø in about 12 minutes, and the island "
           "feels far further away. On the west side the beach at Fanø Bad is wide and open to the "
           "sea; between June and August it is the story's family day.",
           "Fra Esbjerg sejler færgen til Nordby på Fanø på omkring 12 minutter, og alligevel føles "
           "øen langt væk. På vestsiden ligger stranden ved Fanø Bad bred og åben mod havet; fra "
           "juni til august er den fortællingens familiedag."),
          cites=(("Fanølinjen Esbjerg-Nordby: 12 minutes, daytime every 20 minutes (ferriesworldwide.de,"
                  " hotelfanoe.de; TV SYD 2020: 11 minutes) (fixed_links.csv).",
                  "Fanølinjen Esbjerg-Nordby: 12 minutter, om dagen hvert 20. minut "
                  "(ferriesworldwide.de, hotelfanoe.de; TV SYD 2020: 11 minutter) "
                  "(fixed_links.csv)."),)),
        S(("vadehavscentret-wadden-sea-centre", "nationalpark-vadehavet"),
          ("Vadehavscentret: the national park explained", "Vadehavscentret: nationalparken forklaret"),
          ("At Vadehavscentret guests learn to read what they have seen: tides, birds and the marsh "
           "that the sea both builds and floods. The centre is the door to Nationalpark Vadehavet, "
           "Denmark's largest national park at 1,459 km² across Tønder, Esbjerg, Fanø and Varde. "
           "It drew 116,000 guests in its opening year, 2017 (JydskeVestkysten), proof that "
           "knowledge of the landscape is itself a reason to come.",
           "I Vadehavscentret lærer gæsterne at læse det, de har set: tidevandet, fuglene og "
           "marsken, som havet både bygger op og oversvømmer. Centret er indgangen til Nationalpark "
           "Vadehavet, Danmarks største nationalpark på 1.459 km² i Tønder, Esbjerg, Fanø og Varde. "
           "Det havde 116.000 gæster i åbningsåret 2017 (JydskeVestkysten) - et bevis på, at viden "
           "om landskabet i sig selv er en grund til at komme."),
          cites=(("Vadehavscentret: 116,000 guests in the opening year 2017, rounded (jv.dk) "
                  "(attraction_visitors.csv).",
                  "Vadehavscentret: 116.000 gæster i åbningsåret 2017, afrundet (jv.dk) "
                  "(attraction_visitors.csv)."),
                 ("Nationalpark Vadehavet: Denmark's largest national park, 1,459 km², Tønder, "
                  "Esbjerg, Fanø and Varde; UNESCO Wadden Sea (attractions.csv, coverage review).",
                  "Nationalpark Vadehavet: Danmarks største nationalpark, 1.459 km², Tønder, "
                  "Esbjerg, Fanø og Varde; UNESCO-Vadehavet (attractions.csv, gennemgang af "
                  "dækning)."))),
        S("mandoe", ("Mandø: across the seabed", "Mandø: over havbunden"),
          ("Mandø is an island reached over the low-tide road, and only when the tide allows. "
           "In the tractor-bus season guests ride out across the seabed, and the crossing itself "
           "is the experience: a landscape that is sea twice a day. Few places show the Wadden "
           "Sea's rhythm as directly.",
           "Mandø er en ø, man når ad ebbevejen - og kun når tidevandet tillader det. I "
           "traktorbussens sæson kører gæsterne ud over havbunden, og selve overfarten er "
           "oplevelsen: et landskab, der er hav to gange i døgnet. Få steder viser Vadehavets "
           "rytme så direkte."),
          cites=(("Tidal island reached over the low-tide road; season = tractor-bus season "
                  "(attractions.csv, coverage review).",
                  "Tidevandsø, som nås ad ebbevejen; sæson = traktorbussens sæson (attractions.csv, "
                  "gennemgang af dækning)."),)),
        S("roemoe-lakolk-strand", ("Rømø: the wide beach at Lakolk", "Rømø: den brede strand ved Lakolk"),
          ("On Rømø the beach at Lakolk is so wide that the sea seems far away at low tide. It is "
           "the summer chapter of the story, from June to August, and the place where beach "
           "holidaymakers meet the Wadden Sea without having planned to.",
           "På Rømø er stranden ved Lakolk så bred, at havet virker langt væk ved lavvande. Den er "
           "fortællingens sommerkapitel fra juni til august, og stedet hvor badegæster møder "
           "Vadehavet uden at have planlagt det."),
          cites=(("Beach, themes Wadden Sea, North Sea coast and family, season June-August "
                  "(attractions.csv).",
                  "Strand, temaerne Vadehavet, Vesterhavskysten og familie, sæson juni-august "
                  "(attractions.csv)."),)),
        S("toendermarsken-sort-sol-starling-murmurations",
          ("Tøndermarsken: the black sun", "Tøndermarsken: sort sol"),
          ("In March and April, and again in September and October, the starlings gather over the "
           "Tønder marsh at dusk and fly in the great swirling flocks called Sort Sol - the black "
           "sun. Guests stand on the dike and watch the sky darken and turn. It is the story's "
           "strongest argument for spring and autumn, when the region has beds to spare.",
           "I marts og april og igen i september og oktober samler stærene sig over Tøndermarsken "
           "ved solnedgang og flyver i de store, bølgende flokke, vi kalder sort sol. Gæsterne står "
           "på diget og ser himlen blive mørk og vende. Det er fortællingens stærkeste argument for "
           "forår og efterår, hvor regionen har senge til overs."),
          cites=(("Sort Sol starling murmurations; season = murmuration periods, March-April and "
                  "September-October (attractions.csv).",
                  "Sort sol, stærenes flokke; sæson = perioderne med sort sol, marts-april og "
                  "september-oktober (attractions.csv)."),)),
        S("moegeltoender-schackenborg", ("Møgeltønder: the royal village in the marsh",
                                         "Møgeltønder: den kongelige landsby i marsken"),
          ("The story ends in Møgeltønder, the village of Schackenborg castle, where the marsh gets "
           "its royal thread. Guests walk the village street to the castle and close the journey "
           "from Blåvandshuk among old houses in a landscape that has been won from the sea.",
           "Fortællingen slutter i Møgeltønder, landsbyen ved Schackenborg Slot, hvor marsken får "
           "sin kongelige tråd. Gæsterne går ad landsbygaden op til slottet og runder rejsen fra "
           "Blåvandshuk af mellem gamle huse i et landskab, der er vundet fra havet."),
          cites=(("Heritage site with the royal theme, open all year (attractions.csv).",
                  "Kulturarv med det kongelige tema, åbent hele året (attractions.csv)."),)),
    ),
)

# ------------------------------------------------------------------------------------ Copenhagen
COPENHAGEN = BuiltinSpec(
    "copenhagen", "copenhagen",
    T("Copenhagen for a first visit: from Tivoli to the harbour",
      "København for førstegangsgæster: fra Tivoli til havnen"),
    T("Most guests meet Copenhagen for the first time on a city break, and this story gives them "
      "the classic day and a half on foot: Tivoli, the old city, a royal castle, the harbour canal "
      "of Nyhavn, the palaces of Amalienborg, the Little Mermaid and Christianshavn. It is written "
      "for first-time visitors from abroad and for hotels and guides who plan their first day. "
      "Every step is open all year except Tivoli, which closes in the first months of the year.",
      "De fleste gæster møder København første gang på en storbyferie, og denne fortælling giver "
      "dem de klassiske halvanden dag til fods: Tivoli, den gamle by, et kongeslot, kanalen i "
      "Nyhavn, palæerne på Amalienborg, Den Lille Havfrue og Christianshavn. Den er skrevet til "
      "førstegangsgæster fra udlandet og til hoteller og guider, der planlægger deres første dag. "
      "Alle stop har åbent hele året undtagen Tivoli, der holder lukket i årets første måneder."),
    (
        S("tivoli-gardens", ("Tivoli: the garden in the middle of the city",
                             "Tivoli: haven midt i byen"),
          ("The first evening belongs to Tivoli, the amusement garden by the central station: rides, "
           "lights, music and restaurants behind its gates. With 4,031,000 guest visits in 2023 "
           "(Tivoli) it heads VisitDenmark's list of attractions, and it is where most first visits "
           "to Copenhagen begin. It is open from March to December.",
           "Den første aften hører Tivoli til, forlystelseshaven ved Hovedbanegården: forlystelser, "
           "lys, musik og restauranter bag portene. Med 4.031.000 gæstebesøg i 2023 (Tivoli) "
           "topper den VisitDenmarks liste over attraktioner, og her begynder de fleste første besøg "
           "i København. Tivoli har åbent fra marts til december."),
          cites=(("First on VisitDenmark's list: 'Auf dem ersten Platz steht weiterhin das Tivoli in "
                  "Kopenhagen mit 4,58 Millionen Besucher' (VisitDenmark list 2019 via "
                  "urlaub-in-daenemark.net) (attraction_visitors.csv).",
                  "Først på VisitDenmarks liste: 'Auf dem ersten Platz steht weiterhin das Tivoli in "
                  "Kopenhagen mit 4,58 Millionen Besucher' (VisitDenmarks liste 2019 via "
                  "urlaub-in-daenemark.net) (attraction_visitors.csv)."),)),
        S(("stroeget-indre-by-amagertorv", "rundetaarn-round-tower"),
          ("Strøget and the Round Tower", "Strøget og Rundetårn"),
          ("Next morning the guest walks into the old city along Strøget and its squares, the "
           "pedestrian heart of Copenhagen. A few streets away Rundetårn, the Round Tower, has no "
           "stairs but a wide spiral ramp to the top, and from there the old city's roofs and "
           "spires lie below. The tower had 700,000 visitors in 2018 (VisitDenmark).",
           "Næste morgen går gæsten ind i den gamle by ad Strøget og dets pladser, Københavns "
           "gågadehjerte. Få gader væk har Rundetårn ingen trapper, men en bred snegang til toppen, "
           "og deroppefra ligger den gamle bys tage og spir nedenunder. Tårnet havde 700.000 "
           "besøgende i 2018 (VisitDenmark)."),
          cites=(("The spiral ramp instead of stairs: " + BACKGROUND_EN + ".",
                  "Snegangen i stedet for trapper: " + BACKGROUND_DA + "."),)),
        S(("rosenborg-slot", "torvehallerne"), ("Rosenborg and the market halls",
                                                "Rosenborg og Torvehallerne"),
          ("Rosenborg Slot is the castle of the crown jewels, a royal Renaissance house in the "
           "middle of the city; 404,994 guests came in 2019 by the museum's own count. A few minutes "
           "away, the food halls of Torvehallerne are where the walk turns into lunch.",
           "Rosenborg Slot er kronjuvelernes slot, et kongeligt renæssancehus midt i byen; 404.994 "
           "gæster kom i 2019 efter museets egen opgørelse. Få minutter derfra bliver "
           "gåturen til frokost i Torvehallerne."),
          cites=(("Rosenborg: 404,994 guests in 2019 (Kongernes Samling, museum's own count); "
                  "386,656 in 2018 (Danmarks Statistik) (attraction_visitors.csv).",
                  "Rosenborg: 404.994 gæster i 2019 (Kongernes Samling, museets egen opgørelse); "
                  "386.656 i 2018 (Danmarks Statistik) (attraction_visitors.csv)."),
                 ("Crown jewels at Rosenborg: " + BACKGROUND_EN + ".",
                  "Kronjuvelerne på Rosenborg: " + BACKGROUND_DA + "."))),
        S("nyhavn", ("Nyhavn: the harbour canal", "Nyhavn: kanalen"),
          ("Nyhavn is the picture guests came for: the old harbour canal with its coloured houses, "
           "wooden ships and café tables along the quay. H.C. Andersen lived here, and the canal is "
           "where the story meets the sea that made Copenhagen a port.",
           "Nyhavn er det billede, gæsterne kom efter: den gamle havnekanal med de farvede huse, "
           "træskibene og cafébordene langs kajen. H.C. Andersen boede her, og ved kanalen møder "
           "fortællingen havet, der gjorde København til en havneby."),
          cites=(("Themes maritime, food and H.C. Andersen (attractions.csv).",
                  "Temaerne maritim, mad og H.C. Andersen (attractions.csv)."),
                 ("H.C. Andersen lived in Nyhavn: " + BACKGROUND_EN + ".",
                  "H.C. Andersen boede i Nyhavn: " + BACKGROUND_DA + "."))),
        S(("amalienborg-amalienborgmuseet", "marmorkirken-frederiks-kirke"),
          ("Amalienborg and the Marble Church", "Amalienborg og Marmorkirken"),
          ("A few minutes from Nyhavn lies Amalienborg, the royal residence, four palaces around one "
           "square with the Royal Life Guards on watch; the Amalienborg Museum opens some of the "
           "royal rooms. The dome of the Marble Church closes the view up the street, and the two "
           "together are the royal chapter of the walk.",
           "Få minutter fra Nyhavn ligger Amalienborg, kongefamiliens residens: fire palæer om én "
           "plads med Den Kongelige Livgarde på vagt, og Amalienborgmuseet åbner nogle af de "
           "kongelige stuer. Marmorkirkens kuppel lukker udsigten op ad gaden, og sammen er de "
           "gåturens kongelige kapitel."),
          cites=(("Both with the royal theme, open all year (attractions.csv).",
                  "Begge med det kongelige tema, åbne hele året (attractions.csv)."),
                 ("Four palaces, the Royal Life Guards: " + BACKGROUND_EN + ".",
                  "Fire palæer, Den Kongelige Livgarde: " + BACKGROUND_DA + "."))),
        S(("kastellet", "den-lille-havfrue-the-little-mermaid"),
          ("Kastellet and the Little Mermaid", "Kastellet og Den Lille Havfrue"),
          ("Along the waterfront the walk passes the star-shaped ramparts of Kastellet and reaches "
           "the Little Mermaid, the small statue of the heroine of Andersen's tale. She is free to "
           "visit and not counted, but a round, undated estimate speaks of a million visitors a "
           "year (EFE) - for many guests she is Copenhagen in one image.",
           "Langs vandet går turen forbi Kastellets stjerneformede volde og ud til Den Lille "
           "Havfrue, den lille statue af heltinden fra Andersens eventyr. Hun er gratis at besøge "
           "og tælles ikke, men et rundt, udateret skøn taler om en million besøgende om året "
           "(EFE) - for mange gæster er hun København i ét billede."),
          cites=(("Little Mermaid: 'a million people each year', round undated estimate (EFE, 2013 "
                  "centenary article) (attraction_visitors.csv).",
                  "Den Lille Havfrue: 'en million mennesker hvert år', rundt udateret skøn (EFE, "
                  "artikel ved 100-året 2013) (attraction_visitors.csv)."),
                 ("Kastellet's star-shaped ramparts: " + BACKGROUND_EN + ".",
                  "Kastellets stjerneformede volde: " + BACKGROUND_DA + "."))),
        S(("vor-frelsers-kirke-spire", "christiania"),
          ("Christianshavn: the spire and Christiania", "Christianshavn: spiret og Christiania"),
          ("The story ends across the harbour in Christianshavn. The spire of Vor Frelsers Kirke has "
           "its staircase on the outside, and from the top the whole walk lies below; next door, "
           "Christiania shows a very different Copenhagen. Half a million or more visitors a year "
           "come to Christiania by undated estimates, so the guest ends the day among locals and "
           "other travellers alike.",
           "Fortællingen slutter på den anden side af havnen på Christianshavn. Vor Frelsers Kirkes "
           "spir har trappen udvendigt, og fra toppen ligger hele turen nedenunder; lige ved siden "
           "af viser Christiania et helt andet København. Over en halv million besøgende kommer til "
           "Christiania om året efter udaterede skøn, så gæsten slutter dagen blandt både "
           "københavnere og andre rejsende."),
          cites=(("Christiania: 'mehr als eine halbe Million' (more than half a million) a year "
                  "(VisitCopenhagen, undated) against 'over en million' (over a million) (Den Store Danske, undated) - conflicting estimates "
                  "(attraction_visitors.csv).",
                  "Christiania: 'mehr als eine halbe Million' (mere end en halv million) om året "
                  "(VisitCopenhagen, udateret) mod "
                  "'over en million' (Den Store Danske, udateret) - skønnene er uenige "
                  "(attraction_visitors.csv)."),
                 ("The outside staircase of the spire: " + BACKGROUND_EN + ".",
                  "Spirets udvendige trappe: " + BACKGROUND_DA + "."))),
    ),
)

# ----------------------------------------------------------------------- conferences in Copenhagen
CONFERENCES = BuiltinSpec(
    "copenhagen-conferences", "meetings",
    T("Meeting in Copenhagen: venues and a programme for delegates",
      "Møder i København: mødesteder og et program for deltagerne"),
    T("Business events fill hotels when leisure guests are fewer, and Copenhagen has venues and "
      "places for every part of a congress programme within a short ride of the airport. This story "
      "is for meeting planners, the convention bureau and hotel sales teams: it pairs the large "
      "venues of Ørestad with the design and architecture that give delegates something to talk "
      "about, and an active break for the free afternoon. Every step is open all year, which is "
      "the point: a congress story for the months outside the summer peak.",
      "Erhvervsarrangementer fylder hotellerne, når feriegæsterne er færre, og København har "
      "mødesteder og oplevelser til alle dele af et kongresprogram tæt på lufthavnen. Fortællingen "
      "er til mødeplanlæggere, convention bureauet og hotellernes salgsafdelinger: den kobler de "
      "store spillesteder i Ørestad med det design og den arkitektur, der giver deltagerne noget at "
      "tale om, og et aktivt afbræk til den frie eftermiddag. Alle stop har åbent hele året - og "
      "det er pointen: en kongresfortælling til månederne uden for sommerens højsæson."),
    (
        S("den-blaa-planet-national-aquarium-denmark",
          ("Den Blå Planet: the welcome by the airport", "Den Blå Planet: velkomsten ved lufthavnen"),
          ("Delegates land in Tårnby, and in the same municipality Den Blå Planet, the National "
           "Aquarium, makes a striking first evening: a building shaped like a whirlpool, with the "
           "sea's life behind glass. It had 603,000 guests in 2015 and about 540,000 in 2019, so "
           "it is a name delegates already know.",
           "Deltagerne lander i Tårnby, og i samme kommune er Den Blå Planet, Danmarks Akvarium, en "
           "markant første aften: en bygning formet som en hvirvelstrøm, med havets liv bag glas. "
           "Akvariet havde 603.000 gæster i 2015 og omkring 540.000 i 2019, så det er et navn, "
           "deltagerne allerede kender."),
          cites=(("About 540,000 in 2019, rounded (Ekstra Bladet 2021) (attraction_visitors.csv).",
                  "Omkring 540.000 i 2019, afrundet (Ekstra Bladet 2021) "
                  "(attraction_visitors.csv)."),
                 ("Whirlpool-shaped building: " + BACKGROUND_EN + ".",
                  "Bygning formet som en hvirvelstrøm: " + BACKGROUND_DA + "."))),
        S("royal-arena", ("Royal Arena: the plenary", "Royal Arena: plenum"),
          ("In Ørestad, Royal Arena is the venue for the largest events: concerts, sport and "
           "shows. It welcomed its one-millionth visitor about 20 months after opening in "
           "February 2017 (Pollstar), a measure of how much the city can host in one hall.",
           "I Ørestad er Royal Arena stedet for de største arrangementer: koncerter, sport og "
           "shows. Arenaen bød sin besøgende nummer en million velkommen omkring 20 måneder efter "
           "åbningen i februar 2017 (Pollstar) - et mål for, hvor meget byen kan rumme i én hal."),
          cites=(("One millionth visitor 20 months after opening in February 2017; cumulative, not "
                  "an annual figure (Pollstar 2018) (attraction_visitors.csv).",
                  "Besøgende nummer en million 20 måneder efter åbningen i februar 2017; samlet tal, "
                  "ikke et årstal (Pollstar 2018) (attraction_visitors.csv)."),)),
        S("dr-koncerthuset", ("DR Koncerthuset: the gala evening", "DR Koncerthuset: galaaftenen"),
          ("A short metro ride away, DR Koncerthuset, the concert hall of the Danish Broadcasting "
           "Corporation, gives the programme its gala evening. A concert in one of the city's "
           "landmark halls, in a building delegates photograph on their way in, is the evening they "
           "tell colleagues about at home.",
           "En kort metrotur derfra giver DR Koncerthuset, DR's koncerthus, programmet sin galaaften. "
           "En koncert i en af byens markante sale, i en bygning deltagerne fotograferer på vej ind, "
           "er den aften, de fortæller kollegerne om derhjemme."),
          cites=(("Event venue with the design and architecture theme (attractions.csv).",
                  "Spillested med temaet design og arkitektur (attractions.csv)."),)),
        S("blox-dansk-arkitektur-center", ("BLOX: architecture on the harbour",
                                           "BLOX: arkitektur ved havnen"),
          ("On the harbour front, BLOX houses Dansk Arkitektur Center. For a congress on cities, "
           "climate or health, a session or a guided exhibition here shows delegates how Copenhagen "
           "plans and builds, and the harbour outside is the example.",
           "På havnefronten rummer BLOX Dansk Arkitektur Center. Til en kongres om byer, klima "
           "eller sundhed viser en session eller en omvisning her, hvordan København planlægger og "
           "bygger - og havnen udenfor er eksemplet."),
          cites=(("Museum with the design and architecture theme (attractions.csv).",
                  "Museum med temaet design og arkitektur (attractions.csv)."),)),
        S("designmuseum-danmark", ("Designmuseum Danmark: the design story",
                                   "Designmuseum Danmark: designfortællingen"),
          ("Designmuseum Danmark tells the story of Danish design, from the furniture to the "
           "everyday objects delegates recognise. It set a record of 310,192 paying visitors in "
           "2019 and passed it with 348,093 in 2024 (the museum) - a partner with pull for "
           "accompanying-person programmes.",
           "Designmuseum Danmark fortæller historien om dansk design, fra møblerne til de "
           "hverdagsting, deltagerne kender. Museet satte rekord med 310.192 betalende gæster i "
           "2019 og slog den med 348.093 i 2024 (museet) - en partner med trækkraft til "
           "ledsagerprogrammer."),
          cites=(("310,192 paying visitors in 2019; 348,093 paying and 488,079 in all in 2024 "
                  "(museum press release 2025) (attraction_visitors.csv).",
                  "310.192 betalende gæster i 2019; 348.093 betalende og 488.079 i alt i 2024 "
                  "(museets pressemeddelelse 2025) (attraction_visitors.csv)."),)),
        S("operaen-copenhagen-opera-house", ("The Opera: the evening on the water",
                                             "Operaen: aftenen ved vandet"),
          ("Across the harbour from Amalienborg, the Opera House gives a closing night on the "
           "water. A performance, or a reception in the foyer with the city's lights opposite, ends "
           "the congress where the city began: at the harbour.",
           "Over for Amalienborg på den anden side af havnen giver Operaen en afslutningsaften ved "
           "vandet. En forestilling eller en reception i foyeren med byens lys over for slutter "
           "kongressen dér, hvor byen begyndte: ved havnen."),
          cites=(("Event venue with the design, architecture and maritime themes (attractions.csv).",
                  "Spillested med temaerne design, arkitektur og maritim (attractions.csv)."),
                 ("Across the harbour from Amalienborg: " + BACKGROUND_EN + ".",
                  "Over for Amalienborg: " + BACKGROUND_DA + "."))),
        S("copenhill-amager-bakke", ("CopenHill: the free afternoon", "CopenHill: den frie eftermiddag"),
          ("For the free afternoon, CopenHill is Copenhagen's argument in one building: a ski slope "
           "and climbing wall on a waste-to-energy plant. Delegates who ski down a power station "
           "remember the city's climate story better than any keynote.",
           "Til den frie eftermiddag er CopenHill Københavns argument i én bygning: en skibakke og "
           "en klatrevæg på et affaldsenergianlæg. Deltagere, der står på ski ned ad et kraftværk, "
           "husker byens klimafortælling bedre end noget oplæg."),
          cites=(("Urban ski slope and climbing on a waste-to-energy plant (attractions.csv).",
                  "Skibakke og klatring på et affaldsenergianlæg (attractions.csv)."),)),
    ),
)

# ------------------------------------------------------------------------------- North Sea coast
NORTH_SEA = BuiltinSpec(
    "north-sea-coast", "north-sea-coast",
    T("The North Sea coast: four lighthouses from Rubjerg Knude to Blåvandshuk",
      "Vestkysten: fire fyr fra Rubjerg Knude til Blåvandshuk"),
    T("Jutland's west coast is one landscape shared by two destination companies, Destination "
      "Nordvestkysten in the north and Destination Vesterhavet in the south. This story follows it "
      "by car from Rubjerg Knude to Blåvandshuk, with four lighthouses as its thread, for "
      "holiday-home guests, surfers and walkers. The beaches are for June to August, but the "
      "lighthouses, the national park and most museums are open all year: the coast is a story for "
      "spring and autumn too.",
      "Jyllands vestkyst er ét landskab, som to destinationsselskaber deler: Destination "
      "Nordvestkysten mod nord og Destination Vesterhavet mod syd. Fortællingen følger kysten i bil "
      "fra Rubjerg Knude til Blåvandshuk med fire fyr som den røde tråd og henvender sig til "
      "sommerhusgæster, surfere og vandrere. Strandene hører juni til august til, men fyrene, "
      "nationalparken og de fleste museer har åbent hele året: kysten er også en forårs- og "
      "efterårsfortælling."),
    (
        S(("rubjerg-knude-fyr", "loenstrup"), ("Rubjerg Knude: the lighthouse that moved",
                                               "Rubjerg Knude: fyret, der flyttede"),
          ("The first lighthouse stands in the sand of Rubjerg Knude, and in October 2019 it was "
           "moved about 70 m inland, away from the falling cliff edge. Guests climb the dune to it "
           "and see the North Sea eat the coast; about 250,000 people come each year (Hjørring "
           "Kommune, 2019). Nearby lies Lønstrup, the cliff-side village, for coffee after the walk.",
           "Det første fyr står i sandet på Rubjerg Knude, og i oktober 2019 blev det flyttet "
           "omkring 70 m ind i landet, væk fra den nedstyrtende klintekant. Gæsterne går op ad "
           "klitten til fyret og ser Vesterhavet æde af kysten; omkring 250.000 kommer hvert år "
           "(Hjørring Kommune, 2019). Tæt ved ligger Lønstrup, landsbyen ved klinten, til kaffen "
           "efter turen."),
          cites=(("'250.000 mennesker besøger hvert år Rubjerg Knude Fyr' - typical annual level "
                  "stated in October 2019 (Hjørring Kommune via Ekstra Bladet) "
                  "(attraction_visitors.csv).",
                  "'250.000 mennesker besøger hvert år Rubjerg Knude Fyr' - typisk årligt niveau "
                  "oplyst i oktober 2019 (Hjørring Kommune via Ekstra Bladet) "
                  "(attraction_visitors.csv)."),
                 ("Moved about 70 m inland in October 2019 (attractions.csv, coordinates note).",
                  "Flyttet omkring 70 m ind i landet i oktober 2019 (attractions.csv, note om "
                  "koordinater)."),
                 ("Lønstrup: cliff-side village next to Rubjerg Knude (attractions.csv).",
                  "Lønstrup: landsby ved klinten ved siden af Rubjerg Knude (attractions.csv)."))),
        S(("loekken-strand", "blokhus-strand"), ("Løkken and Blokhus: the beach towns",
                                                 "Løkken og Blokhus: badebyerne"),
          ("South of Lønstrup the coast becomes beach. Løkken and Blokhus are the summer towns of "
           "the north-west, where families spend June to August between the sea, the dunes and the "
           "ice cream shops, and where the story finds its summer crowd.",
           "Syd for Lønstrup bliver kysten til strand. Løkken og Blokhus er Nordvestjyllands "
           "sommerbyer, hvor familierne tilbringer juni til august mellem havet, klitterne og "
           "isbutikkerne - og hvor fortællingen finder sommerens gæster."),
          cites=(("Beaches, season June-August (attractions.csv).",
                  "Strande, sæson juni-august (attractions.csv)."),)),
        S("bulbjerg", ("Bulbjerg: the bird cliff", "Bulbjerg: fuglefjeldet"),
          ("Bulbjerg is a limestone hill that rises straight from the beach, Denmark's only bird "
           "cliff. Guests walk up for the view along the coast in both directions - a quiet stop in "
           "any season.",
           "Bulbjerg er en kalkbakke, der rejser sig direkte fra stranden, og Danmarks eneste "
           "fuglefjeld. Gæsterne går op for at se kysten i begge retninger - et stille stop i alle "
           "årstider."),
          cites=(("Nature, themes North Sea coast and nature, open all year (attractions.csv).",
                  "Natur, temaerne Vesterhavskysten og natur, åbent hele året (attractions.csv)."),
                 ("Limestone hill, Denmark's only bird cliff: " + BACKGROUND_EN + ".",
                  "Kalkbakke, Danmarks eneste fuglefjeld: " + BACKGROUND_DA + "."))),
        S("hanstholm-bunker-museum-museumscenter-hanstholm",
          ("Hanstholm: the coast at war", "Hanstholm: kysten i krig"),
          ("At Hanstholm the coast tells a harder story: the bunkers of the Second World War "
           "fortress, now a museum. It adds history to a coast guests mostly know for its beaches, "
           "and prepares the later step at Tirpitz.",
           "I Hanstholm fortæller kysten en barskere historie: bunkerne fra Anden Verdenskrigs "
           "fæstning, i dag et museum. Det giver historie til en kyst, gæsterne mest kender for "
           "strandene, og forbereder det senere stop ved Tirpitz."),
          cites=(("Bunker museum with the WW2 history theme (attractions.csv).",
                  "Bunkermuseum med temaet Anden Verdenskrig (attractions.csv)."),)),
        S(("klitmoeller-cold-hawaii-nationalpark-thy-coast", "nationalpark-thy"),
          ("Klitmøller and Nationalpark Thy", "Klitmøller og Nationalpark Thy"),
          ("Klitmøller is 'Cold Hawaii', the surf village where wind and waves bring surfers all "
           "year. Behind it lies Nationalpark Thy, Denmark's first national park, 244 km² of dunes, "
           "heath and lakes along the coast. Surf in the morning, a walk in the dunes in the "
           "afternoon: this is the step for active guests.",
           "Klitmøller er 'Cold Hawaii', surferlandsbyen, hvor vind og bølger trækker surfere til "
           "hele året. Bagved ligger Nationalpark Thy, Danmarks første nationalpark: 244 km² "
           "klitter, hede og søer langs kysten. Surf om formiddagen og en tur i klitterne om "
           "eftermiddagen - stoppet for de aktive gæster."),
          cites=(("Nationalpark Thy: Denmark's first national park, 244 km² (attractions.csv, "
                  "coverage review).",
                  "Nationalpark Thy: Danmarks første nationalpark, 244 km² (attractions.csv, "
                  "gennemgang af dækning)."),)),
        S("jyllandsakvariet-thyboroen", ("Thyborøn: where the Limfjord meets the sea",
                                         "Thyborøn: hvor Limfjorden møder havet"),
          ("The ferry from Agger Tange crosses the channel to Thyborøn in about 12 minutes. "
           "Thyborøn is the fishing town at the mouth of the Limfjord, and Jyllandsakvariet shows "
           "the life of the North Sea to families on a windy day.",
           "Færgen fra Agger Tange krydser kanalen til Thyborøn på omkring 12 minutter. Thyborøn "
           "er fiskerbyen ved Limfjordens munding, og Jyllandsakvariet viser Vesterhavets liv for "
           "familier på en blæsende dag."),
          cites=(("Thyborøn-Agger ferry: 12 minutes (travel blog road-fun.de, a weak source); "
                  "outages and low water can stop sailings (fixed_links.csv).",
                  "Thyborøn-Agger-færgen: 12 minutter (rejseblog road-fun.de, en svag kilde); "
                  "udfald og lavvande kan stoppe sejladsen (fixed_links.csv)."),)),
        S("bovbjerg-fyr", ("Bovbjerg Fyr: the second lighthouse", "Bovbjerg Fyr: det andet fyr"),
          ("The second lighthouse, Bovbjerg Fyr, stands on the cliff south of Thyborøn with the sea "
           "below. Guests come for the view and the walk along the clifftop, a breath of air "
           "between the towns.",
           "Det andet fyr, Bovbjerg Fyr, står på skrænten syd for Thyborøn med havet nedenunder. "
           "Gæsterne kommer for udsigten og turen langs klinten - et pust frisk luft mellem byerne."),
          cites=(("Lighthouse, themes North Sea coast and nature, open all year (attractions.csv).",
                  "Fyr, temaerne Vesterhavskysten og natur, åbent hele året (attractions.csv)."),)),
        S(("lyngvig-fyr", "hvide-sande"), ("Lyngvig Fyr and Hvide Sande",
                                           "Lyngvig Fyr og Hvide Sande"),
          ("The third lighthouse, Lyngvig Fyr, stands on Holmsland Klit, the narrow dune barrier "
           "between the sea and Ringkøbing Fjord. A few minutes south, Hvide Sande is a working "
           "harbour where guests buy fish on the quay and watch the sluice between fjord and "
           "sea.",
           "Det tredje fyr, Lyngvig Fyr, står på Holmsland Klit, den smalle klitrække mellem havet "
           "og Ringkøbing Fjord. Få minutter mod syd er Hvide Sande en arbejdende havn, hvor "
           "gæsterne køber fisk på kajen og ser slusen mellem fjord og hav."),
          cites=(("Lyngvig Fyr: lighthouse on Holmsland Klit (attractions.csv, coverage review); "
                  "Hvide Sande: themes North Sea coast, maritime and food (attractions.csv).",
                  "Lyngvig Fyr: fyr på Holmsland Klit (attractions.csv, gennemgang af dækning); "
                  "Hvide Sande: temaerne Vesterhavskysten, maritim og mad (attractions.csv)."),
                 ("The sluice between fjord and sea: " + BACKGROUND_EN + ".",
                  "Slusen mellem fjord og hav: " + BACKGROUND_DA + "."))),
        S("tirpitz-blaavand-bunker-museum", ("Tirpitz: the museum in the dune",
                                             "Tirpitz: museet i klitten"),
          ("Near Blåvand, Tirpitz sets a museum into the dune beside a Second World War gun "
           "bunker. It opened in mid-2017 and drew 179,000 visitors that year and 253,530 in 2018 "
           "(VisitDenmark lists) - proof that a rainy-day museum can become a reason to come.",
           "Ved Blåvand ligger Tirpitz, et museum gravet ind i klitten ved siden af en kanonbunker "
           "fra Anden Verdenskrig. Det åbnede midt i 2017 og havde 179.000 besøg det år og 253.530 "
           "i 2018 (VisitDenmarks lister) - et bevis på, at et regnvejrsmuseum kan blive en grund "
           "til at komme."),
          cites=(("253,530 in 2018 (VisitDenmark list 2018 via TV Syd) (attraction_visitors.csv).",
                  "253.530 i 2018 (VisitDenmarks liste 2018 via TV Syd) "
                  "(attraction_visitors.csv)."),
                 ("Gun bunker; the museum building adjoins it (attractions.csv, coordinates note).",
                  "Kanonbunker; museumsbygningen ligger op ad den (attractions.csv, note om "
                  "koordinater)."))),
        S("blaavandshuk-fyr", ("Blåvandshuk Fyr: the fourth lighthouse",
                               "Blåvandshuk Fyr: det fjerde fyr"),
          ("The fourth lighthouse stands at Blåvandshuk, Denmark's westernmost point, where the "
           "North Sea coast ends and the Wadden Sea begins. From the top guests look back up the "
           "coast they have driven - and on to the next story.",
           "Det fjerde fyr står ved Blåvandshuk, Danmarks vestligste punkt, hvor vestkysten slutter "
           "og Vadehavet begynder. Fra toppen ser gæsterne tilbage op ad den kyst, de har kørt - og "
           "videre til den næste fortælling."),
          cites=(("Denmark's westernmost point: " + BACKGROUND_EN + ".",
                  "Danmarks vestligste punkt: " + BACKGROUND_DA + "."),)),
    ),
)

# ----------------------------------------------------------------------------- knowledge in Aarhus
AARHUS = BuiltinSpec(
    "aarhus-knowledge-culture", "aarhus",
    T("Knowledge in Aarhus: library, old town, art and archaeology",
      "Viden i Aarhus: bibliotek, gammel by, kunst og arkæologi"),
    T("Aarhus sells itself as a city of knowledge and culture, and this story shows why in one or "
      "two days: a library on the harbour, an open-air town museum, a rainbow above an art museum "
      "and a museum of archaeology in the woods south of the city. It is written for city-break "
      "guests, school and study groups, and for conference organisers planning the delegates' "
      "afternoon. Every museum step is open all year, so the story works best outside the summer "
      "holidays.",
      "Aarhus markedsfører sig som vidensby og kulturby, og denne fortælling viser hvorfor på én "
      "eller to dage: et bibliotek ved havnen, et frilandsmuseum for byliv, en regnbue over et "
      "kunstmuseum og et arkæologisk museum i skoven syd for byen. Den er skrevet til "
      "storbygæster, skoler og studiegrupper og til kongresarrangører, der planlægger deltagernes "
      "eftermiddag. Alle museumsstop har åbent hele året, så fortællingen fungerer bedst uden for "
      "sommerferien."),
    (
        S("aarhus-oe-dokk1", ("Dokk1: the library on the harbour", "Dokk1: biblioteket ved havnen"),
          ("The story starts at Dokk1, the city library on the harbour front, next to Aarhus Ø, the new "
           "district built on the old docks. It is a public living room more than a book store, and the "
           "harbour outside is where the passenger ferry to Samsø leaves, in about 60 minutes.",
           "Fortællingen begynder ved Dokk1, byens bibliotek på havnefronten, ved siden af Aarhus Ø, den "
           "nye bydel på de gamle havnearealer. Det er mere byens dagligstue end et bogdepot, og fra "
           "havnen udenfor sejler passagerfærgen til Samsø på omkring 60 minutter."),
          cites=(("Samsø Rederi Aarhus (Dokk1)-Sælvig, passengers and bicycles only, about 60 "
                  "minutes (Port of Aarhus), since 2021 (fixed_links.csv).",
                  "Samsø Rederi Aarhus (Dokk1)-Sælvig, kun passagerer og cykler, ca. 60 minutter "
                  "(Aarhus Havn), siden 2021 (fixed_links.csv)."),
                 ("Dokk1 as the city library: " + BACKGROUND_EN + ".",
                  "Dokk1 som byens bibliotek: " + BACKGROUND_DA + "."))),
        S("latinerkvarteret-aarhus", ("The Latin Quarter", "Latinerkvarteret"),
          ("A short walk inland, the Latin Quarter's old streets are the city's oldest, with small "
           "shops, cafés and restaurants. It is where the story slows down and the guest meets the "
           "student city over lunch.",
           "Et kort stykke inde i landet ligger Latinerkvarterets gamle gader, byens ældste, med "
           "små butikker, caféer og restauranter. Her sætter fortællingen tempoet ned, og gæsten "
           "møder studiebyen over frokosten."),
          cites=(("City district with the food theme (attractions.csv).",
                  "Bydel med madtemaet (attractions.csv)."),)),
        S("den-gamle-by", ("Den Gamle By: the town museum", "Den Gamle By: købstadsmuseet"),
          ("Den Gamle By is an open-air museum of Danish town life, with houses moved here from "
           "towns across the country and streets from several centuries. Guests walk into "
           "workshops, shops and homes; 568,275 bought a ticket in 2024 (the museum).",
           "Den Gamle By er et frilandsmuseum for dansk byliv, med huse flyttet hertil fra hele "
           "landet og gader fra flere århundreder. Gæsterne går ind i værksteder, butikker og "
           "hjem; 568.275 løste billet i 2024 (museet)."),
          cites=(("Open-air town museum (attraction_visitors.csv, standbynordic.com wording).",
                  "Frilandsmuseum for byliv (attraction_visitors.csv, formulering fra "
                  "standbynordic.com)."),)),
        S("aros-aarhus-kunstmuseum", ("ARoS: the rainbow over the city",
                                      "ARoS: regnbuen over byen"),
          ("ARoS is the art museum with a circular rainbow walkway on its roof, from which the whole "
           "city turns every colour of the spectrum. Inside are the collections and exhibitions that drew "
           "547,000 exhibition visitors in 2019 (Danmarks Statistik).",
           "ARoS er kunstmuseet med en cirkelrund regnbuegang på taget, hvorfra hele byen bliver "
           "alle regnbuens farver. Indenfor er samlingerne og udstillingerne, der havde 547.000 "
           "udstillingsgæster i 2019 (Danmarks Statistik)."),
          cites=(("718,000 visitors in all in 2019, including those without an exhibition ticket "
                  "(Kristeligt Dagblad) (attraction_visitors.csv).",
                  "718.000 besøgende i alt i 2019, inkl. gæster uden udstillingsbillet "
                  "(Kristeligt Dagblad) (attraction_visitors.csv)."),
                 ("The rainbow walkway on the roof: " + BACKGROUND_EN + ".",
                  "Regnbuegangen på taget: " + BACKGROUND_DA + "."))),
        S(("den-uendelige-bro-the-infinite-bridge", "marselisborg-slot-slotspark"),
          ("The Infinite Bridge and Marselisborg", "Den Uendelige Bro og Marselisborg"),
          ("South along the bay the walk reaches Marselisborg, the royal summer residence, whose "
           "park is open when the royal family is away. Further on, Den Uendelige Bro is a circular "
           "pier at Ballehage beach where guests walk out over the water and back to where they "
           "began - a pause between the museums.",
           "Mod syd langs bugten når turen Marselisborg, kongefamiliens sommerresidens, hvis park "
           "er åben, når kongefamilien ikke er der. Længere fremme er Den Uendelige Bro en "
           "cirkelrund badebro ved Ballehage Strand, hvor gæsterne går ud over vandet og tilbage "
           "til, hvor de begyndte - en pause mellem museerne."),
          cites=(("Den Uendelige Bro: circular pier at Ballehage beach; Marselisborg: royal summer "
                  "residence, park open when the royal family is absent (attractions.csv, coverage "
                  "review).",
                  "Den Uendelige Bro: cirkelrund bro ved Ballehage Strand; Marselisborg: kongelig "
                  "sommerresidens, parken er åben, når kongefamilien ikke er der (attractions.csv, "
                  "gennemgang af dækning)."),)),
        S("moesgaard-museum", ("Moesgaard: the deep past", "Moesgaard: den dybe fortid"),
          ("The story ends in the woods south of the city at Moesgaard Museum, the museum of "
           "archaeology and ethnography under its sloping grass roof. Guests meet the Grauballe Man "
           "and the Viking Age, and 357,000 came in 2019 (Danmarks Statistik). It is the strongest "
           "proof of the story's title: knowledge made into an experience.",
           "Fortællingen slutter i skoven syd for byen ved Moesgaard Museum, museet for arkæologi "
           "og etnografi under det skrå græstag. Gæsterne møder Grauballemanden og vikingetiden, og "
           "357.000 kom i 2019 (Danmarks Statistik). Det er det stærkeste bevis på fortællingens "
           "titel: viden gjort til oplevelse."),
          cites=(("Archaeology and ethnography, the Grauballe Man, the grass roof: " + BACKGROUND_EN
                  + ".",
                  "Arkæologi og etnografi, Grauballemanden, græstaget: " + BACKGROUND_DA + "."),)),
    ),
)

# ------------------------------------------------------------------------------- energy in Esbjerg
ENERGY = BuiltinSpec(
    "energy-esbjerg", "energy",
    T("Energy from Esbjerg: the North Sea harbour to the energy island Samsø",
      "Energi fra Esbjerg: fra Nordsøhavnen til energiøen Samsø"),
    T("Esbjerg is a harbour city that has lived from the North Sea, first through fishing and "
      "shipping, later through energy. This story starts there and follows energy across Jutland "
      "to Samsø, the island that made itself a renewable-energy island, through a science park and "
      "a museum of energy. It is written for families, school trips and study tours on the green "
      "transition, and for companies that want to show visitors where Danish energy comes from. "
      "The science park is open from April to October, so late spring and early autumn suit it "
      "best.",
      "Esbjerg er en havneby, der har levet af Nordsøen - først af fiskeri og skibsfart, siden af "
      "energi. Fortællingen begynder dér og følger energien tværs over Jylland til Samsø, øen der "
      "gjorde sig selv til en vedvarende energi-ø, via en videnspark og et energimuseum. Den er "
      "skrevet til familier, skoleture og studieture om den grønne omstilling og til virksomheder, "
      "der vil vise deres gæster, hvor dansk energi kommer fra. Universe har åbent fra april "
      "til oktober, så det sene forår og det tidlige efterår passer bedst."),
    (
        S("fiskeri-og-soefartsmuseet-esbjerg", ("Esbjerg: the harbour museum",
                                                "Esbjerg: havnemuseet"),
          ("The story begins at Fiskeri- og Søfartsmuseet, the museum of fishing and shipping in "
           "Esbjerg, with a saltwater aquarium and seals. It shows the North Sea as a workplace: "
           "the harbour that fished it and shipped across it is the same harbour that later turned "
           "to energy. 115,083 guests came in 2016 (the museum).",
           "Fortællingen begynder på Fiskeri- og Søfartsmuseet i Esbjerg, med saltvandsakvarium og "
           "sæler. Museet viser Nordsøen som arbejdsplads: havnen, der fiskede i havet og sejlede "
           "over det, er den samme havn, der siden vendte sig mod energien. 115.083 gæster kom i "
           "2016 (museet)."),
          cites=(("Museum with a saltwater aquarium and seals (attractions.csv).",
                  "Museum med saltvandsakvarium og sæler (attractions.csv)."),
                 ("115,083 guests in 2016, museum figures via JydskeVestkysten "
                  "(attraction_visitors.csv).",
                  "115.083 gæster i 2016, museets tal via JydskeVestkysten "
                  "(attraction_visitors.csv)."),
                 ("Esbjerg's harbour turning from fishing and shipping to energy: " + BACKGROUND_EN
                  + "; the attraction data hold no energy site in Esbjerg itself.",
                  "Esbjergs havn fra fiskeri og skibsfart til energi: " + BACKGROUND_DA
                  + "; attraktionsdata har ingen energiattraktion i selve Esbjerg."))),
        S("universe-science-park", ("Universe: science to touch", "Universe: naturvidenskab at røre ved"),
          ("On Nordals, Universe Science Park turns energy and technology into experiments families "
           "do with their own hands, indoors and out. It had 128,647 guests in 2018 (VisitDenmark) "
           "and is open from Easter to October.",
           "På Nordals gør Universe naturvidenskab, energi og teknologi til forsøg, familierne "
           "laver med egne hænder, inde og ude. Parken havde 128.647 gæster i 2018 (VisitDenmark) "
           "og har åbent fra påske til oktober."),
          cites=(("128,647 guests in 2018 (VisitDenmark list 2018 via TV Syd); season Easter-October "
                  "(attraction_visitors.csv).",
                  "128.647 gæster i 2018 (VisitDenmarks liste 2018 via TV Syd); sæson påske-oktober "
                  "(attraction_visitors.csv)."),)),
        S("energimuseet-tange", ("Energimuseet: water into power", "Energimuseet: vand til strøm"),
          ("At Tange, Energimuseet tells how Denmark made and used energy, beside the hydro-power "
           "station on the Gudenå. Guests see turbines, the history of electricity and the way to "
           "today's wind and sun, in the landscape of the river.",
           "Ved Tange fortæller Energimuseet, hvordan Danmark har lavet og brugt energi, ved siden "
           "af vandkraftværket ved Gudenåen. Gæsterne ser turbiner, elektricitetens historie og "
           "vejen til nutidens vind og sol - i ådalens landskab."),
          cites=(("Museum with the energy and technology themes (attractions.csv).",
                  "Museum med temaerne energi og teknologi (attractions.csv)."),
                 ("Beside the Tange hydro-power station on the Gudenå: " + BACKGROUND_EN + ".",
                  "Ved Tange vandkraftværk ved Gudenåen: " + BACKGROUND_DA + "."))),
        S("samsoe-energiakademi-renewable-energy-island", ("Samsø: the energy island",
                                                           "Samsø: energiøen"),
          ("The story ends on Samsø, the renewable-energy island, reached by ferry from Hou in "
           "about 60 minutes or from Kalundborg in 80. At the Energiakademi guests hear how an "
           "island community chose to make its own energy from wind, sun and straw, and then see "
           "it on a cycle ride across the island.",
           "Fortællingen slutter på Samsø, vedvarende energi-øen, som man når med færgen fra Hou "
           "på omkring 60 minutter eller fra Kalundborg på 80. På Energiakademiet hører gæsterne, "
           "hvordan et ø-samfund valgte at lave sin egen energi af vind, sol og halm - og ser det "
           "bagefter på en cykeltur over øen."),
          cites=(("Samsø Rederi Hou-Sælvig about 60 minutes (Wikivoyage, approximate); Samsølinjen "
                  "Kalundborg-Ballen 80 minutes since 2018 (fixed_links.csv).",
                  "Samsø Rederi Hou-Sælvig ca. 60 minutter (Wikivoyage, omtrentligt); Samsølinjen "
                  "Kalundborg-Ballen 80 minutter siden 2018 (fixed_links.csv)."),
                 ("Themes energy and cycling (attractions.csv); wind, sun and straw: "
                  + BACKGROUND_EN + ".",
                  "Temaerne energi og cykling (attractions.csv); vind, sol og halm: "
                  + BACKGROUND_DA + "."))),
    ),
)

# -------------------------------------------------------------------------------- robots in Odense
ROBOTS = BuiltinSpec(
    "robots-odense", "robots-technology",
    T("Technology and robots: from Odense's railway museum to Experimentarium",
      "Teknik og robotter: fra Jernbanemuseet i Odense til Experimentarium"),
    T("Odense is Denmark's robot city, and this story begins there, at the railway museum where "
      "Danish technology's first chapter is told, then travels to the places where guests build, "
      "program and test for themselves: LEGO House, Universe, Danmarks Tekniske Museum and "
      "Experimentarium. It is written for families with children and for school classes, and for "
      "rainy days in any season: four of the five steps are indoors and open all year, Universe "
      "from Easter to October. Four destination companies share it, from Destination Fyn to "
      "Wonderful Copenhagen.",
      "Odense er Danmarks robotby, og fortællingen begynder dér, på Jernbanemuseet, hvor dansk "
      "tekniks første kapitel bliver fortalt, og rejser så videre til de steder, hvor gæsterne "
      "selv bygger, programmerer og afprøver: LEGO House, Universe, Danmarks Tekniske "
      "Museum og Experimentarium. Den er skrevet til børnefamilier og skoleklasser og til "
      "regnvejrsdage i alle årstider: fire af de fem stop er indendørs og har åbent hele året, "
      "Universe fra påske til oktober. Fire destinationsselskaber deler den, fra Destination Fyn "
      "til Wonderful Copenhagen."),
    (
        S("danmarks-jernbanemuseum", ("Odense: the railway museum", "Odense: Jernbanemuseet"),
          ("The story starts next to Odense station at Danmarks Jernbanemuseum, the national "
           "railway museum, where locomotives and carriages show the technology that first tied "
           "Denmark together. Children climb aboard, and the first question of the story is "
           "asked: how does a machine work?",
           "Fortællingen begynder ved siden af Odense Banegård på Danmarks Jernbanemuseum, hvor "
           "lokomotiver og vogne viser den teknik, der først bandt Danmark sammen. Børnene klatrer "
           "om bord, og fortællingens første spørgsmål bliver stillet: hvordan virker en maskine?"),
          cites=(("National railway museum next to Odense station (attractions.csv, coverage "
                  "review).",
                  "Nationalt jernbanemuseum ved Odense Banegård (attractions.csv, gennemgang af "
                  "dækning)."),
                 ("Odense as Denmark's robot city: " + BACKGROUND_EN + "; the attraction data hold "
                  "no robot attraction in Odense, so the story starts at the railway museum.",
                  "Odense som Danmarks robotby: " + BACKGROUND_DA + "; attraktionsdata har ingen "
                  "robotattraktion i Odense, så fortællingen begynder på Jernbanemuseet."))),
        S("lego-house", ("LEGO House: build it yourself", "LEGO House: byg det selv"),
          ("In Billund, LEGO House turns the brick into a workshop: guests build, program and test "
           "their own creations in its experience zones. 244,397 ticketed guests came in 2018 "
           "(VisitDenmark), and far more walk through its free areas.",
           "I Billund gør LEGO House klodsen til et værksted: gæsterne bygger, programmerer og "
           "afprøver deres egne kreationer i oplevelseszonerne. 244.397 gæster med billet kom i "
           "2018 (VisitDenmark), og langt flere går gennem de gratis områder."),
          cites=(("244,397 in 2018 (VisitDenmark list 2018 via TV Syd, ticketed); 450,000 in the "
                  "first year including free areas, 225,000 ticketed (jv.dk) "
                  "(attraction_visitors.csv).",
                  "244.397 i 2018 (VisitDenmarks liste 2018 via TV Syd, med billet); 450.000 det "
                  "første år inkl. gratis områder, 225.000 med billet (jv.dk) "
                  "(attraction_visitors.csv)."),)),
        S("universe-science-park", ("Universe: experiments outdoors",
                                    "Universe: forsøg under åben himmel"),
          ("Universe Science Park on Nordals moves the experiments outdoors: energy, machines and "
           "physics to try with hands and feet. From Easter to October it is the story's summer "
           "step, with 128,647 guests in 2018 (VisitDenmark).",
           "Universe på Nordals flytter forsøgene udenfor: energi, maskiner og fysik, der skal "
           "prøves med hænder og fødder. Fra påske til oktober er den fortællingens sommerstop med "
           "128.647 gæster i 2018 (VisitDenmark)."),
          cites=(("128,647 guests in 2018 (VisitDenmark list 2018 via TV Syd); season Easter-October "
                  "(attraction_visitors.csv).",
                  "128.647 gæster i 2018 (VisitDenmarks liste 2018 via TV Syd); sæson påske-oktober "
                  "(attraction_visitors.csv)."),)),
        S("danmarks-tekniske-museum", ("Danmarks Tekniske Museum: how it was invented",
                                       "Danmarks Tekniske Museum: sådan blev det opfundet"),
          ("In Helsingør, Danmarks Tekniske Museum shows the inventions behind everyday technology, "
           "from engines and cars to radios and computers. It gives the story its history: the "
           "robots of today stand on these machines.",
           "I Helsingør viser Danmarks Tekniske Museum opfindelserne bag hverdagens teknik, fra "
           "motorer og biler til radioer og computere. Det giver fortællingen dens historie: "
           "nutidens robotter står på skuldrene af disse maskiner."),
          cites=(("Museum with the technology and energy themes (attractions.csv).",
                  "Museum med temaerne teknologi og energi (attractions.csv)."),)),
        S("experimentarium", ("Experimentarium: the science centre", "Experimentarium: science centret"),
          ("The story ends at Experimentarium in Hellerup, the science centre where every exhibit "
           "is meant to be touched, pushed and tried. It ranked 19th on VisitDenmark's 2017 list "
           "after it reopened, and it is where children leave asking how to build their own "
           "robot.",
           "Fortællingen slutter på Experimentarium i Hellerup, science centret hvor alt er lavet "
           "til at blive rørt, skubbet og afprøvet. Det lå nummer 19 på VisitDenmarks liste for "
           "2017 efter genåbningen, og det er her, børnene går hjem og spørger, hvordan man bygger "
           "sin egen robot."),
          cites=(("Ranked #19 in VisitDenmark's 2017 list after reopening (attractions.csv).",
                  "Nummer 19 på VisitDenmarks liste 2017 efter genåbningen (attractions.csv)."),)),
    ),
)

# -------------------------------------------------------------------------------- Viking heritage
VIKING = BuiltinSpec(
    "viking-denmark", "viking",
    T("Viking Denmark: from Lindholm Høje to the Viking Ship Museum",
      "Vikingernes Danmark: fra Lindholm Høje til Vikingeskibsmuseet"),
    T("The Viking Age is Denmark's best-known story abroad, and no single destination company can "
      "tell it: its ring fortresses, royal monuments, ships and towns lie across nine of them, from "
      "Destination Nord to Wonderful Copenhagen. This story travels from the burial ground at "
      "Lindholm Høje by Aalborg to the Viking Ship Museum in Roskilde and the National Museum in "
      "Copenhagen. It is for families, history lovers and international round-trip guests; the "
      "reconstructed sites and the play at Frederikssund are open in summer, the museums and "
      "monuments all year.",
      "Vikingetiden er Danmarks bedst kendte fortælling i udlandet, og intet destinationsselskab "
      "kan fortælle den alene: ringborgene, kongemonumenterne, skibene og byerne ligger spredt "
      "over ni af dem, fra Destination Nord til Wonderful Copenhagen. Fortællingen rejser fra "
      "gravpladsen Lindholm Høje ved Aalborg til Vikingeskibsmuseet i Roskilde og Nationalmuseet "
      "i København. Den er til familier, historieinteresserede og udenlandske rundrejsegæster; "
      "de rekonstruerede anlæg og vikingespillet i Frederikssund har åbent om sommeren, museerne "
      "og monumenterne hele året."),
    (
        S("lindholm-hoeje", ("Lindholm Høje: the stone ships", "Lindholm Høje: stenskibene"),
          ("The story begins on the hill above Nørresundby at Lindholm Høje, a Viking-Age burial "
           "ground where hundreds of graves are marked by stones, many set in the outline of a "
           "ship. Open all year, it is the quiet, outdoor first chapter: the Vikings met first "
           "through how they buried their dead.",
           "Fortællingen begynder på bakken over Nørresundby ved Lindholm Høje, en gravplads fra "
           "vikingetiden, hvor hundredvis af grave er markeret med sten, mange sat i et skibs "
           "omrids. Stedet er åbent hele året og er det stille, udendørs første kapitel: vikingerne "
           "mødt gennem den måde, de begravede deres døde på."),
          cites=(("Heritage site with the Viking theme, open all year (attractions.csv).",
                  "Kulturarv med vikingetemaet, åbent hele året (attractions.csv)."),
                 ("Burial ground with stone ship settings: " + BACKGROUND_EN + ".",
                  "Gravplads med skibssætninger: " + BACKGROUND_DA + "."))),
        S("aggersborg-viking-ring-fortress-unesco", ("Aggersborg: the largest ring fortress",
                                                     "Aggersborg: den største ringborg"),
          ("West along the Limfjord, Aggersborg is the largest of the Viking-Age ring fortresses "
           "and, with the others, a UNESCO World Heritage site since 2023. Guests walk the circle "
           "of the rampart and grasp the scale of a royal project that planned fortresses across "
           "the kingdom.",
           "Længere mod vest ved Limfjorden ligger Aggersborg, den største af vikingetidens "
           "ringborge og sammen med de andre UNESCO-verdensarv siden 2023. Gæsterne går volden "
           "rundt og fornemmer omfanget af et kongeligt projekt, der anlagde borge over hele "
           "riget."),
          cites=(("Largest of the Viking-Age ring fortresses (UNESCO 2023) (attractions.csv, "
                  "coverage review).",
                  "Den største af vikingetidens ringborge (UNESCO 2023) (attractions.csv, "
                  "gennemgang af dækning)."),)),
        S("fyrkat-viking-ring-fortress-unesco", ("Fyrkat: a fortress in a valley",
                                                 "Fyrkat: en borg i en ådal"),
          ("Near Hobro, Fyrkat is the second ring fortress of the story, also on the UNESCO list. "
           "From May to September guests see the circular rampart and a reconstructed longhouse "
           "nearby, so the plan on the ground gets walls and a roof.",
           "Ved Hobro ligger Fyrkat, fortællingens anden ringborg, også på UNESCO-listen. Fra maj "
           "til september ser gæsterne den runde vold og et rekonstrueret langhus i nærheden, så "
           "planen i græsset får vægge og tag."),
          cites=(("Viking ring fortress, UNESCO, season May-September (attractions.csv).",
                  "Vikingetidens ringborg, UNESCO, sæson maj-september (attractions.csv)."),
                 ("Near Hobro; reconstructed longhouse: " + BACKGROUND_EN + ".",
                  "Ved Hobro; rekonstrueret langhus: " + BACKGROUND_DA + "."))),
        S("moesgaard-museum", ("Moesgaard: the Vikings in the museum",
                               "Moesgaard: vikingerne på museum"),
          ("At Moesgaard Museum south of Aarhus the finds from the ground come indoors: weapons, "
           "jewellery and the everyday things of the Viking Age in the museum of archaeology. "
           "357,000 guests came in 2019 (Danmarks Statistik), and the finds make the places of the "
           "first steps come alive.",
           "På Moesgaard Museum syd for Aarhus kommer fundene fra jorden indenfor: våben, smykker "
           "og vikingetidens hverdagsting i det arkæologiske museum. 357.000 gæster kom i 2019 "
           "(Danmarks Statistik), og fundene får de første stops steder til at leve."),
          cites=()),
        S("kongernes-jelling-unesco", ("Jelling: the kings and the runestones",
                                       "Jelling: kongerne og runestenene"),
          ("Kongernes Jelling holds the great mounds and runestones of the first kings of Denmark, "
           "on the UNESCO list; the larger stone is called Denmark's certificate of baptism. Entry "
           "to the experience centre is free, and 226,441 guests came in 2018 (VisitDenmark).",
           "Kongernes Jelling rummer de store høje og runestenene fra Danmarks første konger og er "
           "på UNESCO-listen; den store sten kaldes Danmarks dåbsattest. Der er gratis adgang til "
           "oplevelsescentret, og 226.441 gæster kom i 2018 (VisitDenmark)."),
          cites=(("226,441 in 2018 (VisitDenmark list 2018 via TV Syd; free entry); 'godt 225.000' "
                  "in 2017, a record season (attraction_visitors.csv).",
                  "226.441 i 2018 (VisitDenmarks liste 2018 via TV Syd; gratis adgang); 'godt "
                  "225.000' i 2017, rekordsæson (attraction_visitors.csv)."),
                 ("Mounds, runestones, 'Denmark's certificate of baptism': " + BACKGROUND_EN + ".",
                  "Høje, runesten, 'Danmarks dåbsattest': " + BACKGROUND_DA + "."))),
        S(("ribe-vikingecenter", "museet-ribes-vikinger"), ("Ribe: the Viking town",
                                                            "Ribe: vikingebyen"),
          ("Ribe is Denmark's oldest town, and it tells the Viking Age twice: at Museet Ribes "
           "Vikinger in the town, with the finds from its market place, and at Ribe VikingeCenter, "
           "where guests step into a reconstructed Viking village from May to October. The centre "
           "now welcomes over 70,000 guests a year (the centre, 2025).",
           "Ribe er Danmarks ældste by og fortæller vikingetiden to gange: på Museet Ribes "
           "Vikinger i byen, med fundene fra markedspladsen, og i Ribe VikingeCenter, hvor "
           "gæsterne fra maj til oktober træder ind i en rekonstrueret vikingelandsby. Centret har "
           "nu over 70.000 gæster om året (centret, 2025)."),
          cites=(("Ribe VikingeCenter: 'über 70.000 Gäste' a year, centre press release May 2025 "
                  "(attraction_visitors.csv); season May-October (attractions.csv).",
                  "Ribe VikingeCenter: 'über 70.000 Gäste' om året, centrets pressemeddelelse maj "
                  "2025 (attraction_visitors.csv); sæson maj-oktober (attractions.csv)."),
                 ("Denmark's oldest town; finds from the market place: " + BACKGROUND_EN + ".",
                  "Danmarks ældste by; fund fra markedspladsen: " + BACKGROUND_DA + "."))),
        S("vikingemuseet-ladby-ladby-ship", ("Ladby: the ship in the grave", "Ladby: skibet i graven"),
          ("On Funen near Kerteminde, Vikingemuseet Ladby shows the Ladby ship, a chieftain's ship "
           "burial - the only Viking ship grave found in Denmark. Guests stand inside the mound "
           "beside the ship's imprint in the earth, one of the story's most intimate moments.",
           "På Fyn ved Kerteminde viser Vikingemuseet Ladby Ladbyskibet, en høvdings skibsgrav - "
           "den eneste vikingeskibsgrav fundet i Danmark. Gæsterne står inde i højen ved siden af "
           "skibets aftryk i jorden, et af fortællingens mest nærværende øjeblikke."),
          cites=(("Museum with the Viking and maritime themes (attractions.csv).",
                  "Museum med vikinge- og maritimt tema (attractions.csv)."),
                 ("Denmark's only Viking ship grave, shown in the mound: " + BACKGROUND_EN + ".",
                  "Danmarks eneste vikingeskibsgrav, vist i højen: " + BACKGROUND_DA + "."))),
        S("trelleborg-viking-ring-fortress-unesco", ("Trelleborg: the fortress on Zealand",
                                                     "Trelleborg: borgen på Sjælland"),
          ("Across the Great Belt, Trelleborg near Slagelse is the third ring fortress of the story "
           "and the one that gave the whole type its name. With Aggersborg and Fyrkat behind them, "
           "guests now recognise the plan at a glance.",
           "På den anden side af Storebælt ligger Trelleborg ved Slagelse, fortællingens tredje "
           "ringborg og den, der har givet hele borgtypen navn. Med Aggersborg og Fyrkat bag sig "
           "genkender gæsterne nu planen med det samme."),
          cites=(("Viking ring fortress, UNESCO (attractions.csv).",
                  "Vikingetidens ringborg, UNESCO (attractions.csv)."),
                 ("The fortress type named after Trelleborg: " + BACKGROUND_EN + ".",
                  "Borgtypen opkaldt efter Trelleborg: " + BACKGROUND_DA + "."))),
        S("vikingeskibsmuseet", ("Vikingeskibsmuseet: the ships", "Vikingeskibsmuseet: skibene"),
          ("In Roskilde the story reaches the sea. Vikingeskibsmuseet shows the Viking ships raised "
           "from Roskilde Fjord, and in its harbour reconstructions sail again, so guests can go "
           "aboard in summer. Around 130,000 guests a year come by an undated, weak estimate: the "
           "museum is Destination Fjordlandet's flagship in this story.",
           "I Roskilde når fortællingen havet. Vikingeskibsmuseet viser vikingeskibene, der blev "
           "hævet fra Roskilde Fjord, og i museumshavnen sejler rekonstruktionerne igen, så "
           "gæsterne kan komme med om sommeren. Omkring 130.000 gæster kommer om året efter et "
           "udateret, svagt skøn: museet er Destination Fjordlandets flagskib i fortællingen."),
          cites=(("About 130,000 a year, undated typical level from a German holiday-rental site, "
                  "a weak source (attraction_visitors.csv).",
                  "Ca. 130.000 om året, udateret typisk niveau fra en tysk feriehusside, en svag "
                  "kilde (attraction_visitors.csv)."),
                 ("Ships raised from Roskilde Fjord; sailing reconstructions: " + BACKGROUND_EN + ".",
                  "Skibe hævet fra Roskilde Fjord; sejlende rekonstruktioner: " + BACKGROUND_DA
                  + "."))),
        S(("sagnlandet-lejre", "nationalpark-skjoldungernes-land"),
          ("Lejre: the land of the legendary kings", "Lejre: sagnkongernes land"),
          ("A short drive south, Sagnlandet Lejre lets families live the Iron and Viking Age for a "
           "day from May to October, with houses, animals and crafts. Around it lies Nationalpark "
           "Skjoldungernes Land, 170 km² around Roskilde Fjord and Lejre, the landscape of the "
           "legendary Skjoldung kings.",
           "Et kort stykke mod syd lader Sagnlandet Lejre familierne leve jernalderen og "
           "vikingetiden en dag fra maj til oktober, med huse, dyr og håndværk. Rundt om ligger "
           "Nationalpark Skjoldungernes Land, 170 km² omkring Roskilde Fjord og Lejre - landskabet, "
           "hvor sagnene placerer skjoldungerne, Danmarks sagnkonger."),
          cites=(("Nationalpark Skjoldungernes Land: around Roskilde Fjord and Lejre, 170 km² "
                  "(attractions.csv, coverage review); Sagnlandet Lejre season May-October "
                  "(attractions.csv).",
                  "Nationalpark Skjoldungernes Land: omkring Roskilde Fjord og Lejre, 170 km² "
                  "(attractions.csv, gennemgang af dækning); Sagnlandet Lejre sæson maj-oktober "
                  "(attractions.csv)."),)),
        S("vikingespil-frederikssund", ("Frederikssund: the Viking play", "Frederikssund: vikingespillet"),
          ("Every June and July the Vikings take the stage at Frederikssund: the Viking play on "
           "Kalvøen is an open-air performance with a large local cast. It is the story's summer "
           "evening and the third Fjordlandet step, after the ships and Lejre.",
           "Hver juni og juli går vikingerne på scenen i Frederikssund: Vikingespillet på Kalvøen "
           "er en friluftsforestilling med mange lokale medvirkende. Det er fortællingens "
           "sommeraften og det tredje Fjordlandet-stop efter skibene og Lejre."),
          cites=(("Annual Viking open-air play, Kalvøen; season June-July (attractions.csv, "
                  "coverage review).",
                  "Årligt vikingespil under åben himmel, Kalvøen; sæson juni-juli (attractions.csv, "
                  "gennemgang af dækning)."),
                 ("Large local cast: " + BACKGROUND_EN + ".",
                  "Mange lokale medvirkende: " + BACKGROUND_DA + "."))),
        S("nationalmuseet-prinsens-palais", ("Nationalmuseet: the whole story",
                                             "Nationalmuseet: hele historien"),
          ("The story ends in Copenhagen at Nationalmuseet, where the Viking Age takes its place in "
           "Denmark's whole history, from the finds of the earlier steps to the kingdom that came "
           "after. 464,000 visitors came to the main building in 2019 (Danmarks Statistik).",
           "Fortællingen slutter i København på Nationalmuseet, hvor vikingetiden får sin plads i "
           "hele Danmarks historie, fra fundene på de tidligere stop til det kongerige, der fulgte. "
           "464.000 besøgte hovedbygningen i 2019 (Danmarks Statistik)."),
          cites=()),
    ),
)

# --------------------------------------------------------------------------------- royal castles
ROYAL = BuiltinSpec(
    "royal-castles", "royal",
    T("Royal Denmark: castles from Kronborg to Gråsten",
      "Det kongelige Danmark: slotte fra Kronborg til Gråsten"),
    T("Denmark is one of the world's oldest monarchies, and its castles are among the country's "
      "best-known sights. This story links the royal castles of six "
      "destination companies, from Kronborg by the Øresund to the summer residence at Gråsten near "
      "the German border, for culture travellers, coach tours and guests on a royal-themed round "
      "trip. Most castles are open all year; Gråsten's garden and Fredensborg's interiors open only "
      "in summer, which makes July the month when the whole story can be told.",
      "Danmark er et af verdens ældste monarkier, og slottene er blandt landets bedst kendte "
      "seværdigheder. Fortællingen forbinder de kongelige slotte i seks "
      "destinationsselskaber, fra Kronborg ved Øresund til sommerresidensen i Gråsten nær den "
      "tyske grænse, og henvender sig til kulturrejsende, busture og gæster på en kongelig "
      "rundrejse. De fleste slotte har åbent hele året; Gråstens have og Fredensborgs sale åbner "
      "kun om sommeren, så juli er måneden, hvor hele fortællingen kan fortælles."),
    (
        S("kronborg-slot", ("Kronborg: the castle on the Sound", "Kronborg: slottet ved Øresund"),
          ("The story opens at Kronborg in Helsingør, the Renaissance castle that guarded the Sound "
           "and collected its toll, a UNESCO World Heritage site known worldwide as Hamlet's "
           "castle. 326,823 guests came in 2018 (Danmarks Statistik).",
           "Fortællingen åbner på Kronborg i Helsingør, renæssanceslottet der vogtede Øresund og "
           "opkrævede Øresundstolden - UNESCO-verdensarv og kendt over hele verden som Hamlets "
           "slot. 326.823 gæster kom i 2018 (Danmarks Statistik)."),
          cites=(("UNESCO World Heritage site (attractions.csv, coordinates note).",
                  "UNESCO-verdensarv (attractions.csv, note om koordinater)."),
                 ("The Sound Toll, Hamlet's castle: " + BACKGROUND_EN + ".",
                  "Øresundstolden, Hamlets slot: " + BACKGROUND_DA + "."))),
        S("fredensborg-slot-slotshave", ("Fredensborg: the palace in use",
                                         "Fredensborg: slottet i brug"),
          ("Inland, Fredensborg Slot is a palace the royal family still uses. Its garden is open "
           "all year, the palace rooms only in July - the month to bring guests here.",
           "Inde i landet ligger Fredensborg Slot, som kongefamilien stadig bruger. Slotshaven er "
           "åben hele året, slottets sale kun i juli - måneden, hvor gæsterne skal hertil."),
          cites=(("Palace interiors only in July, garden all year (attractions.csv).",
                  "Slottets sale kun i juli, haven hele året (attractions.csv)."),)),
        S("frederiksborg-slot-det-nationalhistoriske-museum",
          ("Frederiksborg: the national history museum", "Frederiksborg: Det Nationalhistoriske Museum"),
          ("In Hillerød, Frederiksborg Slot rises from its lake, and inside, Det Nationalhistoriske "
           "Museum tells Denmark's history through its kings, queens and portraits. It had 284,825 "
           "guests in 2019 (the museum).",
           "I Hillerød rejser Frederiksborg Slot sig af søen, og indenfor fortæller Det "
           "Nationalhistoriske Museum Danmarks historie gennem konger, dronninger og portrætter. "
           "Slottet havde 284.825 gæster i 2019 (museet)."),
          cites=(("Record year 2018 with 294,354 guests (museum press release via sn.dk) "
                  "(attraction_visitors.csv).",
                  "Rekordåret 2018 med 294.354 gæster (museets pressemeddelelse via sn.dk) "
                  "(attraction_visitors.csv)."),
                 ("The castle on its lake: " + BACKGROUND_EN + ".",
                  "Slottet i søen: " + BACKGROUND_DA + "."))),
        S(("rosenborg-slot", "amalienborg-amalienborgmuseet"),
          ("Copenhagen: Rosenborg and Amalienborg", "København: Rosenborg og Amalienborg"),
          ("In Copenhagen two royal houses show the monarchy then and now. Rosenborg is the castle "
           "of the crown jewels, with 404,994 guests in 2019 (the museum). Amalienborg is the "
           "residence where the Royal Life Guards change guard and the Amalienborg Museum opens "
           "royal rooms.",
           "I København viser to kongelige huse monarkiet dengang og nu. Rosenborg er "
           "kronjuvelernes slot, med 404.994 gæster i 2019 (museet). Amalienborg er residensen, "
           "hvor Den Kongelige Livgarde skifter vagt, og Amalienborgmuseet åbner kongelige stuer."),
          cites=(("Rosenborg: 404,994 guests in 2019, museum's own count (Kongernes Samling) "
                  "(attraction_visitors.csv).",
                  "Rosenborg: 404.994 gæster i 2019, museets egen opgørelse (Kongernes Samling) "
                  "(attraction_visitors.csv)."),
                 ("Crown jewels; changing of the guard: " + BACKGROUND_EN + ".",
                  "Kronjuvelerne; vagtskiftet: " + BACKGROUND_DA + "."))),
        S("christiansborg-slot", ("Christiansborg: power and ceremony", "Christiansborg: magt og ceremoni"),
          ("Christiansborg on Slotsholmen houses parliament, the Supreme Court and the Royal "
           "Reception Rooms, where the monarchy still holds its ceremonies. 436,693 guests came in "
           "2018 (Danmarks Statistik).",
           "Christiansborg på Slotsholmen rummer Folketinget, Højesteret og De Kongelige "
           "Repræsentationslokaler, hvor monarkiet stadig holder sine ceremonier. 436.693 gæster kom "
           "i 2018 (Danmarks Statistik)."),
          cites=(("Parliament, Supreme Court, Royal Reception Rooms: " + BACKGROUND_EN + ".",
                  "Folketinget, Højesteret, De Kongelige Repræsentationslokaler: " + BACKGROUND_DA
                  + "."),)),
        S("roskilde-domkirke-unesco", ("Roskilde Domkirke: the royal tombs",
                                       "Roskilde Domkirke: de kongelige grave"),
          ("In Roskilde the story pauses at the cathedral where Denmark's kings and queens are "
           "buried, a UNESCO World Heritage site. More than 150,000 visitors came in a normal year "
           "before 2020 (the cathedral via sn.dk).",
           "I Roskilde holder fortællingen pause ved domkirken, hvor Danmarks konger og dronninger "
           "ligger begravet - UNESCO-verdensarv. Over 150.000 besøgende kom i et normalt år før "
           "2020 (domkirken via sn.dk)."),
          cites=(("'over 150.000 turister om året', usual pre-Covid level stated April 2020 (sn.dk) "
                  "(attraction_visitors.csv).",
                  "'over 150.000 turister om året', sædvanligt niveau før corona, oplyst i april "
                  "2020 (sn.dk) (attraction_visitors.csv)."),
                 ("Burial church of Denmark's kings and queens: " + BACKGROUND_EN + ".",
                  "Danske kongers og dronningers gravkirke: " + BACKGROUND_DA + "."))),
        S("nyborg-slot", ("Nyborg Slot: the medieval royal castle", "Nyborg Slot: middelalderens kongeborg"),
          ("Over the Great Belt on Funen, Nyborg Slot is the medieval royal castle of the story, "
           "older than the Renaissance palaces of Zealand. It shows guests the monarchy in its "
           "early, travelling form, when kings ruled from castles across the country.",
           "Over Storebælt på Fyn er Nyborg Slot fortællingens middelalderlige kongeborg, ældre end "
           "Sjællands renæssanceslotte. Den viser gæsterne monarkiet i sin tidlige, rejsende form, "
           "da kongerne regerede fra borge over hele landet."),
          cites=(("Medieval royal castle (attractions.csv, coverage review).",
                  "Middelalderlig kongeborg (attractions.csv, gennemgang af dækning)."),
                 ("The travelling medieval kingship: " + BACKGROUND_EN + ".",
                  "Det rejsende middelalderkongedømme: " + BACKGROUND_DA + "."))),
        S("koldinghus", ("Koldinghus: the royal castle of Jutland", "Koldinghus: Jyllands kongeborg"),
          ("Across the Little Belt, Koldinghus rises above Kolding, a royal castle rebuilt as a "
           "museum inside its old walls. In its anniversary year 2018 it had 172,072 guests (the "
           "museum via JydskeVestkysten).",
           "På den anden side af Lillebælt rejser Koldinghus sig over Kolding, et kongeslot genopbygget "
           "som museum inden for de gamle mure. I jubilæumsåret 2018 havde det 172.072 gæster "
           "(museet via JydskeVestkysten)."),
          cites=(("172,072 guests in 2018, 750th anniversary exhibition year; 134,415 in 2017 "
                  "(museum counts via jv.dk) (attraction_visitors.csv).",
                  "172.072 gæster i 2018, udstillingsåret ved 750-års jubilæet; 134.415 i 2017 "
                  "(museets tal via jv.dk) (attraction_visitors.csv)."),
                 ("Rebuilt as a museum inside the old walls: " + BACKGROUND_EN + ".",
                  "Genopbygget som museum i de gamle mure: " + BACKGROUND_DA + "."))),
        S(("graasten-slot-slotshave", "soenderborg-slot"), ("Gråsten and Sønderborg: the border castles",
                                                            "Gråsten og Sønderborg: grænselandets slotte"),
          ("The story ends in Sønderjylland. Gråsten Slot is the royal family's summer residence, "
           "and its garden opens to guests when the family is away; Sønderborg Slot by the harbour "
           "tells the history of the border region. Together they close the story where Denmark "
           "meets Germany.",
           "Fortællingen slutter i Sønderjylland. Gråsten Slot er kongefamiliens sommerresidens, og "
           "slotshaven åbner for gæster, når familien ikke er der; Sønderborg Slot ved havnen "
           "fortæller grænselandets historie. Sammen runder de fortællingen af, hvor Danmark møder "
           "Tyskland."),
          cites=(("Gråsten: royal summer residence; garden open when the royal family is absent "
                  "(attractions.csv, coverage review); Sønderborg Slot: royal theme (attractions.csv).",
                  "Gråsten: kongelig sommerresidens; haven er åben, når kongefamilien ikke er der "
                  "(attractions.csv, gennemgang af dækning); Sønderborg Slot: kongeligt tema "
                  "(attractions.csv)."),
                 ("Sønderborg Slot as the museum of the border region: " + BACKGROUND_EN + ".",
                  "Sønderborg Slot som grænselandets museum: " + BACKGROUND_DA + "."))),
    ),
)

# -------------------------------------------------------------------------------------- Limfjord
LIMFJORD = BuiltinSpec(
    "limfjord", "limfjord",
    T("The Limfjord: bridges, ferries and a fjord across Jutland",
      "Limfjorden: broer, færger og en fjord tværs over Jylland"),
    T("The Limfjord runs right across northern Jutland, from the Kattegat at Aalborg to the North "
      "Sea at Thyborøn, and its shores belong to four destination companies: Destination Nord, "
      "Destination Himmerland, Destination Limfjorden and Destination Nordvestkysten. This story "
      "follows the fjord west by car, crossing it on old bridges and small ferries, for touring "
      "guests, cyclists and families on holiday. Most steps are open all year; the castle at "
      "Spøttrup and the holiday park on Mors from spring to autumn.",
      "Limfjorden løber tværs over Nordjylland fra Kattegat ved Aalborg til Vesterhavet ved "
      "Thyborøn, og dens bredder hører til fire destinationsselskaber: Destination Nord, "
      "Destination Himmerland, Destination Limfjorden og Destination Nordvestkysten. Fortællingen "
      "følger fjorden mod vest i bil og krydser den på gamle broer og små færger - til rundrejsende, "
      "cyklister og feriefamilier. De fleste stop har åbent hele året; borgen i Spøttrup og "
      "ferieparken på Mors fra forår til efterår."),
    (
        S("utzon-center", ("Utzon Center: Aalborg's waterfront", "Utzon Center: Aalborgs havnefront"),
          ("The story starts on the Aalborg waterfront at Utzon Center, the architecture centre "
           "named after Jørn Utzon, the architect of the Sydney Opera House, who grew up in the "
           "city. From here the fjord lies in front of the guest, wide enough to need bridges.",
           "Fortællingen begynder på Aalborgs havnefront ved Utzon Center, arkitekturcentret opkaldt "
           "efter Jørn Utzon, arkitekten bag operahuset i Sydney, der voksede op i byen. Herfra "
           "ligger fjorden foran gæsten, bred nok til at kræve broer."),
          cites=(("Museum with the design, architecture and maritime themes (attractions.csv).",
                  "Museum med temaerne design, arkitektur og maritim (attractions.csv)."),
                 ("Jørn Utzon grew up in Aalborg; Sydney Opera House: " + BACKGROUND_EN + ".",
                  "Jørn Utzon voksede op i Aalborg; operahuset i Sydney: " + BACKGROUND_DA + "."))),
        S("lindholm-hoeje", ("Lindholm Høje: across the first bridge",
                             "Lindholm Høje: over den første bro"),
          ("Across the fjord by the Limfjord Bridge of 1933, Lindholm Høje above Nørresundby is a "
           "Viking-Age burial ground with stones set in the shape of ships. It shows that the fjord "
           "was a road long before it needed crossing.",
           "Over fjorden ad Limfjordsbroen fra 1933 ligger Lindholm Høje over Nørresundby, en "
           "gravplads fra vikingetiden med sten sat i skibsform. Den viser, at fjorden var en vej, "
           "længe før den skulle krydses."),
          cites=(("Limfjordsbroen Aalborg-Nørresundby, opened 30 March 1933 (fixed_links.csv).",
                  "Limfjordsbroen Aalborg-Nørresundby, åbnet 30. marts 1933 (fixed_links.csv)."),
                 ("Stone ship settings: " + BACKGROUND_EN + ".",
                  "Skibssætninger: " + BACKGROUND_DA + "."))),
        S("aggersborg-viking-ring-fortress-unesco", ("Aggersborg: the fortress at the narrows",
                                                     "Aggersborg: borgen ved sundet"),
          ("West at Aggersund, where the Aggersund Bridge of 1942 crosses the fjord, lies "
           "Aggersborg, the largest Viking-Age ring fortress and a UNESCO site since 2023. Its "
           "place at the narrows shows why the fjord mattered: whoever held the crossing held the "
           "north.",
           "Mod vest ved Aggersund, hvor Aggersundbroen fra 1942 krydser fjorden, ligger Aggersborg, "
           "vikingetidens største ringborg og UNESCO-verdensarv siden 2023. Placeringen ved sundet "
           "viser, hvorfor fjorden betød noget: den, der havde overgangen, havde nord."),
          cites=(("Aggersundbroen, opened 18 June 1942 (fixed_links.csv).",
                  "Aggersundbroen, åbnet 18. juni 1942 (fixed_links.csv)."),
                 ("Largest of the Viking-Age ring fortresses (UNESCO 2023) (attractions.csv).",
                  "Den største af vikingetidens ringborge (UNESCO 2023) (attractions.csv)."))),
        S("spoettrup-borg", ("Spøttrup: over by ferry to the moated castle",
                             "Spøttrup: med færgen til voldstedet"),
          ("From Hvalpsund a small ferry crosses to Sundsøre in about 10 minutes, and on Salling "
           "Spøttrup Borg waits behind its moats, a medieval castle that looks as if nobody had "
           "touched it since. From April to October guests walk its ramparts and halls.",
           "Fra Hvalpsund sejler en lille færge til Sundsøre på omkring 10 minutter, og i Salling "
           "venter Spøttrup Borg bag sine voldgrave, en middelalderborg der ser ud, som om ingen "
           "har rørt den siden. Fra april til oktober går gæsterne på volde og i sale."),
          cites=(("Hvalpsund-Sundsøre, about 10 minutes (Wikipedia; Farsø Avis) (fixed_links.csv).",
                  "Hvalpsund-Sundsøre, ca. 10 minutter (Wikipedia; Farsø Avis) (fixed_links.csv)."),
                 ("Medieval moated castle (attractions.csv, coverage review).",
                  "Middelalderlig borg med voldgrave (attractions.csv, gennemgang af dækning)."))),
        S("jesperhus-feriepark", ("Mors: the holiday park", "Mors: ferieparken"),
          ("The Sallingsund Bridge, 1,717 m long since 1978, carries the road onto the island of "
           "Mors, where Jesperhus Feriepark is the family day of the story: flowers, animals and "
           "rides from spring to autumn. 234,000 day guests came to the park in 2019 (its "
           "accounts).",
           "Sallingsundbroen, 1.717 m lang siden 1978, fører vejen ud på Mors, hvor Jesperhus "
           "Feriepark er fortællingens familiedag: blomster, dyr og forlystelser fra forår til "
           "efterår. 234.000 dagsgæster kom i parken i 2019 (regnskabet)."),
          cites=(("Sallingsundbroen: 1,717 m, opened 30 May 1978 (fixed_links.csv).",
                  "Sallingsundbroen: 1.717 m, åbnet 30. maj 1978 (fixed_links.csv)."),
                 ("234,000 visitors to the flower park in 2019, annual accounts (nordjyske.dk) "
                  "(attraction_visitors.csv).",
                  "234.000 besøgende i blomsterparken i 2019, årsregnskab (nordjyske.dk) "
                  "(attraction_visitors.csv)."))),
        S("hanklit", ("Hanklit: the cliff above the fjord", "Hanklit: klinten over fjorden"),
          ("On the north coast of Mors, Hanklit is a cliff of moler clay with its layers folded "
           "like a book, high above the fjord. Guests walk up for one of the widest views of the "
           "Limfjord, in every season.",
           "På Mors' nordkyst står Hanklit, en molerklint med lagene foldet som siderne i en bog, "
           "højt over fjorden. Gæsterne går op for en af de bredeste udsigter over Limfjorden - i "
           "alle årstider."),
          cites=(("Nature, open all year (attractions.csv).",
                  "Natur, åbent hele året (attractions.csv)."),
                 ("Moler cliff with folded layers: " + BACKGROUND_EN + ".",
                  "Molerklint med foldede lag: " + BACKGROUND_DA + "."))),
        S("jyllandsakvariet-thyboroen", ("Thyborøn: the fjord meets the North Sea",
                                         "Thyborøn: fjorden møder Vesterhavet"),
          ("Over the Vilsund Bridge of 1939 into Thy and by the ferry from Agger Tange, about 12 "
           "minutes, the story reaches Thyborøn, where the Limfjord opens to the North Sea. "
           "Jyllandsakvariet shows the life of the sea at the fjord's mouth: the end of the fjord, "
           "and the start of the west coast.",
           "Over Vilsundbroen fra 1939 til Thy og med færgen fra Agger Tange på omkring 12 "
           "minutter når fortællingen Thyborøn, hvor Limfjorden åbner sig mod Vesterhavet. "
           "Jyllandsakvariet viser havets liv ved fjordens munding: fjordens ende og "
           "vestkystens begyndelse."),
          cites=(("Vilsundbroen, opened 16 July 1939; Thyborøn-Agger ferry 12 minutes (weak source "
                  "road-fun.de) (fixed_links.csv).",
                  "Vilsundbroen, åbnet 16. juli 1939; Thyborøn-Agger-færgen 12 minutter (svag kilde "
                  "road-fun.de) (fixed_links.csv)."),)),
    ),
)

# --------------------------------------------------------------------------------- H.C. Andersen
HCA = BuiltinSpec(
    "hc-andersen", "hans-christian-andersen",
    T("H.C. Andersen: from his Odense to the Copenhagen of his tales",
      "H.C. Andersen: fra hans Odense til eventyrenes København"),
    T("H.C. Andersen is Denmark's best-known writer, and his life is a journey: born poor in "
      "Odense, schooled in Slagelse and Helsingør, famous in Copenhagen. This story follows that "
      "journey across three destination companies - Destination Fyn, Destination Sjælland and "
      "Wonderful Copenhagen - and stops where his life and his tales touch real places: his "
      "museum, a poet's town, a castle cellar, a harbour, a tower, a garden, a statue and his "
      "grave. It is for families and for international guests who know the tales; every step but "
      "Tivoli is open all year.",
      "H.C. Andersen er Danmarks mest kendte forfatter, og hans liv er en rejse: født fattig i "
      "Odense, i skole i Slagelse og Helsingør, berømt i København. Fortællingen følger rejsen "
      "gennem tre destinationsselskaber - Destination Fyn, Destination Sjælland og Wonderful "
      "Copenhagen - og gør holdt, hvor hans liv og eventyr rører ved virkelige steder: hans museum, "
      "en digters by, en slotskælder, en havn, et tårn, en have, en statue og hans grav. Den er til "
      "familier og udenlandske gæster, der kender eventyrene; alle stop undtagen Tivoli har åbent "
      "hele året."),
    (
        S("h-c-andersens-hus", ("Odense: where the story begins", "Odense: hvor eventyret begynder"),
          ("Andersen was born in Odense, and here the story begins, at H.C. Andersens Hus, the "
           "museum of his life and work beside the streets of his childhood. The museum was "
           "rebuilt in 2021; the old museum with his childhood home had 122,358 visitors in 2018 "
           "(VisitDenmark). Guests leave with the first chapter of his journey: the poor boy who "
           "wanted to go out into the world.",
           "Andersen blev født i Odense, og her begynder fortællingen, i H.C. Andersens Hus, museet "
           "for hans liv og værk ved gaderne fra hans barndom. Museet blev bygget om i 2021; det "
           "gamle museum med barndomshjemmet havde 122.358 besøgende i 2018 (VisitDenmark). "
           "Gæsterne går herfra med rejsens første kapitel: den fattige dreng, der ville ud i "
           "verden."),
          cites=(("Born in Odense: " + BACKGROUND_EN + ".",
                  "Født i Odense: " + BACKGROUND_DA + "."),)),
        S((), ("Slagelse: the school years, across the Great Belt",
               "Slagelse: skoleårene, over Storebælt"),
          ("Like Andersen, guests leave Funen over the Great Belt, today a bridge of ten minutes "
           "where the ferry took about an hour. In Slagelse the young Andersen went to grammar "
           "school, a late and unhappy pupil among much younger boys, and this is where the story "
           "shows how hard his road to fame was.",
           "Ligesom Andersen forlader gæsterne Fyn over Storebælt - i dag ti minutter på broen, hvor "
           "færgen tog omkring en time. I Slagelse gik den unge Andersen i latinskole, en sen og "
           "ulykkelig elev blandt langt yngre drenge, og her viser fortællingen, hvor hård hans vej "
           "til berømmelsen var."),
          cites=(("Great Belt: 'can now be crossed in ten minutes' against about one hour by ferry "
                  "(Wikipedia, fixed_links.csv).",
                  "Storebælt: krydses nu på ti minutter mod omkring en time med færge (Wikipedia, "
                  "fixed_links.csv)."),
                 ("Andersen at the grammar school in Slagelse: " + BACKGROUND_EN + ".",
                  "Andersen i latinskolen i Slagelse: " + BACKGROUND_DA + ".")),
          municipalities=("330",), id="slagelse"),
        S("soroe-klosterkirke-soroe-akademi", ("Sorø: the poet's town", "Sorø: digterens by"),
          ("In Sorø, by the abbey church and the academy on the lake, lived the poet B.S. "
           "Ingemann, and Andersen came to visit him and his wife again and again. Guests walk "
           "where Andersen found friendship and encouragement, in the quiet academy town he "
           "returned to all his life.",
           "I Sorø, ved klosterkirken og akademiet ved søen, boede digteren B.S. Ingemann, og "
           "Andersen kom igen og igen på besøg hos ham og hans hustru. Gæsterne går, hvor Andersen "
           "fandt venskab og opmuntring, i den stille akademiby han vendte tilbage til hele livet."),
          cites=(("Medieval abbey church with royal tombs; Sorø Akademi (attractions.csv, coverage "
                  "review).",
                  "Middelalderlig klosterkirke med kongegrave; Sorø Akademi (attractions.csv, "
                  "gennemgang af dækning)."),
                 ("Andersen's visits to Ingemann in Sorø: " + BACKGROUND_EN + ".",
                  "Andersens besøg hos Ingemann i Sorø: " + BACKGROUND_DA + "."))),
        S("kronborg-slot", ("Helsingør: Holger Danske in the cellar",
                            "Helsingør: Holger Danske i kælderen"),
          ("Andersen followed his headmaster to the grammar school in Helsingør, and later he "
           "wrote Holger Danske, the tale of the hero who sleeps in the dark casemates of Kronborg "
           "and will wake when Denmark is in danger. Guests go down into the cellar and meet the "
           "statue of the sleeping hero.",
           "Andersen fulgte sin rektor til latinskolen i Helsingør, og senere skrev han Holger "
           "Danske, eventyret om helten der sover i Kronborgs mørke kasematter og vågner, når "
           "Danmark er i fare. Gæsterne går ned i kælderen og møder statuen af den sovende helt."),
          cites=(("Andersen's schooling in Helsingør; his tale 'Holger Danske'; the statue in the "
                  "casemates: " + BACKGROUND_EN + ".",
                  "Andersens skolegang i Helsingør; eventyret 'Holger Danske'; statuen i "
                  "kasematterne: " + BACKGROUND_DA + "."),)),
        S("nyhavn", ("Nyhavn: where the tales were written", "Nyhavn: hvor eventyrene blev skrevet"),
          ("In Copenhagen Andersen lived for many years in Nyhavn, and it was here that he wrote "
           "his first fairy tales. Guests find the houses he lived in along the canal and see the "
           "harbour through the eyes of the man who made it famous.",
           "I København boede Andersen i mange år i Nyhavn, og det var her, han skrev sine første "
           "eventyr. Gæsterne finder de huse, han boede i, langs kanalen og ser havnen med øjnene "
           "hos den mand, der gjorde den berømt."),
          cites=(("Themes maritime, food and H.C. Andersen (attractions.csv).",
                  "Temaerne maritim, mad og H.C. Andersen (attractions.csv)."),
                 ("His addresses in Nyhavn; the first tales written there: " + BACKGROUND_EN + ".",
                  "Hans adresser i Nyhavn; de første eventyr skrevet her: " + BACKGROUND_DA + "."))),
        S("rundetaarn-round-tower", ("Rundetårn: eyes as big as a tower",
                                     "Rundetårn: øjne så store som et tårn"),
          ("In The Tinderbox the third dog has eyes as big as the Round Tower, and here it stands. "
           "Guests walk up the spiral ramp of Rundetårn and look down on the city where the tales "
           "were written; children count the dogs' eyes on the way.",
           "I Fyrtøjet har den tredje hund øjne så store som Rundetårn, og her står det. Gæsterne "
           "går op ad snegangen i Rundetårn og ser ned på byen, hvor eventyrene blev skrevet; "
           "børnene tæller hundeøjne på vejen."),
          cites=(("The dog with eyes as big as the Round Tower in 'Fyrtøjet' (The Tinderbox): "
                  + BACKGROUND_EN + ".",
                  "Hunden med øjne så store som Rundetårn i 'Fyrtøjet': " + BACKGROUND_DA + "."),)),
        S("tivoli-gardens", ("Tivoli: the garden of his Copenhagen", "Tivoli: haven i hans København"),
          ("Tivoli opened while Andersen lived in Copenhagen, and he was among its guests. On a "
           "summer evening it is easy to see what drew him: lights, music and a little of the "
           "exotic, the wider world his readers imagined. It is open from March to December.",
           "Tivoli åbnede, mens Andersen boede i København, og han var blandt gæsterne. En "
           "sommeraften er det let at se, hvad der trak: lys, musik og lidt af det eksotiske, den "
           "store verden hans læsere forestillede sig. Haven har åbent fra marts til december."),
          cites=(("Tivoli carries the H.C. Andersen theme (attractions.csv).",
                  "Tivoli har H.C. Andersen-temaet (attractions.csv)."),
                 ("Opened during Andersen's Copenhagen years; he visited: " + BACKGROUND_EN + ".",
                  "Åbnede i Andersens københavnerår; han kom der: " + BACKGROUND_DA + "."))),
        S("den-lille-havfrue-the-little-mermaid", ("The Little Mermaid", "Den Lille Havfrue"),
          ("At Langelinie sits the Little Mermaid, the heroine of his tale of longing, small on "
           "her stone by the water. For guests from all over the world she is Andersen in one "
           "image, and the step where the tale and the city become one.",
           "Ved Langelinie sidder Den Lille Havfrue, heltinden fra hans eventyr om længsel, lille "
           "på sin sten ved vandet. For gæster fra hele verden er hun Andersen i ét billede og "
           "stoppet, hvor eventyret og byen bliver ét."),
          cites=(("Theme H.C. Andersen; free, not counted (attractions.csv).",
                  "Temaet H.C. Andersen; gratis, tælles ikke (attractions.csv)."),
                 ("Langelinie; heroine of 'Den lille Havfrue': " + BACKGROUND_EN + ".",
                  "Langelinie; heltinden fra 'Den lille Havfrue': " + BACKGROUND_DA + "."))),
        S("assistens-kirkegaard", ("Assistens Kirkegård: the last chapter",
                                   "Assistens Kirkegård: det sidste kapitel"),
          ("The story ends at Assistens Kirkegård in Nørrebro, the cemetery park where Andersen "
           "is buried, near Søren Kierkegaard. Guests walk the green paths to his grave and close "
           "the journey that began in Odense.",
           "Fortællingen slutter på Assistens Kirkegård på Nørrebro, kirkegårdsparken hvor Andersen "
           "ligger begravet, tæt på Søren Kierkegaard. Gæsterne går ad de grønne stier til hans "
           "grav og runder rejsen af, der begyndte i Odense."),
          cites=(("Cemetery park with H.C. Andersen's and Kierkegaard's graves (attractions.csv, "
                  "coverage review).",
                  "Kirkegårdspark med H.C. Andersens og Kierkegaards grave (attractions.csv, "
                  "gennemgang af dækning)."),)),
    ),
)

#: Every built-in story, in the order the app lists them.
BUILTIN_SPECS: tuple[BuiltinSpec, ...] = (
    WADDEN, NORTH_SEA, BORNHOLM, VIKING, ROYAL, HCA, COPENHAGEN, CONFERENCES, ENERGY, ROBOTS,
    LIMFJORD, AARHUS,
)
