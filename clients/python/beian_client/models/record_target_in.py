from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RecordTargetIn")



@_attrs_define
class RecordTargetIn:
    """ The filed record a change or cancellation applies against (numbers as `GET /api/v1/filings` lists them).

        Attributes:
            subject_number (str | Unset): The subject's filing number (e.g. `京ICP备2026000001号`): required for
                `CHANGE_SUBJECT` and `CANCEL_SUBJECT`. Default: ''.
            website_number (str | Unset): The website's filing number (e.g. `京ICP备2026000001号-1`): required for
                `CHANGE_WEBSITE`, `CHANGE_FILING` (subject and website), `CHANGE_ACCESS`, `CANCEL_WEBSITE` and `CANCEL_ACCESS`;
                its subject is the one the order changes. Default: ''.
     """

    subject_number: str | Unset = ''
    website_number: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        subject_number = self.subject_number

        website_number = self.website_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if subject_number is not UNSET:
            field_dict["subject_number"] = subject_number
        if website_number is not UNSET:
            field_dict["website_number"] = website_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_number = d.pop("subject_number", UNSET)

        website_number = d.pop("website_number", UNSET)

        record_target_in = cls(
            subject_number=subject_number,
            website_number=website_number,
        )


        record_target_in.additional_properties = d
        return record_target_in

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
