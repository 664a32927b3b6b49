"""Packaging detail pyproject.toml cannot express: ship the top-level geodata/ folder inside the
package (as ``destinations/geodata``), so a plain ``pip install .`` runs without a checkout.
Everything else about the project is declared in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["destinations", "destinations.*"]), "destinations.geodata"],
    package_dir={"destinations.geodata": "geodata"},
    package_data={"destinations.geodata": ["*.csv", "*.geojson", "*.json", "*.md"]},
)
