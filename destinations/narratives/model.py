"""Story and step records, their JSON schema, parsing and validation.

A story is a theme, a bilingual title, a bilingual introduction (why this story, for whom, in which
season) and ordered steps; each step names attractions and/or municipalities, carries bilingual
prose (``body``: what the guest experiences there), a bilingual *facts box* (``facts``: one fact or
data note per line - figures with source and year, gaps, approximate positions, estimated travel
times; kept out of the prose on purpose), an optional map view, visible layers, an optional
itinerary id and media (links, or images whose bytes the store keeps, see :class:`ImageRef`).
Records are frozen and JSON-serialisable: ``Story.from_dict(s.to_dict()) == s``; documents written
before ``intro``/``facts``/``licence``/``image`` existed still parse (the fields default to empty).

Validation runs in two passes so that messages stay precise:

1. :data:`STORY_SCHEMA` (JSON Schema 2020-12) checks shape, types and lengths; every violation is
   reported with its JSON path (``steps[2].title.en``).
2. :func:`validate_story` checks what a schema cannot: unique step ids, attraction ids and
   municipality codes that exist in the loaded base data, media URLs that are really http(s) and map
   centres inside Denmark. Messages name the step.

Markup in titles or texts is *kept as text*: it is not an error (a title may legitimately contain
``<`` or ``&``), every renderer escapes it, and :func:`markup_warnings` tells the editor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from urllib.parse import urlparse

import jsonschema

from destinations.errors import DestinationsError

SCHEMA_VERSION = 1

#: Length limits (characters). Titles fit a list row; bodies a few paragraphs, not an article.
TITLE_MAX = 160
BODY_MAX = 6000
INTRO_MAX = 3000
FACTS_MAX = 3000
LICENCE_MAX = 120
CAPTION_MAX = 300
CREDIT_MAX = 200
ALT_MAX = 300
URL_MAX = 2000
STEPS_MAX = 40
PLACES_PER_STEP_MAX = 30
LAYERS_MAX = 12
MEDIA_PER_STEP_MAX = 10

#: Ids are lower-case slugs so they can stand in URLs (``?story=…&step=…``) and HTML anchors.
ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
#: Denmark with a margin (WGS84): lon_min, lat_min, lon_max, lat_max. Same box the attraction loader
#: uses for a first plausibility check.
DK_BOUNDS = (7.8, 54.4, 15.4, 57.9)

#: Layers a step may ask the map to show. Unknown names are rejected so typos do not pass silently.
KNOWN_LAYERS = ("companies", "municipalities", "borders", "attractions", "travel-graph", "itinerary")
DEFAULT_LAYERS = ("companies", "attractions")

#: Image types a step may carry (what :func:`destinations.narratives.media.prepare_image` produces).
IMAGE_MIMES = ("image/jpeg", "image/png")
SHA256_PATTERN = r"^[0-9a-f]{64}$"

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&[a-zA-Z#][a-zA-Z0-9]*;|javascript:", re.IGNORECASE)


def slug(text: str, *, fallback: str = "item") -> str:
    """Lower-case ASCII id: 'Kronborg Slot' -> 'kronborg-slot' (Danish letters transliterated)."""
    value = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")[:60].strip("-")
    return value or fallback


class NarrativeError(DestinationsError):
    """A story is invalid or cannot be found.

    Parameters
    ----------
    where
        What is concerned, e.g. ``"story 'wadden-sea', step 'mandoe'"`` or a file path.
    problems
        One line per problem found (all of them, not only the first).
    fix
        How to fix it.
    """

    def __init__(self, where: str, problems: Iterable[str], fix: str = "") -> None:
        self.where = where
        self.problems = tuple(problems)
        self.fix = fix
        message = f"{where}: " + "; ".join(p.rstrip(". ") for p in self.problems)
        if fix:
            message += f". Fix: {fix}"
        super().__init__(message)


@dataclass(frozen=True)
class LocalText:
    """The same text in English and Danish."""

    en: str
    da: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("en" or "da"); English for any other language."""
        return self.da if lang == "da" else self.en

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "da": self.da}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> "LocalText":
        return cls(en=str(data["en"]), da=str(data["da"]))

    @classmethod
    def same(cls, text: str) -> "LocalText":
        """One text for both languages (a proper name)."""
        return cls(en=text, da=text)


