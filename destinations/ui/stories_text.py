"""UI strings of the story page (English, Danish)."""

from destinations.i18n import N_


TEXT = {
    "stories.title": N_("Shared stories across destination companies"),
    "stories.intro": N_("Story maps that destination companies tell together. Step through a story on its "
                        "map, see which companies it crosses under a scenario and who has to cooperate to "
                        "tell it, write your own, and hand it to partners as a web page or a PDF."),
    "stories.story": N_("Story"),
    "stories.scenario": N_("Scenario"),
    "stories.scenario.today": N_("Destination companies today"),
    "stories.tiles": N_("Background map (needs internet)"),
    "stories.builtin": N_("built-in"),
    "stories.saved": N_("saved"),
    "stories.tab.story": N_("Story"),
    "stories.tab.coherence": N_("Companies and cooperation"),
    "stories.tab.suggest": N_("Ideas for new stories"),
    "stories.tab.editor": N_("Editor"),
    "stories.tab.export": N_("Export"),
    "stories.step": N_("Step"),
    "stories.step.of": N_("Step {n} of {total}"),
    "stories.prev": N_("← Previous"),
    "stories.next": N_("Next →"),
    "stories.link": N_("Link to this step"),
    "stories.places": N_("Places of this step"),
    "stories.facts": N_("Facts and sources"),
    "stories.place.visitors": N_("{n} visitors ({year})"),
    "stories.place.no_visitors": N_("visitors not published"),
    "stories.no_prose": N_("No text has been written for this step yet."),
    "stories.picture_missing": N_("Picture not available: {alt}"),
    "stories.credit": N_("Photo"),
    "stories.licence": N_("Licence"),
    "stories.store_down": N_("Saved stories and scenarios cannot be reached right now, so only the "
                             "built-in stories are listed; they work as usual. Saving and picture uploads "
                             "wait until the store is back. Details: {error}"),
    "stories.scenario_down": N_("The saved scenario could not be read, so today's destination companies "
                                "are shown."),
    "stories.col.place": N_("Place"),
    "stories.col.municipality": N_("Municipality"),
    "stories.col.company": N_("Destination company"),
    "stories.col.visitors": N_("Visitors (year)"),
    "stories.col.share": N_("Share of the story"),
    "stories.col.places": N_("Places"),
    "stories.col.steps": N_("Steps"),
    "stories.col.part": N_("Their part"),
    "stories.col.version": N_("Version"),
    "stories.col.saved_at": N_("Saved"),
    "stories.col.note": N_("Note"),
    "stories.unaffiliated": N_("Unaffiliated (in no destination company)"),
    "stories.map.municipalities": N_("Municipalities by company"),
    "stories.map.borders": N_("Company borders"),
    "stories.map.path": N_("Story path (steps in order)"),
    "stories.map.places": N_("Other places of the story"),
    "stories.map.step": N_("This step"),
    "stories.map.travel": N_("Roads, bridges and ferries"),
    "stories.map.itinerary": N_("Route by road and ferry"),
    "stories.map.legend": N_("Numbered circles: the steps in order, this step in vermilion with its places "
                             "and its municipalities outlined. Small grey circles: the story's other "
                             "places. Dashed line: the route; the legs into and out of this step in "
                             "vermilion. Zoom in for municipality names."),
    # Coherence
    "stories.coh.heading": N_("How the scenario splits this story"),
    "stories.coh.companies": N_("Companies spanned"),
    "stories.coh.es.visitors": N_("Effective splits (visitor-weighted)"),
    "stories.coh.es_equal": N_("Effective splits (every place equal)"),
    "stories.coh.visitors_known": N_("Places with published visitors"),
    "stories.coh.cooperate": N_("Must cooperate to tell this story"),
    "stories.coh.one_company": N_("The story lies within one company under this scenario."),
    "stories.coh.unaffiliated": N_("Places in municipalities with no destination company: {names}."),
    "stories.coh.method": N_("Effective splits = 1/Σ s² − 1 over each company's share s of the story: 0 "
                             "means one company, a 90/10 split gives 0.22, an even split over k companies "
                             "gives k − 1. Shares weigh published annual visitors only where at least "
                             "three in four places have a count (the others then weigh the median count); "
                             "otherwise every place weighs the same, so a company whose places publish no "
                             "figures is not counted out. Municipalities in no company form one group of "
                             "their own. Modelled figure (this tool)."),
    "stories.matrix.heading": N_("Cooperation matrix: shared stories between companies"),
    "stories.matrix.caption": N_("Each cell counts the stories (built-in and saved) that span both "
                                 "companies under this scenario; the diagonal counts a company's stories."),
    "stories.matrix.empty": N_("No story spans a company under this scenario."),
    "stories.matrix.company_a": N_("Company"),
    "stories.matrix.company_b": N_("Partner"),
    "stories.matrix.stories": N_("Shared stories"),
    "stories.matrix.titles": N_("Stories"),
    # Editor
    "stories.edit.intro": N_("Edit a copy of a built-in story or your saved story, or start a new one. "
                             "Texts are plain text: markup is shown as typed, never run."),
    "stories.edit.start_copy": N_("Edit a copy of this story"),
    "stories.edit.start_saved": N_("Edit this story"),
    "stories.edit.new": N_("New story"),
    "stories.edit.new.title_en": N_("Title (English)"),
    "stories.edit.new.title_da": N_("Title (Danish)"),
    "stories.edit.new.attractions": N_("Attractions (ordered geographically from the first)"),
    "stories.edit.new.create": N_("Create draft"),
    "stories.edit.upload": N_("Open a story JSON file"),
    "stories.edit.uploaded": N_("Opened {id} as a draft."),
    "stories.edit.none": N_("No draft yet."),
    "stories.edit.heading": N_("Draft: {title} ({id})"),
    "stories.edit.based_on": N_("Based on stored version {version}."),
    "stories.edit.unsaved": N_("Not saved yet."),
    "stories.edit.theme": N_("Theme (a short tag)"),
    "stories.edit.apply": N_("Apply"),
    "stories.edit.step": N_("Step to edit"),
    "stories.edit.up": N_("Move up"),
    "stories.edit.down": N_("Move down"),
    "stories.edit.delete": N_("Delete step"),
    "stories.edit.redraft": N_("Refresh facts from data"),
    "stories.edit.redraft.help": N_("Draws the step's facts box again from the data (its places and the "
                                    "previous step). The text you wrote stays as it is; lines you added to "
                                    "the facts box are replaced."),
    "stories.edit.intro_en": N_("Introduction (English): why this story, for whom, in which season"),
    "stories.edit.intro_da": N_("Introduction (Danish)"),
    "stories.edit.facts_en": N_("Facts box (English): one fact per line, with source and year"),
    "stories.edit.facts_da": N_("Facts box (Danish)"),
    "stories.edit.apply_hint": N_("Press Apply to take the changes into the draft before saving."),
    "stories.edit.title_en": N_("Step title (English)"),
    "stories.edit.title_da": N_("Step title (Danish)"),
    "stories.edit.body_en": N_("Text (English): what the guest experiences here, 2–4 sentences"),
    "stories.edit.body_da": N_("Text (Danish)"),
    "stories.edit.attractions": N_("Attractions"),
    "stories.edit.municipalities": N_("Extra municipalities"),
    "stories.edit.choose": N_("Choose…"),
    "stories.edit.add": N_("Add a step with these places"),
    "stories.edit.add_places": N_("Places for a new step"),
    "stories.edit.valid": N_("The draft is valid."),
    "stories.edit.problems": N_("Fix before saving:"),
    "stories.edit.note": N_("Note for this version"),
    "stories.edit.save": N_("Save a new version"),
    "stories.edit.saved": N_("Saved {id} as version {version}."),
    "stories.edit.not_saved": N_("Nothing was saved: {error} Your draft is still here; download it as JSON "
                                 "to keep a copy."),
    "stories.edit.discard": N_("Discard draft"),
    "stories.edit.versions": N_("Saved versions"),
    "stories.edit.download": N_("Download draft (JSON)"),
    "stories.edit.no_store": N_("Saving waits until the store is back (see the message at the top); a "
                                "draft can be downloaded as JSON meanwhile."),
    # Pictures
    "stories.media.heading": N_("Pictures of this step"),
    "stories.media.none": N_("No pictures yet."),
    "stories.media.file": N_("Picture (JPEG, PNG or WebP, at most 5 MB)"),
    "stories.media.alt": N_("Alternative text (required): what the picture shows"),
    "stories.media.alt.help": N_("Read aloud by screen readers and printed where the picture cannot be "
                                 "shown."),
    "stories.media.caption": N_("Caption"),
    "stories.media.credit": N_("Credit (photographer or owner)"),
    "stories.media.licence": N_("Licence (e.g. CC BY 4.0, used with permission)"),
    "stories.media.add": N_("Add picture"),
    "stories.media.remove": N_("Remove"),
    "stories.media.added": N_("Picture added to step {n}. Save a new version to keep it in the story."),
    "stories.media.no_file": N_("Choose a picture first."),
    "stories.media.no_alt": N_("The picture was not added: describe what it shows in the alternative text "
                               "(screen readers read it aloud, and printouts show it where the picture is "
                               "missing)."),
    "stories.media.refused": N_("The picture was not added: {error}"),
    "stories.media.full": N_("This step has {n} pictures and links, the most a step can hold."),
    "stories.media.no_store": N_("Pictures can be added when the store is reachable."),
    "stories.edit.stored_problems": N_("Some saved stories no longer validate against the data:"),
    # Export
    "stories.export.intro": N_("A web page to send or put online, a PDF to print or attach, or the story "
                               "itself (JSON) to open in another copy of this tool. The page and the PDF "
                               "carry the maps (drawn from the municipal boundaries), the texts, the facts "
                               "boxes and the pictures, and need no internet; companies follow the chosen "
                               "scenario."),
    "stories.export.html": N_("Download web page (HTML)"),
    "stories.export.json": N_("Download story (JSON)"),
    "stories.export.pdf.make": N_("Make PDF"),
    "stories.export.pdf": N_("Download PDF"),
    "stories.export.pdf.ready": N_("The PDF is ready: {n} A4 pages."),
    "stories.export.pdf.help": N_("Printed by Chromium on the server; takes a few seconds."),
    "stories.export.pdf.failed": N_("The PDF could not be made: {error} The web page (HTML) can be printed "
                                    "from any browser instead."),
    # Suggestions
    "stories.suggest.heading": N_("Suggested cross-border stories"),
    "stories.suggest.intro": N_("Chains of attractions that share a theme, lie in at least two destination "
                                "companies and follow a drivable route, found in the data. Pairs of "
                                "companies that share no story yet rank higher. A suggestion has places "
                                "and facts but no text: open it as a draft and write it."),
    "stories.suggest.companies": N_("Joins {n} companies: {names}"),
    "stories.suggest.new_pairs": N_("{n} pairs of companies that share no story yet"),
    "stories.suggest.new_pair": N_("1 pair of companies that shares no story yet"),
    "stories.suggest.no_new_pairs": N_("all these companies already share a story"),
    "stories.suggest.legs": N_("Legs by road: about {legs} minutes (estimated); {easy} of {total} within "
                               "an hour"),
    "stories.suggest.open": N_("Open as draft"),
    "stories.suggest.opened": N_("“{title}” is open as a draft in the Editor tab: write its introduction "
                                 "and texts there."),
    "stories.suggest.none": N_("The data hold no suggestion under this scenario."),
    # Deep links
    "stories.bad_story": N_("There is no story “{value}”; showing “{shown}”."),
    "stories.bad_step": N_("The story has no step “{value}”; showing the first step."),
    "stories.bad_scenario": N_("There is no saved scenario “{value}”; showing today's companies."),
}
