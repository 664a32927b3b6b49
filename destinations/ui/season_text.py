"""UI strings of the seasonality & capacity page, and the ones it shares with the profile page
(accommodation types, indices, chart labels, exports), in English and Danish."""

from destinations.i18n import N_


#: Shared by the profile and the seasonality page.
SHARED = {
    # accommodation types
    "type.hotel": N_("Hotels"),
    "type.holiday_centre_hostel": N_("Holiday centres & hostels"),
    "type.camping": N_("Camping"),
    "type.marina": N_("Marinas"),
    "type.holiday_home": N_("Holiday homes"),
    # coverage of each type (the capacity caveat, next to every occupancy)
    "coverage.hotel": N_("DST's monthly hotel statistics cover establishments with 40+ beds"),
    "coverage.holiday_centre_hostel": N_("a separate series (NACE I552); seasonal closures modelled"),
    "coverage.camping": N_("a separate series (NACE I553); seasonal closures modelled"),
    "coverage.marina": N_("no bed-place figure in the data: occupancy unknown"),
    "coverage.holiday_home": N_("holiday dwellings are counted (BOL101), bed places and houses for rent "
                                "are not: occupancy unknown"),
    "coverage.modelled": N_("Capacity is never derived from the overnights it is compared with "
                            "(facts-model 1.1). Bed places are known only where a local count is published "
                            "— hotel rooms in København and Aarhus, campsites in Kerteminde — converted "
                            "with national Eurostat ratios (estimated); holiday dwellings (StatBank "
                            "BOL101) are official for all 98 municipalities but are dwellings, not bed "
                            "places. Everywhere else capacity is unknown, and so are shortage and headroom."),
    "unknown": N_("unknown"),
    "capacity.none": N_("none"),
    "capacity.part.none": N_("no member has a published bed-place count"),
    "capacity.reading": N_("Read on {part}: {coverage} of the overnights."),
    "capacity.unknown.note": N_("No local bed-place count is published here, so peak shortage and "
                                "off-season headroom cannot be known; capacity is never estimated from the "
                                "overnights it would be compared with."),
    "capacity.known.note": N_("Only where a local count is published (estimated from it with national "
                              "Eurostat ratios); the rest of the demand is unknown — neither short nor "
                              "empty."),
    "capacity.national.note": N_("Bed places: Eurostat's national figures (official totals; seasonal "
                                 "opening of campsites and holiday centres assumed). Marinas and holiday "
                                 "homes have no bed-place figure, so their part of the demand is unknown."),
    "capacity.basis": N_("What the capacity figures rest on"),
    "dwellings.note": N_("StatBank BOL101, 1 January 2025: dwellings with nobody registered as living "
                         "there — not bed places, and how many are let is unknown"),
    "lbl.share_overnights": N_("Share of overnights"),
    "lbl.members_known": N_("Members with a count"),
    "lbl.coverage": N_("Overnights covered"),
    "lbl.known_bed_places": N_("Bed places where known (busiest month)"),
    "lbl.dwellings": N_("Holiday dwellings (BOL101)"),
    "lbl.basis": N_("Basis"),
    "lbl.capacity_known": N_("Capacity"),
    "capacity.cell.unknown": N_("unknown: no member has a published count"),
    "capacity.cell.all": N_("{beds} bed places ({kind})"),
    "capacity.cell.some": N_("{beds} bed places in {n} of {members} members ({kind}); the rest unknown"),
    "capacity.cell.dwellings": N_("{dwellings} holiday dwellings (official); bed places and houses for "
                                  "rent unknown"),
    "beds.all": N_("Bed places of every member ({types}), estimated from published counts."),
    "beds.none": N_("Bed places unknown: no member has a published local count (hotel rooms, campsites), "
                    "and capacity is never estimated from the overnights. Holiday dwellings are counted "
                    "for every municipality."),
    "beds.some": N_("Bed places of the whole company unknown; known for part of it: {parts}."),
    "beds.part": N_("{type} {beds} in {n} of {members} members ({coverage} of those overnights, estimated)"),
    # day-trip flows and their uncertainty
    "flow.to": N_("To"),
    "flow.range": N_("Range over the model's settings"),
    "flow.from": N_("From"),
    "flow.one_way": N_("Day trips (this direction)"),
    "flow.spread": N_("Spread (0 % = the settings agree)"),
    "flow.driver": N_("Setting that moves it most"),
    "driver.half weight 20 min": N_("pull halves every 20 min"),
    "driver.half weight 45 min": N_("pull halves every 45 min"),
    "driver.cut-off 120 min": N_("day trips up to 120 min"),
    "driver.ferry wait 0.5 x crossing": N_("ferry wait half the crossing"),
    "driver.ferry wait 2 x crossing": N_("ferry wait twice the crossing"),
    "driver.no toll penalty": N_("no bridge-toll penalty"),
    "driver.toll +60 min": N_("bridge toll as 60 min"),
    "driver.uncounted attractions at the lower quartile": N_("uncounted attractions pull like the lower "
                                                             "quartile"),
    # saved scenarios and stories while the store is down
    "store.down": N_("Saved scenarios and stories cannot be read right now: {problem} This page keeps "
                     "working on today's destination companies and the built-in stories."),
    # lighthouses (reasons-to-go attractions of 250,000+ visitors a year)
    "lighthouse": N_("Lighthouse (≥ {threshold} visitors a year)"),
    "lighthouse.yes": N_("yes"),
    "lighthouse.no": N_("no"),
    "lighthouse.unknown": N_("unknown"),
    "lighthouse.why.yes": N_("At or above the threshold: {items}"),
    "lighthouse.why.no": N_("Every listed attraction has a published count, all below the threshold: "
                            "{items}"),
    "lighthouse.why.unknown": N_("No counted attraction reaches the threshold, and {n} have no published "
                                 "count — a missing count is never read as a small one."),
    "lighthouse.why.none": N_("No attraction of the data lies here."),
    "lighthouse.below": N_("Counted below the threshold: {items}"),
    "lighthouse.uncounted": N_("Without a published count ({n}): {items}"),
    "lighthouse.rule": N_("One published count per attraction by a written rule (latest normal year, exact "
                          "over rounded over estimate; rival figures kept, never averaged), with its year."),
    # indices
    "idx.overnights": N_("Overnight stays"),
    "idx.foreign_share": N_("Foreign share"),
    "idx.gini": N_("Seasonality (Gini, 0–0.92)"),
    "idx.peak_mean_ratio": N_("Peak month / mean month"),
    "idx.peak_quarter_share": N_("Share in June–August"),
    "idx.offseason_share": N_("Share in October–April"),
    "idx.entropy": N_("Entropy (nats, max 2.48)"),
    "idx.relative_redundancy": N_("Relative redundancy (0–1)"),
    "idx.peak_month": N_("Busiest month"),
    "idx.complementarity": N_("Seasonal complementarity (ΔG)"),
    "idx.help": N_("Gini 0 = the same every month, 0.92 = all in one month (Ferrante et al. 2018). "
                   "Peak/mean 1 = flat, 12 = one month. Relative redundancy 1 − entropy/ln 12: 0 = flat, 1 "
                   "= one month."),
    # chart and table labels
    "lbl.month": N_("Month"),
    "lbl.overnights": N_("Overnight stays"),
    "lbl.type": N_("Accommodation"),
    "lbl.company": N_("Company"),
    "lbl.share": N_("Share of the year"),
    "lbl.guests": N_("Guests"),
    "lbl.danish": N_("Danish"),
    "lbl.foreign": N_("Foreign"),
    "lbl.total": N_("Total"),
    "lbl.year": N_("Year"),
    "lbl.country": N_("Guest nationality"),
    "lbl.demand": N_("Overnights (types with bed places)"),
    "lbl.capacity": N_("Bed-nights available"),
    "lbl.threshold": N_("Shortage line ({share} of bed-nights)"),
    "lbl.occupancy": N_("Net occupancy %"),
    "lbl.bed_places": N_("Bed places"),
    "lbl.bed_places_peak": N_("Bed places (busiest month)"),
    "lbl.bed_places_low": N_("Bed places (quietest month)"),
    "lbl.houses": N_("Holiday houses for rent"),
    "lbl.covered": N_("Occupancy known"),
    "lbl.note": N_("Coverage"),
    "lbl.kind": N_("Kind"),
    "lbl.name": N_("Name"),
    "lbl.baseline": N_("Baseline"),
    "lbl.whatif": N_("What-if"),
    "lbl.change": N_("Change"),
    "lbl.series": N_("Series"),
    "lbl.figure": N_("Figure"),
    "lbl.index": N_("Index"),
    "lbl.value": N_("Value"),
    "lbl.occ_mean": N_("Occupancy, year (%)"),
    "lbl.occ_peak": N_("Occupancy, busiest month (%)"),
    "lbl.days": N_("Days"),
    "lbl.bed_nights": N_("Bed-nights"),
    "lbl.source": N_("Source"),
    "season.curve.title": N_("{name} {year}: overnight stays by month and accommodation"),
    "season.guests.title": N_("{name} {year}: Danish and foreign guests"),
    # exports
    "export.csv": N_("Table as CSV"),
    "export.png": N_("Chart as PNG"),
    "modelled.note": N_("Modelled: municipal figures come from the facts model (facts-model 1.1, "
                        "docs/facts-model.md), fitted to official national and regional totals; shown to 3 "
                        "significant figures, the precision they have."),
    "scenario": N_("Scenario"),
    "scenario.today": N_("Destination companies today"),
    "scenario.unavailable": N_("Saved scenarios are unavailable: {problem}"),
    "bad.param": N_("The link asked for {what} “{value}”, which does not exist here; showing {shown} "
                    "instead."),
    "what.company": N_("company"),
    "what.year": N_("year"),
    "what.scenario": N_("scenario"),
    "what.municipality": N_("municipality"),
    "what.scope": N_("view"),
    "link": N_("Link to this view"),
    "denmark": N_("Denmark"),
    "unaffiliated.group": N_("Municipalities in no company"),
}