@dataclass(frozen=True)
class MapView:
    """Where the map looks: ``center`` (lat, lon) in WGS84 and a Leaflet ``zoom`` level."""

    center: tuple[float, float]
    zoom: int

    def to_dict(self) -> dict[str, Any]:
        return {"center": [self.center[0], self.center[1]], "zoom": self.zoom}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "MapView":
        lat, lon = data["center"]
        return cls(center=(float(lat), float(lon)), zoom=int(data["zoom"]))


@dataclass(frozen=True)
class ImageRef:
    """A stored image: the store keeps the bytes under ``sha256`` (of the re-encoded bytes).

    Only images re-encoded by :func:`destinations.narratives.media.prepare_image` are referenced,
    so ``mime`` is one of :data:`IMAGE_MIMES` and the bytes carry no metadata.
    """

    sha256: str
    mime: str
    width: int
    height: int
    size: int  # bytes

    def to_dict(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "mime": self.mime, "width": self.width,
                "height": self.height, "size": self.size}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ImageRef":
        return cls(sha256=str(data["sha256"]), mime=str(data["mime"]), width=int(data["width"]),
                   height=int(data["height"]), size=int(data["size"]))


@dataclass(frozen=True)
class Media:
    """A picture of a step: a stored ``image`` or a link ``url`` (one of them), all text plain.

    ``alt`` (alternative text) is required for images: it is what a screen reader says and what a
    printout without pictures shows. ``credit`` names the photographer or owner, ``licence`` the
    terms (e.g. "CC BY 4.0", "used with permission").
    """

    url: str = ""
    caption: str = ""
    credit: str = ""
    alt: str = ""
    licence: str = ""
    image: ImageRef | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "caption": self.caption, "credit": self.credit,
                               "alt": self.alt, "licence": self.licence}
        out["image"] = None if self.image is None else self.image.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Media":
        image = data.get("image")
        return cls(url=str(data.get("url", "")), caption=str(data.get("caption", "")),
                   credit=str(data.get("credit", "")), alt=str(data.get("alt", "")),
                   licence=str(data.get("licence", "")),
                   image=None if image is None else ImageRef.from_dict(image))


@dataclass(frozen=True)
class Step:
    """One step of a story.

    ``attractions`` are ids from ``base.attractions``; ``municipalities`` are extra kommune codes
    (a step's places are both together). ``map`` None means "derive the view from the places".
    ``body`` is the prose; ``facts`` the facts box, one fact per line (see the module docstring).
    """

    id: str
    title: LocalText
    body: LocalText
    attractions: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    map: MapView | None = None
    layers: tuple[str, ...] = DEFAULT_LAYERS
    itinerary_id: str | None = None
    media: tuple[Media, ...] = ()
    facts: LocalText = LocalText("", "")

    def fact_lines(self, lang: str) -> tuple[str, ...]:
        """The facts box in ``lang`` as its non-empty lines."""
        return tuple(line.strip() for line in self.facts.get(lang).splitlines() if line.strip())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title.to_dict(),
            "body": self.body.to_dict(),
            "facts": self.facts.to_dict(),
            "attractions": list(self.attractions),
            "municipalities": list(self.municipalities),
            "map": None if self.map is None else self.map.to_dict(),
            "layers": list(self.layers),
            "itinerary_id": self.itinerary_id,
            "media": [m.to_dict() for m in self.media],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Step":
        view = data.get("map")
        return cls(
            id=str(data["id"]),
            title=LocalText.from_dict(data["title"]),
            body=LocalText.from_dict(data["body"]),
            facts=LocalText.from_dict(data.get("facts") or {"en": "", "da": ""}),
            attractions=tuple(str(a) for a in data.get("attractions", ())),
            municipalities=tuple(str(c) for c in data.get("municipalities", ())),
            map=None if view is None else MapView.from_dict(view),
            layers=tuple(str(x) for x in data.get("layers", DEFAULT_LAYERS)),
            itinerary_id=data.get("itinerary_id"),
            media=tuple(Media.from_dict(m) for m in data.get("media", ())),
        )


