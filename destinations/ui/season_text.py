"""UI strings of the seasonality & capacity page, and the ones it shares with the profile page
(accommodation types, indices, chart labels, exports), in English and Danish."""

#: Shared by the profile and the seasonality page.
SHARED = {
    # accommodation types
    "type.hotel": {"en": "Hotels", "da": "Hoteller"},
    "type.holiday_centre_hostel": {"en": "Holiday centres & hostels",
                                   "da": "Feriecentre og vandrerhjem"},
    "type.camping": {"en": "Camping", "da": "Camping"},
    "type.marina": {"en": "Marinas", "da": "Lystbådehavne"},
    "type.holiday_home": {"en": "Holiday homes", "da": "Feriehuse"},
    # coverage of each type (the capacity caveat, next to every occupancy)
    "coverage.hotel": {"en": "DST's monthly hotel statistics cover establishments with 40+ beds",
                       "da": "DST's månedlige hotelstatistik dækker steder med 40+ senge"},
    "coverage.holiday_centre_hostel": {
        "en": "a separate series (NACE I552); seasonal closures modelled",
        "da": "en særskilt serie (NACE I552); sæsonlukning modelleret"},
    "coverage.camping": {"en": "a separate series (NACE I553); seasonal closures modelled",
                         "da": "en særskilt serie (NACE I553); sæsonlukning modelleret"},
    "coverage.marina": {"en": "no bed-place figure in the data: occupancy unknown",
                        "da": "intet sengepladstal i data: belægning ukendt"},
    "coverage.holiday_home": {"en": "holiday dwellings are counted (BOL101), bed places and "
                                    "houses for rent are not: occupancy unknown",
                              "da": "fritidsboliger er talt (BOL101), sengepladser og feriehuse "
                                    "til udlejning ikke: belægning ukendt"},
    "coverage.modelled": {
        "en": "Capacity is never derived from the overnights it is compared with (facts-model 1.1). "
              "Bed places are known only where a local count is published — hotel rooms in "
              "København and Aarhus, campsites in Kerteminde — converted with national Eurostat "
              "ratios (estimated); holiday dwellings (StatBank BOL101) are official for all 98 "
              "municipalities but are dwellings, not bed places. Everywhere else capacity is "
              "unknown, and so are shortage and headroom.",
        "da": "Kapaciteten udledes aldrig af de overnatninger, den sammenlignes med (facts-model "
              "1.1). Sengepladser kendes kun, hvor et lokalt tal er offentliggjort — hotelværelser "
              "i København og Aarhus, campingpladser i Kerteminde — omregnet med nationale "
              "Eurostat-forhold (skønnet); fritidsboliger (Statistikbanken BOL101) er officielle "
              "for alle 98 kommuner, men er boliger, ikke sengepladser. Alle andre steder er "
              "kapaciteten ukendt, og det er mangel og ledig kapacitet også."},
    "unknown": {"en": "unknown", "da": "ukendt"},
    "capacity.none": {"en": "none", "da": "ingen"},
    "capacity.part.none": {"en": "no member has a published bed-place count",
                           "da": "intet medlem har et offentliggjort sengepladstal"},
    "capacity.reading": {"en": "Read on {part}: {coverage} of the overnights.",
                         "da": "Aflæst på {part}: {coverage} af overnatningerne."},
    "capacity.unknown.note": {
        "en": "No local bed-place count is published here, so peak shortage and off-season "
              "headroom cannot be known; capacity is never estimated from the overnights it "
              "would be compared with.",
        "da": "Her er intet lokalt sengepladstal offentliggjort, så mangel i højsæsonen og ledig "
              "kapacitet uden for sæsonen kan ikke kendes; kapaciteten skønnes aldrig ud fra de "
              "overnatninger, den skal sammenlignes med."},
    "capacity.known.note": {
        "en": "Only where a local count is published (estimated from it with national Eurostat "
              "ratios); the rest of the demand is unknown — neither short nor empty.",
        "da": "Kun hvor et lokalt tal er offentliggjort (skønnet ud fra det med nationale "
              "Eurostat-forhold); resten af efterspørgslen er ukendt — hverken i mangel eller "
              "ledig."},
    "capacity.national.note": {
        "en": "Bed places: Eurostat's national figures (official totals; seasonal opening of "
              "campsites and holiday centres assumed). Marinas and holiday homes have no "
              "bed-place figure, so their part of the demand is unknown.",
        "da": "Sengepladser: Eurostats nationale tal (officielle totaler; sæsonåbning af "
              "campingpladser og feriecentre antaget). Lystbådehavne og feriehuse har intet "
              "sengepladstal, så deres del af efterspørgslen er ukendt."},
    "capacity.basis": {"en": "What the capacity figures rest on",
                       "da": "Hvad kapacitetstallene bygger på"},
    "dwellings.note": {"en": "StatBank BOL101, 1 January 2025: dwellings with nobody registered "
                             "as living there — not bed places, and how many are let is unknown",
                       "da": "Statistikbanken BOL101, 1. januar 2025: boliger uden tilmeldte "
                             "beboere — ikke sengepladser, og hvor mange der udlejes, kendes ikke"},
    "lbl.share_overnights": {"en": "Share of overnights", "da": "Andel af overnatninger"},
    "lbl.members_known": {"en": "Members with a count", "da": "Medlemmer med et tal"},
    "lbl.coverage": {"en": "Overnights covered", "da": "Overnatninger dækket"},
    "lbl.known_bed_places": {"en": "Bed places where known (busiest month)",
                             "da": "Sengepladser hvor kendt (højsæson)"},
    "lbl.dwellings": {"en": "Holiday dwellings (BOL101)", "da": "Fritidsboliger (BOL101)"},
    "lbl.basis": {"en": "Basis", "da": "Grundlag"},
    "lbl.capacity_known": {"en": "Capacity", "da": "Kapacitet"},
    "capacity.cell.unknown": {"en": "unknown: no member has a published count",
                              "da": "ukendt: intet medlem har et offentliggjort tal"},
    "capacity.cell.all": {"en": "{beds} bed places ({kind})",
                          "da": "{beds} sengepladser ({kind})"},
    "capacity.cell.some": {"en": "{beds} bed places in {n} of {members} members ({kind}); the "
                                 "rest unknown",
                           "da": "{beds} sengepladser i {n} af {members} medlemmer ({kind}); "
                                 "resten ukendt"},
    "capacity.cell.dwellings": {"en": "{dwellings} holiday dwellings (official); bed places and "
                                      "houses for rent unknown",
                                "da": "{dwellings} fritidsboliger (officielt); sengepladser og "
                                      "feriehuse til udlejning ukendt"},
    "beds.all": {"en": "Bed places of every member ({types}), estimated from "
                                   "published counts.",
                             "da": "Sengepladser for alle medlemmer ({types}), skønnet ud fra "
                                   "offentliggjorte tal."},
    "beds.none": {
        "en": "Bed places unknown: no member has a published local count (hotel rooms, "
              "campsites), and capacity is never estimated from the overnights. Holiday dwellings "
              "are counted for every municipality.",
        "da": "Sengepladser ukendt: intet medlem har et offentliggjort lokalt tal (hotelværelser, "
              "campingpladser), og kapaciteten skønnes aldrig ud fra overnatningerne. "
              "Fritidsboliger er talt for alle kommuner."},
    "beds.some": {"en": "Bed places of the whole company unknown; known for part of "
                                    "it: {parts}.",
                              "da": "Sengepladser for hele selskabet ukendt; kendt for en del: "
                                    "{parts}."},
    "beds.part": {"en": "{type} {beds} in {n} of {members} members ({coverage} of "
                                    "those overnights, estimated)",
                              "da": "{type} {beds} i {n} af {members} medlemmer ({coverage} af de "
                                    "overnatninger, skønnet)"},
    # day-trip flows and their uncertainty
    "flow.to": {"en": "To", "da": "Til"},
    "flow.range": {"en": "Range over the model's settings", "da": "Spænd over modellens indstillinger"},
    "flow.from": {"en": "From", "da": "Fra"},
    "flow.one_way": {"en": "Day trips (this direction)", "da": "Dagsture (denne retning)"},
    "flow.spread": {"en": "Spread (0 % = the settings agree)", "da": "Spredning (0 % = indstillingerne er enige)"},
    "flow.driver": {"en": "Setting that moves it most", "da": "Indstilling der flytter mest"},
    "driver.half weight 20 min": {"en": "pull halves every 20 min", "da": "tiltrækning halveres hver 20. min"},
    "driver.half weight 45 min": {"en": "pull halves every 45 min", "da": "tiltrækning halveres hver 45. min"},
    "driver.cut-off 120 min": {"en": "day trips up to 120 min", "da": "dagsture op til 120 min"},
    "driver.ferry wait 0.5 x crossing": {"en": "ferry wait half the crossing",
                                         "da": "færgeventetid halvdelen af overfarten"},
    "driver.ferry wait 2 x crossing": {"en": "ferry wait twice the crossing",
                                       "da": "færgeventetid det dobbelte af overfarten"},
    "driver.no toll penalty": {"en": "no bridge-toll penalty", "da": "ingen straf for brobetaling"},
    "driver.toll +60 min": {"en": "bridge toll as 60 min", "da": "brobetaling som 60 min"},
    "driver.uncounted attractions at the lower quartile": {
        "en": "uncounted attractions pull like the lower quartile",
        "da": "utalte attraktioner trækker som nedre kvartil"},
    # saved scenarios and stories while the store is down
    "store.down": {
        "en": "Saved scenarios and stories cannot be read right now: {problem} This page keeps "
              "working on today's destination companies and the built-in stories.",
        "da": "Gemte scenarier og fortællinger kan ikke læses lige nu: {problem} Siden virker "
              "videre med dagens destinationsselskaber og de indbyggede fortællinger."},
    # lighthouses (reasons-to-go attractions of 250,000+ visitors a year)
    "lighthouse": {"en": "Lighthouse (≥ {threshold} visitors a year)",
                   "da": "Fyrtårn (≥ {threshold} besøgende om året)"},
    "lighthouse.yes": {"en": "yes", "da": "ja"},
    "lighthouse.no": {"en": "no", "da": "nej"},
    "lighthouse.unknown": {"en": "unknown", "da": "ukendt"},
    "lighthouse.why.yes": {"en": "At or above the threshold: {items}",
                           "da": "På eller over grænsen: {items}"},
    "lighthouse.why.no": {"en": "Every listed attraction has a published count, all below the "
                                "threshold: {items}",
                          "da": "Alle listede attraktioner har et offentliggjort besøgstal, alle "
                                "under grænsen: {items}"},
    "lighthouse.why.unknown": {
        "en": "No counted attraction reaches the threshold, and {n} have no published count — a "
              "missing count is never read as a small one.",
        "da": "Ingen talt attraktion når grænsen, og {n} har intet offentliggjort besøgstal — et "
              "manglende tal læses aldrig som et lille."},
    "lighthouse.why.none": {"en": "No attraction of the data lies here.",
                            "da": "Ingen attraktion i data ligger her."},
    "lighthouse.below": {"en": "Counted below the threshold: {items}",
                         "da": "Talt under grænsen: {items}"},
    "lighthouse.uncounted": {"en": "Without a published count ({n}): {items}",
                             "da": "Uden offentliggjort besøgstal ({n}): {items}"},
    "lighthouse.rule": {
        "en": "One published count per attraction by a written rule (latest normal year, exact "
              "over rounded over estimate; rival figures kept, never averaged), with its year.",
        "da": "Ét offentliggjort besøgstal pr. attraktion efter en skreven regel (seneste normale "
              "år, præcist før afrundet før skøn; konkurrerende tal gemmes, aldrig gennemsnit), "
              "med årstal."},
    # indices
    "idx.overnights": {"en": "Overnight stays", "da": "Overnatninger"},
    "idx.foreign_share": {"en": "Foreign share", "da": "Udenlandsk andel"},
    "idx.gini": {"en": "Seasonality (Gini, 0–0.92)", "da": "Sæsonudsving (Gini, 0–0,92)"},
    "idx.peak_mean_ratio": {"en": "Peak month / mean month", "da": "Højeste måned / gennemsnit"},
    "idx.peak_quarter_share": {"en": "Share in June–August", "da": "Andel i juni–august"},
    "idx.offseason_share": {"en": "Share in October–April", "da": "Andel i oktober–april"},
    "idx.entropy": {"en": "Entropy (nats, max 2.48)", "da": "Entropi (nats, maks. 2,48)"},
    "idx.relative_redundancy": {"en": "Relative redundancy (0–1)", "da": "Relativ redundans (0–1)"},
    "idx.peak_month": {"en": "Busiest month", "da": "Travleste måned"},
    "idx.complementarity": {"en": "Seasonal complementarity (ΔG)",
                            "da": "Sæsonkomplementaritet (ΔG)"},
    "idx.help": {
        "en": "Gini 0 = the same every month, 0.92 = all in one month (Ferrante et al. 2018). "
              "Peak/mean 1 = flat, 12 = one month. Relative redundancy 1 − entropy/ln 12: "
              "0 = flat, 1 = one month.",
        "da": "Gini 0 = lige mange hver måned, 0,92 = alt i én måned (Ferrante m.fl. 2018). "
              "Højeste/gennemsnit 1 = jævnt, 12 = én måned. Relativ redundans 1 − entropi/ln 12: "
              "0 = jævnt, 1 = én måned."},
    # chart and table labels
    "lbl.month": {"en": "Month", "da": "Måned"},
    "lbl.overnights": {"en": "Overnight stays", "da": "Overnatninger"},
    "lbl.type": {"en": "Accommodation", "da": "Overnatningsform"},
    "lbl.company": {"en": "Company", "da": "Selskab"},
    "lbl.share": {"en": "Share of the year", "da": "Andel af året"},
    "lbl.guests": {"en": "Guests", "da": "Gæster"},
    "lbl.danish": {"en": "Danish", "da": "Danske"},
    "lbl.foreign": {"en": "Foreign", "da": "Udenlandske"},
    "lbl.total": {"en": "Total", "da": "I alt"},
    "lbl.year": {"en": "Year", "da": "År"},
    "lbl.country": {"en": "Guest nationality", "da": "Gæsternes nationalitet"},
    "lbl.demand": {"en": "Overnights (types with bed places)",
                   "da": "Overnatninger (typer med sengepladser)"},
    "lbl.capacity": {"en": "Bed-nights available", "da": "Tilgængelige sengenætter"},
    "lbl.threshold": {"en": "Shortage line ({share} of bed-nights)",
                      "da": "Mangelgrænse ({share} af sengenætterne)"},
    "lbl.occupancy": {"en": "Net occupancy %", "da": "Nettobelægning %"},
    "lbl.bed_places": {"en": "Bed places", "da": "Sengepladser"},
    "lbl.bed_places_peak": {"en": "Bed places (busiest month)", "da": "Sengepladser (højsæson)"},
    "lbl.bed_places_low": {"en": "Bed places (quietest month)", "da": "Sengepladser (lavsæson)"},
    "lbl.houses": {"en": "Holiday houses for rent", "da": "Feriehuse til udlejning"},
    "lbl.covered": {"en": "Occupancy known", "da": "Belægning kendt"},
    "lbl.note": {"en": "Coverage", "da": "Dækning"},
    "lbl.kind": {"en": "Kind", "da": "Art"},
    "lbl.name": {"en": "Name", "da": "Navn"},
    "lbl.baseline": {"en": "Baseline", "da": "Udgangspunkt"},
    "lbl.whatif": {"en": "What-if", "da": "Hvad nu hvis"},
    "lbl.change": {"en": "Change", "da": "Ændring"},
    "lbl.series": {"en": "Series", "da": "Serie"},
    "lbl.figure": {"en": "Figure", "da": "Tal"},
    "lbl.index": {"en": "Index", "da": "Indeks"},
    "lbl.value": {"en": "Value", "da": "Værdi"},
    "lbl.occ_mean": {"en": "Occupancy, year (%)", "da": "Belægning, året (%)"},
    "lbl.occ_peak": {"en": "Occupancy, busiest month (%)", "da": "Belægning, travleste måned (%)"},
    "lbl.days": {"en": "Days", "da": "Dage"},
    "lbl.bed_nights": {"en": "Bed-nights", "da": "Sengenætter"},
    "lbl.source": {"en": "Source", "da": "Kilde"},
    "season.curve.title": {"en": "{name} {year}: overnight stays by month and accommodation",
                           "da": "{name} {year}: overnatninger pr. måned og overnatningsform"},
    "season.guests.title": {"en": "{name} {year}: Danish and foreign guests",
                            "da": "{name} {year}: danske og udenlandske gæster"},
    # exports
    "export.csv": {"en": "Table as CSV", "da": "Tabel som CSV"},
    "export.png": {"en": "Chart as PNG", "da": "Diagram som PNG"},
    "modelled.note": {
        "en": "Modelled: municipal figures come from the facts model (facts-model 1.1, "
              "docs/facts-model.md), fitted to official national and regional totals; shown to "
              "3 significant figures, the precision they have.",
        "da": "Modelleret: kommunetal kommer fra faktamodellen (facts-model 1.1, "
              "docs/facts-model.md), tilpasset officielle nationale og regionale tal; vist med 3 "
              "betydende cifre, den præcision de har."},
    "scenario": {"en": "Scenario", "da": "Scenarie"},
    "scenario.today": {"en": "Destination companies today", "da": "Destinationsselskaber i dag"},
    "scenario.unavailable": {"en": "Saved scenarios are unavailable: {problem}",
                             "da": "Gemte scenarier er ikke tilgængelige: {problem}"},
    "bad.param": {"en": "The link asked for {what} “{value}”, which does not exist here; showing "
                        "{shown} instead.",
                  "da": "Linket bad om {what} “{value}”, som ikke findes her; viser {shown} i "
                        "stedet."},
    "what.company": {"en": "company", "da": "selskab"},
    "what.year": {"en": "year", "da": "år"},
    "what.scenario": {"en": "scenario", "da": "scenarie"},
    "what.municipality": {"en": "municipality", "da": "kommune"},
    "what.scope": {"en": "view", "da": "visning"},
    "link": {"en": "Link to this view", "da": "Link til denne visning"},
    "denmark": {"en": "Denmark", "da": "Danmark"},
    "unaffiliated.group": {"en": "Municipalities in no company", "da": "Kommuner uden selskab"},
}

