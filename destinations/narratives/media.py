"""Images of story steps: checked, re-encoded without metadata, described by an :class:`ImageRef`.

Design (the store keeps the bytes; this module never touches it):

1. The editor passes the uploaded bytes to :func:`prepare_image`. It refuses, with a
   :class:`MediaError` naming what came and what to do, anything that is not a JPEG, PNG or WebP
   picture by its *content* (the file name is only used in messages): renamed text files, SVG or
   any other markup (SVG can carry scripts), truncated files, more than :data:`MAX_UPLOAD_BYTES`
   or :data:`MAX_PIXELS` (decompression bombs).
2. It re-encodes the pixels only: the EXIF orientation is applied first, then a fresh image is
   built from the pixel values, so EXIF (camera, GPS position, dates), XMP, IPTC, comments and
   colour profiles are all dropped. Larger pictures are scaled down to :data:`MAX_SIDE` pixels on
   the long side (enough for an A4 print at 200 dpi). Pictures without transparency become JPEG,
   the others PNG. The same input always gives the same bytes.
3. The result (:class:`PreparedImage`) carries the bytes and their SHA-256; the store saves the
   bytes under that digest (content-addressed: the same picture twice is stored once) and the story
   holds only :class:`~destinations.narratives.model.ImageRef` in a
   :class:`~destinations.narratives.model.Media` built by :func:`image_media`, whose alternative
   text is required.

Pillow is imported when a picture is prepared, so the rest of the package works without it.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from destinations.narratives.model import (
    ALT_MAX,
    CAPTION_MAX,
    CREDIT_MAX,
    LICENCE_MAX,
    ImageRef,
    Media,
    NarrativeError,
)

#: Largest upload accepted (bytes): the app's upload cap (.streamlit/config.toml).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Largest picture accepted (pixels): 40 megapixels, above any phone camera, far below a bomb.
MAX_PIXELS = 40_000_000
#: Long side of the stored picture (pixels): A4 width at about 200 dpi.
MAX_SIDE = 1600
JPEG_QUALITY = 85
#: Input formats accepted (Pillow format names) and their signatures (first bytes).
ACCEPTED = ("JPEG", "PNG", "WEBP")
_SIGNATURES = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"))


class MediaError(NarrativeError):
    """An uploaded picture was refused: what came, why, and what to do instead."""


@dataclass(frozen=True)
class PreparedImage:
    """A re-encoded picture, ready for the store."""

    data: bytes
    mime: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    sha256: str

    @property
    def ref(self) -> ImageRef:
        return ImageRef(sha256=self.sha256, mime=self.mime, width=self.width, height=self.height,
                        size=len(self.data))


def sniff_format(data: bytes) -> str | None:
    """The picture format by its first bytes ("JPEG", "PNG", "WEBP"), "MARKUP" for SVG/XML/HTML,
    or None for anything else."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") or b"<svg" in head or b"<script" in head:
        return "MARKUP"
    return None


def _refuse(name: str, problem: str, fix: str) -> MediaError:
    return MediaError(f"image {name!r}" if name else "image", [problem], fix)


def prepare_image(data: bytes, *, filename: str = "", max_bytes: int = MAX_UPLOAD_BYTES,
                  max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE) -> PreparedImage:
    """Check an uploaded picture and re-encode it without metadata (see the module docstring).

    Raises
    ------
    MediaError
        Empty, too large, not a JPEG/PNG/WebP picture (SVG and other markup included), damaged,
        or too many pixels.
    """
    fix_type = "export the picture as JPEG or PNG (e.g. 'Save as' in an image editor) and upload that"
    if not data:
        raise _refuse(filename, "the file is empty", fix_type)
    if len(data) > max_bytes:
        raise _refuse(filename, f"the file has {len(data) / 1024 / 1024:.1f} MB, at most "
                                f"{max_bytes / 1024 / 1024:.0f} MB are accepted",
                      "scale the picture down (2,000 pixels on the long side are plenty) or save "
                      "it with more compression")
    kind = sniff_format(data)
    if kind == "MARKUP":
        raise _refuse(filename, "SVG, HTML and other markup are not accepted: they can carry "
                                "scripts", fix_type)
    if kind is None:
        raise _refuse(filename, "the content is not a JPEG, PNG or WebP picture (whatever the file "
                                "name says)", fix_type)
    try:
        from PIL import Image, ImageOps
    except ImportError as exc:  # pragma: no cover - Pillow is a dependency of the app
        raise _refuse(filename, "Pillow, the image library, is not installed",
                      "pip install pillow") from exc

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED:
                    raise _refuse(filename, f"{probe.format} pictures are not accepted", fix_type)
                width, height = probe.size
                if width * height > max_pixels:
                    raise _refuse(filename, f"the picture has {width} x {height} pixels, more than "
                                            f"{max_pixels / 1e6:.0f} megapixels",
                                  "scale it down before uploading")
                probe.load()
                picture = ImageOps.exif_transpose(probe)
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(filename, "the picture declares more pixels than are safe to open",
                      "scale it down before uploading") from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for damaged files
        raise _refuse(filename, f"the picture cannot be read ({type(exc).__name__}: the file is "
                                "damaged or incomplete)", fix_type) from exc

    has_alpha = picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode == "P" and "transparency" in picture.info)
    mode = "RGBA" if has_alpha else "RGB"
    picture = picture.convert(mode)
    if max(picture.size) > max_side:
        scale = max_side / max(picture.size)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    # A fresh image from the pixel values only: nothing of the file's metadata can survive.
    clean = Image.frombytes(mode, picture.size, picture.tobytes())
    out = io.BytesIO()
    if has_alpha:
        clean.save(out, format="PNG", optimize=True)
        mime = "image/png"
    else:
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = "image/jpeg"
    encoded = out.getvalue()
    return PreparedImage(data=encoded, mime=mime, width=clean.width, height=clean.height,
                         sha256=hashlib.sha256(encoded).hexdigest())


def image_media(image: PreparedImage | ImageRef, *, alt: str, caption: str = "", credit: str = "",
                licence: str = "") -> Media:
    """A :class:`Media` for a prepared (or already stored) picture; the alternative text is required.

    Raises
    ------
    MediaError
        Empty alternative text, or a text longer than the story schema allows.
    """
    ref = image.ref if isinstance(image, PreparedImage) else image
    texts = {"alternative text": (alt.strip(), ALT_MAX), "caption": (caption.strip(), CAPTION_MAX),
             "credit": (credit.strip(), CREDIT_MAX), "licence": (licence.strip(), LICENCE_MAX)}
    problems = [f"the {name} has {len(text)} characters, at most {limit}"
                for name, (text, limit) in texts.items() if len(text) > limit]
    if not texts["alternative text"][0]:
        problems.insert(0, "the alternative text is empty")
    if problems:
        raise MediaError("image", problems, "describe what the picture shows in a sentence (it is "
                                            "read aloud by screen readers and printed when the "
                                            "picture is missing)")
    return Media(image=ref, alt=texts["alternative text"][0], caption=texts["caption"][0],
                 credit=texts["credit"][0], licence=texts["licence"][0])