@dataclass(frozen=True)
class Story:
    """A narrative: ``theme`` (a slug such as ``wadden-sea``), bilingual title and ordered steps.

    ``scenario_id`` optionally binds the story to a saved scenario (None: the one being viewed).
    """

    id: str
    theme: str
    title: LocalText
    steps: tuple[Step, ...]
    scenario_id: str | None = None
    origin: str = "user"  # "builtin" for the stories this package ships
    intro: LocalText = LocalText("", "")

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise NarrativeError(f"story {self.id!r}", [f"no step {step_id!r}"],
                             f"use one of {[s.id for s in self.steps]}")

    def step_index(self, step_id: str) -> int:
        """Position of step ``step_id`` (0-based); raises :class:`NarrativeError` if absent."""
        return self.steps.index(self.step(step_id))

    @property
    def attraction_ids(self) -> tuple[str, ...]:
        """Every attraction of the story once, in step order."""
        seen: dict[str, None] = {}
        for step in self.steps:
            for ident in step.attractions:
                seen.setdefault(ident, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "theme": self.theme,
            "title": self.title.to_dict(),
            "intro": self.intro.to_dict(),
            "scenario_id": self.scenario_id,
            "origin": self.origin,
            "steps": [s.to_dict() for s in self.steps],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Story":
        """Build from a dict that already passed :data:`STORY_SCHEMA` (use :func:`parse_story`)."""
        return cls(
            id=str(data["id"]),
            theme=str(data["theme"]),
            title=LocalText.from_dict(data["title"]),
            intro=LocalText.from_dict(data.get("intro") or {"en": "", "da": ""}),
            steps=tuple(Step.from_dict(s) for s in data["steps"]),
            scenario_id=data.get("scenario_id"),
            origin=str(data.get("origin", "user")),
        )


def _text(max_length: int, *, min_length: int = 0) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _local(max_length: int, *, min_length: int = 0) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["en", "da"],
        "additionalProperties": False,
        "properties": {"en": _text(max_length, min_length=min_length),
                       "da": _text(max_length, min_length=min_length)},
    }


_ID = {"type": "string", "pattern": ID_PATTERN}

