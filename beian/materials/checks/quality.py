"""Image quality checks: resolution, blur, exposure and colour (rules §4.2).

Each check is a pair: `measure_*` returns a number (kept as a metric for reviewers) and
`*_findings` judges it against a limit. Messages name the measured value and the limit.
File size is enforced at upload (`material.upload.too_large`, see upload.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from beian.rules import registry
from beian.rules.findings import Finding

# Blur and exposure are measured on one grey copy at this long side (downscale only): sizes
# compare, and thin text strokes survive the downscale.
GREY_WORK_SIDE = 1024
COLOUR_WORK_SIDE = 512  # colour statistics need no more
CHROMA_LEVEL = 24  # max(R,G,B) - min(R,G,B) at or above this counts as a coloured pixel
DEFAULT_MIN_COLOURFUL_FRACTION = 0.01


@dataclass(frozen=True)
class ExposureLimits:
    max_bright_clipped: float = 0.20  # share of pixels at 250-255
    max_shadow_level: int = 120  # washed out when even the darkest 0.1 % is lighter than this
    min_highlight_level: int = 100  # too dark when even the brightest 1 % is darker than this


@dataclass(frozen=True)
class Exposure:
    dark_clipped: float  # fraction of pixels at 0-5
    bright_clipped: float  # fraction of pixels at 250-255
    shadow_level: int  # 0.1th percentile of luminance: the darkest ink or shadow
    highlight_level: int  # 99th percentile of luminance: the paper or brightest area


def downscaled(image: Image.Image, long_side: int) -> Image.Image:
    """A copy no larger than `long_side` on its long side (never enlarged)."""
    scale = long_side / max(image.size)
    if scale >= 1:
        return image.copy()
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)


def luminance(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"))


def resolution_findings(width: int, height: int, *, min_short_side_px: int, field: str) -> list[Finding]:
    short_side = min(width, height)
    if short_side >= min_short_side_px:
        return []
    return [
        registry.MATERIAL_RESOLUTION.at(
            field, width=width, height=height, short_side_px=short_side, min_short_side_px=min_short_side_px
        )
    ]


def grey_work_copy(image: Image.Image) -> np.ndarray:
    """The luminance at GREY_WORK_SIDE at most: what blur and exposure are measured on."""
    return luminance(downscaled(image, GREY_WORK_SIDE))


def measure_sharpness(image: Image.Image) -> float:
    """Variance of the Laplacian of the luminance, at GREY_WORK_SIDE at most."""
    return sharpness_of(grey_work_copy(image))


def sharpness_of(grey: np.ndarray) -> float:
    """measure_sharpness of a grey_work_copy."""
    import cv2  # OpenCV loads where it is used: the web process sanitising uploads never needs it

    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def blur_findings(sharpness: float, *, min_sharpness: float, field: str) -> list[Finding]:
    if sharpness >= min_sharpness:
        return []
    return [
        registry.MATERIAL_BLUR.at(
            field,
            params={"sharpness": round(sharpness, 1), "min_sharpness": min_sharpness},
            sharpness=sharpness,
            min_sharpness=min_sharpness,
        )
    ]


def measure_exposure(image: Image.Image) -> Exposure:
    return exposure_of(grey_work_copy(image))


def exposure_of(grey: np.ndarray) -> Exposure:
    """measure_exposure of a grey_work_copy."""
    histogram = np.bincount(grey.ravel(), minlength=256) / grey.size
    cumulative = np.cumsum(histogram)
    return Exposure(
        dark_clipped=float(histogram[:6].sum()),
        bright_clipped=float(histogram[250:].sum()),
        shadow_level=int(np.searchsorted(cumulative, 0.001)),
        highlight_level=int(np.searchsorted(cumulative, 0.99)),
    )


def exposure_findings(exposure: Exposure, *, field: str, limits: ExposureLimits = ExposureLimits()) -> list[Finding]:
    params = {
        "dark_clipped": round(exposure.dark_clipped, 4),
        "bright_clipped": round(exposure.bright_clipped, 4),
        "shadow_level": exposure.shadow_level,
        "highlight_level": exposure.highlight_level,
        "max_bright_clipped": limits.max_bright_clipped,
        "max_shadow_level": limits.max_shadow_level,
        "min_highlight_level": limits.min_highlight_level,
    }
    if exposure.bright_clipped > limits.max_bright_clipped and exposure.shadow_level > limits.max_shadow_level:
        return [
            registry.MATERIAL_OVEREXPOSED.at(
                field,
                params=params,
                clipped=f"{exposure.bright_clipped:.0%}",
                limit=f"{limits.max_bright_clipped:.0%}",
                shadow_level=exposure.shadow_level,
                max_shadow_level=limits.max_shadow_level,
            )
        ]
    if exposure.highlight_level < limits.min_highlight_level:
        return [
            registry.MATERIAL_UNDEREXPOSED.at(
                field,
                params=params,
                highlight_level=exposure.highlight_level,
                min_highlight_level=limits.min_highlight_level,
                dark_clipped=exposure.dark_clipped,
            )
        ]
    return []


def measure_colourfulness(image: Image.Image) -> float:
    """Fraction of pixels whose chroma (max - min of R, G, B) reaches CHROMA_LEVEL."""
    if image.mode in ("L", "LA", "1", "I", "I;16", "F"):
        return 0.0
    rgb = np.asarray(downscaled(image, COLOUR_WORK_SIDE).convert("RGB"), dtype=np.int16)
    chroma = rgb.max(axis=2) - rgb.min(axis=2)
    return float((chroma >= CHROMA_LEVEL).mean())


def colour_findings(
    colourful_fraction: float, *, field: str, min_colourful_fraction: float = DEFAULT_MIN_COLOURFUL_FRACTION
) -> list[Finding]:
    if colourful_fraction >= min_colourful_fraction:
        return []
    return [
        registry.MATERIAL_GREYSCALE.at(
            field,
            params={
                "colourful_fraction": round(colourful_fraction, 4),
                "min_colourful_fraction": min_colourful_fraction,
            },
            measured=f"{colourful_fraction:.2%}",
            limit=f"{min_colourful_fraction:.0%}",
        )
    ]
