"""What one material slot requires, as supplied by the caller from operator-editable data.

The regulatory facts (formats, byte limit, minimum resolution, colour original) come from the
reference data (`image_rules` in icp-data.json, possibly overridden per province or provider);
this module only carries them. The remaining fields are our own safety limits and heuristics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

DEFAULT_MAX_PIXELS = 40_000_000  # decoded pixel budget; far above any phone camera, far below a bomb
DEFAULT_MAX_SIDE = 10_000  # px, either side: no document photo is wider
DEFAULT_MIN_SHARPNESS = 50.0  # variance of the Laplacian at 1024 px, see quality.measure_sharpness


@dataclass(frozen=True)
class MaterialRequirement:
    accepted_formats: tuple[str, ...]  # e.g. ("jpg", "jpeg", "png") or + ("pdf",) for the form
    max_bytes: int
    min_short_side_px: int
    colour_required: bool
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_side: int = DEFAULT_MAX_SIDE
    min_sharpness: float = DEFAULT_MIN_SHARPNESS

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> MaterialRequirement:
        """Build from a dict using the field names above; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown requirement keys: {sorted(unknown)}")
        values = dict(data)
        values["accepted_formats"] = tuple(fmt.lower().lstrip(".") for fmt in data["accepted_formats"])
        return cls(**values)

    @classmethod
    def from_image_rules(cls, image_rules: Mapping[str, Any], **overrides: Any) -> MaterialRequirement:
        """Build from the `image_rules` object of the reference data (icp-data.json)."""
        values: dict[str, Any] = {
            "accepted_formats": image_rules["accepted_formats"],
            "max_bytes": image_rules["recommended_max_bytes"],
            "min_short_side_px": image_rules["min_short_side_px_recommended_unverified"],
            "colour_required": image_rules["must_be_colour_original"],
        }
        values.update(overrides)
        return cls.from_mapping(values)


def as_requirement(requirement: MaterialRequirement | Mapping[str, Any]) -> MaterialRequirement:
    if isinstance(requirement, MaterialRequirement):
        return requirement
    return MaterialRequirement.from_mapping(requirement)
