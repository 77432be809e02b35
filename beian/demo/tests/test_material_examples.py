"""The example beside the empty hand-held ID photo slot is a person holding an ID card in front of a
curtain, marked 示例 / Example (it was a NASA portrait holding no card at all)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image, ImageChops, ImageStat

from beian.demo.samples import SEAL_RED, owner_holding_id_example

EXAMPLE = Path(settings.BASE_DIR) / "static" / "materials" / "examples" / "owner_photo.jpg"


def _difference(a: Image.Image, b: Image.Image) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean)


def test_the_committed_example_is_the_drawn_person_holding_an_id_card():
    drawn = owner_holding_id_example()
    with Image.open(EXAMPLE) as shipped:
        assert shipped.size == drawn.size == (480, 640)  # a 3:4 portrait
        assert _difference(shipped, drawn) < 3  # the same picture, up to JPEG
        card = shipped.convert("RGB").crop((140, 450, 260, 540))  # the ID card held at chest height
        assert _difference(card, drawn.crop((140, 450, 260, 540))) < 4
        r, g, b = shipped.convert("RGB").getpixel((4, 40))  # the 示例 / Example mark, top left
        assert abs(r - SEAL_RED[0]) < 30 and g < 80 and b < 80


def test_the_held_card_is_the_sample_id_card_and_the_face_is_uncovered():
    drawn = owner_holding_id_example()
    face = drawn.crop((200, 260, 280, 320))  # cheeks and mouth: skin, no card over them
    assert ImageStat.Stat(face).mean[0] > 200
    card_colour = drawn.getpixel((200, 520))  # the card's light blue
    assert card_colour[2] > card_colour[0]


def test_the_command_writes_the_example(tmp_path, monkeypatch):
    from beian.demo.management.commands import material_examples  # patched below: import the module itself

    monkeypatch.setattr(material_examples, "EXAMPLES", tmp_path)
    call_command("material_examples", stdout=StringIO())
    with Image.open(tmp_path / "owner_photo.jpg") as written:
        assert _difference(written, owner_holding_id_example()) < 3


@pytest.mark.django_db
def test_the_materials_step_shows_it_beside_the_empty_slot(client, applicant, orders):
    order = orders.draft()
    client.force_login(applicant)
    html = client.get(f"/apply/orders/{order.pk}/step/materials/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    slot = html[html.index('id="slot-owner_photo"') :]
    slot = slot[: slot.index('<div class="slot', 10)] if '<div class="slot' in slot[10:] else slot
    assert 'src="/static/materials/examples/owner_photo.jpg"' in slot and "Example of a good upload" in slot
