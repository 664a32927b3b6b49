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
        "en": "Simplified with coverage-preserving simplification (tolerance {tol:.0f} m): {bytes:,} bytes "
              "instead of {raw:,}; largest area change {err:.2%}; gaps/overlaps between neighbours: {valid}.",
        "da": "Forenklet med dækningsbevarende forenkling (tolerance {tol:.0f} m): {bytes:,} bytes i stedet "
              "for {raw:,}; største arealændring {err:.2%}; huller/overlap mellem naboer: {valid}."},
    "data.none": {"en": "none", "da": "ingen"},
    "data.found": {"en": "found", "da": "fundet"},
    "data.model": {"en": "Modelled tourism figures and their validation",
                   "da": "Modellerede turismetal og deres validering"},
    "data.model.text": {
        "en": "No complete municipality × month table of overnights is in the data directory, so the "
              "planner estimates one (facts-model 1.0): indicator seeds (coastline, area, population, "
              "attractions, summer houses) raked exactly to the official margins — Eurostat national "
              "monthly figures by type and guest nationality, StatBank TURIST regional totals, the published "
              "holiday-home total — with published municipality figures honoured. Below, leave-one-out: "
              "each published municipality figure predicted without using it. Method: docs/facts-model.md. "
              "Official StatBank files (`destinations data fetch statbank`) replace the model.",
        "da": "Datamappen har ingen komplet tabel over overnatninger pr. kommune og måned, så værktøjet "
              "skønner en (facts-model 1.0): indikatorer (kystlinje, areal, befolkning, attraktioner, "
              "sommerhuse) raket præcist til de officielle marginaler — Eurostats nationale månedstal pr. "
              "type og nationalitet, StatBank TURIST pr. region, det offentliggjorte feriehustal — og "
              "offentliggjorte kommunetal overholdes. Nedenfor: leave-one-out, hvor hvert offentliggjort "
              "kommunetal forudsiges uden at bruge det. Metode: docs/facts-model.md. Officielle "
              "StatBank-filer (`destinations data fetch statbank`) erstatter modellen.",
    },
    "data.model.mae": {"en": "Mean absolute error (leave-one-out)",
                       "da": "Gennemsnitlig absolut fejl (leave-one-out)"},
}
