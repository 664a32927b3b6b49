"""Fixed links (bridges, tunnels, ferries) between and within municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from destinations.data.files import read_csv, to_float
from destinations.errors import DataError
from destinations.settings import Settings

FIXED_LINKS_FILE = "fixed_links.csv"
MODES = ("bridge", "tunnel", "ferry")


@dataclass(frozen=True)
class FixedLink:
    name: str
    mode: str  # bridge | tunnel | ferry
    from_code: str | None  # None: the far end is abroad (Ystad, Sassnitz)
    to_code: str | None
    from_place: str
    to_place: str
    crossing_minutes: float | None  # None where no source gave a time
    seasonal: bool | None  # None where the sources do not say
    notes: str
    source: str

    @property
    def international(self) -> bool:
        return self.from_code is None or self.to_code is None

    @property
    def internal(self) -> bool:
        """Both ends in the same municipality (e.g. Guldborgsund's bridges): no edge between nodes."""
        return not self.international and self.from_code == self.to_code

    @property
    def rail_only(self) -> bool:
        return "rail only" in self.notes.lower()


def load_fixed_links(settings: Settings) -> list[FixedLink]:
    path = settings.data_dir / FIXED_LINKS_FILE
    frame = read_csv(
        path,
        required=["link_name", "mode", "from_kommune_code", "to_kommune_code", "crossing_minutes",
                  "seasonal", "notes", "source"],
    )
    minutes = to_float(frame, "crossing_minutes", path, allow_missing=True)
    links = []
    for row, (record, crossing) in enumerate(zip(frame.to_dict("records"), minutes), start=2):
        mode = str(record["mode"]).strip().lower()
        if mode not in MODES:
            raise DataError(path, f"row {row}, column 'mode': expected one of {MODES}, found {mode!r}",
                            "correct the mode")
        seasonal_raw = record.get("seasonal")
        seasonal = None if seasonal_raw is None or seasonal_raw != seasonal_raw else (
            str(seasonal_raw).strip().lower() == "yes")
        links.append(
            FixedLink(
                name=str(record["link_name"]),
                mode=mode,
                from_code=_code(record["from_kommune_code"]),
                to_code=_code(record["to_kommune_code"]),
                from_place=str(record.get("from_place") or ""),
                to_place=str(record.get("to_place") or ""),
                crossing_minutes=None if crossing != crossing else float(crossing),
                seasonal=seasonal,
                notes=str(record.get("notes") or ""),
                source=str(record["source"]),
            )
        )
    return links


def _code(value: object) -> str | None:
    if value is None or value != value or str(value).strip() == "":
        return None
    return str(value).strip().split(".")[0]
