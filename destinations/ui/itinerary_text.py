"""UI strings of the itinerary page (English, Danish)."""

from destinations.i18n import NC_, N_


TEXT = {
    "itin.title": N_("Cross-destination itineraries"),
    "itin.intro": N_("Plan a multi-day road trip from an airport, station, ferry port or the border: "
                     "overnight bases with accommodation open in the month, attractions open in the "
                     "season, and the destination companies that share the guest. Times and figures are "
                     "modelled estimates."),
    "itin.form": N_("Your trip"),
    "itin.start": N_("Start"),
    "itin.end": N_("End"),
    "itin.same": N_("Back to the start"),
    "itin.days": N_("Days"),
    "itin.month": N_("Month"),
    "itin.themes": N_("Themes"),
    "itin.pace": N_("Pace (hours a day)"),
    "itin.drive": N_("Maximum driving a day (minutes)"),
    "itin.must": N_("Must-see attractions"),
    "itin.seed": N_("Variant (seed)"),
    "itin.scenario": N_("Scenario (who benefits)"),
    "itin.scenario.today": N_("Destination companies today"),
    "itin.plan": N_("Plan trip"),
    "itin.tiles": N_("Background map (needs internet)"),
    "itin.progress": N_("Planning itinerary {n} of {total}…"),
    "itin.empty": N_("Choose a start, days and month, then press “Plan trip”."),
    "itin.bad_link": N_("The link could not be read: {error}"),
    "itin.error": N_("The trip could not be planned"),
    "itin.unfitted": N_("{n} of {total} must-see attractions could not be fitted. The trip shown is the "
                        "best feasible trip without them."),
    "itin.unfitted.closed": N_("{name}: closed in the month (open months {months})"),
    "itin.unfitted.time": N_("{name}: needs at least {need} min in one day; a day has {limit} min"),
    "itin.unfitted.driving": N_("{name}: needs at least {need} min of driving in one day; the limit is "
                                "{limit} min"),
    "itin.unfitted.hours": N_("{name}: cannot be reached within its (assumed) opening hours"),
    "itin.unfitted.together": N_("{name}: fits alone, but not together with the other must-sees and the "
                                 "route"),
    "itin.fix": N_("To fit them: add days, raise the hours a day or the driving limit, choose a nearer hub "
                   "or another month, or drop some must-sees."),
    "itin.warnings": N_("Notes"),
    "itin.alternative": N_("Itinerary"),
    "itin.variant": N_("Itinerary {n}"),
    "itin.variant.best": N_("Itinerary {n} (best)"),
    "itin.alternatives": N_("Alternatives"),
    "itin.map": N_("Route"),
    "itin.map.legend": N_("One colour per day; dashed lines are ferry crossings; numbered squares are "
                          "overnight stops (⌂) and the end (■); ▶ is the start. Lines join the stops and "
                          "the municipalities passed, not the actual roads."),
    "itin.map.day": N_("Day"),
    "itin.map.night": N_("Night"),
    "itin.map.ferry": N_("Ferry"),
    "itin.map.start": N_("Start"),
    "itin.map.end": N_("End"),
    "itin.timeline": N_("Day by day"),
    "itin.timeline.note": N_("Visits respect the months each attraction is open (open months as month "
                             "numbers; “no data” = not given by the source). Indoor sights keep assumed "
                             "opening hours (museums, castles, zoos 10–17, amusement parks 10–20)."),
    "itin.col.day": N_("Day"),
    "itin.col.event": N_("Stop"),
    "itin.col.arrive": N_("Arrive"),
    "itin.col.leave": N_("Leave"),
    "itin.col.place": N_("Place"),
    "itin.col.municipality": N_("Municipality"),
    "itin.col.drive": N_("Driving there (min)"),
    "itin.col.ferry": N_("Ferry"),
    "itin.col.open": N_("Open months"),
    "itin.col.from": N_("From"),
    "itin.col.base": N_("Night / end"),
    "itin.col.visits": N_("Visits"),
    "itin.col.drive_day": N_("Driving (min)"),
    "itin.col.ferry_day": N_("Ferry (min)"),
    "itin.col.company": N_("Destination company"),
    "itin.col.nights": N_("Nights"),
    "itin.col.municipalities": N_("Municipalities"),
    "itin.col.variant": N_("Itinerary"),
    "itin.col.score": N_("Score"),
    "itin.col.companies": N_("Companies hosting"),
    "itin.col.es": NC_("itin.col.es", "Effective splits"),
    "itin.col.bases": N_("Overnight bases"),
    "itin.event.leave": N_("Leave"),
    "itin.event.visit": N_("Visit"),
    "itin.event.night": NC_("itin.event.night", "Night"),
    "itin.event.end": N_("End"),
    "itin.benefits": N_("Who benefits"),
    "itin.benefits.chart": N_("Nights and visits per destination company"),
    "itin.measure": N_("Measure"),
    "itin.count": N_("Count"),
    "itin.crossed": N_("Companies the route crosses"),
    "itin.cooperation": N_("This trip needs cooperation between {n} destination companies that host its "
                           "nights and visits: {names}."),
    "itin.one_company": N_("One destination company hosts all nights and visits."),
    "itin.es": NC_("itin.es", "Effective splits"),
    "itin.es.help": N_("1 / Σ share² − 1 over each company's share of nights plus visits: 0 = one company "
                       "hosts everything."),
    "itin.score": N_("Score"),
    "itin.visits": N_("Visits"),
    "itin.driving": N_("Driving (h)"),
    "itin.downloads": N_("Export"),
    "itin.download.geojson": N_("Download GeoJSON"),
    "itin.download.html": N_("Download printable itinerary (HTML)"),
    "itin.share": N_("This link reopens exactly this trip (it carries the days, bases and visits, with a "
                     "checksum); nothing is planned again."),
    "itin.method": N_("Method and assumptions"),
    "itin.method.text": N_("Overnight bases: towns with hotels, restaurants and shops whose municipality "
                           "has at least 3,000 overnights that month in the facts layer ({year}, modelled "
                           "unless official files are present). Travel: road estimate from straight-line "
                           "distance (×1.3 at 70 km/h) on one landmass, else the travel graph with bridges "
                           "and ferries (crossings count as travel, not driving). Visit lengths and "
                           "opening hours are assumptions per category. Score: published visitors (one "
                           "figure per attraction, with its year), lighthouse status (≥ 250,000 visitors), "
                           "theme match, Copenhagen's icons first on Greater Copenhagen trips, less for "
                           "places far off the way; changing base costs points. {bases} bases and "
                           "{candidates} attractions were available; {iterations} search iterations in "
                           "{seconds} s, {stopped}."),
    "itin.month.1": N_("January"),
    "itin.month.2": N_("February"),
    "itin.month.3": N_("March"),
    "itin.month.4": N_("April"),
    "itin.month.5": N_("May"),
    "itin.month.6": N_("June"),
    "itin.month.7": N_("July"),
    "itin.month.8": N_("August"),
    "itin.month.9": N_("September"),
    "itin.month.10": N_("October"),
    "itin.month.11": N_("November"),
    "itin.month.12": N_("December"),
    "itin.warn.season_unknown": N_("Season not given by the source (check before going): {names}"),
    "itin.warn.theme_closed": N_("No attraction with the theme “{theme}” is open in this month."),
    "itin.warn.low_base": N_("Night {night}: {name} has fewer than 100 modelled bed places open."),
    "itin.exclude": N_("Leave out"),
    "itin.bases": N_("Overnight bases"),
    "itin.bases.auto": N_("2–3 places (recommended)"),
    "itin.bases.one": N_("One base (star trip)"),
    "itin.bases.road": N_("Road trip (move on freely)"),
    "itin.open.title": N_("Open a trip link"),
    "itin.open.link": N_("Trip link"),
    "itin.open.button": N_("Open trip"),
    "itin.bad_trip": N_("The trip link could not be opened: {error} The trip shown is unchanged."),
    "itin.reopened": N_("Reopened from its link exactly as planned; nothing was planned again. Press "
                        "“Re-plan” to plan the same request anew."),
    "itin.cancel": NC_("itin.cancel", "Cancel"),
    "itin.cancelled": N_("Planning was cancelled; the trip shown before is kept."),
    "itin.stopped_time": N_("The time limit stopped the search before its iteration budget: another run "
                            "may find a slightly different trip."),
    "itin.stopped.budget": N_("stopped by its iteration budget (same seed, same trip)"),
    "itin.stopped.time": N_("stopped by the time limit"),
    "itin.stopped.cancelled": N_("cancelled"),
    "itin.stopped.reopened": N_("reopened from a trip link"),
    "itin.timeline.full": N_("Every stop in order, with lunch and driving"),
    "itin.why.title": N_("Why these stops"),
    "itin.why.must": N_("your must-see"),
    "itin.why.icon": N_("Copenhagen icon"),
    "itin.why.themes": N_("theme {themes}"),
    "itin.why.season": N_("season not given (check before going)"),
    "itin.why.note": N_("Visitors: one published annual figure per attraction (latest normal year, exact "
                        "before rounded before estimate); “estimate” marks a figure the source itself "
                        "estimates. Opening hours are assumed per category and month."),
    "itin.visitors.none": N_("not counted"),
    "itin.visitors.undated": N_("undated"),
    "itin.precision.rounded": N_("rounded"),
    "itin.precision.bound": N_("at least"),
    "itin.precision.estimate": N_("estimate"),
    "itin.col.start": N_("Start"),
    "itin.col.hours": N_("Opening hours (assumed)"),
    "itin.col.why": N_("Why this stop"),
    "itin.col.visitors": N_("Visitors a year (year)"),
    "itin.col.source": N_("Source of the figure"),
    "itin.event.lunch": N_("Lunch"),
    "itin.lunch.place": N_("Lunch break (45 min)"),
    "itin.share.title": N_("Share this trip"),
    "itin.replan": N_("Re-plan"),
    "itin.replan.help": N_("Plan the same request anew on today's data (with alternatives); the link above "
                           "keeps the trip as it is."),
    "itin.choose": N_("Choose…"),
    "itin.why.unesco": N_("UNESCO World Heritage"),
    "itin.theme.events": N_("events (venues with an event)"),
}
