"""UI strings of the Data & sources page."""

from destinations.i18n import N_


TEXT = {
    "data.title": N_("Data & sources"),
    "data.intro": N_("Every dataset the planner reads, with its source, licence, year, size and kind. "
                     "Official = published by an authority and read unchanged; compiled = gathered from "
                     "published pages with a source per row; modelled = estimated by this tool (method "
                     "documented)."),
    "data.in_force": N_("Files in force"),
    "data.in_force.text": N_("Each dataset's file and where it came from: bundled with the planner "
                             "(geodata/, checked against its manifest), a data folder set by the operator, "
                             "or an official download (destinations data fetch), which takes precedence "
                             "over the file it replaces."),
    "data.origin.bundled": N_("bundled"),
    "data.origin.data_directory": N_("operator's data folder"),
    "data.origin.user_download": N_("official download"),
    "data.col.in_force": N_("in force"),
    "data.col.checksum": N_("checksum matches"),
    "data.datasets": N_("Datasets"),
    "data.col.name": N_("Dataset"),
    "data.col.kind": N_("Kind"),
    "data.col.version": N_("Version"),
    "data.col.method": N_("Method (in the repository)"),
    "data.col.source": N_("Source"),
    "data.col.licence": N_("Licence"),
    "data.col.year": N_("Year"),
    "data.col.rows": N_("Rows"),
    "data.col.coverage": N_("Coverage"),
    "data.col.file": N_("File"),
    "data.modelled": N_("What the planner computes: version and method"),
    "data.modelled.text": N_("Every modelled figure on the map, profile and season pages comes from one of "
                             "these, labelled with the version below; the method is written down in the "
                             "file named."),
    "data.flows": N_("Day-trip flows: checked against the network"),
    "data.flows.text": N_("No measured day-trip data exist for Denmark in the data, so flows are modelled "
                          "and shown with their range over the model's settings. The check below is "
                          "consistency, not validation: every modelled trip must have a route within the "
                          "cut-off, nothing may cross water without a bridge, tunnel or ferry, and each "
                          "link carries the trips routed over it."),
    "data.flows.ok": N_("Network check passed for {pairs} pairs: every trip has a route within the cut-off "
                        "and none crosses water without a link; {share} of the trips between "
                        "municipalities use a bridge, tunnel or ferry."),
    "data.flows.problems": N_("The network check found {n} problem(s):"),
    "data.flows.note": N_("No traffic counts for the links are in the data, so the loads below cannot be "
                          "compared with measured traffic. {idle} link edges carry no modelled day trip "
                          "(beyond the cut-off or never the cheapest route)."),
    "data.flows.uncertain": N_("Pairs the model is least sure of"),
    "data.flows.uncertain.text": N_("Pairs carrying at least one in a thousand of the day trips between "
                                    "municipalities, ranked by spread = (high − low) / high when each "
                                    "setting is varied on its own."),
    "data.col.from": N_("From"),
    "data.col.attraction": N_("Attraction"),
    "data.col.municipality": N_("Municipality"),
    "data.col.origin": N_("Origin"),
    "data.col.replaces": N_("Replaces"),
    "data.col.stated": N_("Stated municipality"),
    "data.col.located": N_("Located in"),
    "data.col.coords_approx": N_("Position approximate"),
    "data.col.distance_m": N_("Distance (m)"),
    "data.col.crossing_min": N_("Crossing (min)"),
    "data.col.edge_min": N_("Edge (min)"),
    "data.col.crossing": N_("Crossing time"),
    "data.col.seasonal": N_("Seasonal"),
    "data.col.figure_id": N_("Figure"),
    "data.col.code": N_("Code"),
    "data.col.scope": N_("Scope"),
    "data.col.published": N_("Published"),
    "data.col.predicted": N_("Predicted (left out)"),
    "data.col.error_pct": N_("Error (%)"),
    "data.col.to": N_("To"),
    "data.col.link_kind": N_("Link"),
    "data.col.links": N_("Bridges, tunnels, ferries"),
    "data.col.flow": N_("Modelled day trips over it"),
    "data.col.flow_share": N_("Share of trips between municipalities"),
    "data.col.pairs": N_("Pairs routed over it"),
    "data.link.bridge": N_("bridge"),
    "data.link.tunnel": N_("tunnel"),
    "data.link.ferry": N_("ferry"),
    "data.link.land": N_("land"),
    "data.caveats": N_("Known caveats"),
    "data.christianso": N_("Christiansø (code 411) is not a municipality: it is administered by the state. "
                           "Its boundary is folded into Bornholm (400), so the map shows 98 municipalities."),
    "data.attractions": N_("Attractions: rejected rows and municipality mismatches"),
    "data.rejected.none": N_("No attraction row was rejected."),
    "data.rejected": N_("Rejected rows (not shown on the map)"),
    "data.mismatches": N_("Located in another municipality than stated (the stated one is used; "
                          "approximate coordinates explain most cases)"),
    "data.graph": N_("Travel graph"),
    "data.graph.summary": N_("{nodes} municipalities, {edges} connections ({links} fixed links), "
                             "{components} connected component(s). Bornholm is reached only by ferry."),
    "data.graph.assumptions": N_("Travel times are estimates: straight-line distance × circuity {circuity} "
                                 "at {speed} km/h; crossings use published minutes, and where none was "
                                 "found, ferries {ferry} km/h + {handling} min handling, bridges at road "
                                 "speed (marked estimated)."),
    "data.graph.links": N_("Fixed-link edges"),
    "data.geometry": N_("Map geometry"),
    "data.geometry.text": N_("Simplified with coverage-preserving simplification (tolerance {tol} m): "
                             "{bytes} bytes instead of {raw}; largest area change {err} %; gaps/overlaps "
                             "between neighbours: {valid}."),
    "data.none": N_("none"),
    "data.found": N_("found"),
    "data.model": N_("Modelled tourism figures and their validation"),
    "data.model.text": N_("No complete municipality × month table of overnights is in the data directory, "
                          "so the planner estimates one (facts-model 1.1): indicator seeds (coastline, "
                          "area, population, attractions, summer houses) raked exactly to the official "
                          "margins — Eurostat national monthly figures by type and guest nationality, "
                          "StatBank TURIST regional totals, the published holiday-home total — with "
                          "published municipality figures honoured. Modelled figures are shown to 3 "
                          "significant figures, the precision they have. Capacity is never derived from "
                          "the overnights: bed places only where a local count is published (hotel rooms "
                          "in København and Aarhus, campsites in Kerteminde, estimated with national "
                          "Eurostat ratios), holiday dwellings (StatBank BOL101) for all 98, unknown "
                          "elsewhere. Below, leave-one-out: each published municipality figure predicted "
                          "without using it. Method: docs/facts-model.md. Official StatBank files "
                          "(`destinations data fetch statbank`) replace the model."),
    "data.model.mae": N_("Mean absolute error (leave-one-out)"),
}
