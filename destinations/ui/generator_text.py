"""UI strings of the plan generator page (English and Danish)."""

TEXT: dict[str, dict[str, str]] = {
    "gen.title": {"en": "Plan generator", "da": "Plangenerator"},
    "gen.intro": {
        "en": "Ask for the best plans under your constraints, repair a broken plan with the fewest "
              "moves, or see whether a plan is typical among all valid plans. Plans are contiguous "
              "on the travel graph (bridges and ferries connect) and minimise the day trips their "
              "borders cut (modelled flows).",
        "da": "Få de bedste planer under dine betingelser, reparér en plan med færrest mulige "
              "flytninger, eller se om en plan er typisk blandt alle gyldige planer. Planerne hænger "
              "sammen på rejsegrafen (broer og færger forbinder) og skærer færrest mulige dagsture "
              "over (modellerede strømme)."},
    "gen.mode": {"en": "What do you want to do?", "da": "Hvad vil du gøre?"},
    "gen.mode.generate": {"en": "Generate plans", "da": "Generér planer"},
    "gen.mode.repair": {"en": "Repair a plan", "da": "Reparér en plan"},
    "gen.mode.ensemble": {"en": "Is a plan typical?", "da": "Er en plan typisk?"},
    "gen.source.today": {"en": "Today's companies", "da": "Dagens selskaber"},
    "gen.source.editor": {"en": "The plan open in the editor: {name}",
                          "da": "Planen i editoren: {name}"},
    "gen.result.name": {"en": "Generated plan ({k} companies)",
                        "da": "Genereret plan ({k} selskaber)"},
    "gen.units": {"en": "Build companies from", "da": "Byg selskaber af"},
    "gen.units.municipality": {"en": "municipalities (98)", "da": "kommuner (98)"},
    "gen.units.parish": {"en": "parishes (about 2,150)", "da": "sogne (ca. 2.150)"},
    "gen.k": {"en": "Number of companies", "da": "Antal selskaber"},
    "gen.seed": {"en": "Random seed (same seed, same plan)", "da": "Tilfældighedsfrø (samme frø, samme plan)"},
    "gen.budget": {"en": "Iterations", "da": "Iterationer"},
    "gen.budget.help": {"en": "How much the search does, counted in steps: the same seed, settings and "
                              "iterations give the same plan on any machine.",
                        "da": "Hvor meget søgningen gør, talt i skridt: samme frø, indstillinger og "
                              "iterationer giver samme plan på enhver maskine."},
    "gen.time": {"en": "Time limit (seconds, a safety cap)", "da": "Tidsgrænse (sekunder, et loft)"},
    "gen.time.help": {"en": "Stops the search if the iterations take longer. A plan stopped by the "
                            "time limit may differ on another machine.",
                      "da": "Stopper søgningen, hvis iterationerne tager længere tid. En plan, der "
                            "stoppes af tidsgrænsen, kan blive en anden på en anden maskine."},
    "gen.balance": {"en": "Largest / smallest company at most (0 = no bound)",
                    "da": "Største / mindste selskab højst (0 = ingen grænse)"},
    "gen.balance.help": {"en": "Overnight stays of the largest company divided by the smallest's. "
                               "Without a bound, the search may make one giant company.",
                         "da": "Overnatninger i det største selskab delt med det mindstes. Uden en "
                               "grænse kan søgningen lave ét kæmpeselskab."},
    "gen.max_units.municipality": {"en": "Municipalities per company at most (0 = no bound)",
                                   "da": "Kommuner pr. selskab højst (0 = ingen grænse)"},
    "gen.max_units.parish": {"en": "Parishes per company at most (0 = no bound)",
                             "da": "Sogne pr. selskab højst (0 = ingen grænse)"},
    "gen.units.municipality.plural": {"en": "municipalities", "da": "kommuner"},
    "gen.units.parish.plural": {"en": "parishes", "da": "sogne"},
    "gen.max_units.help": {"en": "Set it lower (e.g. 10) for more compact companies.",
                           "da": "Sæt den lavere (fx 10) for mere samlede selskaber."},
    "gen.bounds.default": {"en": "Defaults from today's map:", "da": "Standardværdier fra dagens kort:"},
    "gen.bounds.basis": {"en": "balance bound {ratio} = today's 90th / 10th percentile company "
                               "overnights (today's largest / smallest is {today}); size bound {size} "
                               "{units} = today's largest company ({name}).",
                         "da": "balancegrænse {ratio} = forholdet mellem 90.- og 10.-percentilen af "
                               "dagens selskabers overnatninger (i dag er største / mindste {today}); "
                               "størrelsesgrænse {size} {units} = dagens største selskab ({name})."},
    "gen.stopped.budget": {"en": "Used its budget of {budget} iterations: the same seed and settings "
                                 "give this plan on any machine.",
                           "da": "Brugte sit budget på {budget} iterationer: samme frø og indstillinger "
                                 "giver denne plan på enhver maskine."},
    "gen.stopped.early": {"en": "Stopped after {iterations} of {budget} iterations with nothing left to "
                                "try: the same seed and settings give this plan on any machine.",
                          "da": "Stoppede efter {iterations} af {budget} iterationer, da der ikke var "
                                "mere at prøve: samme frø og indstillinger giver denne plan på enhver "
                                "maskine."},
    "gen.stopped.time": {"en": "Stopped by the time limit after {iterations} of {budget} iterations: "
                               "the plan may differ on another machine. Allow more time (or fewer "
                               "iterations) for a plan anyone can reproduce.",
                         "da": "Stoppet af tidsgrænsen efter {iterations} af {budget} iterationer: "
                               "planen kan blive en anden på en anden maskine. Giv mere tid (eller "
                               "færre iterationer) for en plan, alle kan genskabe."},
    "gen.binding": {"en": "What keeps the plan from cutting fewer day trips",
                    "da": "Hvad forhindrer planen i at skære færre dagsture over"},
    "gen.binding.floor": {"en": "the floor", "da": "gulvet"},
    "gen.binding.balance": {"en": "the balance bound", "da": "balancegrænsen"},
    "gen.binding.lighthouse": {"en": "the lighthouse rule", "da": "fyrtårnskravet"},
    "gen.binding.contiguity": {"en": "contiguity", "da": "sammenhæng"},
    "gen.binding.size": {"en": "the size bound", "da": "størrelsesgrænsen"},
    "gen.binding.companies": {"en": "the number of companies", "da": "antallet af selskaber"},
    "gen.binding.locks": {"en": "locks and groups kept together", "da": "låse og grupper, der holdes samlet"},
    "gen.binding.sentence": {"en": "{constraint}: moving {municipality} from {origin} to {target} would "
                                   "cut {saving} % fewer day trips, but {why} ({count} such moves).",
                             "da": "{constraint}: at flytte {municipality} fra {origin} til {target} ville "
                                   "skære {saving} % færre dagsture over, men {why} ({count} sådanne "
                                   "flytninger)."},
    "gen.binding.why.floor": {"en": "the company it leaves would drop below the floor of {floor} stays",
                              "da": "selskabet, den forlader, ville komme under gulvet på {floor} "
                                    "overnatninger"},
    "gen.binding.why.balance": {"en": "largest / smallest company would exceed {ratio}",
                                "da": "største / mindste selskab ville overstige {ratio}"},
    "gen.binding.why.lighthouse": {"en": "more companies than the {allowance} allowed would lack a "
                                         "lighthouse",
                                   "da": "flere selskaber end de tilladte {allowance} ville mangle et "
                                         "fyrtårn"},
    "gen.binding.why.contiguity": {"en": "the company it leaves would fall apart",
                                   "da": "selskabet, den forlader, ville falde fra hinanden"},
    "gen.binding.why.size": {"en": "the company it joins would exceed {max_units} municipalities",
                             "da": "selskabet, den kommer til, ville få flere end {max_units} kommuner"},
    "gen.binding.why.companies": {"en": "the company it leaves would be empty",
                                  "da": "selskabet, den forlader, ville blive tomt"},
    "gen.binding.why.locks": {"en": "a locked company or a group kept together would change",
                              "da": "et låst selskab eller en gruppe, der holdes samlet, ville ændre sig"},
    "repair.new": {"en": "a new company", "da": "et nyt selskab"},
    "gen.lighthouse": {"en": "Lighthouse attraction in every company",
                       "da": "Fyrtårnsattraktion i hvert selskab"},
    "gen.lighthouse.where_possible": {"en": "where the data allow", "da": "hvor data tillader det"},
    "gen.lighthouse.all": {"en": "required for every company", "da": "krævet for alle selskaber"},
    "gen.lighthouse.off": {"en": "not required", "da": "ikke krævet"},
    "gen.start": {"en": "Start from", "da": "Start fra"},
    "gen.start.none": {"en": "nothing (a fresh partition)", "da": "intet (en ny opdeling)"},
    "gen.lock": {"en": "Keep these companies as they are", "da": "Behold disse selskaber uændret"},
    "gen.choose": {"en": "Choose (type to search)…", "da": "Vælg (skriv for at søge)…"},
    "gen.together": {"en": "Keep these municipalities together", "da": "Hold disse kommuner sammen"},
    "gen.floor_note": {"en": "Every company must reach the floor of {floor} overnight stays (set in "
                             "the sidebar with the other assumptions).",
                       "da": "Hvert selskab skal nå gulvet på {floor} overnatninger (sættes i "
                             "sidepanelet sammen med de andre antagelser)."},
    "gen.run": {"en": "Generate", "da": "Generér"},
    "gen.cancel": {"en": "Cancel", "da": "Afbryd"},
    "gen.progress.start": {"en": "Checking the request…", "da": "Tjekker ønsket…"},
    "gen.progress": {"en": "Searching… {percent} % done",
                     "da": "Søger… {percent} % udført"},
    "gen.progress.best": {"en": "Best plan so far: **{value}** of day trips cut · {iterations} "
                                "iterations · {state}",
                          "da": "Bedste plan indtil nu: **{value}** af dagsturene skåret over · "
                                "{iterations} iterationer · {state}"},
    "gen.valid": {"en": "meets every constraint", "da": "overholder alle betingelser"},
    "gen.invalid": {"en": "not yet valid", "da": "endnu ikke gyldig"},
    "gen.infeasible": {"en": "This request cannot be met", "da": "Ønsket kan ikke opfyldes"},
    "gen.cancelled": {"en": "The search was stopped; showing the best plan found so far.",
                      "da": "Søgningen blev stoppet; her er den bedste plan fundet indtil da."},
    "gen.result": {"en": "Result", "da": "Resultat"},
    "gen.result.valid": {"en": "A valid plan with {k} companies: {value} of day trips cross a "
                               "company border ({iterations} iterations in {seconds} s).",
                         "da": "En gyldig plan med {k} selskaber: {value} af dagsturene krydser en "
                               "selskabsgrænse ({iterations} iterationer på {seconds} s)."},
    "gen.result.invalid": {"en": "No plan meeting every constraint was found (still broken: "
                                 "{problems}). Allow more iterations or relax a constraint.",
                           "da": "Ingen plan, der overholder alle betingelser, blev fundet (stadig "
                                 "brudt: {problems}). Giv flere iterationer eller løsn en betingelse."},
    "gen.result.cancelled": {"en": "Stopped early by you.", "da": "Stoppet før tid af dig."},
    "gen.parish.note": {"en": "Parish plan: metrics and map show each municipality in the company "
                              "holding most of its (modelled) overnight stays. Parish overnight "
                              "stays and flows are apportioned from municipal figures by area.",
                        "da": "Sogneplan: nøgletal og kort viser hver kommune i det selskab, der "
                              "har flest af dens (modellerede) overnatninger. Sognenes "
                              "overnatninger og strømme er fordelt fra kommunetal efter areal."},
    "gen.parish.split": {"en": "{count} municipalities are split between companies:",
                         "da": "{count} kommuner er delt mellem selskaber:"},
    "gen.parish.shares": {"en": "Shares of stays per company", "da": "Andele af overnatninger pr. selskab"},
    "gen.save": {"en": "Save as scenario", "da": "Gem som scenarie"},
    "gen.open": {"en": "Open in the editor", "da": "Åbn i editoren"},
    "gen.saved": {"en": "Saved {name} (version {version}). Find it in the editor's saved scenarios.",
                  "da": "Gemt {name} (version {version}). Find det under gemte scenarier i editoren."},
    "repair.intro": {"en": "Find the fewest municipality moves that make every company contiguous "
                           "and at or above the floor. Locked companies are left as they are.",
                     "da": "Find de færreste flytninger af kommuner, der gør alle selskaber "
                           "sammenhængende og over gulvet. Låste selskaber røres ikke."},
    "repair.source": {"en": "Plan to repair", "da": "Plan der skal repareres"},
    "repair.upload": {"en": "A plan CSV", "da": "En plan som CSV"},
    "repair.run": {"en": "Find the moves", "da": "Find flytningerne"},
    "repair.none": {"en": "The plan is already valid: no moves needed.",
                    "da": "Planen er allerede gyldig: ingen flytninger nødvendige."},
    "repair.impossible": {"en": "No moves can repair this plan (see the notes).",
                          "da": "Ingen flytninger kan reparere planen (se noterne)."},
    "repair.optimal": {"en": "**{count} moves** repair the plan; no repair with fewer exists.",
                       "da": "**{count} flytninger** reparerer planen; ingen reparation med færre findes."},
    "repair.heuristic": {"en": "**{count} moves** repair the plan (found by a heuristic; at least "
                               "{bound} are needed).",
                         "da": "**{count} flytninger** reparerer planen (fundet heuristisk; mindst "
                               "{bound} er nødvendige)."},
    "repair.move": {"en": "{n}. **{municipality}**: {origin} → {target}",
                    "da": "{n}. **{municipality}**: {origin} → {target}"},
    "repair.accept": {"en": "Accept", "da": "Godkend"},
    "repair.accept_all": {"en": "Accept all", "da": "Godkend alle"},
    "repair.status": {"en": "{accepted} of {total} moves accepted · companies below the floor: "
                            "{floor} · in several parts: {split}",
                      "da": "{accepted} af {total} flytninger godkendt · selskaber under gulvet: "
                            "{floor} · i flere dele: {split}"},
    "repair.open": {"en": "Open the accepted plan in the editor",
                    "da": "Åbn den godkendte plan i editoren"},
    "repair.name": {"en": "{name} (repaired)", "da": "{name} (repareret)"},
    "ens.intro": {"en": "Sample many valid plans with as many companies (ReCom recombination, as in "
                        "GerryChain) and see where a plan sits on each metric: is today's map an "
                        "outlier on border cut?",
                  "da": "Træk mange gyldige planer med lige så mange selskaber (ReCom-"
                        "rekombination som i GerryChain) og se, hvor en plan ligger på hvert "
                        "nøgletal: er dagens kort en yderlighed på grænseskæring?"},
    "ens.plan": {"en": "Plan to place", "da": "Plan der skal placeres"},
    "ens.generated": {"en": "The last generated plan", "da": "Den senest genererede plan"},
    "ens.steps": {"en": "Plans to sample", "da": "Antal planer"},
    "ens.k": {"en": "Sampled plans: {k} companies, each contiguous and at or above {floor} "
                    "overnight stays.",
              "da": "Planerne har {k} selskaber, hver sammenhængende og med mindst {floor} "
                    "overnatninger."},
    "ens.run": {"en": "Sample plans", "da": "Træk planer"},
    "ens.progress": {"en": "Sampling… {count} plans", "da": "Trækker… {count} planer"},
    "ens.headline": {"en": "**{name}**: {value} of day trips cut, at the **{percentile}th "
                           "percentile** of {n} valid plans with {k} companies - {verdict}.",
                     "da": "**{name}**: {value} af dagsturene skåret over, ved **{percentile}. "
                           "percentil** af {n} gyldige planer med {k} selskaber - {verdict}."},
    "ens.value": {"en": "Plan's value", "da": "Planens værdi"},
    "ens.percentile": {"en": "Percentile", "da": "Percentil"},
    "ens.range": {"en": "Middle 95 % of plans", "da": "Midterste 95 % af planerne"},
    "ens.verdict": {"en": "Verdict", "da": "Vurdering"},
    "ens.verdict.typical": {"en": "typical", "da": "typisk"},
    "ens.verdict.low_outlier": {"en": "an outlier (lower than 97.5 % of plans)",
                                "da": "en yderlighed (lavere end 97,5 % af planerne)"},
    "ens.verdict.high_outlier": {"en": "an outlier (higher than 97.5 % of plans)",
                                 "da": "en yderlighed (højere end 97,5 % af planerne)"},
    "ens.verdict.gap": {"en": "no data", "da": "ingen data"},
    "ens.unaffiliated": {"en": "This plan leaves {count} municipalities unaffiliated; as everywhere "
                              "in the metrics, each counts as its own zone, while every sampled plan "
                              "places all municipalities in companies.",
                        "da": "Planen har {count} kommuner uden selskab; som overalt i nøgletallene "
                              "tæller hver som sin egen zone, mens alle trukne planer placerer alle "
                              "kommuner i selskaber."},
    "repair.outlined": {"en": "Outlined: municipalities of the moves not yet accepted.",
                        "da": "Fremhævet: kommuner i de flytninger, der endnu ikke er godkendt."},
    "ens.method": {"en": "Red line: the chosen plan. Sampled plans are valid (contiguous, at or "
                         "above the floor) but not weighted by how likely a planner is to draw "
                         "them; the percentile says how unusual a value is among valid plans.",
                   "da": "Rød linje: den valgte plan. De trukne planer er gyldige (sammenhængende, "
                         "over gulvet), men ikke vægtet efter hvor sandsynlige de er; percentilen "
                         "siger, hvor usædvanlig en værdi er blandt gyldige planer."},
}
