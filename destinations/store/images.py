"""Pictures of story steps in the store: content-addressed bytes, kept as long as a story version
uses them.

A story holds only :class:`~destinations.narratives.model.ImageRef` (digest, type, size); the bytes
live here, one row per SHA-256 in the table ``story_images`` beside ``documents`` (same database,
same engine conventions as :mod:`destinations.store.documents`: SQLite by default, PostgreSQL by
URL, tables created when missing).

* :meth:`ImageStore.put_image` stores the bytes :func:`~destinations.narratives.media.prepare_image`
  produced (re-encoded JPEG or PNG, no metadata, at most :data:`MAX_SIDE` pixels) under their
  SHA-256 and returns it. The same bytes twice are stored once. Server-side it refuses what
  ``prepare_image`` never produces, whatever the client sent: more than
  :data:`~destinations.narratives.media.MAX_UPLOAD_BYTES`, anything but JPEG/PNG by content, EXIF,
  colour profiles, text chunks, bytes after the end of the picture, larger pictures.
* :meth:`ImageStore.get_image` returns the bytes of a digest (None when unknown); the exporter
  takes it as ``images=``.
* :func:`require_stored_images` is what :meth:`StoryStore.save` calls: a story whose picture is not
  stored (or is stored with another type or size than the story says), or with more than
  :data:`~destinations.narratives.model.MEDIA_PER_STEP_MAX` pictures in a step, is refused and
  nothing is saved.
* :meth:`ImageStore.remove_unused` is the only delete: it keeps every picture that any stored
  version of any story mentions (deleted stories and old versions stay restorable with their
  pictures) and every picture stored or uploaded again within ``older_than`` (a picture uploaded
  for a draft that is being saved right now is not yet referenced).

Error boundary: as the document store, every database failure is
:class:`~destinations.errors.StoreUnavailable` or :class:`~destinations.errors.StoreError` with a
message fit for visitors; refused pictures are
:class:`~destinations.narratives.media.MediaError` (wrong content) or
:class:`~destinations.errors.StoreLimitError` (too large).
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from datetime import datetime, timedelta, timezone
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from destinations.collab import rights
from destinations.collab.identity import current_identity
from destinations.collab.roles import Identity
from destinations.errors import StoreLimitError
from destinations.narratives.media import MAX_SIDE, MAX_UPLOAD_BYTES, MediaError, PreparedImage
from destinations.narratives.model import MEDIA_PER_STEP_MAX, NarrativeError, Story
from destinations.store.access import principal_for
from destinations.store.documents import DocumentStore, database_boundary, documents

#: The document kind whose versions reference pictures (``destinations.store.stories.STORY_KIND``;
#: not imported from there because that module imports this one).
STORY_KIND = "story"
#: How long an unreferenced picture is kept after it was stored (or uploaded again).
UNUSED_GRACE = timedelta(days=1)
#: The picture types ``prepare_image`` writes, by their first bytes, and how each must end.
_FORMATS = {"image/jpeg": (b"\xff\xd8\xff", b"\xff\xd9"),
            "image/png": (b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82")}
#: What Pillow reports for a JPEG/PNG that ``prepare_image`` wrote; anything else in ``info`` is
#: metadata (EXIF, XMP, ICC profile, comments, text chunks) that the re-encoding would have dropped.
_PLAIN_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive",
               "progression", "adobe", "adobe_transform"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MENTIONED = re.compile(r"[0-9a-f]{64}")

_metadata = sa.MetaData()

story_images = sa.Table(
    "story_images", _metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("mime", sa.String(20), nullable=False),
    sa.Column("width", sa.Integer, nullable=False),
    sa.Column("height", sa.Integer, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    # When the picture was stored or last uploaded again (the grace period of remove_unused).
    sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _refuse(problem: str) -> MediaError:
    return MediaError("picture for the store", [problem],
                      "upload the picture through the story editor, which re-encodes it "
                      "(destinations.narratives.media.prepare_image)")


def check_prepared(data: bytes) -> tuple[str, int, int]:
    """``(mime, width, height)`` of bytes that look like ``prepare_image`` output; raises otherwise.

    Raises
    ------
    StoreLimitError
        More than :data:`~destinations.narratives.media.MAX_UPLOAD_BYTES`.
    MediaError
        Empty, not a JPEG/PNG by content, carrying metadata or trailing bytes, damaged, or larger
        than :data:`~destinations.narratives.media.MAX_SIDE` pixels on a side.
    """
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise _refuse("no picture bytes were given")
    if len(data) > MAX_UPLOAD_BYTES:
        raise StoreLimitError(f"Not saved: the picture has {len(data) / 2**20:.1f} MB, at most "
                              f"{MAX_UPLOAD_BYTES // 2**20} MB are allowed. Scale it down and "
                              "upload it again.")
    mime = next((m for m, (head, _) in _FORMATS.items() if data.startswith(head)), None)
    if mime is None:
        raise _refuse("the bytes are not a JPEG or PNG picture")
    if not bytes(data).endswith(_FORMATS[mime][1]):
        raise _refuse("there are bytes after the end of the picture (or it is cut off)")
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                expected = {"image/jpeg": ("JPEG", "RGB"), "image/png": ("PNG", "RGBA")}[mime]
                if (picture.format, picture.mode) != expected:
                    raise _refuse(f"a {picture.format} picture in mode {picture.mode} is not what "
                                  "the editor stores")
                extra = sorted(set(picture.info) - _PLAIN_INFO)
                if extra or getattr(picture, "text", None):
                    raise _refuse(f"the picture carries metadata ({', '.join(extra) or 'text'})")
                width, height = picture.size
                if max(width, height) > MAX_SIDE:
                    raise _refuse(f"the picture has {width} x {height} pixels, more than "
                                  f"{MAX_SIDE} on a side")
                picture.load()
    except MediaError:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for damaged files
        raise _refuse(f"the picture cannot be read ({type(exc).__name__})") from None
    return mime, width, height


def image_refs(story: Story) -> list[tuple[int, str, int, object]]:
    """``(step number, step id, picture number, ImageRef)`` of every stored picture of ``story``."""
    return [(number, step.id, position, media.image)
            for number, step in enumerate(story.steps, start=1)
            for position, media in enumerate(step.media, start=1) if media.image is not None]


class ImageStore:
    """Picture bytes by SHA-256 on the document store's database (see the module docstring).

    Parameters
    ----------
    target
        A :class:`DocumentStore`, a database URL or an engine. The table is created when missing.
    """

    def __init__(self, target: DocumentStore | str | Engine) -> None:
        if isinstance(target, DocumentStore):
            self.engine = target.engine
        else:
            self.engine = DocumentStore(target).engine
        with database_boundary("create image table", STORY_KIND, writing=False):
            _metadata.create_all(self.engine)

    def put_image(self, data: bytes | PreparedImage, *, actor: Identity | None = None) -> str:
        """Store re-encoded picture bytes once under their SHA-256; returns the digest.

        Idempotent: storing the same bytes again changes nothing but their grace period (see
        :meth:`remove_unused`). Only someone who may save a new story may add pictures (a viewer
        gets :class:`~destinations.collab.roles.AccessDenied`, nothing stored): the picture table
        is written before any story refers to it, so the story's own check comes too late.
        """
        if isinstance(data, PreparedImage):
            data = data.data
        mime, width, height = check_prepared(data)
        data = bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        now = _now()
        with database_boundary("save image", STORY_KIND, writing=True):
            try:
                with self.engine.begin() as conn:
                    rights.require_create(principal_for(conn, current_identity(actor)),
                                          kind=STORY_KIND)
                    touched = conn.execute(story_images.update()
                                           .where(story_images.c.sha256 == digest)
                                           .values(stored_at=now)).rowcount
                    if touched != 1:
                        conn.execute(story_images.insert().values(
                            sha256=digest, mime=mime, width=width, height=height, size=len(data),
                            data=data, stored_at=now))
            except IntegrityError:
                pass  # stored at the same moment by another session: the same bytes
        return digest

    def get_image(self, sha256: str) -> bytes | None:
        """The bytes stored under ``sha256``; None when none are (or the digest is malformed)."""
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            return None
        with database_boundary("load image", STORY_KIND, writing=False), \
                self.engine.connect() as conn:
            data = conn.execute(sa.select(story_images.c.data)
                                .where(story_images.c.sha256 == sha256)).scalar()
        if data is None:
            return None
        data = bytes(data)
        # A damaged row is reported as missing (the exporter and the page show the alt text).
        return data if hashlib.sha256(data).hexdigest() == sha256 else None

    def stored(self, digests: Iterable[str]) -> dict[str, tuple[str, int, int, int]]:
        """``{digest: (mime, width, height, size)}`` for those of ``digests`` that are stored."""
        wanted = sorted({d for d in digests if isinstance(d, str) and _SHA256.match(d)})
        if not wanted:
            return {}
        with database_boundary("list images", STORY_KIND, writing=False), \
                self.engine.connect() as conn:
            rows = conn.execute(sa.select(story_images.c.sha256, story_images.c.mime,
                                          story_images.c.width, story_images.c.height,
                                          story_images.c.size)
                                .where(story_images.c.sha256.in_(wanted))).all()
        return {r.sha256: (r.mime, r.width, r.height, r.size) for r in rows}

    def check_story(self, story: Story) -> None:
        """Refuse a story whose pictures are not all stored as it describes them.

        Raises
        ------
        NarrativeError
            Naming each step and picture: not stored, stored with another type/size, or more than
            :data:`~destinations.narratives.model.MEDIA_PER_STEP_MAX` pictures and links in a step.
        """
        problems = [f"step {number} ({step.id!r}): {len(step.media)} pictures and links, at most "
                    f"{MEDIA_PER_STEP_MAX}" for number, step in enumerate(story.steps, start=1)
                    if len(step.media) > MEDIA_PER_STEP_MAX]
        refs = image_refs(story)
        stored = self.stored(ref.sha256 for *_, ref in refs)
        for number, step_id, position, ref in refs:
            where = f"step {number} ({step_id!r}), picture {position}"
            found = stored.get(ref.sha256)
            if found is None:
                problems.append(f"{where}: the picture is not in the store")
            elif found != (ref.mime, ref.width, ref.height, ref.size):
                problems.append(f"{where}: the story describes the picture as {ref.mime} "
                                f"{ref.width} x {ref.height}, {ref.size} bytes, but the store "
                                f"holds {found[0]} {found[1]} x {found[2]}, {found[3]} bytes")
        if problems:
            raise NarrativeError(f"Not saved: story {story.id!r}", problems,
                                 "upload the missing pictures again in the editor (or remove "
                                 "them from the step) and save again")

    def remove_unused(self, *, older_than: timedelta = UNUSED_GRACE,
                      now: datetime | None = None) -> list[str]:
        """Delete pictures no stored story version mentions and not stored within ``older_than``;
        returns their digests.

        Every version of every story counts, deleted stories included, so an older version is
        always restorable with its pictures. A digest anywhere in a stored story's text counts as a
        use (a damaged document keeps its pictures rather than losing them).
        """
        cutoff = (now or _now()) - older_than
        with database_boundary("remove unused images", STORY_KIND, writing=True), \
                self.engine.begin() as conn:
            old = set(conn.execute(sa.select(story_images.c.sha256)
                                   .where(story_images.c.stored_at < cutoff)).scalars())
            if not old:
                return []
            used: set[str] = set()
            for body in conn.execute(sa.select(documents.c.body)
                                     .where(documents.c.kind == STORY_KIND)).scalars():
                used.update(_MENTIONED.findall(body))
            unused = sorted(set(old) - used)
            if unused:
                conn.execute(story_images.delete().where(story_images.c.sha256.in_(unused),
                                                         story_images.c.stored_at < cutoff))
        return unused


def require_stored_images(documents_store: DocumentStore, story: Story) -> None:
    """The check :meth:`~destinations.store.stories.StoryStore.save` makes before saving: nothing
    to do for a story without pictures, else :meth:`ImageStore.check_story`."""
    if image_refs(story) or any(len(s.media) > MEDIA_PER_STEP_MAX for s in story.steps):
        ImageStore(documents_store).check_story(story)
