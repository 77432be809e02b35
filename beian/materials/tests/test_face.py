from __future__ import annotations

from PIL import Image

from beian.demo import samples as builders
from beian.materials.checks.face import detect_faces, face_findings

FIELD = "materials.owner_photo"


def test_portrait_has_exactly_one_face_box_on_the_face():
    [face] = detect_faces(builders.owner_photo())
    assert face_findings([face], field=FIELD) == []
    assert 150 < face.left < 200 and 40 < face.top < 90 and 80 < face.width < 120  # Eileen Collins' face


def test_face_boxes_are_in_upload_coordinates():
    [face] = detect_faces(builders.owner_photo().resize((1536, 1536)))
    assert 450 < face.left < 600 and 240 < face.width < 360


def test_document_without_face_is_flagged():
    faces = detect_faces(builders.licence_image())
    [finding] = face_findings(faces, field=FIELD)
    assert faces == [] and finding.code == "material.face.none" and finding.is_error


def test_two_people_are_flagged_with_the_count():
    portrait = builders.owner_photo()
    pair = Image.new("RGB", (1024, 512), "white")
    pair.paste(portrait, (0, 0))
    pair.paste(portrait, (512, 0))
    [finding] = face_findings(detect_faces(pair), field=FIELD)
    assert finding.code == "material.face.multiple"
    assert finding.message_en.startswith("2 faces") and "2 张人脸" in finding.message_zh
