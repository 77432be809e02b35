from __future__ import annotations

import threading

import pytest

from beian.demo import samples as builders
from beian.materials.checks import ocr
from beian.materials.checks.ocr import (
    OcrLine,
    extract_id_number,
    extract_organisation_name,
    extract_person_name,
    extract_uscc,
    read_text,
)
from beian.materials.checks.quality import downscaled


def line(text: str, left: int = 0, top: int = 0, width: int = 200, height: int = 40) -> OcrLine:
    box = ((left, top), (left + width, top), (left + width, top + height), (left, top + height))
    return OcrLine(text=text, box=box, score=0.99)


def test_licence_fields_are_read_from_the_image():
    lines = read_text(builders.licence_image())
    assert extract_uscc(lines) == builders.USCC
    assert extract_organisation_name(lines) == builders.COMPANY


def test_id_card_fields_are_read_from_the_image():
    lines = read_text(builders.id_card_front_image())
    assert extract_person_name(lines) == builders.PERSON
    assert extract_id_number(lines) == builders.ID_NUMBER


def test_boxes_are_in_the_coordinates_of_the_given_image():
    image = builders.licence_image(width=2400)  # OCR runs on a 1280 px copy
    title = next(found for found in read_text(image) if found.text == "营业执照")
    assert 900 < title.left < 1100 and title.right < 1500


def test_engine_is_loaded_once_across_threads(monkeypatch):
    monkeypatch.setattr(ocr, "_engine", None)
    threads = [threading.Thread(target=ocr.warm_up) for _ in range(4)]
    engines = set()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engines.add(id(ocr._engine))
    ocr.warm_up()
    engines.add(id(ocr._engine))
    assert len(engines) == 1 and ocr._engine is not None


@pytest.mark.parametrize("text", ["统一社会信用代码 9111OOOO6OOO37341L", "代码:911I0000600037341L(1-1)"])
def test_uscc_tolerates_o_and_i_confusions_when_the_result_validates(text):
    assert extract_uscc([line(text)]) == builders.USCC


def test_uscc_with_a_wrong_character_is_not_guessed():
    assert extract_uscc([line("91110000600037341K")]) is None


def test_first_valid_uscc_in_a_longer_run_is_found():
    assert extract_uscc([line("X91110000600037341L2")]) == builders.USCC


def test_id_number_with_lowercase_x_and_full_width_digits():
    assert extract_id_number([line("公民身份号码 １１０１０５１９４９１２３１００２x")]) == builders.ID_NUMBER


def test_id_number_with_an_impossible_birth_date_is_not_accepted():
    assert extract_id_number([line("110105194913310029")]) is None


def test_name_in_a_separate_box_to_the_right_of_its_label():
    lines = [line("名 称", 100, 300, 80), line("类型", 100, 380, 80), line("北京示例科技有限公司", 500, 304, 400)]
    assert extract_organisation_name(lines) == builders.COMPANY


def test_name_on_the_same_line_as_its_label():
    assert extract_person_name([line("姓名：张三")]) == "张三"


def test_missing_label_reads_nothing():
    assert extract_person_name([line("性别 男")]) is None


def test_a_page_read_whole_is_what_rapidocr_reads_in_one_call():
    """ocr_page runs RapidOCR's own steps (detect, crop, recognise): reading every line gives its
    result, boxes and text, for an image it reduces (the 2400 px licence) and one it does not."""
    for image in (builders.licence_image(width=2400), builders.id_card_front_image()):
        work = downscaled(image, ocr.OCR_WORK_SIDE).convert("RGB")
        scale = image.width / work.width
        ocr.warm_up()
        expected, _ = ocr._engine(work)
        lines = ocr.ocr_page(image).read_all()
        assert [(found.text, found.box) for found in lines] == [
            (text, tuple((round(x * scale), round(y * scale)) for x, y in box))
            for box, text, score in expected
            if float(score) >= ocr.MIN_LINE_SCORE
        ]


def test_reading_rows_reads_each_rows_first_box_and_the_rows_of_the_labels_asked_for():
    page = ocr.ocr_page(builders.licence_image())
    lines = page.read_rows(["名称"])
    texts = [found.text for found in lines]
    # every label, the name's row; not the values of rows nobody asked for
    assert {"营业执照", "统一社会信用代码", "名称", builders.COMPANY, "类型", "住所"} <= set(texts)
    assert builders.USCC not in texts and not page.complete
    assert len(lines) + len(page.unread_boxes()) == page.box_count
    assert extract_organisation_name(lines) == builders.COMPANY and extract_uscc(lines) is None
    assert extract_uscc(page.read_rows(["统一社会信用代码"])) == builders.USCC  # more rows of the same page
    assert page.read_all() == read_text(builders.licence_image()) and page.complete and page.unread_boxes() == []


def test_a_page_is_kept_by_its_key_with_what_was_recognised_on_it():
    image = builders.id_card_front_image()
    ocr.forget_read_text()
    first = ocr.ocr_page(image, key="same-pixels")
    first.read_rows(["姓名"])
    again = ocr.ocr_page(image, key="same-pixels")
    assert again is first and again.lines() == first.lines()
    assert ocr.ocr_page(image, key="other-pixels") is not first
    ocr.forget_read_text()
    assert ocr.ocr_page(image, key="same-pixels") is not first
