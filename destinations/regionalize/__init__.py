"""Scenario generators: optimised plans, repair, ensembles and parish mode (see each module)."""
