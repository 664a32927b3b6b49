"""Packaging details pyproject.toml cannot express:

* ship the top-level ``geodata/`` and ``locales/`` folders inside the package (as
  ``destinations/geodata`` and ``destinations/locales``), so a plain ``pip install .`` runs
  without a checkout;
* compile the gettext catalogs (``.po`` -> ``.mo``) while building.

Everything else about the project is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    """build_py that also compiles every locales/<lang>/LC_MESSAGES/*.po into the build."""

    def run(self):
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("locales").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib) / "destinations" / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.open("wb") as out:
                write_mo(out, read_po(source, locale=po.parts[1]), use_fuzzy=False)


setup(
    packages=[*find_packages(include=["destinations", "destinations.*"]), "destinations.geodata",
              "destinations.locales"],
    package_dir={"destinations.geodata": "geodata", "destinations.locales": "locales"},
    package_data={"destinations.geodata": ["*.csv", "*.geojson", "*.json", "*.md"],
                  "destinations.locales": ["*/LC_MESSAGES/*.po", "*.pot"]},
    cmdclass={"build_py": BuildWithCatalogs},
)
