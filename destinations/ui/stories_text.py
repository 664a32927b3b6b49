"""UI strings of the story page (English, Danish)."""

TEXT = {
    "stories.title": {"en": "Shared stories across destination companies",
                      "da": "Fælles fortællinger på tværs af destinationsselskaber"},
    "stories.intro": {
        "en": "Story maps that destination companies tell together. Step through a story on its map, "
              "see which companies it crosses under a scenario and who has to cooperate to tell it, "
              "write your own, and hand it to partners as a web page or a PDF.",
        "da": "Fortællekort, som destinationsselskaber fortæller sammen. Gå gennem en fortælling på "
              "kortet, se hvilke selskaber den krydser i et scenarie, og hvem der skal samarbejde om "
              "den, skriv jeres egne, og giv dem videre til partnere som webside eller PDF.",
    },
    "stories.story": {"en": "Story", "da": "Fortælling"},
    "stories.scenario": {"en": "Scenario", "da": "Scenarie"},
    "stories.scenario.today": {"en": "Destination companies today", "da": "Destinationsselskaber i dag"},
    "stories.tiles": {"en": "Background map (needs internet)", "da": "Baggrundskort (kræver internet)"},
    "stories.builtin": {"en": "built-in", "da": "indbygget"},
    "stories.saved": {"en": "saved", "da": "gemt"},
    "stories.tab.story": {"en": "Story", "da": "Fortælling"},
    "stories.tab.coherence": {"en": "Companies and cooperation", "da": "Selskaber og samarbejde"},
    "stories.tab.suggest": {"en": "Ideas for new stories", "da": "Idéer til nye fortællinger"},
    "stories.tab.editor": {"en": "Editor", "da": "Redigering"},
    "stories.tab.export": {"en": "Export", "da": "Eksport"},
    "stories.step": {"en": "Step", "da": "Trin"},
    "stories.step.of": {"en": "Step {n} of {total}", "da": "Trin {n} af {total}"},
    "stories.prev": {"en": "← Previous", "da": "← Forrige"},
    "stories.next": {"en": "Next →", "da": "Næste →"},
    "stories.link": {"en": "Link to this step", "da": "Link til dette trin"},
    "stories.places": {"en": "Places of this step", "da": "Steder i dette trin"},
    "stories.facts": {"en": "Facts and sources", "da": "Fakta og kilder"},
    "stories.place.visitors": {"en": "{n} visitors ({year})", "da": "{n} besøgende ({year})"},
    "stories.place.no_visitors": {"en": "visitors not published", "da": "besøgstal ikke offentliggjort"},
    "stories.no_prose": {"en": "No text has been written for this step yet.",
                         "da": "Der er endnu ikke skrevet tekst til dette trin."},
    "stories.picture_missing": {"en": "Picture not available: {alt}",
                                "da": "Billedet kan ikke vises: {alt}"},
    "stories.credit": {"en": "Photo", "da": "Foto"},
    "stories.licence": {"en": "Licence", "da": "Licens"},
    "stories.store_down": {
        "en": "Saved stories and scenarios cannot be reached right now, so only the built-in stories "
              "are listed; they work as usual. Saving and picture uploads wait until the store is "
              "back. Details: {error}",
        "da": "Gemte fortællinger og scenarier kan ikke nås lige nu, så kun de indbyggede "
              "fortællinger vises; de virker som normalt. Gem og billedupload venter, til lageret er "
              "tilbage. Detaljer: {error}",
    },
    "stories.scenario_down": {
        "en": "The saved scenario could not be read, so today's destination companies are shown.",
        "da": "Det gemte scenarie kunne ikke læses, så dagens destinationsselskaber vises.",
    },
    "stories.col.place": {"en": "Place", "da": "Sted"},
    "stories.col.municipality": {"en": "Municipality", "da": "Kommune"},
    "stories.col.company": {"en": "Destination company", "da": "Destinationsselskab"},
    "stories.col.visitors": {"en": "Visitors (year)", "da": "Besøgende (år)"},
    "stories.col.share": {"en": "Share of the story", "da": "Andel af fortællingen"},
    "stories.col.places": {"en": "Places", "da": "Steder"},
    "stories.col.steps": {"en": "Steps", "da": "Trin"},
    "stories.col.part": {"en": "Their part", "da": "Deres del"},
    "stories.col.version": {"en": "Version", "da": "Version"},
    "stories.col.saved_at": {"en": "Saved", "da": "Gemt"},
    "stories.col.note": {"en": "Note", "da": "Note"},
    "stories.unaffiliated": {"en": "Unaffiliated (in no destination company)",
                             "da": "Uden for destinationsselskab"},
    "stories.map.municipalities": {"en": "Municipalities by company", "da": "Kommuner efter selskab"},
    "stories.map.borders": {"en": "Company borders", "da": "Selskabsgrænser"},
    "stories.map.path": {"en": "Story path (steps in order)", "da": "Fortællingens rute (trin i rækkefølge)"},
    "stories.map.places": {"en": "Other places of the story", "da": "Fortællingens andre steder"},
    "stories.map.step": {"en": "This step", "da": "Dette trin"},
    "stories.map.travel": {"en": "Roads, bridges and ferries", "da": "Veje, broer og færger"},
    "stories.map.itinerary": {"en": "Route by road and ferry", "da": "Ruten ad vej og færge"},
    "stories.map.legend": {
        "en": "Numbered circles: the steps in order, this step in vermilion with its places and its "
              "municipalities outlined. Small grey circles: the story's other places. Dashed line: the "
              "route; the legs into and out of this step in vermilion. Zoom in for municipality names.",
        "da": "Nummererede cirkler: trinene i rækkefølge, dette trin i rødt med dets steder og "
              "kommuner fremhævet. Små grå cirkler: fortællingens øvrige steder. Stiplet linje: ruten; "
              "strækningerne til og fra dette trin i rødt. Zoom ind for at se kommunenavne.",
    },
    # Coherence
    "stories.coh.heading": {"en": "How the scenario splits this story",
                            "da": "Hvordan scenariet deler denne fortælling"},
    "stories.coh.companies": {"en": "Companies spanned", "da": "Selskaber berørt"},
    "stories.coh.es.visitors": {"en": "Effective splits (visitor-weighted)",
                                "da": "Effektive opsplitninger (vægtet med besøgstal)"},
    "stories.coh.es_equal": {"en": "Effective splits (every place equal)",
                             "da": "Effektive opsplitninger (alle steder lige)"},
    "stories.coh.visitors_known": {"en": "Places with published visitors",
                                   "da": "Steder med offentliggjort besøgstal"},
    "stories.coh.cooperate": {"en": "Must cooperate to tell this story",
                              "da": "Skal samarbejde om denne fortælling"},
    "stories.coh.one_company": {"en": "The story lies within one company under this scenario.",
                                "da": "Fortællingen ligger inden for ét selskab i dette scenarie."},
    "stories.coh.unaffiliated": {
        "en": "Places in municipalities with no destination company: {names}.",
        "da": "Steder i kommuner uden destinationsselskab: {names}.",
    },
    "stories.coh.method": {
        "en": "Effective splits = 1/Σ s² − 1 over each company's share s of the story: 0 means one "
              "company, a 90/10 split gives 0.22, an even split over k companies gives k − 1. Shares "
              "weigh published annual visitors only where at least three in four places have a "
              "count (the others then weigh the median count); otherwise every place weighs the "
              "same, so a company whose places publish no figures is not counted out. "
              "Municipalities in no company form one group of their own. Modelled figure (this "
              "tool).",
        "da": "Effektive opsplitninger = 1/Σ s² − 1 over hvert selskabs andel s af fortællingen: 0 "
              "betyder ét selskab, en 90/10-deling giver 0,22, en lige deling over k selskaber giver "
              "k − 1. Andelene vægtes kun med offentliggjorte årlige besøgstal, hvor mindst tre ud af "
              "fire steder har et tal (de øvrige vejer så medianen); ellers vejer alle steder lige "
              "meget, så et selskab, hvis steder ikke offentliggør tal, ikke regnes ud. Kommuner uden "
              "selskab udgør én gruppe for sig. Modelleret tal (dette værktøj).",
    },
    "stories.matrix.heading": {"en": "Cooperation matrix: shared stories between companies",
                               "da": "Samarbejdsmatrix: fælles fortællinger mellem selskaber"},
    "stories.matrix.caption": {
        "en": "Each cell counts the stories (built-in and saved) that span both companies under this "
              "scenario; the diagonal counts a company's stories.",
        "da": "Hver celle tæller de fortællinger (indbyggede og gemte), der spænder over begge selskaber "
              "i dette scenarie; diagonalen tæller et selskabs fortællinger.",
    },
    "stories.matrix.empty": {"en": "No story spans a company under this scenario.",
                             "da": "Ingen fortælling berører et selskab i dette scenarie."},
    "stories.matrix.company_a": {"en": "Company", "da": "Selskab"},
    "stories.matrix.company_b": {"en": "Partner", "da": "Partner"},
    "stories.matrix.stories": {"en": "Shared stories", "da": "Fælles fortællinger"},
    "stories.matrix.titles": {"en": "Stories", "da": "Fortællinger"},
    # Editor
    "stories.edit.intro": {
        "en": "Edit a copy of a built-in story or your saved story, or start a new one. Texts are plain "
              "text: markup is shown as typed, never run.",
        "da": "Rediger en kopi af en indbygget fortælling eller din gemte fortælling, eller start en ny. "
              "Tekster er ren tekst: opmærkning vises som skrevet og udføres aldrig.",
    },
    "stories.edit.start_copy": {"en": "Edit a copy of this story", "da": "Rediger en kopi af fortællingen"},
    "stories.edit.start_saved": {"en": "Edit this story", "da": "Rediger fortællingen"},
    "stories.edit.new": {"en": "New story", "da": "Ny fortælling"},
    "stories.edit.new.title_en": {"en": "Title (English)", "da": "Titel (engelsk)"},
    "stories.edit.new.title_da": {"en": "Title (Danish)", "da": "Titel (dansk)"},
    "stories.edit.new.attractions": {"en": "Attractions (ordered geographically from the first)",
                                     "da": "Attraktioner (ordnes geografisk fra den første)"},
    "stories.edit.new.create": {"en": "Create draft", "da": "Opret udkast"},
    "stories.edit.upload": {"en": "Open a story JSON file", "da": "Åbn en fortælling (JSON-fil)"},
    "stories.edit.uploaded": {"en": "Opened {id} as a draft.", "da": "Åbnede {id} som udkast."},
    "stories.edit.none": {"en": "No draft yet.", "da": "Intet udkast endnu."},
    "stories.edit.heading": {"en": "Draft: {title} ({id})", "da": "Udkast: {title} ({id})"},
    "stories.edit.based_on": {"en": "Based on stored version {version}.",
                              "da": "Bygger på gemt version {version}."},
    "stories.edit.unsaved": {"en": "Not saved yet.", "da": "Ikke gemt endnu."},
    "stories.edit.theme": {"en": "Theme (a short tag)", "da": "Tema (et kort mærke)"},
    "stories.edit.apply": {"en": "Apply", "da": "Anvend"},
    "stories.edit.step": {"en": "Step to edit", "da": "Trin der redigeres"},
    "stories.edit.up": {"en": "Move up", "da": "Flyt op"},
    "stories.edit.down": {"en": "Move down", "da": "Flyt ned"},
    "stories.edit.delete": {"en": "Delete step", "da": "Slet trin"},
    "stories.edit.redraft": {"en": "Refresh facts from data", "da": "Opdater fakta fra data"},
    "stories.edit.redraft.help": {
        "en": "Draws the step's facts box again from the data (its places and the previous step). "
              "The text you wrote stays as it is; lines you added to the facts box are replaced.",
        "da": "Henter trinets faktaboks igen fra data (dets steder og det forrige trin). Den tekst, "
              "du har skrevet, bliver stående; linjer, du selv har tilføjet i faktaboksen, erstattes.",
    },
    "stories.edit.intro_en": {"en": "Introduction (English): why this story, for whom, in which season",
                              "da": "Indledning (engelsk): hvorfor denne fortælling, for hvem, hvornår på året"},
    "stories.edit.intro_da": {"en": "Introduction (Danish)", "da": "Indledning (dansk)"},
    "stories.edit.facts_en": {"en": "Facts box (English): one fact per line, with source and year",
                              "da": "Faktaboks (engelsk): ét faktum pr. linje, med kilde og år"},
    "stories.edit.facts_da": {"en": "Facts box (Danish)", "da": "Faktaboks (dansk)"},
    "stories.edit.apply_hint": {
        "en": "Press Apply to take the changes into the draft before saving.",
        "da": "Tryk på Anvend for at føre ændringerne ind i udkastet, før du gemmer.",
    },
    "stories.edit.title_en": {"en": "Step title (English)", "da": "Trinets titel (engelsk)"},
    "stories.edit.title_da": {"en": "Step title (Danish)", "da": "Trinets titel (dansk)"},
    "stories.edit.body_en": {"en": "Text (English): what the guest experiences here, 2–4 sentences",
                             "da": "Tekst (engelsk): hvad gæsten oplever her, 2–4 sætninger"},
    "stories.edit.body_da": {"en": "Text (Danish)", "da": "Tekst (dansk)"},
    "stories.edit.attractions": {"en": "Attractions", "da": "Attraktioner"},
    "stories.edit.municipalities": {"en": "Extra municipalities", "da": "Ekstra kommuner"},
    "stories.edit.choose": {"en": "Choose…", "da": "Vælg…"},
    "stories.edit.add": {"en": "Add a step with these places", "da": "Tilføj et trin med disse steder"},
    "stories.edit.add_places": {"en": "Places for a new step", "da": "Steder til et nyt trin"},
    "stories.edit.valid": {"en": "The draft is valid.", "da": "Udkastet er gyldigt."},
    "stories.edit.problems": {"en": "Fix before saving:", "da": "Ret før der gemmes:"},
    "stories.edit.note": {"en": "Note for this version", "da": "Note til denne version"},
    "stories.edit.save": {"en": "Save a new version", "da": "Gem en ny version"},
    "stories.edit.saved": {"en": "Saved {id} as version {version}.",
                           "da": "Gemte {id} som version {version}."},
    "stories.edit.not_saved": {
        "en": "Nothing was saved: {error} Your draft is still here; download it as JSON to keep a copy.",
        "da": "Intet blev gemt: {error} Dit udkast er her stadig; hent det som JSON for at have en "
              "kopi.",
    },
    "stories.edit.discard": {"en": "Discard draft", "da": "Kassér udkast"},
    "stories.edit.versions": {"en": "Saved versions", "da": "Gemte versioner"},
    "stories.edit.download": {"en": "Download draft (JSON)", "da": "Hent udkast (JSON)"},
    "stories.edit.no_store": {
        "en": "Saving waits until the store is back (see the message at the top); a draft can be "
              "downloaded as JSON meanwhile.",
        "da": "Gem venter, til lageret er tilbage (se beskeden øverst); et udkast kan hentes som JSON "
              "i mellemtiden.",
    },
    # Pictures
    "stories.media.heading": {"en": "Pictures of this step", "da": "Billeder til dette trin"},
    "stories.media.none": {"en": "No pictures yet.", "da": "Ingen billeder endnu."},
    "stories.media.file": {"en": "Picture (JPEG, PNG or WebP, at most 5 MB)",
                           "da": "Billede (JPEG, PNG eller WebP, højst 5 MB)"},
    "stories.media.alt": {"en": "Alternative text (required): what the picture shows",
                          "da": "Alternativ tekst (skal udfyldes): hvad billedet viser"},
    "stories.media.alt.help": {
        "en": "Read aloud by screen readers and printed where the picture cannot be shown.",
        "da": "Læses op af skærmlæsere og vises, hvor billedet ikke kan vises.",
    },
    "stories.media.caption": {"en": "Caption", "da": "Billedtekst"},
    "stories.media.credit": {"en": "Credit (photographer or owner)",
                             "da": "Kreditering (fotograf eller ejer)"},
    "stories.media.licence": {"en": "Licence (e.g. CC BY 4.0, used with permission)",
                              "da": "Licens (fx CC BY 4.0, brugt med tilladelse)"},
    "stories.media.add": {"en": "Add picture", "da": "Tilføj billede"},
    "stories.media.remove": {"en": "Remove", "da": "Fjern"},
    "stories.media.added": {
        "en": "Picture added to step {n}. Save a new version to keep it in the story.",
        "da": "Billedet er føjet til trin {n}. Gem en ny version for at beholde det i fortællingen.",
    },
    "stories.media.no_file": {"en": "Choose a picture first.", "da": "Vælg først et billede."},
    "stories.media.no_alt": {
        "en": "The picture was not added: describe what it shows in the alternative text (screen "
              "readers read it aloud, and printouts show it where the picture is missing).",
        "da": "Billedet blev ikke tilføjet: beskriv, hvad det viser, i den alternative tekst "
              "(skærmlæsere læser den op, og udskrifter viser den, hvor billedet mangler).",
    },
    "stories.media.refused": {"en": "The picture was not added: {error}",
                              "da": "Billedet blev ikke tilføjet: {error}"},
    "stories.media.full": {"en": "This step has {n} pictures and links, the most a step can hold.",
                           "da": "Dette trin har {n} billeder og links, det højeste et trin kan have."},
    "stories.media.no_store": {"en": "Pictures can be added when the store is reachable.",
                               "da": "Billeder kan tilføjes, når lageret kan nås."},
    "stories.edit.stored_problems": {"en": "Some saved stories no longer validate against the data:",
                                     "da": "Nogle gemte fortællinger passer ikke længere med data:"},
    # Export
    "stories.export.intro": {
        "en": "A web page to send or put online, a PDF to print or attach, or the story itself (JSON) "
              "to open in another copy of this tool. The page and the PDF carry the maps (drawn from "
              "the municipal boundaries), the texts, the facts boxes and the pictures, and need no "
              "internet; companies follow the chosen scenario.",
        "da": "En webside, der kan sendes eller lægges online, en PDF til print eller som bilag, eller "
              "selve fortællingen (JSON), der kan åbnes i en anden kopi af værktøjet. Websiden og "
              "PDF'en indeholder kortene (tegnet ud fra kommunegrænserne), teksterne, faktaboksene og "
              "billederne og kræver ikke internet; selskaberne følger det valgte scenarie.",
    },
    "stories.export.html": {"en": "Download web page (HTML)", "da": "Hent webside (HTML)"},
    "stories.export.json": {"en": "Download story (JSON)", "da": "Hent fortælling (JSON)"},
    "stories.export.pdf.make": {"en": "Make PDF", "da": "Lav PDF"},
    "stories.export.pdf": {"en": "Download PDF", "da": "Hent PDF"},
    "stories.export.pdf.ready": {"en": "The PDF is ready: {n} A4 pages.",
                                 "da": "PDF'en er klar: {n} A4-sider."},
    "stories.export.pdf.help": {"en": "Printed by Chromium on the server; takes a few seconds.",
                                "da": "Udskrives af Chromium på serveren; tager et par sekunder."},
    "stories.export.pdf.failed": {
        "en": "The PDF could not be made: {error} The web page (HTML) can be printed from any browser "
              "instead.",
        "da": "PDF'en kunne ikke laves: {error} Websiden (HTML) kan i stedet udskrives fra en "
              "hvilken som helst browser.",
    },
    # Suggestions
    "stories.suggest.heading": {"en": "Suggested cross-border stories",
                                "da": "Forslag til fortællinger på tværs af grænser"},
    "stories.suggest.intro": {
        "en": "Chains of attractions that share a theme, lie in at least two destination companies "
              "and follow a drivable route, found in the data. Pairs of companies that share no story "
              "yet rank higher. A suggestion has places and facts but no text: open it as a draft "
              "and write it.",
        "da": "Kæder af attraktioner med samme tema, der ligger i mindst to destinationsselskaber og "
              "følger en rute, man kan køre, fundet i data. Par af selskaber, der endnu ikke deler en "
              "fortælling, rangerer højere. Et forslag har steder og fakta, men ingen tekst: åbn det "
              "som udkast og skriv det.",
    },
    "stories.suggest.companies": {"en": "Joins {n} companies: {names}", "da": "Samler {n} selskaber: {names}"},
    "stories.suggest.new_pairs": {"en": "{n} pairs of companies that share no story yet",
                                  "da": "{n} par af selskaber, der endnu ikke deler en fortælling"},
    "stories.suggest.new_pair": {"en": "1 pair of companies that shares no story yet",
                                 "da": "1 par af selskaber, der endnu ikke deler en fortælling"},
    "stories.suggest.no_new_pairs": {"en": "all these companies already share a story",
                                     "da": "alle disse selskaber deler allerede en fortælling"},
    "stories.suggest.legs": {
        "en": "Legs by road: about {legs} minutes (estimated); {easy} of {total} within an hour",
        "da": "Strækninger i bil: ca. {legs} minutter (anslået); {easy} af {total} inden for en time",
    },
    "stories.suggest.open": {"en": "Open as draft", "da": "Åbn som udkast"},
    "stories.suggest.opened": {
        "en": "“{title}” is open as a draft in the Editor tab: write its introduction and texts there.",
        "da": "“{title}” er åbnet som udkast under fanen Redigering: skriv indledning og tekster dér.",
    },
    "stories.suggest.none": {"en": "The data hold no suggestion under this scenario.",
                             "da": "Data giver ingen forslag i dette scenarie."},
    # Deep links
    "stories.bad_story": {"en": "There is no story “{value}”; showing “{shown}”.",
                          "da": "Der er ingen fortælling “{value}”; viser “{shown}”."},
    "stories.bad_step": {"en": "The story has no step “{value}”; showing the first step.",
                         "da": "Fortællingen har intet trin “{value}”; viser første trin."},
    "stories.bad_scenario": {"en": "There is no saved scenario “{value}”; showing today's companies.",
                             "da": "Der er intet gemt scenarie “{value}”; viser dagens selskaber."},
}
