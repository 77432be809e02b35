from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="QuotaOut")



@_attrs_define
class QuotaOut:
    """ 
        Attributes:
            in_use (int): Codes of this site holding a place: unused, in a filing, filed, spent.
            left (int): How many more can be generated now.
            per_site (int): Codes a site may have in use (reference data, operator-maintained).
     """

    in_use: int
    left: int
    per_site: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        in_use = self.in_use

        left = self.left

        per_site = self.per_site


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "in_use": in_use,
            "left": left,
            "per_site": per_site,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        in_use = d.pop("in_use")

        left = d.pop("left")

        per_site = d.pop("per_site")

        quota_out = cls(
            in_use=in_use,
            left=left,
            per_site=per_site,
        )


        quota_out.additional_properties = d
        return quota_out

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
