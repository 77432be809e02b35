from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.stage_estimate_out_source import StageEstimateOutSource
from ..models.stage_estimate_out_stage import StageEstimateOutStage






T = TypeVar("T", bound="StageEstimateOut")



@_attrs_define
class StageEstimateOut:
    """ 
        Attributes:
            p50 (int): Working days (mainland calendar), median.
            p90 (int): Working days, 90th percentile.
            source (StageEstimateOutSource): From the province's recent history, or the published figures of the filing
                type.
            stage (StageEstimateOutStage):
     """

    p50: int
    p90: int
    source: StageEstimateOutSource
    stage: StageEstimateOutStage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        p50 = self.p50

        p90 = self.p90

        source = self.source.value

        stage = self.stage.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "p50": p50,
            "p90": p90,
            "source": source,
            "stage": stage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        p50 = d.pop("p50")

        p90 = d.pop("p90")

        source = StageEstimateOutSource(d.pop("source"))




        stage = StageEstimateOutStage(d.pop("stage"))




        stage_estimate_out = cls(
            p50=p50,
            p90=p90,
            source=source,
            stage=stage,
        )


        stage_estimate_out.additional_properties = d
        return stage_estimate_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
