"""Image quality checks: resolution, blur, exposure and colour (rules §4.2).

Each check is a pair: `measure_*` returns a number (kept as a metric for reviewers) and
`*_findings` judges it against a limit. Messages name the measured value and the limit.
File size is enforced at upload (`material.upload.too_large`, see upload.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from beian.rules.findings import Finding, Severity

SOURCE = "rules §4.2"
SHARPNESS_WORK_SIDE = 1024  # blur is measured at this long side (downscale only) so sizes compare
EXPOSURE_WORK_SIDE = 1024  # thin text strokes must survive the downscale
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
        Finding(
            code="material.resolution",
            severity=Severity.ERROR,
            field=field,
            message_zh=f"图片分辨率为 {width}×{height}，短边 {short_side} 像素，低于要求的 {min_short_side_px} 像素。",
            message_en=f"The image is {width}×{height}; its short side of {short_side} px is below the required "
            f"{min_short_side_px} px.",
            fix_zh=f"请上传原图（不要截图或压缩），短边不少于 {min_short_side_px} 像素。",
            fix_en="Upload the original picture (no screenshot or compression) with a short side of at least "
            f"{min_short_side_px} px.",
            source=SOURCE,
            rejection_reason="DOC_UNCLEAR",
            params={
                "width": width,
                "height": height,
                "short_side_px": short_side,
                "min_short_side_px": min_short_side_px,
            },
        )
    ]


def measure_sharpness(image: Image.Image) -> float:
    """Variance of the Laplacian of the luminance, at SHARPNESS_WORK_SIDE at most."""
    grey = luminance(downscaled(image, SHARPNESS_WORK_SIDE))
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def blur_findings(sharpness: float, *, min_sharpness: float, field: str) -> list[Finding]:
    if sharpness >= min_sharpness:
        return []
    return [
        Finding(
            code="material.blur",
            severity=Severity.WARNING,
            field=field,
            message_zh=f"图片模糊：清晰度 {sharpness:.0f}，低于要求的 {min_sharpness:.0f}。",
            message_en=f"The image is blurred: sharpness {sharpness:.0f} is below the required {min_sharpness:.0f}.",
            fix_zh="请在光线充足处对焦后重新拍摄，保持手机稳定，文字应清晰可辨。",
            fix_en="Retake the photo in good light, focused and held steady, so that all text is legible.",
            source=SOURCE,
            rejection_reason="DOC_UNCLEAR",
            params={"sharpness": round(sharpness, 1), "min_sharpness": min_sharpness},
        )
    ]


def measure_exposure(image: Image.Image) -> Exposure:
    grey = luminance(downscaled(image, EXPOSURE_WORK_SIDE))
    histogram = np.bincount(grey.ravel(), minlength=256) / grey.size
    cumulative = np.cumsum(histogram)
    return Exposure(
        dark_clipped=float(histogram[:6].sum()),
        bright_clipped=float(histogram[250:].sum()),
        shadow_level=int(np.searchsorted(cumulative, 0.001)),
        highlight_level=int(np.searchsorted(cumulative, 0.99)),
    )


def exposure_findings(exposure: Exposure, *, field: str, limits: ExposureLimits = ExposureLimits()) -> list[Finding]:
    if exposure.bright_clipped > limits.max_bright_clipped and exposure.shadow_level > limits.max_shadow_level:
        clipped, limit = f"{exposure.bright_clipped:.0%}", f"{limits.max_bright_clipped:.0%}"
        return [
            _exposure_finding(
                "material.overexposed",
                field,
                exposure,
                limits,
                f"图片过曝：{clipped} 的像素为纯白（上限 {limit}），"
                f"最暗的文字灰度仅 {exposure.shadow_level}（应低于 {limits.max_shadow_level}）。",
                f"The image is overexposed: {clipped} of the pixels are pure white (limit {limit}) and the darkest text "
                f"is only grey level {exposure.shadow_level} (should be below {limits.max_shadow_level}).",
                "请避免强光直射和闪光灯反光，重新拍摄。",
                "Avoid direct light and flash glare, and retake the photo.",
            )
        ]
    if exposure.highlight_level < limits.min_highlight_level:
        return [
            _exposure_finding(
                "material.underexposed",
                field,
                exposure,
                limits,
                f"图片过暗：最亮部分的灰度仅 {exposure.highlight_level}（应不低于 {limits.min_highlight_level}）"
                f"，{exposure.dark_clipped:.0%} 的像素为纯黑。",
                f"The image is underexposed: its brightest tone is only grey level {exposure.highlight_level} (should be "
                f"at least {limits.min_highlight_level}); {exposure.dark_clipped:.0%} of the pixels are pure black.",
                "请在光线充足处重新拍摄。",
                "Retake the photo in good light.",
            )
        ]
    return []


def _exposure_finding(
    code: str,
    field: str,
    exposure: Exposure,
    limits: ExposureLimits,
    message_zh: str,
    message_en: str,
    fix_zh: str,
    fix_en: str,
) -> Finding:
    return Finding(
        code=code,
        severity=Severity.WARNING,
        field=field,
        message_zh=message_zh,
        message_en=message_en,
        fix_zh=fix_zh,
        fix_en=fix_en,
        source=SOURCE,
        rejection_reason="DOC_UNCLEAR",
        params={
            "dark_clipped": round(exposure.dark_clipped, 4),
            "bright_clipped": round(exposure.bright_clipped, 4),
            "shadow_level": exposure.shadow_level,
            "highlight_level": exposure.highlight_level,
            "max_bright_clipped": limits.max_bright_clipped,
            "max_shadow_level": limits.max_shadow_level,
            "min_highlight_level": limits.min_highlight_level,
        },
    )


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
    measured, limit = f"{colourful_fraction:.2%}", f"{min_colourful_fraction:.0%}"
    return [
        Finding(
            code="material.greyscale",
            severity=Severity.ERROR,
            field=field,
            message_zh=f"图片为黑白或灰度（彩色像素仅占 {measured}，应不少于 {limit}），要求彩色原件。",
            message_en=f"The image is black-and-white or greyscale ({measured} coloured pixels, at least {limit} "
            "expected); a colour original is required.",
            fix_zh="请上传证件原件的彩色照片或彩色扫描件，不要上传复印件或黑白扫描件。",
            fix_en="Upload a colour photo or colour scan of the original document, not a photocopy or b/w scan.",
            source=SOURCE,
            rejection_reason="DOC_NOT_ORIGINAL",
            params={
                "colourful_fraction": round(colourful_fraction, 4),
                "min_colourful_fraction": min_colourful_fraction,
            },
        )
    ]
