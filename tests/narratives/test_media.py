"""Step images: refused when not a picture, re-encoded without metadata, alt text required."""

from __future__ import annotations

import hashlib
import io

import pytest

PIL = pytest.importorskip("PIL")
from PIL import Image  # noqa: E402

from destinations.narratives import LocalText, Step, Story, story_problems  # noqa: E402
from destinations.narratives.media import (  # noqa: E402
    MAX_SIDE,
    MediaError,
    image_media,
    prepare_image,
    sniff_format,
)


def _jpeg_with_exif(size=(64, 48), orientation: int | None = None) -> bytes:
    picture = Image.new("RGB", size, (200, 40, 20))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x9003] = "2024:05:01 12:00:00"  # DateTimeOriginal (in the base IFD is fine for a test)
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif.tobytes(), comment=b"private note")
    return out.getvalue()


def test_jpeg_is_reencoded_without_metadata():
    raw = _jpeg_with_exif()
    assert b"SecretCam" in raw and b"private note" in raw
    prepared = prepare_image(raw, filename="photo.jpg")
    assert prepared.mime == "image/jpeg" and (prepared.width, prepared.height) == (64, 48)
    assert b"SecretCam" not in prepared.data and b"private note" not in prepared.data
    assert b"Exif" not in prepared.data
    with Image.open(io.BytesIO(prepared.data)) as again:
        assert not again.getexif() and "comment" not in again.info
    assert prepared.sha256 == hashlib.sha256(prepared.data).hexdigest()
    assert prepare_image(raw) == prepared  # deterministic: same bytes, same key in the store


def test_orientation_is_applied_before_stripping():
    prepared = prepare_image(_jpeg_with_exif((64, 48), orientation=6))  # rotate 90°
    assert (prepared.width, prepared.height) == (48, 64)


def test_transparent_png_stays_png_and_large_pictures_shrink():
    picture = Image.new("RGBA", (MAX_SIDE * 2, 100), (0, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    prepared = prepare_image(out.getvalue())
    assert prepared.mime == "image/png"
    assert (prepared.width, prepared.height) == (MAX_SIDE, 50)


def test_webp_becomes_jpeg():
    out = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(out, format="WEBP")
    assert sniff_format(out.getvalue()) == "WEBP"
    assert prepare_image(out.getvalue()).mime == "image/jpeg"


@pytest.mark.parametrize("data, message", [
    (b"just some notes\nnot a picture", "not a JPEG, PNG or WebP picture"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "can carry scripts"),
    (b"<svg onload='alert(1)'/>", "can carry scripts"),
    (b"", "empty"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "cannot be read"),
])
def test_not_a_picture_is_refused_by_content(data, message):
    with pytest.raises(MediaError, match=message) as info:
        prepare_image(data, filename="holiday.jpg")
    assert "holiday.jpg" in str(info.value) and "Fix:" in str(info.value)


def test_size_and_pixel_limits():
    raw = _jpeg_with_exif((300, 300))
    with pytest.raises(MediaError, match="at most"):
        prepare_image(raw, max_bytes=100)
    with pytest.raises(MediaError, match="megapixels"):
        prepare_image(raw, max_pixels=10_000)


def test_image_media_requires_alt_text_and_validates_in_a_story():
    prepared = prepare_image(_jpeg_with_exif())
    with pytest.raises(MediaError, match="alternative text is empty"):
        image_media(prepared, alt="  ")
    media = image_media(prepared, alt="Red square", credit="A. Photographer", licence="CC BY 4.0")
    assert media.image.sha256 == prepared.sha256 and media.image.size == len(prepared.data)
    step = Step(id="s", title=LocalText("S", "S"), body=LocalText("", ""), municipalities=("101",),
                media=(media,))
    story = Story(id="pics", theme="t", title=LocalText("P", "P"), steps=(step,))
    assert story_problems(story) == []
    assert Story.from_dict(story.to_dict()) == story
    from dataclasses import replace

    no_alt = replace(story, steps=(replace(step, media=(replace(media, alt=""),)),))
    assert any("needs an alternative text" in p for p in story_problems(no_alt))
