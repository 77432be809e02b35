from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CancellationReasonOut")



@_attrs_define
class CancellationReasonOut:
    """ 
        Attributes:
            code (str): Send it as `reason_code` (`PATCH /api/v1/orders/{id}/request`).
            filing_types (list[str]): The cancellation types the reason applies to.
            text (str): The reason in the request's language.
            text_en (str):
            text_zh (str):
     """

    code: str
    filing_types: list[str]
    text: str
    text_en: str
    text_zh: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        filing_types = self.filing_types



        text = self.text

        text_en = self.text_en

        text_zh = self.text_zh


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "filing_types": filing_types,
            "text": text,
            "text_en": text_en,
            "text_zh": text_zh,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        filing_types = cast(list[str], d.pop("filing_types"))


        text = d.pop("text")

        text_en = d.pop("text_en")

        text_zh = d.pop("text_zh")

        cancellation_reason_out = cls(
            code=code,
            filing_types=filing_types,
            text=text,
            text_en=text_en,
            text_zh=text_zh,
        )


        cancellation_reason_out.additional_properties = d
        return cancellation_reason_out

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
