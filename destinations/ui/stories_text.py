"""UI strings of the story page (English, Danish)."""

TEXT = {
    "stories.title": {"en": "Shared stories across destination companies",
                      "da": "Fælles fortællinger på tværs af destinationsselskaber"},
    "stories.intro": {
        "en": "Story maps built on place-bound strengths. Step through a story, see which destination "
              "companies it crosses under a scenario, and who has to cooperate to tell it. Draft texts "
              "are written from the data only and can be edited.",
        "da": "Fortællekort bygget på stedbundne styrker. Gå gennem en fortælling, se hvilke "
              "destinationsselskaber den krydser i et scenarie, og hvem der skal samarbejde om den. "
              "Tekstudkast er skrevet alene ud fra data og kan redigeres.",
    },
    "stories.story": {"en": "Story", "da": "Fortælling"},
    "stories.scenario": {"en": "Scenario", "da": "Scenarie"},
    "stories.scenario.today": {"en": "Destination companies today", "da": "Destinationsselskaber i dag"},
    "stories.tiles": {"en": "Background map (needs internet)", "da": "Baggrundskort (kræver internet)"},
    "stories.builtin": {"en": "built-in", "da": "indbygget"},
    "stories.saved": {"en": "saved", "da": "gemt"},
    "stories.tab.story": {"en": "Story", "da": "Fortælling"},
    "stories.tab.coherence": {"en": "Companies and cooperation", "da": "Selskaber og samarbejde"},
    "stories.tab.editor": {"en": "Editor", "da": "Redigering"},
    "stories.tab.export": {"en": "Export", "da": "Eksport"},
    "stories.step": {"en": "Step", "da": "Trin"},
    "stories.step.of": {"en": "Step {n} of {total}", "da": "Trin {n} af {total}"},
    "stories.prev": {"en": "← Previous", "da": "← Forrige"},
    "stories.next": {"en": "Next →", "da": "Næste →"},
    "stories.link": {"en": "Link to this step", "da": "Link til dette trin"},
    "stories.places": {"en": "Places of this step", "da": "Steder i dette trin"},
    "stories.facts": {"en": "Facts and sources", "da": "Fakta og kilder"},
    "stories.about": {"en": "About this story", "da": "Om fortællingen"},
    "stories.col.place": {"en": "Place", "da": "Sted"},
    "stories.col.municipality": {"en": "Municipality", "da": "Kommune"},
    "stories.col.company": {"en": "Destination company", "da": "Destinationsselskab"},
    "stories.col.visitors": {"en": "Visitors (year)", "da": "Besøgende (år)"},
    "stories.col.share": {"en": "Share of the story", "da": "Andel af fortællingen"},
    "stories.col.places": {"en": "Places", "da": "Steder"},
    "stories.col.steps": {"en": "Steps", "da": "Trin"},
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
    "stories.map.legend": {
        "en": "Large vermilion circles: this step's places (their municipalities outlined). Small grey "
              "circles: the story's other places. Dashed line: the steps in order.",
        "da": "Store røde cirkler: dette trins steder (kommunerne fremhævet). Små grå cirkler: "
              "fortællingens øvrige steder. Stiplet linje: trinene i rækkefølge.",
    },
    "stories.draft_note": {
        "en": "Draft text generated from the attraction data (figures with their source; travel times "
              "are estimates from the travel graph).",
        "da": "Tekstudkast genereret ud fra attraktionsdata (tal med kilde; rejsetider er skøn ud fra "
              "rejsegrafen).",
    },
    # Coherence
    "stories.coh.heading": {"en": "How the scenario splits this story",
                            "da": "Hvordan scenariet deler denne fortælling"},
    "stories.coh.companies": {"en": "Companies spanned", "da": "Selskaber berørt"},
    "stories.coh.es": {"en": "Effective splits (visitor-weighted)",
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
        "en": "Effective splits = 1/Σ s² − 1 over each company's share s of the story's places: 0 means "
              "one company, a 90/10 split gives 0.22, an even split over k companies gives k − 1. "
              "Visitor-weighted: a place weighs its published annual visitors, or 1 where none is "
              "published, so places without numbers barely count; the equal-weight figure counts "
              "every place once. Unaffiliated municipalities form one group of their own. Modelled "
              "figure (this tool).",
        "da": "Effektive opsplitninger = 1/Σ s² − 1 over hvert selskabs andel s af fortællingens "
              "steder: 0 betyder ét selskab, en 90/10-deling giver 0,22, en lige deling over k "
              "selskaber giver k − 1. Vægtet med besøgstal: et sted vejer sit offentliggjorte årlige "
              "besøgstal, eller 1 hvor intet er offentliggjort, så steder uden tal næsten ikke tæller; "
              "tallet med lige vægt tæller hvert sted én gang. Kommuner uden selskab udgør én gruppe "
              "for sig. Modelleret tal (dette værktøj).",
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
    "stories.edit.redraft": {"en": "Redraft text from data", "da": "Skriv tekst fra data igen"},
    "stories.edit.title_en": {"en": "Step title (English)", "da": "Trinets titel (engelsk)"},
    "stories.edit.title_da": {"en": "Step title (Danish)", "da": "Trinets titel (dansk)"},
    "stories.edit.body_en": {"en": "Text (English)", "da": "Tekst (engelsk)"},
    "stories.edit.body_da": {"en": "Text (Danish)", "da": "Tekst (dansk)"},
    "stories.edit.attractions": {"en": "Attractions", "da": "Attraktioner"},
    "stories.edit.municipalities": {"en": "Extra municipalities", "da": "Ekstra kommuner"},
    "stories.edit.add": {"en": "Add a step with these places", "da": "Tilføj et trin med disse steder"},
    "stories.edit.add_places": {"en": "Places for a new step", "da": "Steder til et nyt trin"},
    "stories.edit.valid": {"en": "The draft is valid.", "da": "Udkastet er gyldigt."},
    "stories.edit.problems": {"en": "Fix before saving:", "da": "Ret før der gemmes:"},
    "stories.edit.note": {"en": "Note for this version", "da": "Note til denne version"},
    "stories.edit.save": {"en": "Save a new version", "da": "Gem en ny version"},
    "stories.edit.saved": {"en": "Saved {id} as version {version}.",
                           "da": "Gemte {id} som version {version}."},
    "stories.edit.discard": {"en": "Discard draft", "da": "Kassér udkast"},
    "stories.edit.versions": {"en": "Saved versions", "da": "Gemte versioner"},
    "stories.edit.download": {"en": "Download draft (JSON)", "da": "Hent udkast (JSON)"},
    "stories.edit.no_store": {
        "en": "The story store is unavailable ({error}); drafts can be downloaded as JSON but not saved.",
        "da": "Fortællingslageret er utilgængeligt ({error}); udkast kan hentes som JSON men ikke gemmes.",
    },
    "stories.edit.stored_problems": {"en": "Some saved stories no longer validate against the data:",
                                     "da": "Nogle gemte fortællinger passer ikke længere med data:"},
    # Export
    "stories.export.intro": {
        "en": "One self-contained HTML file: all text and data inline; only the map library and tiles "
              "load from the web, and the text reads without them. Companies follow the chosen "
              "scenario.",
        "da": "Én selvstændig HTML-fil: al tekst og data er med; kun kortbiblioteket og fliserne hentes "
              "fra nettet, og teksten kan læses uden dem. Selskaber følger det valgte scenarie.",
    },
    "stories.export.html": {"en": "Download story map (HTML)", "da": "Hent fortællekort (HTML)"},
    "stories.export.json": {"en": "Download story (JSON)", "da": "Hent fortælling (JSON)"},
    # Deep links
    "stories.bad_story": {"en": "There is no story {value!r}; showing {shown!r}.",
                          "da": "Der er ingen fortælling {value!r}; viser {shown!r}."},
    "stories.bad_step": {"en": "The story has no step {value!r}; showing the first step.",
                         "da": "Fortællingen har intet trin {value!r}; viser første trin."},
    "stories.bad_scenario": {"en": "There is no saved scenario {value!r}; showing today's companies.",
                             "da": "Der er intet gemt scenarie {value!r}; viser dagens selskaber."},
}
