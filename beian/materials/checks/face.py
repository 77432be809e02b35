"""Face check for the owner photo: exactly one frontal face (rules §4.3).

Uses the Haar cascade that ships inside opencv-python-headless (cv2.data.haarcascades), loaded
once per process. A Haar cascade only finds fairly frontal, unobstructed faces: a miss is
reported as "no face found", never as proof that the photo is fake.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

if TYPE_CHECKING:
    import cv2

from beian.materials.checks.quality import downscaled
from beian.rules import registry
from beian.rules.findings import Finding

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
    import cv2  # OpenCV loads where it is used: the web process sanitising uploads never needs it
    import cv2.data  # the bundled cascades; imported by name so the type checker sees the submodule

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
    import cv2  # OpenCV loads where it is used: the web process sanitising uploads never needs it

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
        return [registry.MATERIAL_FACE_NONE.at(field, faces=0)]
    return [registry.MATERIAL_FACE_MULTIPLE.at(field, faces=len(faces))]
