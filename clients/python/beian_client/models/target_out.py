from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TargetOut")



@_attrs_define
class TargetOut:
    """ What the order applies against: the standing records it changes, or creates on approval.

        Attributes:
            domains (list[str] | Unset): The domains of the order's websites.
            subject_filing_number (None | str | Unset): The subject record the order targets (new website, new access) or
                created once filed.
            website_filing_numbers (list[str] | Unset): The website records (`…-n`) the order targets (new access: the
                numbers as filed, which stay) or created once filed, in the order of its websites.
     """

    domains: list[str] | Unset = UNSET
    subject_filing_number: None | str | Unset = UNSET
    website_filing_numbers: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = self.domains



        subject_filing_number: None | str | Unset
        if isinstance(self.subject_filing_number, Unset):
            subject_filing_number = UNSET
        else:
            subject_filing_number = self.subject_filing_number

        website_filing_numbers: list[str] | Unset = UNSET
        if not isinstance(self.website_filing_numbers, Unset):
            website_filing_numbers = self.website_filing_numbers




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if domains is not UNSET:
            field_dict["domains"] = domains
        if subject_filing_number is not UNSET:
            field_dict["subject_filing_number"] = subject_filing_number
        if website_filing_numbers is not UNSET:
            field_dict["website_filing_numbers"] = website_filing_numbers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        domains = cast(list[str], d.pop("domains", UNSET))


        def _parse_subject_filing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_filing_number = _parse_subject_filing_number(d.pop("subject_filing_number", UNSET))


        website_filing_numbers = cast(list[str], d.pop("website_filing_numbers", UNSET))


        target_out = cls(
            domains=domains,
            subject_filing_number=subject_filing_number,
            website_filing_numbers=website_filing_numbers,
        )


        target_out.additional_properties = d
        return target_out

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
