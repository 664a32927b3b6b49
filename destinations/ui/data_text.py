"""UI strings of the Data & sources page."""

TEXT = {
    "data.title": {"en": "Data & sources", "da": "Data og kilder"},
    "data.intro": {
        "en": "Every dataset the planner reads, with its source, licence, year, size and kind. "
              "Official = published by an authority and read unchanged; compiled = gathered from published "
              "pages with a source per row; modelled = estimated by this tool (method documented).",
        "da": "Alle datasæt, planlæggeren læser, med kilde, licens, år, omfang og type. Officiel = "
              "offentliggjort af en myndighed og læst uændret; indsamlet = samlet fra offentlige sider med "
              "kilde pr. række; modelleret = skønnet af værktøjet (metoden er dokumenteret).",
    },
    "data.in_force": {"en": "Files in force", "da": "Filer i brug"},
    "data.in_force.text": {
        "en": "Each dataset's file and where it came from: bundled with the planner (geodata/, checked "
              "against its manifest), a data folder set by the operator, or an official download "
              "(destinations data fetch), which takes precedence over the file it replaces.",
        "da": "Hvert datasæts fil og hvor den kommer fra: leveret med planlæggeren (geodata/, kontrolleret "
              "mod manifestet), en datamappe valgt af driftsansvarlig, eller en officiel download "
              "(destinations data fetch), som går forud for den fil, den erstatter."},
    "data.origin.bundled": {"en": "bundled", "da": "medfølger"},
    "data.origin.data_directory": {"en": "operator's data folder", "da": "driftens datamappe"},
    "data.origin.user_download": {"en": "official download", "da": "officiel download"},
    "data.col.in_force": {"en": "in force", "da": "i brug"},
    "data.col.checksum": {"en": "checksum matches", "da": "kontrolsum passer"},
    "data.datasets": {"en": "Datasets", "da": "Datasæt"},
    "data.col.name": {"en": "Dataset", "da": "Datasæt"},
    "data.col.kind": {"en": "Kind", "da": "Art"},
    "data.col.version": {"en": "Version", "da": "Version"},
    "data.col.method": {"en": "Method (in the repository)", "da": "Metode (i kodearkivet)"},
    "data.col.source": {"en": "Source", "da": "Kilde"},
    "data.col.licence": {"en": "Licence", "da": "Licens"},
    "data.col.year": {"en": "Year", "da": "År"},
    "data.col.rows": {"en": "Rows", "da": "Rækker"},
    "data.col.coverage": {"en": "Coverage", "da": "Dækning"},
    "data.col.file": {"en": "File", "da": "Fil"},
    "data.modelled": {"en": "What the planner computes: version and method",
                      "da": "Hvad værktøjet beregner: version og metode"},
    "data.modelled.text": {
        "en": "Every modelled figure on the map, profile and season pages comes from one of these, "
              "labelled with the version below; the method is written down in the file named.",
        "da": "Alle modellerede tal på kort-, profil- og sæsonsiderne kommer herfra og er mærket med "
              "versionen nedenfor; metoden er beskrevet i den nævnte fil."},
    "data.flows": {"en": "Day-trip flows: checked against the network",
                   "da": "Dagsture: kontrolleret mod trafiknettet"},
    "data.flows.text": {
        "en": "No measured day-trip data exist for Denmark in the data, so flows are modelled and "
              "shown with their range over the model's settings. The check below is consistency, not "
              "validation: every modelled trip must have a route within the cut-off, nothing may "
              "cross water without a bridge, tunnel or ferry, and each link carries the trips routed "
              "over it.",
        "da": "Der findes ingen målte data om dagsture i Danmark i datagrundlaget, så turene er "
              "modellerede og vises med deres spænd over modellens indstillinger. Kontrollen nedenfor "
              "er sammenhæng, ikke validering: hver modelleret tur skal have en rute inden for "
              "grænsen, intet må krydse vand uden bro, tunnel eller færge, og hver forbindelse bærer de "
              "ture, der ledes over den."},
    "data.flows.ok": {
        "en": "Network check passed for {pairs} pairs: every trip has a route within the cut-off and "
              "none crosses water without a link; {share} % of the trips between municipalities use "
              "a bridge, tunnel or ferry.",
        "da": "Kontrollen mod trafiknettet bestået for {pairs} par: hver tur har en rute inden for "
              "grænsen, og ingen krydser vand uden en forbindelse; {share} % af turene mellem "
              "kommuner bruger bro, tunnel eller færge."},
    "data.flows.problems": {"en": "The network check found {n} problem(s):",
                            "da": "Kontrollen mod trafiknettet fandt problemer: {n}"},
    "data.flows.note": {
        "en": "No traffic counts for the links are in the data, so the loads below cannot be "
              "compared with measured traffic. {idle} link edges carry no modelled day trip (beyond "
              "the cut-off or never the cheapest route).",
        "da": "Datagrundlaget har ingen trafiktællinger for forbindelserne, så belastningen nedenfor "
              "kan ikke sammenlignes med målt trafik. {idle} forbindelser bærer ingen modelleret "
              "dagstur (uden for grænsen eller aldrig den billigste rute)."},
    "data.flows.uncertain": {"en": "Pairs the model is least sure of",
                             "da": "Par modellen er mindst sikker på"},
    "data.flows.uncertain.text": {
        "en": "Pairs carrying at least 0.1 % of the day trips between municipalities, ranked by "
              "spread = (high − low) / high when each setting is varied on its own.",
        "da": "Par med mindst 0,1 % af dagsturene mellem kommuner, ordnet efter spredning = "
              "(høj − lav) / høj, når hver indstilling ændres for sig."},
    "data.col.from": {"en": "From", "da": "Fra"},
    "data.col.attraction": {"en": "Attraction", "da": "Attraktion"},
    "data.col.municipality": {"en": "Municipality", "da": "Kommune"},
    "data.col.origin": {"en": "Origin", "da": "Oprindelse"},
    "data.col.replaces": {"en": "Replaces", "da": "Erstatter"},
    "data.col.stated": {"en": "Stated municipality", "da": "Angivet kommune"},
    "data.col.located": {"en": "Located in", "da": "Ligger i"},
    "data.col.coords_approx": {"en": "Position approximate", "da": "Omtrentlig position"},
    "data.col.distance_m": {"en": "Distance (m)", "da": "Afstand (m)"},
    "data.col.crossing_min": {"en": "Crossing (min)", "da": "Overfart (min)"},
    "data.col.edge_min": {"en": "Edge (min)", "da": "Kant (min)"},
    "data.col.crossing": {"en": "Crossing time", "da": "Overfartstid"},
    "data.col.seasonal": {"en": "Seasonal", "da": "Sæson"},
    "data.col.figure_id": {"en": "Figure", "da": "Tal"},
    "data.col.code": {"en": "Code", "da": "Kode"},
    "data.col.scope": {"en": "Scope", "da": "Omfang"},
    "data.col.published": {"en": "Published", "da": "Offentliggjort"},
    "data.col.predicted": {"en": "Predicted (left out)", "da": "Forudsagt (udeladt)"},
    "data.col.error_pct": {"en": "Error (%)", "da": "Fejl (%)"},
    "data.col.to": {"en": "To", "da": "Til"},
    "data.col.link_kind": {"en": "Link", "da": "Forbindelse"},
    "data.col.links": {"en": "Bridges, tunnels, ferries", "da": "Broer, tunneler, færger"},
    "data.col.flow": {"en": "Modelled day trips over it", "da": "Modellerede dagsture over den"},
    "data.col.flow_share": {"en": "Share of trips between municipalities",
                            "da": "Andel af ture mellem kommuner"},
    "data.col.pairs": {"en": "Pairs routed over it", "da": "Par ledt over den"},
    "data.link.bridge": {"en": "bridge", "da": "bro"},
    "data.link.tunnel": {"en": "tunnel", "da": "tunnel"},
    "data.link.ferry": {"en": "ferry", "da": "færge"},
    "data.link.land": {"en": "land", "da": "land"},
    "data.caveats": {"en": "Known caveats", "da": "Kendte forbehold"},
    "data.christianso": {
        "en": "Christiansø (code 411) is not a municipality: it is administered by the state. Its "
              "boundary is folded into Bornholm (400), so the map shows 98 municipalities.",
        "da": "Christiansø (kode 411) er ikke en kommune, men administreres af staten. Øens areal er lagt "
              "sammen med Bornholm (400), så kortet viser 98 kommuner.",
    },
    "data.attractions": {"en": "Attractions: rejected rows and municipality mismatches",
                         "da": "Attraktioner: afviste rækker og kommune-uoverensstemmelser"},
    "data.rejected.none": {"en": "No attraction row was rejected.", "da": "Ingen attraktioner blev afvist."},
    "data.rejected": {"en": "Rejected rows (not shown on the map)", "da": "Afviste rækker (vises ikke)"},
    "data.mismatches": {
        "en": "Located in another municipality than stated (the stated one is used; approximate "
              "coordinates explain most cases)",
        "da": "Ligger i en anden kommune end angivet (den angivne bruges; omtrentlige koordinater "
              "forklarer de fleste tilfælde)"},
    "data.graph": {"en": "Travel graph", "da": "Rejsegraf"},
    "data.graph.summary": {
        "en": "{nodes} municipalities, {edges} connections ({links} fixed links), {components} connected "
              "component(s). Bornholm is reached only by ferry.",
        "da": "{nodes} kommuner, {edges} forbindelser ({links} faste forbindelser), {components} "
              "sammenhængende komponent(er). Bornholm nås kun med færge."},
    "data.graph.assumptions": {
        "en": "Travel times are estimates: straight-line distance × circuity {circuity} at {speed} km/h; "
              "crossings use published minutes, and where none was found, ferries {ferry} km/h + "
              "{handling} min handling, bridges at road speed (marked estimated).",
        "da": "Rejsetider er skøn: luftlinje × omvejsfaktor {circuity} ved {speed} km/t; overfarter bruger "
              "offentliggjorte minutter, og hvor ingen findes, færger {ferry} km/t + {handling} min, broer "
              "ved vejhastighed (markeret skønnet)."},
    "data.graph.links": {"en": "Fixed-link edges", "da": "Faste forbindelser"},
    "data.geometry": {"en": "Map geometry", "da": "Kortgeometri"},
    "data.geometry.text": {
        "en": "Simplified with coverage-preserving simplification (tolerance {tol} m): {bytes} bytes "
              "instead of {raw}; largest area change {err} %; gaps/overlaps between neighbours: {valid}.",
        "da": "Forenklet med dækningsbevarende forenkling (tolerance {tol} m): {bytes} bytes i stedet "
              "for {raw}; største arealændring {err} %; huller/overlap mellem naboer: {valid}."},
    "data.none": {"en": "none", "da": "ingen"},
    "data.found": {"en": "found", "da": "fundet"},
    "data.model": {"en": "Modelled tourism figures and their validation",
                   "da": "Modellerede turismetal og deres validering"},
    "data.model.text": {
        "en": "No complete municipality × month table of overnights is in the data directory, so the "
              "planner estimates one (facts-model 1.1): indicator seeds (coastline, area, population, "
              "attractions, summer houses) raked exactly to the official margins — Eurostat national "
              "monthly figures by type and guest nationality, StatBank TURIST regional totals, the published "
              "holiday-home total — with published municipality figures honoured. Modelled figures are "
              "shown to 3 significant figures, the precision they have. Capacity is never derived from "
              "the overnights: bed places only where a local count is published (hotel rooms in København "
              "and Aarhus, campsites in Kerteminde, estimated with national Eurostat ratios), holiday "
              "dwellings (StatBank BOL101) for all 98, unknown elsewhere. Below, leave-one-out: each "
              "published municipality figure predicted without using it. Method: docs/facts-model.md. "
              "Official StatBank files (`destinations data fetch statbank`) replace the model.",
        "da": "Datamappen har ingen komplet tabel over overnatninger pr. kommune og måned, så værktøjet "
              "skønner en (facts-model 1.1): indikatorer (kystlinje, areal, befolkning, attraktioner, "
              "sommerhuse) raket præcist til de officielle marginaler — Eurostats nationale månedstal pr. "
              "type og nationalitet, StatBank TURIST pr. region, det offentliggjorte feriehustal — og "
              "offentliggjorte kommunetal overholdes. Modellerede tal vises med 3 betydende cifre, den "
              "præcision de har. Kapaciteten udledes aldrig af overnatningerne: sengepladser kun hvor et "
              "lokalt tal er offentliggjort (hotelværelser i København og Aarhus, campingpladser i "
              "Kerteminde, skønnet med nationale Eurostat-forhold), fritidsboliger (Statistikbanken "
              "BOL101) for alle 98, ukendt ellers. Nedenfor: leave-one-out, hvor hvert offentliggjort "
              "kommunetal forudsiges uden at bruge det. Metode: docs/facts-model.md. Officielle "
              "StatBank-filer (`destinations data fetch statbank`) erstatter modellen.",
    },
    "data.model.mae": {"en": "Mean absolute error (leave-one-out)",
                       "da": "Gennemsnitlig absolut fejl (leave-one-out)"},
}
