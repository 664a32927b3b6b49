"""UI strings of the itinerary page (English, Danish)."""

TEXT = {
    "itin.title": {"en": "Cross-destination itineraries", "da": "Rejseruter på tværs af destinationer"},
    "itin.intro": {
        "en": "Plan a multi-day road trip from an airport, station, ferry port or the border: overnight "
              "bases with accommodation open in the month, attractions open in the season, and the "
              "destination companies that share the guest. Times and figures are modelled estimates.",
        "da": "Planlæg en rundrejse over flere dage fra en lufthavn, station, færgehavn eller grænsen: "
              "overnatningssteder med åben indkvartering i måneden, attraktioner åbne i sæsonen og de "
              "destinationsselskaber, der deler gæsten. Tider og tal er modellerede skøn.",
    },
    "itin.form": {"en": "Your trip", "da": "Din rejse"},
    "itin.start": {"en": "Start", "da": "Start"},
    "itin.end": {"en": "End", "da": "Slut"},
    "itin.same": {"en": "Back to the start", "da": "Tilbage til start"},
    "itin.days": {"en": "Days", "da": "Dage"},
    "itin.month": {"en": "Month", "da": "Måned"},
    "itin.themes": {"en": "Themes", "da": "Temaer"},
    "itin.pace": {"en": "Pace (hours a day)", "da": "Tempo (timer om dagen)"},
    "itin.drive": {"en": "Maximum driving a day (minutes)", "da": "Højst kørsel om dagen (minutter)"},
    "itin.must": {"en": "Must-see attractions", "da": "Attraktioner, der skal med"},
    "itin.seed": {"en": "Variant (seed)", "da": "Variant (frø)"},
    "itin.scenario": {"en": "Scenario (who benefits)", "da": "Scenarie (hvem får gavn)"},
    "itin.scenario.today": {"en": "Destination companies today", "da": "Destinationsselskaber i dag"},
    "itin.plan": {"en": "Plan trip", "da": "Planlæg rejse"},
    "itin.tiles": {"en": "Background map (needs internet)", "da": "Baggrundskort (kræver internet)"},
    "itin.progress": {"en": "Planning itinerary {n} of {total}…", "da": "Planlægger rute {n} af {total}…"},
    "itin.empty": {"en": "Choose a start, days and month, then press “Plan trip”.",
                   "da": "Vælg start, dage og måned, og tryk på “Planlæg rejse”."},
    "itin.bad_link": {"en": "The link could not be read: {error}",
                      "da": "Linket kunne ikke læses: {error}"},
    "itin.error": {"en": "The trip could not be planned", "da": "Rejsen kunne ikke planlægges"},
    "itin.unfitted": {"en": "{n} of {total} must-see attractions could not be fitted. The trip shown is "
                            "the best feasible trip without them.",
                      "da": "{n} af {total} attraktioner, der skulle med, kunne ikke passes ind. Ruten "
                            "her er den bedste mulige uden dem."},
    "itin.unfitted.closed": {"en": "{name}: closed in the month (open months {months})",
                             "da": "{name}: lukket i måneden (åbne måneder {months})"},
    "itin.unfitted.time": {"en": "{name}: needs at least {need} min in one day; a day has {limit} min",
                           "da": "{name}: kræver mindst {need} min på én dag; en dag har {limit} min"},
    "itin.unfitted.driving": {"en": "{name}: needs at least {need} min of driving in one day; the limit is "
                                    "{limit} min",
                              "da": "{name}: kræver mindst {need} min kørsel på én dag; grænsen er "
                                    "{limit} min"},
    "itin.unfitted.hours": {"en": "{name}: cannot be reached within its (assumed) opening hours",
                            "da": "{name}: kan ikke nås inden for de (antagne) åbningstider"},
    "itin.unfitted.together": {"en": "{name}: fits alone, but not together with the other must-sees "
                                     "and the route",
                               "da": "{name}: kan passes ind alene, men ikke sammen med de andre og "
                                     "ruten"},
    "itin.fix": {"en": "To fit them: add days, raise the hours a day or the driving limit, choose a "
                       "nearer hub or another month, or drop some must-sees.",
                 "da": "For at få dem med: tilføj dage, hæv timer om dagen eller kørselsgrænsen, vælg "
                       "en nærmere start/slut eller en anden måned, eller drop nogle af dem."},
    "itin.warnings": {"en": "Notes", "da": "Bemærkninger"},
    "itin.alternative": {"en": "Itinerary", "da": "Rute"},
    "itin.variant": {"en": "Itinerary {n}", "da": "Rute {n}"},
    "itin.variant.best": {"en": "Itinerary {n} (best)", "da": "Rute {n} (bedst)"},
    "itin.alternatives": {"en": "Alternatives", "da": "Alternativer"},
    "itin.map": {"en": "Route", "da": "Rute"},
    "itin.map.legend": {"en": "One colour per day; dashed lines are ferry crossings; numbered squares are "
                              "overnight stops (⌂) and the end (■); ▶ is the start. Lines join the stops "
                              "and the municipalities passed, not the actual roads.",
                        "da": "Én farve pr. dag; stiplede linjer er færgeoverfarter; nummererede firkanter er "
                              "overnatninger (⌂) og slutpunktet (■); ▶ er start. Linjerne forbinder stop "
                              "og de kommuner, ruten passerer, ikke de faktiske veje."},
    "itin.map.day": {"en": "Day", "da": "Dag"},
    "itin.map.night": {"en": "Night", "da": "Nat"},
    "itin.map.ferry": {"en": "Ferry", "da": "Færge"},
    "itin.map.start": {"en": "Start", "da": "Start"},
    "itin.map.end": {"en": "End", "da": "Slut"},
    "itin.timeline": {"en": "Day by day", "da": "Dag for dag"},
    "itin.timeline.note": {"en": "Visits respect the months each attraction is open (open months as "
                                 "month numbers; “no data” = not given by the source). Indoor sights "
                                 "keep assumed opening hours (museums, castles, zoos 10–17, amusement "
                                 "parks 10–20).",
                           "da": "Besøg respekterer de måneder, hver attraktion har åbent (åbne måneder "
                                 "som månedsnumre; “ingen data” = ikke oplyst af kilden). Indendørs "
                                 "seværdigheder har antagne åbningstider (museer, slotte, zoo 10–17, "
                                 "forlystelsesparker 10–20)."},
    "itin.col.day": {"en": "Day", "da": "Dag"},
    "itin.col.event": {"en": "Stop", "da": "Stop"},
    "itin.col.arrive": {"en": "Arrive", "da": "Ankomst"},
    "itin.col.leave": {"en": "Leave", "da": "Afgang"},
    "itin.col.place": {"en": "Place", "da": "Sted"},
    "itin.col.municipality": {"en": "Municipality", "da": "Kommune"},
    "itin.col.drive": {"en": "Driving there (min)", "da": "Kørsel dertil (min)"},
    "itin.col.ferry": {"en": "Ferry", "da": "Færge"},
    "itin.col.open": {"en": "Open months", "da": "Åbne måneder"},
    "itin.col.from": {"en": "From", "da": "Fra"},
    "itin.col.base": {"en": "Night / end", "da": "Nat / slut"},
    "itin.col.visits": {"en": "Visits", "da": "Besøg"},
    "itin.col.drive_day": {"en": "Driving (min)", "da": "Kørsel (min)"},
    "itin.col.ferry_day": {"en": "Ferry (min)", "da": "Færge (min)"},
    "itin.col.company": {"en": "Destination company", "da": "Destinationsselskab"},
    "itin.col.nights": {"en": "Nights", "da": "Overnatninger"},
    "itin.col.municipalities": {"en": "Municipalities", "da": "Kommuner"},
    "itin.col.variant": {"en": "Itinerary", "da": "Rute"},
    "itin.col.score": {"en": "Score", "da": "Point"},
    "itin.col.companies": {"en": "Companies hosting", "da": "Værtsselskaber"},
    "itin.col.es": {"en": "Effective splits", "da": "Effektive opdelinger"},
    "itin.col.bases": {"en": "Overnight bases", "da": "Overnatningssteder"},
    "itin.event.leave": {"en": "Leave", "da": "Afgang"},
    "itin.event.visit": {"en": "Visit", "da": "Besøg"},
    "itin.event.night": {"en": "Night", "da": "Overnatning"},
    "itin.event.end": {"en": "End", "da": "Slut"},
    "itin.benefits": {"en": "Who benefits", "da": "Hvem får gavn"},
    "itin.benefits.chart": {"en": "Nights and visits per destination company",
                            "da": "Overnatninger og besøg pr. destinationsselskab"},
    "itin.measure": {"en": "Measure", "da": "Mål"},
    "itin.count": {"en": "Count", "da": "Antal"},
    "itin.crossed": {"en": "Companies the route crosses", "da": "Selskaber ruten krydser"},
    "itin.cooperation": {"en": "This trip needs cooperation between {n} destination companies that host "
                               "its nights and visits: {names}.",
                         "da": "Denne rejse kræver samarbejde mellem {n} destinationsselskaber, der er "
                               "værter for overnatninger og besøg: {names}."},
    "itin.one_company": {"en": "One destination company hosts all nights and visits.",
                         "da": "Ét destinationsselskab er vært for alle overnatninger og besøg."},
    "itin.es": {"en": "Effective splits", "da": "Effektive opdelinger"},
    "itin.es.help": {"en": "1 / Σ share² − 1 over each company's share of nights plus visits: 0 = one "
                           "company hosts everything.",
                     "da": "1 / Σ andel² − 1 over hvert selskabs andel af overnatninger plus besøg: 0 = "
                           "ét selskab er vært for alt."},
    "itin.score": {"en": "Score", "da": "Point"},
    "itin.visits": {"en": "Visits", "da": "Besøg"},
    "itin.driving": {"en": "Driving (h)", "da": "Kørsel (t)"},
    "itin.downloads": {"en": "Export", "da": "Eksport"},
    "itin.download.geojson": {"en": "Download GeoJSON", "da": "Hent GeoJSON"},
    "itin.download.html": {"en": "Download printable itinerary (HTML)", "da": "Hent rejseplan til udskrift (HTML)"},
    "itin.share": {"en": "This link reopens exactly this trip (it carries the days, bases and visits, "
                         "with a checksum); nothing is planned again.",
                   "da": "Linket genåbner præcis denne rejse (det indeholder dagene, overnatningsstederne "
                         "og besøgene med en kontrolsum); intet planlægges igen."},
    "itin.method": {"en": "Method and assumptions", "da": "Metode og antagelser"},
    "itin.method.text": {
        "en": "Overnight bases: towns with hotels, restaurants and shops whose municipality has at "
              "least 3,000 overnights that month in the facts layer ({year}, modelled unless official "
              "files are present). Travel: road estimate from straight-line distance (×1.3 at 70 km/h) "
              "on one landmass, else the travel graph with bridges and ferries (crossings count as "
              "travel, not driving). Visit lengths and opening hours are assumptions per category. "
              "Score: published visitors (one figure per attraction, with its year), lighthouse "
              "status (≥ 250,000 visitors), theme match, Copenhagen's icons first on Greater "
              "Copenhagen trips, less for places far off the way; changing base costs points. "
              "{bases} bases and {candidates} attractions were available; {iterations} search "
              "iterations in {seconds} s, {stopped}.",
        "da": "Overnatningssteder: byer med hoteller, restauranter og butikker, hvis kommune har mindst "
              "3.000 overnatninger i måneden i faktalaget ({year}, modelleret, medmindre officielle "
              "filer findes). Rejsetid: vejskøn ud fra luftlinje (×1,3 ved 70 km/t) på samme "
              "landmasse, ellers rejsegrafen med broer og færger (overfarter tæller som rejsetid, ikke "
              "kørsel). Besøgslængder og åbningstider er antagelser pr. kategori. Point: offentliggjorte "
              "besøgstal (ét tal pr. attraktion med årstal), fyrtårnsstatus (≥ 250.000 besøgende), "
              "temamatch, Københavns ikoner først på rejser i Storkøbenhavn, mindre for steder langt fra "
              "ruten; skift af overnatningssted koster point. {bases} overnatningssteder og "
              "{candidates} attraktioner var til rådighed; {iterations} søgeiterationer på {seconds} s, "
              "{stopped}.",
    },
    "itin.month.1": {"en": "January", "da": "januar"},
    "itin.month.2": {"en": "February", "da": "februar"},
    "itin.month.3": {"en": "March", "da": "marts"},
    "itin.month.4": {"en": "April", "da": "april"},
    "itin.month.5": {"en": "May", "da": "maj"},
    "itin.month.6": {"en": "June", "da": "juni"},
    "itin.month.7": {"en": "July", "da": "juli"},
    "itin.month.8": {"en": "August", "da": "august"},
    "itin.month.9": {"en": "September", "da": "september"},
    "itin.month.10": {"en": "October", "da": "oktober"},
    "itin.month.11": {"en": "November", "da": "november"},
    "itin.month.12": {"en": "December", "da": "december"},
    "itin.warn.season_unknown": {"en": "Season not given by the source (check before going): {names}",
                                 "da": "Sæson ikke oplyst af kilden (tjek før afrejse): {names}"},
    "itin.warn.theme_closed": {"en": "No attraction with the theme “{theme}” is open in this month.",
                               "da": "Ingen attraktion med temaet “{theme}” har åbent i denne måned."},
    "itin.warn.low_base": {"en": "Night {night}: {name} has fewer than 100 modelled bed places open.",
                           "da": "Nat {night}: {name} har færre end 100 modellerede åbne sengepladser."},
    "itin.exclude": {"en": "Leave out", "da": "Udelad"},
    "itin.bases": {"en": "Overnight bases", "da": "Overnatningssteder"},
    "itin.bases.auto": {"en": "2–3 places (recommended)", "da": "2–3 steder (anbefalet)"},
    "itin.bases.one": {"en": "One base (star trip)", "da": "Ét sted (stjernetur)"},
    "itin.bases.road": {"en": "Road trip (move on freely)", "da": "Rundrejse (skift frit)"},
    "itin.open.title": {"en": "Open a trip link", "da": "Åbn et rejselink"},
    "itin.open.link": {"en": "Trip link", "da": "Rejselink"},
    "itin.open.button": {"en": "Open trip", "da": "Åbn rejse"},
    "itin.bad_trip": {"en": "The trip link could not be opened: {error} The trip shown is unchanged.",
                      "da": "Rejselinket kunne ikke åbnes: {error} Den viste rejse er uændret."},
    "itin.reopened": {"en": "Reopened from its link exactly as planned; nothing was planned again. "
                            "Press “Re-plan” to plan the same request anew.",
                      "da": "Genåbnet fra linket præcis som planlagt; intet er planlagt igen. Tryk på "
                            "“Planlæg igen” for at planlægge den samme forespørgsel på ny."},
    "itin.cancel": {"en": "Cancel", "da": "Annullér"},
    "itin.cancelled": {"en": "Planning was cancelled; the trip shown before is kept.",
                       "da": "Planlægningen blev annulleret; den viste rejse er bevaret."},
    "itin.stopped_time": {"en": "The time limit stopped the search before its iteration budget: "
                                "another run may find a slightly different trip.",
                          "da": "Tidsgrænsen stoppede søgningen før dens iterationsbudget: en ny "
                                "kørsel kan finde en lidt anden rejse."},
    "itin.stopped.budget": {"en": "stopped by its iteration budget (same seed, same trip)",
                            "da": "stoppet af iterationsbudgettet (samme frø, samme rejse)"},
    "itin.stopped.time": {"en": "stopped by the time limit", "da": "stoppet af tidsgrænsen"},
    "itin.stopped.cancelled": {"en": "cancelled", "da": "annulleret"},
    "itin.stopped.reopened": {"en": "reopened from a trip link", "da": "genåbnet fra et rejselink"},
    "itin.timeline.full": {"en": "Every stop in order, with lunch and driving",
                           "da": "Alle stop i rækkefølge med frokost og kørsel"},
    "itin.why.title": {"en": "Why these stops", "da": "Derfor disse stop"},
    "itin.why.must": {"en": "your must-see", "da": "dit must-see"},
    "itin.why.icon": {"en": "Copenhagen icon", "da": "københavnsk ikon"},
    "itin.why.themes": {"en": "theme {themes}", "da": "tema {themes}"},
    "itin.why.season": {"en": "season not given (check before going)",
                        "da": "sæson ikke oplyst (tjek før afrejse)"},
    "itin.why.note": {"en": "Visitors: one published annual figure per attraction (latest normal year, "
                            "exact before rounded before estimate); “estimate” marks a figure the "
                            "source itself estimates. Opening hours are assumed per category and month.",
                      "da": "Besøgende: ét offentliggjort årstal pr. attraktion (seneste normale år, "
                            "eksakt før afrundet før skøn); “skøn” markerer et tal, som kilden selv "
                            "anslår. Åbningstider er antaget pr. kategori og måned."},
    "itin.visitors.none": {"en": "not counted", "da": "ikke talt"},
    "itin.visitors.undated": {"en": "undated", "da": "udateret"},
    "itin.precision.rounded": {"en": "rounded", "da": "afrundet"},
    "itin.precision.bound": {"en": "at least", "da": "mindst"},
    "itin.precision.estimate": {"en": "estimate", "da": "skøn"},
    "itin.col.start": {"en": "Start", "da": "Start"},
    "itin.col.hours": {"en": "Opening hours (assumed)", "da": "Åbningstid (antaget)"},
    "itin.col.why": {"en": "Why this stop", "da": "Derfor dette stop"},
    "itin.col.visitors": {"en": "Visitors a year (year)", "da": "Besøgende om året (år)"},
    "itin.col.source": {"en": "Source of the figure", "da": "Kilde til tallet"},
    "itin.event.lunch": {"en": "Lunch", "da": "Frokost"},
    "itin.lunch.place": {"en": "Lunch break (45 min)", "da": "Frokostpause (45 min)"},
    "itin.share.title": {"en": "Share this trip", "da": "Del denne rejse"},
    "itin.replan": {"en": "Re-plan", "da": "Planlæg igen"},
    "itin.replan.help": {"en": "Plan the same request anew on today's data (with alternatives); the "
                               "link above keeps the trip as it is.",
                         "da": "Planlæg den samme forespørgsel på ny med dagens data (med alternativer); "
                               "linket ovenfor bevarer rejsen, som den er."},
    "itin.choose": {"en": "Choose…", "da": "Vælg…"},
    "itin.why.unesco": {"en": "UNESCO World Heritage", "da": "UNESCO-verdensarv"},
    "itin.theme.events": {"en": "events (venues with an event)", "da": "begivenheder (spillesteder med arrangement)"},
}
