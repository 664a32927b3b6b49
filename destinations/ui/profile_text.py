"""UI strings of the destination profile page (English, Danish). Types, indices and chart labels
are shared with the seasonality page (:data:`destinations.ui.season_text.SHARED`)."""

from destinations.i18n import N_


TEXT = {
    "profile.title": N_("Destination profile"),
    "profile.intro": N_("One destination company through its data: what draws guests, where they sleep, "
                        "when they come, how it compares, where its guests go next and which stories it "
                        "shares. Any company of any scenario."),
    "profile.company": N_("Destination company"),
    "profile.year": N_("Year"),
    "profile.none": N_("This scenario has no company with members yet."),
    "profile.spinner": N_("Putting the profile together…"),
    "profile.members": N_("Member municipalities ({n}): {names}"),
    "profile.scenario_line": N_("Scenario: {name}"),
    "profile.map.members": N_("Member municipalities"),
    "profile.map.borders": N_("Company borders"),
    "profile.map.attractions": N_("Attractions"),
    "profile.map.note": N_("Members outlined in red; the map opens on them."),
    "profile.key": N_("Key figures {year}"),
    "profile.key.overnights": N_("Overnight stays"),
    "profile.key.foreign": N_("Foreign share"),
    "profile.key.gini": N_("Seasonality (Gini)"),
    "profile.key.beds": N_("Bed places, busiest month"),
    "profile.key.beds.help": N_("The company's own figure only when every member has a published local "
                                "count (hotel rooms, campsites): a sum over some members would read as the "
                                "company's capacity. Never estimated from the overnights."),
    "profile.key.dwellings.help": N_("Statistics Denmark, StatBank BOL101, 1 January 2025 (official): "
                                     "dwellings with nobody registered as living there — not only summer "
                                     "houses. How many are let, and their bed places, are unknown locally."),
    "profile.key.attractions": N_("Attractions in the data"),
    "profile.character": N_("Profile"),
    "profile.character.coast_nature": N_("coast & nature"),
    "profile.character.city_business": N_("city & business"),
    "profile.character.mixed": N_("mixed"),
    "profile.character.none": N_("not enough data"),
    "profile.character.why": N_("Leisure accommodation (holiday homes, camping, marinas, holiday centres & "
                                "hostels) holds {leisure} of its overnights (Denmark {leisure_dk}); coast "
                                "& nature make {nature} of its marked attractions (Denmark {nature_dk}; "
                                "{n_nature} nature, {n_city} city markers). Score {score}."),
    "profile.character.rule": N_("Rule: the mean of the two differences from Denmark (the attraction part "
                                 "only with 3+ marked attractions); ≥ +0.05 coast & nature, ≤ −0.05 city & "
                                 "business, else mixed. It describes the mix relative to the country, not "
                                 "a verdict."),
    "profile.tab.reasons": N_("Reasons to go"),
    "profile.tab.overnights": N_("Overnight stays"),
    "profile.tab.capacity": N_("Capacity"),
    "profile.tab.compare": N_("Comparison"),
    "profile.tab.flows": N_("Day trips across the border"),
    "profile.tab.stories": N_("Stories"),
    "profile.reasons.caption": N_("Ranked by published annual visitors (largest first), each with the "
                                  "count chosen for it and its year; attractions without a published count "
                                  "are listed apart below. Season as the source gives it."),
    "profile.reasons.uncounted": N_("Without a published visitor count ({n}): each may or may not be a "
                                    "lighthouse"),
    "col.visitors_shown": N_("Count (year, precision)"),
    "col.lighthouse": N_("Lighthouse"),
    "profile.reasons.none": N_("No attraction of the data set lies in these municipalities."),
    "col.rank": N_("#"),
    "col.name": N_("Attraction"),
    "col.category": N_("Category"),
    "col.municipality": N_("Municipality"),
    "col.visitors": N_("Annual visitors"),
    "col.visitors_year": N_("Visitors year"),
    "col.season": N_("Open"),
    "col.themes": N_("Themes"),
    "col.kind": N_("Kind"),
    "col.role": N_("Role"),
    "col.members": N_("Members"),
    "col.per_resident": N_("Overnights per resident"),
    "col.attractions": N_("Attractions"),
    "col.from": N_("From (member)"),
    "col.to": N_("To"),
    "col.to_company": N_("Company there"),
    "col.outbound": N_("Trips out"),
    "col.inbound": N_("Trips in"),
    "col.total": N_("Both ways"),
    "col.share": N_("Share of its cross-border trips"),
    "col.neighbour": N_("Neighbour"),
    "col.share_type": N_("Share: {type}"),
    "season.unknown": N_("not stated"),
    "visitors.unknown": N_("not published"),
    "role.company": N_("this company"),
    "role.neighbour": N_("neighbour"),
    "role.average": N_("average company"),
    "role.national": N_("Denmark"),
    "profile.overnights.caption": N_("Month by month, by accommodation type and guests"),
    "profile.capacity.caption": N_("What is known of the capacity, type by type: the company's bed places "
                                   "only where every member has a published count, otherwise the part that "
                                   "has one and how much of the overnights it holds; holiday dwellings are "
                                   "official for every member. Shortage and headroom are read only on that "
                                   "part — elsewhere they are unknown."),
    "profile.capacity.shortage": N_("Months over {share} (where known)"),
    "profile.capacity.excess": N_("Overnights above that line"),
    "profile.capacity.headroom": N_("Off-season headroom at {target} (Oct–Apr)"),
    "profile.compare.caption": N_("Neighbours share a land border, bridge or ferry with the company. The "
                                  "average company is the plain mean over the scenario's companies; "
                                  "Denmark is the whole country."),
    "profile.neighbours.none": N_("No neighbouring company."),
    "profile.neighbours.loose": N_("Neighbouring municipalities in no company: {names}"),
    "profile.flows.caption": N_("Modelled day trips (gravity model on travel minutes, ferry waits, bridge "
                                "tolls and published attraction visitors; one trip per overnight stay — an "
                                "index, not counted people), to 3 significant figures, each with the range "
                                "it spans when the model's settings are varied one at a time: the "
                                "companies the trips reach, the busiest pairs of a member and a "
                                "municipality outside, and the pairs the model is least sure of."),
    "profile.flows.uncertain": N_("Pairs the model is least sure of"),
    "profile.flows.uncertain.caption": N_("This company's cross-border pairs carrying at least one in a thousand of "
                                          "Denmark's day trips between municipalities, ranked by spread = "
                                          "(high − low) / high over the settings: 100 % means some setting "
                                          "puts the pair at zero."),
    "profile.flows.uncertain.none": N_("None of this company's pairs is that large."),
    "profile.flows.pairs": N_("Busiest pairs"),
    "profile.flows.companies": N_("Where the trips lead"),
    "profile.flows.none": N_("No modelled trips cross this company's border."),
    "profile.stories.caption": N_("Shared stories with a place in this company"),
    "profile.stories.none": N_("No story has a place in this company yet."),
    "profile.stories.item": N_("**{title}** — {steps} of {total} steps here ({share} of the story); "
                               "partners: {partners}"),
    "profile.stories.alone": N_("none"),
    "profile.season.link": N_("Season, capacity and what-if for this company"),
}