TEXT = {
    "season.title": {"en": "Season and capacity", "da": "Sæson og kapacitet"},
    "season.intro": {
        "en": "How overnight stays spread over the year, what the beds can take, and what a "
              "longer season would change — for Denmark, a destination company or a municipality.",
        "da": "Hvordan overnatningerne fordeler sig over året, hvad sengene kan rumme, og hvad en "
              "længere sæson ville ændre — for Danmark, et destinationsselskab eller en kommune."},
    "season.scope": {"en": "Show", "da": "Vis"},
    "season.scope.national": {"en": "Denmark", "da": "Danmark"},
    "season.scope.company": {"en": "A destination company", "da": "Et destinationsselskab"},
    "season.scope.municipality": {"en": "A municipality", "da": "En kommune"},
    "season.no_company": {"en": "This scenario has no company with members yet.",
                          "da": "Scenariet har endnu intet selskab med medlemmer."},
    "season.company": {"en": "Destination company", "da": "Destinationsselskab"},
    "season.municipality": {"en": "Municipality", "da": "Kommune"},
    "season.year": {"en": "Year", "da": "År"},
    "season.tab.curve": {"en": "Seasonality", "da": "Sæson"},
    "season.tab.heatmap": {"en": "All companies", "da": "Alle selskaber"},
    "season.tab.capacity": {"en": "Capacity", "da": "Kapacitet"},
    "season.tab.whatif": {"en": "Longer season (what-if)", "da": "Længere sæson (hvad nu hvis)"},
    "season.tab.markets": {"en": "Source markets", "da": "Markeder"},
    "season.indices": {"en": "Seasonality indices", "da": "Sæsonindeks"},
    "season.years.title": {"en": "{name}: {before} against {after} (share of each year)",
                           "da": "{name}: {before} mod {after} (andel af hvert år)"},
    "season.years.heading": {"en": "{before} against the latest full year ({after})",
                             "da": "{before} mod seneste hele år ({after})"},
    "season.years.same": {"en": "The chosen year is the comparison year; pick another year to "
                                "compare with {before}.",
                          "da": "Det valgte år er sammenligningsåret; vælg et andet år for at "
                                "sammenligne med {before}."},
    "season.heatmap.title": {"en": "Share of each company's year by month, {year}",
                             "da": "Hvert selskabs andel af året pr. måned, {year}"},
    "season.heatmap.caption": {
        "en": "Each row adds up to 100 %: darker = a larger part of that company's year. Scenario: "
              "{scenario}.",
        "da": "Hver række summer til 100 %: mørkere = en større del af selskabets år. Scenarie: "
              "{scenario}."},
    "season.capacity.title": {"en": "{name} {year}: demand against bed-nights",
                              "da": "{name} {year}: efterspørgsel mod sengenætter"},
    "season.capacity.share": {"en": "Shortage when demand exceeds this share of bed-nights",
                              "da": "Mangel når efterspørgslen overstiger denne andel af "
                                    "sengenætterne"},
    "season.capacity.target": {"en": "Target occupancy for off-season headroom",
                               "da": "Mål for belægning ved ledig kapacitet uden for sæsonen"},
    "season.capacity.basis": {"en": "Headroom counts", "da": "Ledig kapacitet regnes på"},
    "season.capacity.basis.open": {"en": "beds open that month", "da": "senge åbne i måneden"},
    "season.capacity.basis.all": {"en": "every bed (closed places reopened)",
                                  "da": "alle senge (lukkede steder genåbnet)"},
    "season.capacity.shortage": {"en": "Months with peak shortage", "da": "Måneder med mangel"},
    "season.capacity.excess": {"en": "Overnights above the shortage line",
                               "da": "Overnatninger over mangelgrænsen"},
    "season.capacity.headroom": {"en": "Off-season headroom (Oct–Apr)",
                                 "da": "Ledig kapacitet uden for sæsonen (okt.–apr.)"},
    "season.capacity.coverage": {
        "en": "Occupancy covers {types}: {share} of the overnights. Marinas and holiday homes have "
              "no bed-place figure, so their occupancy is unknown (a gap, not zero).",
        "da": "Belægningen dækker {types}: {share} af overnatningerne. Lystbådehavne og feriehuse "
              "har intet sengepladstal, så deres belægning er ukendt (et hul, ikke nul)."},
    "season.capacity.none": {"en": "none", "da": "ingen"},
    "season.capacity.by_type": {"en": "Occupancy by accommodation type",
                                "da": "Belægning pr. overnatningsform"},
    "season.capacity.reference": {
        "en": "National reference: gross occupancy with Eurostat on both sides",
        "da": "National reference: bruttobelægning med Eurostat på begge sider"},
    "season.capacity.reference.note": {
        "en": "Gross = overnights / (annual bed places × days): seasonal closures are not "
              "removed, so off-season camping occupancy reads low.",
        "da": "Brutto = overnatninger / (årlige sengepladser × dage): sæsonlukning er ikke "
              "fratrukket, så campingbelægningen uden for sæsonen ser lav ud."},
    "season.capacity.months": {"en": "Month by month", "da": "Måned for måned"},
    "season.whatif.intro": {
        "en": "Grow the shoulder months, or move part of the peak into them. Capacity stays as it "
              "is; every what-if figure is modelled.",
        "da": "Lad skuldermånederne vokse, eller flyt en del af højsæsonen over i dem. "
              "Kapaciteten er uændret; alle hvad-nu-hvis-tal er modellerede."},
    "season.whatif.growth": {"en": "Growth in the shoulder months (%)",
                             "da": "Vækst i skuldermånederne (%)"},
    "season.whatif.shift": {"en": "Share of peak demand moved into the shoulders (%)",
                            "da": "Andel af højsæsonen flyttet til skuldermånederne (%)"},
    "season.whatif.shoulder": {"en": "Shoulder months", "da": "Skuldermåneder"},
    "season.whatif.peak": {"en": "Peak months", "da": "Højsæsonmåneder"},
    "season.whatif.title": {"en": "{name} {year}: baseline and what-if",
                            "da": "{name} {year}: udgangspunkt og hvad nu hvis"},
    "season.whatif.table": {"en": "Per company and for Denmark", "da": "Pr. selskab og for Danmark"},
    "season.whatif.all": {"en": "all figures", "da": "alle tal"},
    "season.whatif.neutral": {"en": "Move a slider to see a what-if.",
                              "da": "Flyt en skyder for at se et hvad-nu-hvis."},
    "season.whatif.running": {"en": "Computing the what-if…", "da": "Beregner hvad-nu-hvis…"},
    "fig.overnights": {"en": "Overnight stays", "da": "Overnatninger"},
    "fig.gini": {"en": "Gini", "da": "Gini"},
    "fig.peak_mean_ratio": {"en": "Peak / mean", "da": "Højeste / gennemsnit"},
    "fig.peak_quarter_share": {"en": "Share June–August", "da": "Andel juni–august"},
    "fig.offseason_share": {"en": "Share October–April", "da": "Andel oktober–april"},
    "fig.entropy": {"en": "Entropy", "da": "Entropi"},
    "fig.relative_redundancy": {"en": "Relative redundancy", "da": "Relativ redundans"},
    "fig.occupancy_peak_pct": {"en": "Occupancy, busiest month (%)",
                               "da": "Belægning, travleste måned (%)"},
    "fig.occupancy_offseason_pct": {"en": "Occupancy Oct–Apr (%)", "da": "Belægning okt.–apr. (%)"},
    "fig.shortage_months": {"en": "Months with shortage", "da": "Måneder med mangel"},
    "fig.shortage_excess": {"en": "Overnights above the shortage line",
                            "da": "Overnatninger over mangelgrænsen"},
    "fig.offseason_headroom": {"en": "Off-season headroom (overnights)",
                               "da": "Ledig kapacitet uden for sæsonen (overnatninger)"},
    "season.markets.title": {"en": "Top {top} guest nationalities in Denmark, overnight stays",
                             "da": "Top {top} gæstenationaliteter i Danmark, overnatninger"},
    "season.markets.top": {"en": "Nationalities shown", "da": "Viste nationaliteter"},
    "season.markets.log": {"en": "Log scale", "da": "Logaritmisk skala"},
    "season.markets.since": {"en": "From year", "da": "Fra år"},
    "season.markets.note": {
        "en": "National figures for all accommodation types incl. holiday homes. The file has 17 "
              "nationalities and no Danish or total rows, so shares of all guests are not shown.",
        "da": "Nationale tal for alle overnatningsformer inkl. feriehuse. Filen har 17 "
              "nationaliteter og ingen danske eller samlede rækker, så andele af alle gæster vises "
              "ikke."},
    "season.foreign.title": {"en": "Foreign guests' share of overnight stays per company, {year}",
                             "da": "Udenlandske gæsters andel af overnatningerne pr. selskab, "
                                   "{year}"},
    "season.spinner": {"en": "Preparing the season figures…", "da": "Forbereder sæsontallene…"},
    # countries (StatBank names)
    "country.Tyskland": {"en": "Germany", "da": "Tyskland"},
    "country.Norge": {"en": "Norway", "da": "Norge"},
    "country.Sverige": {"en": "Sweden", "da": "Sverige"},
    "country.Nederlandene": {"en": "Netherlands", "da": "Nederlandene"},
    "country.Storbritannien": {"en": "United Kingdom", "da": "Storbritannien"},
    "country.USA": {"en": "USA", "da": "USA"},
    "country.Italien": {"en": "Italy", "da": "Italien"},
    "country.Frankrig": {"en": "France", "da": "Frankrig"},
    "country.Spanien": {"en": "Spain", "da": "Spanien"},
    "country.Schweiz": {"en": "Switzerland", "da": "Schweiz"},
    "country.Belgien": {"en": "Belgium", "da": "Belgien"},
    "country.Finland": {"en": "Finland", "da": "Finland"},
    "country.Østrig": {"en": "Austria", "da": "Østrig"},
    "country.Irland": {"en": "Ireland", "da": "Irland"},
    "country.Island": {"en": "Iceland", "da": "Island"},
    "country.Portugal": {"en": "Portugal", "da": "Portugal"},
    "country.Canada": {"en": "Canada", "da": "Canada"},
}
