"""The picture store: content-addressed bytes from prepare_image, kept with the stories' versions.

Runs on SQLite and, when DESTINATIONS_TEST_PG_URL is set, on PostgreSQL (``db_url``); the outage
tests stop a throwaway PostgreSQL (``running_pg``) or make a SQLite file unreachable.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa
from PIL import Image

from destinations.errors import StoreLimitError, StoreUnavailable
from destinations.narratives.media import MAX_UPLOAD_BYTES, MediaError, image_media, prepare_image
from destinations.narratives.model import MEDIA_PER_STEP_MAX, NarrativeError
from destinations.store import DocumentStore
from destinations.store.images import STORY_KIND, ImageStore, story_images
from destinations.store.stories import STORY_KIND as STORIES_KIND
from destinations.store.stories import StoryStore
from tests.store.stories import user_story


def _jpeg(colour=(30, 120, 200), size=(64, 48), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", **save)
    return out.getvalue()


def _png_alpha() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (200, 30, 30, 120)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def stores(db_url):
    """(story store, image store) on one database; the picture table emptied on a shared server."""
    documents = DocumentStore(db_url)
    images = ImageStore(documents)
    with images.engine.begin() as conn:
        conn.execute(story_images.delete())
    yield StoryStore(documents), images
    documents.engine.dispose()


def _with_picture(story, prepared, *, step: int = 0, alt: str = "The lighthouse at dusk"):
    media = image_media(prepared, alt=alt, credit="Jane Doe", licence="CC BY 4.0")
    steps = list(story.steps)
    steps[step] = replace(steps[step], media=steps[step].media + (media,))
    return replace(story, steps=tuple(steps))


def _count(images: ImageStore) -> int:
    with images.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(story_images)).scalar()


def test_the_kind_scanned_for_pictures_is_the_story_kind():
    assert STORY_KIND == STORIES_KIND


def test_put_returns_the_digest_and_stores_the_same_bytes_once(stores):
    _, images = stores
    prepared = prepare_image(_jpeg())
    digest = images.put_image(prepared.data)
    assert digest == prepared.sha256 == hashlib.sha256(prepared.data).hexdigest()
    assert images.put_image(prepared) == digest  # a PreparedImage is accepted too
    assert _count(images) == 1
    assert images.get_image(digest) == prepared.data
    png = prepare_image(_png_alpha())
    assert png.mime == "image/png" and images.get_image(images.put_image(png.data)) == png.data
    assert images.stored([digest, png.sha256, "0" * 64]) == {
        digest: ("image/jpeg", prepared.width, prepared.height, len(prepared.data)),
        png.sha256: ("image/png", png.width, png.height, len(png.data))}


def test_unknown_or_malformed_digests_give_none(stores):
    _, images = stores
    assert images.get_image("0" * 64) is None
    assert images.get_image("../../etc/passwd") is None
    assert images.get_image("A" * 64) is None


@pytest.mark.parametrize("make,problem", [
    (lambda: b"hello, I am text", "not a JPEG or PNG"),
    (lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "not a JPEG or PNG"),
    (lambda: _jpeg(exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00"), "metadata"),
    (lambda: _jpeg(size=(2000, 100)), "more than 1600"),
    (lambda: prepare_image(_jpeg()).data + b"<script>alert(1)</script>", "after the end"),
    (lambda: prepare_image(_jpeg()).data[:200] + b"\xff\xd9", "cannot be read"),
    (lambda: b"", "no picture bytes"),
], ids=["text", "svg", "exif", "too-wide", "trailing-script", "damaged", "empty"])
def test_bytes_that_prepare_image_did_not_make_are_refused(stores, make, problem):
    _, images = stores
    with pytest.raises(MediaError) as caught:
        images.put_image(make())
    assert problem in str(caught.value)
    assert _count(images) == 0


def test_a_png_with_a_text_chunk_is_refused(stores):
    from PIL.PngImagePlugin import PngInfo

    _, images = stores
    info = PngInfo()
    info.add_text("Comment", "GPS 55.67N 12.57E")
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (1, 2, 3, 4)).save(out, format="PNG", pnginfo=info)
    with pytest.raises(MediaError, match="metadata"):
        images.put_image(out.getvalue())


def test_more_than_5_mb_is_refused_server_side(stores):
    _, images = stores
    big = prepare_image(_jpeg()).data
    big = big[:-2] + b"\x00" * (MAX_UPLOAD_BYTES + 1 - len(big)) + b"\xff\xd9"
    with pytest.raises(StoreLimitError, match="at most 5 MB"):
        images.put_image(big)
    assert _count(images) == 0


def test_a_story_referring_to_a_picture_not_stored_is_refused(stores):
    story_store, images = stores
    story = _with_picture(user_story("with-picture"), prepare_image(_jpeg()))
    with pytest.raises(NarrativeError) as caught:
        story_store.save(story, base_version=None)
    assert "Not saved" in str(caught.value) and "step 1 ('s1'), picture 1" in str(caught.value)
    assert "not in the store" in str(caught.value)
    assert story_store.list() == []
    images.put_image(prepare_image(_jpeg()).data)
    assert story_store.save(story, base_version=None) == 1
    assert story_store.load("with-picture").story.steps[0].media[0].image.sha256 == \
        prepare_image(_jpeg()).sha256


def test_a_story_describing_a_stored_picture_wrongly_is_refused(stores):
    story_store, images = stores
    prepared = prepare_image(_jpeg())
    images.put_image(prepared.data)
    story = _with_picture(user_story("forged"), prepared)
    media = story.steps[0].media[0]
    forged = replace(media, image=replace(media.image, mime="image/png", size=1))
    story = replace(story, steps=(replace(story.steps[0], media=(forged,)),))
    with pytest.raises(NarrativeError, match="describes the picture as image/png"):
        story_store.save(story, base_version=None)


def test_at_most_ten_pictures_per_step(stores):
    story_store, images = stores
    story = user_story("many")
    for shade in range(MEDIA_PER_STEP_MAX + 1):
        prepared = prepare_image(_jpeg(colour=(shade * 20, 0, 0)))
        images.put_image(prepared.data)
        story = _with_picture(story, prepared)
    # The story schema refuses the eleventh (before the store is asked).
    with pytest.raises(NarrativeError, match=r"steps\[0\]\.media"):
        story_store.save(story, base_version=None)
    with pytest.raises(NarrativeError, match="11 pictures and links, at most 10"):
        images.check_story(story)
    fits = replace(story, steps=(replace(story.steps[0],
                                         media=story.steps[0].media[:MEDIA_PER_STEP_MAX]),))
    assert story_store.save(fits, base_version=None) == 1


def test_pictures_of_older_versions_are_kept(stores):
    story_store, images = stores
    first, second, orphan = (prepare_image(_jpeg(colour=c)) for c in ((1, 1, 1), (90, 90, 90),
                                                                       (200, 0, 0)))
    for prepared in (first, second, orphan):
        images.put_image(prepared.data)
    v1 = _with_picture(user_story("kept"), first)
    story_store.save(v1, base_version=None)
    v2 = replace(v1, steps=(replace(v1.steps[0], media=()),))
    v2 = _with_picture(v2, second)
    story_store.save(v2, base_version=1)
    deleted = _with_picture(user_story("gone"), second)
    story_store.save(deleted, base_version=None)
    story_store.delete("gone")
    # Within the grace period nothing goes, not even the picture no story uses.
    assert images.remove_unused() == []
    later = images.remove_unused(older_than=timedelta(0))
    assert later == [orphan.sha256]
    # Version 1 (no longer current) keeps its picture; the deleted story keeps its own.
    assert images.get_image(first.sha256) == first.data
    assert images.get_image(second.sha256) == second.data
    assert images.get_image(orphan.sha256) is None
    assert story_store.load("kept", 1).story.steps[0].media[0].image.sha256 == first.sha256


def test_uploading_a_picture_again_renews_its_grace_period(stores):
    from datetime import datetime, timezone

    _, images = stores
    prepared = prepare_image(_jpeg())
    images.put_image(prepared.data)
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    images.put_image(prepared.data)
    assert images.remove_unused(now=tomorrow - timedelta(minutes=2)) == []
    assert images.remove_unused(now=tomorrow) == [prepared.sha256]


def test_an_unreachable_sqlite_file_is_store_unavailable(tmp_path):
    folder = tmp_path / "stores"
    images = ImageStore(f"sqlite:///{folder / 'store.sqlite'}")
    digest = images.put_image(prepare_image(_jpeg()).data)
    images.engine.dispose()
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    for call in (lambda: images.get_image(digest), lambda: images.put_image(_png_alpha_prepared()),
                 lambda: images.stored([digest]), lambda: images.remove_unused()):
        with pytest.raises(StoreUnavailable) as caught:
            call()
        assert "not reachable" in str(caught.value) and str(tmp_path) not in str(caught.value)
    images.engine.dispose()


def _png_alpha_prepared() -> bytes:
    return prepare_image(_png_alpha()).data


def test_a_stopped_postgresql_is_store_unavailable(running_pg):
    images = ImageStore(running_pg.url)
    digest = images.put_image(prepare_image(_jpeg()).data)
    running_pg.stop()
    try:
        for call in (lambda: images.get_image(digest), lambda: images.put_image(_png_alpha_prepared()),
                     lambda: images.remove_unused()):
            with pytest.raises(StoreUnavailable) as caught:
                call()
            assert str(running_pg.port) not in str(caught.value)
    finally:
        images.engine.dispose()
        running_pg.start()
    assert ImageStore(running_pg.url).get_image(digest) is not None