TEXT = {
    "season.title": N_("Season and capacity"),
    "season.intro": N_("How overnight stays spread over the year, what the beds can take, and what a "
                       "longer season would change — for Denmark, a destination company or a municipality."),
    "season.scope": N_("Show"),
    "season.scope.national": N_("Denmark"),
    "season.scope.company": N_("A destination company"),
    "season.scope.municipality": N_("A municipality"),
    "season.no_company": N_("This scenario has no company with members yet."),
    "season.company": N_("Destination company"),
    "season.municipality": N_("Municipality"),
    "season.year": N_("Year"),
    "season.tab.curve": N_("Seasonality"),
    "season.tab.heatmap": N_("All companies"),
    "season.tab.capacity": N_("Capacity"),
    "season.tab.whatif": N_("Longer season (what-if)"),
    "season.tab.markets": N_("Source markets"),
    "season.indices": N_("Seasonality indices"),
    "season.years.title": N_("{name}: {before} against {after} (share of each year)"),
    "season.years.heading": N_("{before} against the latest full year ({after})"),
    "season.years.same": N_("The chosen year is the comparison year; pick another year to compare with "
                            "{before}."),
    "season.heatmap.title": N_("Share of each company's year by month, {year}"),
    "season.heatmap.caption": N_("Each row adds up to 100 %: darker = a larger part of that company's "
                                 "year. Scenario: {scenario}."),
    "season.capacity.title": N_("{name} {year}: demand against bed-nights"),
    "season.capacity.share": N_("Shortage when demand exceeds this share of bed-nights"),
    "season.capacity.target": N_("Target occupancy for off-season headroom"),
    "season.capacity.basis": N_("Headroom counts"),
    "season.capacity.basis.open": N_("beds open that month"),
    "season.capacity.basis.all": N_("every bed (closed places reopened)"),
    "season.capacity.shortage": N_("Months with peak shortage"),
    "season.capacity.excess": N_("Overnights above the shortage line"),
    "season.capacity.headroom": N_("Off-season headroom (Oct–Apr)"),
    "season.capacity.coverage": N_("Occupancy covers {types}: {share} of the overnights. Marinas and "
                                   "holiday homes have no bed-place figure, so their occupancy is unknown "
                                   "(a gap, not zero)."),
    "season.capacity.none": N_("none"),
    "season.capacity.by_type": N_("Occupancy by accommodation type"),
    "season.capacity.reference": N_("National reference: gross occupancy with Eurostat on both sides"),
    "season.capacity.reference.note": N_("Gross = overnights / (annual bed places × days): seasonal "
                                         "closures are not removed, so off-season camping occupancy reads "
                                         "low."),
    "season.capacity.months": N_("Month by month"),
    "season.whatif.intro": N_("Grow the shoulder months, or move part of the peak into them. Capacity "
                              "stays as it is; every what-if figure is modelled."),
    "season.whatif.growth": N_("Growth in the shoulder months (%)"),
    "season.whatif.shift": N_("Share of peak demand moved into the shoulders (%)"),
    "season.whatif.shoulder": N_("Shoulder months"),
    "season.whatif.peak": N_("Peak months"),
    "season.whatif.title": N_("{name} {year}: baseline and what-if"),
    "season.whatif.table": N_("Per company and for Denmark"),
    "season.whatif.all": N_("all figures"),
    "season.whatif.neutral": N_("Move a slider to see a what-if."),
    "season.whatif.running": N_("Computing the what-if…"),
    "fig.overnights": N_("Overnight stays"),
    "fig.gini": N_("Gini"),
    "fig.peak_mean_ratio": N_("Peak / mean"),
    "fig.peak_quarter_share": N_("Share June–August"),
    "fig.offseason_share": N_("Share October–April"),
    "fig.entropy": N_("Entropy"),
    "fig.relative_redundancy": N_("Relative redundancy"),
    "fig.occupancy_peak_pct": N_("Occupancy, busiest month (%)"),
    "fig.occupancy_offseason_pct": N_("Occupancy Oct–Apr (%)"),
    "fig.shortage_months": N_("Months with shortage"),
    "fig.shortage_excess": N_("Overnights above the shortage line"),
    "fig.offseason_headroom": N_("Off-season headroom (overnights)"),
    "season.markets.title": N_("Top {top} guest nationalities in Denmark, overnight stays"),
    "season.markets.top": N_("Nationalities shown"),
    "season.markets.log": N_("Log scale"),
    "season.markets.since": N_("From year"),
    "season.markets.note": N_("National figures for all accommodation types incl. holiday homes. The file "
                              "has 17 nationalities and no Danish or total rows, so shares of all guests "
                              "are not shown."),
    "season.foreign.title": N_("Foreign guests' share of overnight stays per company, {year}"),
    "season.spinner": N_("Preparing the season figures…"),
    # countries (StatBank names)
    "country.Tyskland": N_("Germany"),
    "country.Norge": N_("Norway"),
    "country.Sverige": N_("Sweden"),
    "country.Nederlandene": N_("Netherlands"),
    "country.Storbritannien": N_("United Kingdom"),
    "country.USA": N_("USA"),
    "country.Italien": N_("Italy"),
    "country.Frankrig": N_("France"),
    "country.Spanien": N_("Spain"),
    "country.Schweiz": N_("Switzerland"),
    "country.Belgien": N_("Belgium"),
    "country.Finland": N_("Finland"),
    "country.Østrig": N_("Austria"),
    "country.Irland": N_("Ireland"),
    "country.Island": N_("Iceland"),
    "country.Portugal": N_("Portugal"),
    "country.Canada": N_("Canada"),
}
