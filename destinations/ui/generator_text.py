"""UI strings of the plan generator page (English and Danish)."""

from destinations.i18n import N_


TEXT = {
    "gen.title": N_("Plan generator"),
    "gen.intro": N_("Ask for the best plans under your constraints, repair a broken plan with the fewest "
                    "moves, or see whether a plan is typical among all valid plans. Plans are contiguous "
                    "on the travel graph (bridges and ferries connect) and minimise the day trips their "
                    "borders cut (modelled flows)."),
    "gen.mode": N_("What do you want to do?"),
    "gen.mode.generate": N_("Generate plans"),
    "gen.mode.repair": N_("Repair a plan"),
    "gen.mode.ensemble": N_("Is a plan typical?"),
    "gen.source.today": N_("Today's companies"),
    "gen.source.editor": N_("The plan open in the editor: {name}"),
    "gen.result.name": N_("Generated plan ({k} companies)"),
    "gen.units": N_("Build companies from"),
    "gen.units.municipality": N_("municipalities (98)"),
    "gen.units.parish": N_("parishes (about 2,150)"),
    "gen.k": N_("Number of companies"),
    "gen.seed": N_("Random seed (same seed, same plan)"),
    "gen.budget": N_("Iterations"),
    "gen.budget.help": N_("How much the search does, counted in steps: the same seed, settings and "
                          "iterations give the same plan on any machine."),
    "gen.time": N_("Time limit (seconds, a safety cap)"),
    "gen.time.help": N_("Stops the search if the iterations take longer. A plan stopped by the time limit "
                        "may differ on another machine."),
    "gen.balance": N_("Largest / smallest company at most (0 = no bound)"),
    "gen.balance.help": N_("Overnight stays of the largest company divided by the smallest's. Without a "
                           "bound, the search may make one giant company."),
    "gen.max_units.municipality": N_("Municipalities per company at most (0 = no bound)"),
    "gen.max_units.parish": N_("Parishes per company at most (0 = no bound)"),
    "gen.units.municipality.plural": N_("municipalities"),
    "gen.units.parish.plural": N_("parishes"),
    "gen.max_units.help": N_("Set it lower (e.g. 10) for more compact companies."),
    "gen.bounds.default": N_("Defaults from today's map:"),
    "gen.bounds.basis": N_("balance bound {ratio} = today's 90th / 10th percentile company overnights "
                           "(today's largest / smallest is {today}); size bound {size} {units} = today's "
                           "largest company ({name})."),
    "gen.stopped.budget": N_("Used its budget of {budget} iterations: the same seed and settings give this "
                             "plan on any machine."),
    "gen.stopped.early": N_("Stopped after {iterations} of {budget} iterations with nothing left to try: "
                            "the same seed and settings give this plan on any machine."),
    "gen.stopped.time": N_("Stopped by the time limit after {iterations} of {budget} iterations: the plan "
                           "may differ on another machine. Allow more time (or fewer iterations) for a "
                           "plan anyone can reproduce."),
    "gen.binding": N_("What keeps the plan from cutting fewer day trips"),
    "gen.binding.floor": N_("the floor"),
    "gen.binding.balance": N_("the balance bound"),
    "gen.binding.lighthouse": N_("the lighthouse rule"),
    "gen.binding.contiguity": N_("contiguity"),
    "gen.binding.size": N_("the size bound"),
    "gen.binding.companies": N_("the number of companies"),
    "gen.binding.locks": N_("locks and groups kept together"),
    "gen.binding.sentence": N_("{constraint}: moving {municipality} from {origin} to {target} would cut "
                               "{saving} % fewer day trips, but {why} ({count} such moves)."),
    "gen.binding.why.floor": N_("the company it leaves would drop below the floor of {floor} stays"),
    "gen.binding.why.balance": N_("largest / smallest company would exceed {ratio}"),
    "gen.binding.why.lighthouse": N_("more companies than the {allowance} allowed would lack a lighthouse"),
    "gen.binding.why.contiguity": N_("the company it leaves would fall apart"),
    "gen.binding.why.size": N_("the company it joins would exceed {max_units} municipalities"),
    "gen.binding.why.companies": N_("the company it leaves would be empty"),
    "gen.binding.why.locks": N_("a locked company or a group kept together would change"),
    "repair.new": N_("a new company"),
    "gen.lighthouse": N_("Lighthouse attraction in every company"),
    "gen.lighthouse.where_possible": N_("where the data allow"),
    "gen.lighthouse.all": N_("required for every company"),
    "gen.lighthouse.off": N_("not required"),
    "gen.start": N_("Start from"),
    "gen.start.none": N_("nothing (a fresh partition)"),
    "gen.lock": N_("Keep these companies as they are"),
    "gen.choose": N_("Choose (type to search)…"),
    "gen.together": N_("Keep these municipalities together"),
    "gen.floor_note": N_("Every company must reach the floor of {floor} overnight stays (set in the "
                         "sidebar with the other assumptions)."),
    "gen.run": N_("Generate"),
    "gen.cancel": N_("Cancel"),
    "gen.progress.start": N_("Checking the request…"),
    "gen.progress": N_("Searching… {percent} % done"),
    "gen.progress.best": N_("Best plan so far: **{value}** of day trips cut · {iterations} iterations · "
                            "{state}"),
    "gen.valid": N_("meets every constraint"),
    "gen.invalid": N_("not yet valid"),
    "gen.infeasible": N_("This request cannot be met"),
    "gen.cancelled": N_("The search was stopped; showing the best plan found so far."),
    "gen.result": N_("Result"),
    "gen.result.valid": N_("A valid plan with {k} companies: {value} of day trips cross a company border "
                           "({iterations} iterations in {seconds} s)."),
    "gen.result.invalid": N_("No plan meeting every constraint was found (still broken: {problems}). Allow "
                             "more iterations or relax a constraint."),
    "gen.result.cancelled": N_("Stopped early by you."),
    "gen.parish.note": N_("Parish plan: metrics and map show each municipality in the company holding most "
                          "of its (modelled) overnight stays. Parish overnight stays and flows are "
                          "apportioned from municipal figures by area."),
    "gen.parish.split": N_("{count} municipalities are split between companies:"),
    "gen.parish.shares": N_("Shares of stays per company"),
    "gen.save": N_("Save as scenario"),
    "gen.open": N_("Open in the editor"),
    "gen.saved": N_("Saved {name} (version {version}). Find it in the editor's saved scenarios."),
    "repair.intro": N_("Find the fewest municipality moves that make every company contiguous and at or "
                       "above the floor. Locked companies are left as they are."),
    "repair.source": N_("Plan to repair"),
    "repair.upload": N_("A plan CSV"),
    "repair.run": N_("Find the moves"),
    "repair.none": N_("The plan is already valid: no moves needed."),
    "repair.impossible": N_("No moves can repair this plan (see the notes)."),
    "repair.optimal": N_("**{count} moves** repair the plan; no repair with fewer exists."),
    "repair.heuristic": N_("**{count} moves** repair the plan (found by a heuristic; at least {bound} are "
                           "needed)."),
    "repair.move": N_("{n}. **{municipality}**: {origin} → {target}"),
    "repair.accept": N_("Accept"),
    "repair.accept_all": N_("Accept all"),
    "repair.status": N_("{accepted} of {total} moves accepted · companies below the floor: {floor} · in "
                        "several parts: {split}"),
    "repair.open": N_("Open the accepted plan in the editor"),
    "repair.name": N_("{name} (repaired)"),
    "ens.intro": N_("Sample many valid plans with as many companies (ReCom recombination, as in "
                    "GerryChain) and see where a plan sits on each metric: is today's map an outlier on "
                    "border cut?"),
    "ens.plan": N_("Plan to place"),
    "ens.generated": N_("The last generated plan"),
    "ens.steps": N_("Plans to sample"),
    "ens.k": N_("Sampled plans: {k} companies, each contiguous and at or above {floor} overnight stays."),
    "ens.run": N_("Sample plans"),
    "ens.progress": N_("Sampling… {count} plans"),
    "ens.headline": N_("**{name}**: {value} of day trips cut, at the **{percentile}th percentile** of {n} "
                       "valid plans with {k} companies - {verdict}."),
    "ens.value": N_("Plan's value"),
    "ens.percentile": N_("Percentile"),
    "ens.range": N_("Range of the middle 95 %"),
    "ens.verdict": N_("Verdict"),
    "ens.verdict.typical": N_("typical"),
    "ens.verdict.low_outlier": N_("an outlier (in the lowest 2.5 %)"),
    "ens.verdict.high_outlier": N_("an outlier (in the highest 2.5 %)"),
    "ens.verdict.gap": N_("no data"),
    "ens.unaffiliated": N_("This plan leaves {count} municipalities unaffiliated; as everywhere in the "
                           "metrics, each counts as its own zone, while every sampled plan places all "
                           "municipalities in companies."),
    "repair.outlined": N_("Outlined: municipalities of the moves not yet accepted."),
    "ens.method": N_("Red line: the chosen plan. Sampled plans are valid (contiguous, at or above the "
                     "floor) but not weighted by how likely a planner is to draw them; the percentile says "
                     "how unusual a value is among valid plans."),
}
