"""Face check for the owner photo: exactly one frontal face (rules §4.3).

Uses the Haar cascade that ships inside opencv-python-headless (cv2.data.haarcascades), loaded
once per process. A Haar cascade only finds fairly frontal, unobstructed faces: a miss is
reported as "no face found", never as proof that the photo is fake.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import cv2.data  # the bundled cascades; imported by name so the type checker sees the submodule
import numpy as np
from PIL import Image

from beian.materials.checks.quality import downscaled
from beian.rules.findings import Finding, Severity

SOURCE = "rules §4.3"
CASCADE_FILE = "haarcascade_frontalface_default.xml"
WORK_SIDE = 640
MIN_FACE_FRACTION = 0.08  # of the short side: smaller faces are background people or noise


class FaceDetectorUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class FaceBox:
    left: int
    top: int
    width: int
    height: int

    @property
    def corners(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.left + self.width, self.top + self.height


_cascade: cv2.CascadeClassifier | None = None
_cascade_lock = threading.Lock()


def _face_cascade() -> cv2.CascadeClassifier:
    global _cascade
    with _cascade_lock:
        if _cascade is None:
            path = Path(cv2.data.haarcascades) / CASCADE_FILE
            cascade = cv2.CascadeClassifier(str(path))
            if cascade.empty():
                raise FaceDetectorUnavailable(f"cannot load {path}")
            _cascade = cascade
        return _cascade


def detect_faces(image: Image.Image) -> list[FaceBox]:
    """Face boxes in the coordinates of `image`, largest first."""
    work = downscaled(image, WORK_SIDE)
    scale = image.width / work.width
    grey = cv2.equalizeHist(np.asarray(work.convert("L")))
    min_side = max(24, round(min(work.size) * MIN_FACE_FRACTION))
    cascade = _face_cascade()
    with _cascade_lock:  # CascadeClassifier is not documented as thread-safe
        found = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=6, minSize=(min_side, min_side))
    boxes = [FaceBox(*(round(v * scale) for v in box)) for box in found]
    return sorted(boxes, key=lambda box: box.width * box.height, reverse=True)


def face_findings(faces: list[FaceBox], *, field: str) -> list[Finding]:
    if len(faces) == 1:
        return []
    if not faces:
        return [
            Finding(
                code="material.face.none",
                severity=Severity.ERROR,
                field=field,
                message_zh="照片中未检测到正面人脸。",
                message_en="No frontal face was found in the photo.",
                fix_zh="请正对镜头、露出完整面部（不戴帽子、口罩或墨镜），在光线充足处重新拍摄。",
                fix_en="Face the camera with the whole face visible (no hat, mask or sunglasses) in good light, and "
                "retake the photo.",
                source=SOURCE,
                rejection_reason="BACKDROP_PHOTO_INVALID",
                params={"faces": 0},
            )
        ]
    return [
        Finding(
            code="material.face.multiple",
            severity=Severity.ERROR,
            field=field,
            message_zh=f"照片中检测到 {len(faces)} 张人脸，应只有网站负责人本人 1 张。",
            message_en=f"{len(faces)} faces were found in the photo; only the website principal (1 face) may appear.",
            fix_zh="请单独拍摄，背景中不要出现其他人或人像。",
            fix_en="Take the photo alone, with no other people or portraits in the background.",
            source=SOURCE,
            rejection_reason="BACKDROP_PHOTO_INVALID",
            params={"faces": len(faces)},
        )
    ]
