from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ReturnedFieldOut")



@_attrs_define
class ReturnedFieldOut:
    """ 
        Attributes:
            field (str): The field path or material (`materials.<slot>`) returned for changes.
            reason_code (str): Code of the reason from the rejection reason catalogue.
            note (str | Unset): The reviewer's note. Default: ''.
     """

    field: str
    reason_code: str
    note: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        field = self.field

        reason_code = self.reason_code

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "field": field,
            "reason_code": reason_code,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        reason_code = d.pop("reason_code")

        note = d.pop("note", UNSET)

        returned_field_out = cls(
            field=field,
            reason_code=reason_code,
            note=note,
        )


        returned_field_out.additional_properties = d
        return returned_field_out

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