#: JSON Schema (2020-12) of a story document.
STORY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://destinations.invalid/schemas/story-v1.json",
    "title": "Story (shared narrative / story map)",
    "type": "object",
    "required": ["id", "theme", "title", "steps"],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "id": _ID,
        "theme": _ID,
        "title": _local(TITLE_MAX, min_length=1),
        "intro": _local(INTRO_MAX),
        "scenario_id": {"type": ["string", "null"], "minLength": 1, "maxLength": 200},
        "origin": {"enum": ["builtin", "user"]},
        "steps": {
            "type": "array",
            "minItems": 1,
            "maxItems": STEPS_MAX,
            "items": {
                "type": "object",
                "required": ["id", "title", "body"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "title": _local(TITLE_MAX, min_length=1),
                    "body": _local(BODY_MAX),
                    "facts": _local(FACTS_MAX),
                    "attractions": {"type": "array", "maxItems": PLACES_PER_STEP_MAX,
                                    "items": _ID, "uniqueItems": True},
                    "municipalities": {"type": "array", "maxItems": PLACES_PER_STEP_MAX,
                                       "items": {"type": "string", "pattern": r"^[0-9]{3}$"},
                                       "uniqueItems": True},
                    "map": {
                        "type": ["object", "null"],
                        "required": ["center", "zoom"],
                        "additionalProperties": False,
                        "properties": {
                            "center": {"type": "array", "minItems": 2, "maxItems": 2,
                                       "prefixItems": [
                                           {"type": "number", "minimum": -90, "maximum": 90},
                                           {"type": "number", "minimum": -180, "maximum": 180}]},
                            "zoom": {"type": "integer", "minimum": 1, "maximum": 18},
                        },
                    },
                    "layers": {"type": "array", "maxItems": LAYERS_MAX, "uniqueItems": True,
                               "items": {"enum": list(KNOWN_LAYERS)}},
                    "itinerary_id": {"type": ["string", "null"], "minLength": 1, "maxLength": 200},
                    "media": {
                        "type": "array",
                        "maxItems": MEDIA_PER_STEP_MAX,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                "url": {"type": "string", "maxLength": URL_MAX,
                                        "pattern": r"^(?:[hH][tT][tT][pP][sS]?://.*)?$"},
                                "caption": _text(CAPTION_MAX),
                                "credit": _text(CREDIT_MAX),
                                "alt": _text(ALT_MAX),
                                "licence": _text(LICENCE_MAX),
                                "image": {
                                    "type": ["object", "null"],
                                    "required": ["sha256", "mime", "width", "height", "size"],
                                    "additionalProperties": False,
                                    "properties": {
                                        "sha256": {"type": "string", "pattern": SHA256_PATTERN},
                                        "mime": {"enum": list(IMAGE_MIMES)},
                                        "width": {"type": "integer", "minimum": 1},
                                        "height": {"type": "integer", "minimum": 1},
                                        "size": {"type": "integer", "minimum": 1},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}

_VALIDATOR = jsonschema.Draft202012Validator(STORY_SCHEMA)


def _json_path(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = _json_path(error.absolute_path)
    validator = error.validator
    if validator == "required":
        return f"{where}: {error.message}"
    if validator == "additionalProperties":
        return f"{where}: {error.message}"
    if validator == "pattern" and error.absolute_path and error.absolute_path[-1] == "url":
        return f"{where}: media URL must start with http:// or https:// (got {_short(error.instance)})"
    if validator == "pattern" and error.absolute_path and error.absolute_path[-1] == "sha256":
        return f"{where}: not a SHA-256 hex digest (got {_short(error.instance)})"
    if validator == "pattern":
        return (f"{where}: {_short(error.instance)} is not a valid id or code "
                "(lower-case letters, digits and '-'; municipality codes are three digits)")
    if validator == "maxLength":
        return f"{where}: text is {len(error.instance)} characters, at most {error.validator_value}"
    if validator == "minLength":
        return f"{where}: must not be empty"
    if validator == "maxItems":
        return f"{where}: {len(error.instance)} items, at most {error.validator_value}"
    if validator == "minItems":
        return f"{where}: at least {error.validator_value} item(s) needed"
    if validator == "enum":
        return f"{where}: {_short(error.instance)} is not one of {error.validator_value}"
    return f"{where}: {error.message}"


def schema_problems(data: Any) -> list[str]:
    """Every schema violation of ``data`` as ``"json.path: what is wrong"`` lines (empty: valid)."""
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)),
                                                                  e.validator))
    return [_schema_message(e) for e in errors]


def parse_story(source: str | bytes | Mapping[str, Any], *, base: Any | None = None,
                where: str = "story JSON") -> Story:
    """Parse and validate a story from JSON text or an already decoded mapping.

    Parameters
    ----------
    source
        JSON text (str/bytes) or a mapping.
    base
        Loaded :class:`~destinations.data.base.BaseData`; when given, attraction ids and municipality
        codes are checked against it (:func:`validate_story`).
    where
        Names the input in messages (a file name, "uploaded file").

    Raises
    ------
    NarrativeError
        Bad JSON (with line and column), schema violations (with JSON paths) or unknown places.
    """
    if isinstance(source, (str, bytes)):
        try:
            data = json.loads(source)
        except json.JSONDecodeError as exc:
            raise NarrativeError(where, [f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                                         f"column {exc.colno}"],
                                 "check quotes, commas and brackets, or export a story and start "
                                 "from that file") from exc
        except UnicodeDecodeError as exc:
            raise NarrativeError(where, ["not UTF-8 text"], "save the file as UTF-8") from exc
    else:
        data = source
    problems = schema_problems(data)
    if problems:
        ident = data.get("id") if isinstance(data, Mapping) else None
        label = f"{where} (story {ident!r})" if isinstance(ident, str) else where
        raise NarrativeError(label, problems, "see the story JSON schema (destinations.narratives."
                                              "STORY_SCHEMA)")
    story = Story.from_dict(data)
    if base is not None:
        validate_story(story, base)
    return story


def story_problems(story: Story, base: Any | None = None) -> list[str]:
    """Semantic problems of ``story`` (empty: valid). ``base`` enables the place checks."""
    problems = schema_problems(story.to_dict())
    seen: set[str] = set()
    known_attractions = base.attraction_by_id if base is not None else None
    known_codes = set(base.codes) if base is not None else None
    for number, step in enumerate(story.steps, start=1):
        label = f"step {number} ({step.id!r})"
        if step.id in seen:
            problems.append(f"{label}: the step id is used twice; step ids must be unique")
        seen.add(step.id)
        if not step.attractions and not step.municipalities:
            problems.append(f"{label}: names no attraction and no municipality; pick at least one "
                            "place")
        if known_attractions is not None:
            unknown = [a for a in step.attractions if a not in known_attractions]
            if unknown:
                problems.append(f"{label}: unknown attraction id(s) {unknown}; ids come from the "
                                "attraction data (see `destinations attractions` or the map page)")
        if known_codes is not None:
            unknown_codes = [c for c in step.municipalities if c not in known_codes]
            if unknown_codes:
                problems.append(f"{label}: unknown municipality code(s) {unknown_codes}; use the "
                                "three-digit kommune codes, e.g. '101' for København")
        for position, media in enumerate(step.media, start=1):
            what = f"{label}, media {position}"
            if media.image is None and not media.url:
                problems.append(f"{what}: neither an image nor a link; upload a picture or give "
                                "an http(s) address")
            if media.image is not None and not media.alt.strip():
                problems.append(f"{what}: an image needs an alternative text (what it shows, for "
                                "screen readers and printouts without pictures)")
            if media.url:
                parsed = urlparse(media.url)
                if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc or any(
                        ch.isspace() for ch in media.url):
                    problems.append(f"{what}: media URL {_short(media.url)} is not an http(s) "
                                    "address")
        if step.map is not None:
            lat, lon = step.map.center
            lon_min, lat_min, lon_max, lat_max = DK_BOUNDS
            if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
                problems.append(f"{label}: map centre ({lat}, {lon}) lies outside Denmark; give "
                                "[latitude, longitude] in degrees, or leave the view empty")
    return problems


def validate_story(story: Story, base: Any | None = None) -> Story:
    """Return ``story`` unchanged if valid, else raise :class:`NarrativeError` listing all problems."""
    problems = story_problems(story, base)
    if problems:
        raise NarrativeError(f"story {story.id!r}", problems,
                             "correct the listed steps and validate again")
    return story


def markup_warnings(story: Story) -> list[str]:
    """Titles/texts that look like HTML or entities. They stay plain text: shown escaped, not run."""
    warnings: list[str] = []

    def check(label: str, text: LocalText) -> None:
        for lang in ("en", "da"):
            match = _MARKUP.search(text.get(lang))
            if match:
                warnings.append(f"{label} ({lang}) contains markup-like text {match.group(0)!r}; it "
                                "is shown as plain text, not as HTML")

    check("story title", story.title)
    check("story introduction", story.intro)
    for number, step in enumerate(story.steps, start=1):
        check(f"step {number} ({step.id!r}) title", step.title)
        check(f"step {number} ({step.id!r}) text", step.body)
        check(f"step {number} ({step.id!r}) facts", step.facts)
    return warnings
