"""UI strings of the destination profile page (English, Danish). Types, indices and chart labels
are shared with the seasonality page (:data:`destinations.ui.season_text.SHARED`)."""

TEXT = {
    "profile.title": {"en": "Destination profile", "da": "Destinationsprofil"},
    "profile.intro": {
        "en": "One destination company through its data: what draws guests, where they sleep, "
              "when they come, how it compares, where its guests go next and which stories it "
              "shares. Any company of any scenario.",
        "da": "Et destinationsselskab set gennem data: hvad der trækker gæster, hvor de sover, "
              "hvornår de kommer, hvordan det står i forhold til andre, hvor gæsterne tager hen, "
              "og hvilke fortællinger det deler. Ethvert selskab i ethvert scenarie."},
    "profile.company": {"en": "Destination company", "da": "Destinationsselskab"},
    "profile.year": {"en": "Year", "da": "År"},
    "profile.none": {"en": "This scenario has no company with members yet.",
                     "da": "Scenariet har endnu intet selskab med medlemmer."},
    "profile.spinner": {"en": "Putting the profile together…", "da": "Samler profilen…"},
    "profile.members": {"en": "Member municipalities ({n}): {names}",
                        "da": "Medlemskommuner ({n}): {names}"},
    "profile.scenario_line": {"en": "Scenario: {name}", "da": "Scenarie: {name}"},
    "profile.map.members": {"en": "Member municipalities", "da": "Medlemskommuner"},
    "profile.map.borders": {"en": "Company borders", "da": "Selskabsgrænser"},
    "profile.map.attractions": {"en": "Attractions", "da": "Attraktioner"},
    "profile.map.note": {"en": "Members outlined in red; the map opens on them.",
                         "da": "Medlemmer har rød kant; kortet åbner på dem."},
    "profile.key": {"en": "Key figures {year}", "da": "Nøgletal {year}"},
    "profile.key.overnights": {"en": "Overnight stays", "da": "Overnatninger"},
    "profile.key.foreign": {"en": "Foreign share", "da": "Udenlandsk andel"},
    "profile.key.gini": {"en": "Seasonality (Gini)", "da": "Sæsonudsving (Gini)"},
    "profile.key.beds": {"en": "Bed places, busiest month", "da": "Sengepladser, højsæson"},
    "profile.key.beds.help": {
        "en": "The company's own figure only when every member has a published local count "
              "(hotel rooms, campsites): a sum over some members would read as the company's "
              "capacity. Never estimated from the overnights.",
        "da": "Selskabets eget tal kun, når alle medlemmer har et offentliggjort lokalt tal "
              "(hotelværelser, campingpladser): en sum over nogle medlemmer ville se ud som "
              "selskabets kapacitet. Skønnes aldrig ud fra overnatningerne."},
    "profile.key.dwellings.help": {
        "en": "Statistics Denmark, StatBank BOL101, 1 January 2025 (official): dwellings with "
              "nobody registered as living there — not only summer houses. How many are let, and "
              "their bed places, are unknown locally.",
        "da": "Danmarks Statistik, Statistikbanken BOL101, 1. januar 2025 (officielt): boliger "
              "uden tilmeldte beboere — ikke kun sommerhuse. Hvor mange der udlejes, og deres "
              "sengepladser, kendes ikke lokalt."},
    "profile.key.attractions": {"en": "Attractions in the data", "da": "Attraktioner i data"},
    "profile.character": {"en": "Profile", "da": "Profil"},
    "profile.character.coast_nature": {"en": "coast & nature", "da": "kyst og natur"},
    "profile.character.city_business": {"en": "city & business", "da": "by og erhverv"},
    "profile.character.mixed": {"en": "mixed", "da": "blandet"},
    "profile.character.none": {"en": "not enough data", "da": "for få data"},
    "profile.character.why": {
        "en": "Leisure accommodation (holiday homes, camping, marinas, holiday centres & hostels) "
              "holds {leisure} of its overnights (Denmark {leisure_dk}); coast & nature make "
              "{nature} of its marked attractions (Denmark {nature_dk}; {n_nature} nature, "
              "{n_city} city markers). Score {score}.",
        "da": "Ferieovernatning (feriehuse, camping, lystbådehavne, feriecentre og vandrerhjem) "
              "står for {leisure} af overnatningerne (Danmark {leisure_dk}); kyst og natur udgør "
              "{nature} af de mærkede attraktioner (Danmark {nature_dk}; {n_nature} natur-, "
              "{n_city} bymærker). Score {score}."},
    "profile.character.rule": {
        "en": "Rule: the mean of the two differences from Denmark (the attraction part only with 3+ "
              "marked attractions); ≥ +0.05 coast & nature, ≤ −0.05 city & business, else mixed. "
              "It describes the mix relative to the country, not a verdict.",
        "da": "Regel: gennemsnittet af de to forskelle fra Danmark (attraktionsdelen kun med 3+ "
              "mærkede attraktioner); ≥ +0,05 kyst og natur, ≤ −0,05 by og erhverv, ellers "
              "blandet. Den beskriver blandingen i forhold til landet, ikke en dom."},
    "profile.tab.reasons": {"en": "Reasons to go", "da": "Grunde til at tage af sted"},
    "profile.tab.overnights": {"en": "Overnight stays", "da": "Overnatninger"},
    "profile.tab.capacity": {"en": "Capacity", "da": "Kapacitet"},
    "profile.tab.compare": {"en": "Comparison", "da": "Sammenligning"},
    "profile.tab.flows": {"en": "Day trips across the border", "da": "Dagsture over grænsen"},
    "profile.tab.stories": {"en": "Stories", "da": "Fortællinger"},
    "profile.reasons.caption": {
        "en": "Ranked by published annual visitors (largest first), each with the count chosen "
              "for it and its year; attractions without a published count are listed apart "
              "below. Season as the source gives it.",
        "da": "Rangeret efter offentliggjorte årlige besøgstal (størst først), hver med det "
              "valgte tal og dets år; attraktioner uden offentliggjort besøgstal står for sig "
              "nedenfor. Sæson som kilden oplyser den."},
    "profile.reasons.uncounted": {
        "en": "Without a published visitor count ({n}): each may or may not be a lighthouse",
        "da": "Uden offentliggjort besøgstal ({n}): hver kan være et fyrtårn eller ej"},
    "col.visitors_shown": {"en": "Count (year, precision)", "da": "Tal (år, præcision)"},
    "col.lighthouse": {"en": "Lighthouse", "da": "Fyrtårn"},
    "profile.reasons.none": {"en": "No attraction of the data set lies in these municipalities.",
                             "da": "Ingen attraktion i datasættet ligger i disse kommuner."},
    "col.rank": {"en": "#", "da": "#"},
    "col.name": {"en": "Attraction", "da": "Attraktion"},
    "col.category": {"en": "Category", "da": "Kategori"},
    "col.municipality": {"en": "Municipality", "da": "Kommune"},
    "col.visitors": {"en": "Annual visitors", "da": "Årlige besøgende"},
    "col.visitors_year": {"en": "Visitors year", "da": "Besøgsår"},
    "col.season": {"en": "Open", "da": "Åben"},
    "col.themes": {"en": "Themes", "da": "Temaer"},
    "col.kind": {"en": "Kind", "da": "Art"},
    "col.role": {"en": "Role", "da": "Rolle"},
    "col.members": {"en": "Members", "da": "Medlemmer"},
    "col.per_resident": {"en": "Overnights per resident", "da": "Overnatninger pr. indbygger"},
    "col.attractions": {"en": "Attractions", "da": "Attraktioner"},
    "col.from": {"en": "From (member)", "da": "Fra (medlem)"},
    "col.to": {"en": "To", "da": "Til"},
    "col.to_company": {"en": "Company there", "da": "Selskab der"},
    "col.outbound": {"en": "Trips out", "da": "Ture ud"},
    "col.inbound": {"en": "Trips in", "da": "Ture ind"},
    "col.total": {"en": "Both ways", "da": "Begge veje"},
    "col.share": {"en": "Share of its cross-border trips", "da": "Andel af dets ture over grænsen"},
    "col.neighbour": {"en": "Neighbour", "da": "Nabo"},
    "col.share_type": {"en": "Share: {type}", "da": "Andel: {type}"},
    "season.unknown": {"en": "not stated", "da": "ikke oplyst"},
    "visitors.unknown": {"en": "not published", "da": "ikke offentliggjort"},
    "role.company": {"en": "this company", "da": "dette selskab"},
    "role.neighbour": {"en": "neighbour", "da": "nabo"},
    "role.average": {"en": "average company", "da": "gennemsnitligt selskab"},
    "role.national": {"en": "Denmark", "da": "Danmark"},
    "profile.overnights.caption": {"en": "Month by month, by accommodation type and guests",
                                   "da": "Måned for måned, efter overnatningsform og gæster"},
    "profile.capacity.caption": {
        "en": "What is known of the capacity, type by type: the company's bed places only where "
              "every member has a published count, otherwise the part that has one and how much "
              "of the overnights it holds; holiday dwellings are official for every member. "
              "Shortage and headroom are read only on that part — elsewhere they are unknown.",
        "da": "Hvad der vides om kapaciteten, type for type: selskabets sengepladser kun hvor "
              "alle medlemmer har et offentliggjort tal, ellers den del der har et, og hvor stor "
              "en del af overnatningerne den rummer; fritidsboliger er officielle for alle "
              "medlemmer. Mangel og ledig kapacitet aflæses kun på den del — ellers er de ukendte."},
    "profile.capacity.shortage": {"en": "Months over {share} (where known)",
                                  "da": "Måneder over {share} (hvor kendt)"},
    "profile.capacity.excess": {"en": "Overnights above that line", "da": "Overnatninger over grænsen"},
    "profile.capacity.headroom": {"en": "Off-season headroom at {target} (Oct–Apr)",
                                  "da": "Ledig kapacitet ved {target} (okt.–apr.)"},
    "profile.compare.caption": {
        "en": "Neighbours share a land border, bridge or ferry with the company. The average "
              "company is the plain mean over the scenario's companies; Denmark is the whole "
              "country.",
        "da": "Naboer deler landegrænse, bro eller færge med selskabet. Det gennemsnitlige selskab "
              "er det simple gennemsnit af scenariets selskaber; Danmark er hele landet."},
    "profile.neighbours.none": {"en": "No neighbouring company.", "da": "Intet nabo-selskab."},
    "profile.neighbours.loose": {"en": "Neighbouring municipalities in no company: {names}",
                                 "da": "Nabokommuner uden selskab: {names}"},
    "profile.flows.caption": {
        "en": "Modelled day trips (gravity model on travel minutes, ferry waits, bridge tolls and "
              "published attraction visitors; one trip per overnight stay — an index, not counted "
              "people), to 3 significant figures, each with the range it spans when the model's "
              "settings are varied one at a time: the companies the trips reach, the busiest pairs "
              "of a member and a municipality outside, and the pairs the model is least sure of.",
        "da": "Modellerede dagsture (tyngdemodel på rejseminutter, færgeventetid, brobetaling og "
              "offentliggjorte besøgstal; én tur pr. overnatning — et indeks, ikke talte personer), "
              "med 3 betydende cifre og det spænd, de dækker, når modellens indstillinger ændres én "
              "ad gangen: de selskaber turene når, de travleste par af et medlem og en kommune "
              "udenfor, og de par modellen er mindst sikker på."},
    "profile.flows.uncertain": {"en": "Pairs the model is least sure of",
                                "da": "Par modellen er mindst sikker på"},
    "profile.flows.uncertain.caption": {
        "en": "This company's cross-border pairs carrying at least 0.1 % of Denmark's day trips "
              "between municipalities, ranked by spread = (high − low) / high over the settings: "
              "100 % means some setting puts the pair at zero.",
        "da": "Selskabets par over grænsen med mindst 0,1 % af Danmarks dagsture mellem kommuner, "
              "ordnet efter spredning = (høj − lav) / høj over indstillingerne: 100 % betyder, at "
              "en indstilling sætter parret til nul."},
    "profile.flows.uncertain.none": {"en": "None of this company's pairs is that large.",
                                     "da": "Ingen af selskabets par er så store."},
    "profile.flows.pairs": {"en": "Busiest pairs", "da": "Travleste par"},
    "profile.flows.companies": {"en": "Where the trips lead", "da": "Hvor turene fører hen"},
    "profile.flows.none": {"en": "No modelled trips cross this company's border.",
                           "da": "Ingen modellerede ture krydser selskabets grænse."},
    "profile.stories.caption": {"en": "Shared stories with a place in this company",
                                "da": "Fælles fortællinger med et sted i dette selskab"},
    "profile.stories.none": {"en": "No story has a place in this company yet.",
                             "da": "Ingen fortælling har endnu et sted i dette selskab."},
    "profile.stories.item": {
        "en": "**{title}** — {steps} of {total} steps here ({share} of the story); partners: "
              "{partners}",
        "da": "**{title}** — {steps} af {total} trin her ({share} af fortællingen); partnere: "
              "{partners}"},
    "profile.stories.alone": {"en": "none", "da": "ingen"},
    "profile.season.link": {"en": "Season, capacity and what-if for this company",
                            "da": "Sæson, kapacitet og hvad-nu-hvis for selskabet"},
}
