"""OCR with RapidOCR (PP-OCRv4 models shipped inside the rapidocr-onnxruntime wheel) and the
extractors that read certificate fields from its lines.

One engine per process, created on first use under a lock; calls are serialised, one thread per
image. Text is found on the whole image (`ocr_page`) and each line recognised when a check needs
it (`OcrPage`): the first box of every row and the rows of the labels compared, every line only
when those leave a finding. The pages of the last few images (the same photo uploaded for two
slots) are kept with what was recognised on them. Nothing is downloaded at run time.

CPU per image (bench/materials.py): text is found on a copy reduced to OCR_DETECT_SIDE and read
from the OCR_WORK_SIDE copy (detection cost grows with the pixels, recognition does not); each
line is recognised alone (batches pad every line to the widest and cost more on one thread), short
lines padded to OCR_MIN_LINE_WIDTH only (RapidOCR pads them to 320 px); no 180° classifier
(uploads are upright once EXIF orientation is applied). onnxruntime's memory arena stays off, as
RapidOCR sets it: turned on it saved 0.1 s of CPU per order and kept 150 MB more per worker process.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from PIL import Image
from stdnum.cn import ric, uscc

from beian.materials.checks.quality import downscaled

OCR_WORK_SIDE = 1280  # long side the image is reduced to before OCR; lines are read at this size
OCR_DETECT_SIDE = 832  # long side the text detector sees (never enlarged); boxes come back at OCR_WORK_SIDE
OCR_THREADS = 1  # onnxruntime threads per image
OCR_MIN_LINE_WIDTH = 160  # px at the recogniser's 48 px line height: shorter lines are padded to it
MIN_LINE_SCORE = 0.5
LABEL_MAX_WIDTH = 480  # px at the 48 px line height (about 13 characters): a wider first box of a row is no label
OCR_CONFUSIONS = str.maketrans("OI", "01")  # letters that never occur in a USCC / ID number
ORGANISATION_NAME_LABEL = re.compile(r"^名称[:：]?")
PERSON_NAME_LABEL = re.compile(r"^姓名[:：]?")
_DATE = r"(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?"
VALIDITY_PERIOD = re.compile(rf"{_DATE}[-—–~至]+(?:(长期)|{_DATE})")
LONG_TERM = "长期"


class OcrUnavailable(RuntimeError):
    """The OCR engine could not be loaded or failed on this image."""


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: tuple[tuple[int, int], ...]  # four corners, clockwise from top-left, image coordinates
    score: float

    @property
    def left(self) -> int:
        return min(x for x, _ in self.box)

    @property
    def right(self) -> int:
        return max(x for x, _ in self.box)

    @property
    def top(self) -> int:
        return min(y for _, y in self.box)

    @property
    def bottom(self) -> int:
        return max(y for _, y in self.box)

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def compact_text(self) -> str:
        return compact(self.text)


_engine = None
_engine_lock = threading.Lock()


def _ocr_engine():
    global _engine
    if _engine is None:
        try:
            # onnxruntime and OpenCV load with the engine: only a process that checks images needs them
            from rapidocr_onnxruntime import RapidOCR

            # One thread per image: onnxruntime's default (every core, spinning while it waits) spent
            # twice the CPU for the same lines (bench/materials.py); a worker checks one image at a
            # time and more worker processes use more cores.
            engine = RapidOCR(
                print_verbose=False,
                intra_op_num_threads=OCR_THREADS,
                inter_op_num_threads=1,
                use_cls=False,
                rec_batch_num=1,
                rec_img_shape=[3, 48, OCR_MIN_LINE_WIDTH],
            )
            _tune(engine)
            _engine = engine
        except Exception as exc:  # missing package, model or native library
            raise OcrUnavailable(f"OCR engine cannot be loaded: {exc}") from exc
    return _engine


def _tune(engine) -> None:
    """What RapidOCR 1.4.4's options cannot say: the detector's input size (its "max" limit type
    ignores limit_side_len)."""
    # RapidOCR's preprocessing (OpenCV) loads with the engine (see _ocr_engine)
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    detector = engine.text_det
    # float32 mean and std: RapidOCR's float64 ones made the detector's input normalisation float64
    prepare = DetPreProcess(
        OCR_DETECT_SIDE, "max", np.asarray(detector.mean, np.float32), np.asarray(detector.std, np.float32)
    )
    detector.get_preprocess = lambda _long_side: prepare


def warm_up() -> None:
    """Load the OCR models now (e.g. at worker start) instead of on the first upload."""
    with _engine_lock:
        _ocr_engine()


class OcrPage:
    """The text boxes found on one image, each recognised on first need.

    Recognition is most of OCR's cost and grows with the width of the text read, while a check
    needs a few rows: the first box of each row (where labels are, `read_rows`) and the rows of the
    labels it compares. A check reads the whole page (`read_all`) only when those rows do not settle
    it, so what it finds on a page it cannot settle is what reading every line finds."""

    def __init__(self, boxes: Sequence[tuple[tuple[int, int], ...]], crops: Sequence[np.ndarray]):
        self._boxes = [OcrLine(text="", box=box, score=0.0) for box in boxes]  # geometry only
        self._crops: list[np.ndarray | None] = list(crops)
        self._read: dict[int, OcrLine] = {}

    @property
    def complete(self) -> bool:
        return len(self._read) == len(self._boxes)

    @property
    def box_count(self) -> int:
        return len(self._boxes)

    def lines(self) -> list[OcrLine]:
        """The lines recognised so far, in reading order (those OCR is unsure of left out)."""
        return [line for _i, line in sorted(self._read.items()) if line.score >= MIN_LINE_SCORE]

    def unread_boxes(self) -> list[tuple[tuple[int, int], ...]]:
        """Boxes of the text not recognised: nothing checked needed it."""
        return [box.box for index, box in enumerate(self._boxes) if index not in self._read]

    def read_all(self) -> list[OcrLine]:
        self._recognise(range(len(self._boxes)))
        return self.lines()

    def read_rows(self, labels: Sequence[str] = ()) -> list[OcrLine]:
        """Recognise the first box of every row (a label, or a line alone such as a title), then the
        rest of each row whose first box starts with one of `labels`."""
        firsts = [
            index
            for index, box in enumerate(self._boxes)
            if _width_read(box) <= LABEL_MAX_WIDTH and not any(_left_of(other, box) for other in self._boxes)
        ]
        self._recognise(firsts)
        wanted = tuple(compact(label) for label in labels)
        anchors = [
            self._boxes[i]
            for i in firsts
            if wanted and i in self._read and self._read[i].compact_text.startswith(wanted)
        ]
        self._recognise(
            index for index, box in enumerate(self._boxes) if any(_right_of(box, anchor) for anchor in anchors)
        )
        return self.lines()

    def _recognise(self, indices: Iterable[int]) -> None:
        with _engine_lock:
            todo = [index for index in dict.fromkeys(indices) if index not in self._read]
            if not todo:
                return
            engine = _ocr_engine()
            try:
                results, _elapsed = engine.text_rec([self._crops[index] for index in todo])
            except Exception as exc:  # onnxruntime / OpenCV failure inside the engine
                raise OcrUnavailable(f"OCR failed: {exc}") from exc
            for index, (text, score) in zip(todo, results, strict=True):
                self._read[index] = OcrLine(text=text, box=self._boxes[index].box, score=float(score))
                self._crops[index] = None


def _width_read(box: OcrLine) -> float:
    """Width of the box's text at the recogniser's 48 px line height (what its recognition costs)."""
    return 48 * (box.right - box.left) / max(1, box.height)


def _on_row_of(box: OcrLine, anchor: OcrLine) -> bool:
    """`box` spans the middle height of `anchor` (and is another box)."""
    return box is not anchor and box.top <= (anchor.top + anchor.bottom) / 2 <= box.bottom


def _left_of(other: OcrLine, box: OcrLine) -> bool:
    """`other` is on the row of `box`, before it."""
    return _on_row_of(other, box) and other.right <= box.left + box.height / 2


def _right_of(box: OcrLine, first: OcrLine) -> bool:
    """`box` is on the row of `first`, after it (where value_after_label looks for a label's value)."""
    return _on_row_of(box, first) and box.left >= first.right - first.height / 2


_pages: OrderedDict[str, OcrPage] = OrderedDict()
_pages_lock = threading.Lock()  # its own: a kept page is not held up behind an OCR run (_engine_lock)
PAGES_KEPT = 8


def ocr_page(image: Image.Image, *, work_side: int | None = None, key: str = "") -> OcrPage:
    """The text boxes of `image` (detected, none recognised yet), in reading order and in the
    coordinates of `image`. `key` (the image's sha256) names the pixels: the same key again returns
    the page kept from the first time, with what was recognised on it."""
    if key:
        with _pages_lock:
            if key in _pages:
                _pages.move_to_end(key)
                return _pages[key]
    page = _detect(image, work_side or OCR_WORK_SIDE)
    if key:
        with _pages_lock:
            _pages[key] = page
            while len(_pages) > PAGES_KEPT:
                _pages.popitem(last=False)
    return page


def read_text(image: Image.Image, *, work_side: int | None = None, key: str = "") -> list[OcrLine]:
    """Every text line in reading order, boxes in the coordinates of `image`."""
    return ocr_page(image, work_side=work_side, key=key).read_all()


def forget_read_text() -> None:
    """Drop the pages kept from earlier readings (benchmarks measure each reading)."""
    with _pages_lock:
        _pages.clear()


def _detect(image: Image.Image, work_side: int) -> OcrPage:
    """RapidOCR's pipeline up to recognition: detect on the work copy, crop each line."""
    work = downscaled(image, work_side).convert("RGB")
    scale = image.width / work.width
    with _engine_lock:
        engine = _ocr_engine()
        try:
            pixels = engine.load_img(work)
            raw_h, raw_w = pixels.shape[:2]
            pixels, ratio_h, ratio_w = engine.preprocess(pixels)
            pixels, steps = engine.maybe_add_letterbox(pixels, {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}})
            boxes, _elapsed = engine.auto_text_det(pixels)
            if not boxes:
                return OcrPage([], [])
            crops = engine.get_crop_img_list(pixels, boxes)
            corners = engine._get_origin_points(boxes, steps, raw_h, raw_w).tolist()
        except Exception as exc:  # onnxruntime / OpenCV failure inside the engine
            raise OcrUnavailable(f"OCR failed: {exc}") from exc
    return OcrPage([tuple((round(x * scale), round(y * scale)) for x, y in box) for box in corners], crops)


def compact(text: str) -> str:
    """NFKC (full-width to half-width), without whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def extract_uscc(lines: Sequence[OcrLine]) -> str | None:
    """The first valid Unified Social Credit Code in the text (rules §5.1)."""
    return _first_valid_code(lines, uscc.is_valid)


def extract_id_number(lines: Sequence[OcrLine]) -> str | None:
    """The first valid 18-character resident ID number in the text (rules §5.2)."""
    return _first_valid_code(lines, is_plausible_id_number)


def is_plausible_id_number(number: str) -> bool:
    """Length, digits, MOD 11-2 check character and a real, past birth date.

    The address code is deliberately not checked: abolished divisions stay valid on old cards.
    """
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        return ric.calc_check_digit(number) == number[17] and ric.get_birth_date(number) <= date.today()  # noqa: DTZ011 - plausibility on the wall-clock day: this reading is pure, no business clock
    except ValueError:
        return False


def _first_valid_code(lines: Sequence[OcrLine], is_valid: Callable[[str], bool]) -> str | None:
    for line in lines:
        for run in re.findall(r"[0-9A-Z]{18,}", line.compact_text.upper()):
            for start in range(len(run) - 17):
                candidate = run[start : start + 18]
                if is_valid(candidate):
                    return candidate
                corrected = candidate.translate(OCR_CONFUSIONS)
                if corrected != candidate and is_valid(corrected):
                    return corrected
    return None


def extract_validity_end(lines: Sequence[OcrLine]) -> str | None:
    """The end of the 有效期限 on a resident ID card back: an ISO date, or 长期 (long-term)."""
    for line in lines:
        match = VALIDITY_PERIOD.search(line.compact_text)
        if not match:
            continue
        if match.group(4):
            return LONG_TERM
        try:
            return date(int(match.group(5)), int(match.group(6)), int(match.group(7))).isoformat()
        except ValueError:  # OCR read an impossible date
            continue
    return None


def extract_organisation_name(lines: Sequence[OcrLine]) -> str | None:
    """The value of the 名称 field of a business licence."""
    return value_after_label(lines, ORGANISATION_NAME_LABEL)


def extract_person_name(lines: Sequence[OcrLine]) -> str | None:
    """The value of the 姓名 field of a resident ID card front."""
    return value_after_label(lines, PERSON_NAME_LABEL)


def value_after_label(lines: Sequence[OcrLine], label: re.Pattern[str]) -> str | None:
    """Text after the label on the same line, else the nearest line to its right on the same row."""
    for line in lines:
        text = line.compact_text
        match = label.match(text)
        if not match:
            continue
        rest = text[match.end() :]
        if rest:
            return rest
        neighbour = _right_neighbour(lines, line)
        if neighbour is not None:
            return neighbour.compact_text
    return None


def _right_neighbour(lines: Sequence[OcrLine], anchor: OcrLine) -> OcrLine | None:
    return min((line for line in lines if _right_of(line, anchor)), key=lambda line: line.left, default=None)
